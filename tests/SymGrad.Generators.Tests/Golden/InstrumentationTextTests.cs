using System.Linq;

namespace SymGrad.Generators.Tests.Golden;

/// <summary>Instrumentation is a compile-time switch: off, the generated file holds none of its code.</summary>
public sealed class InstrumentationTextTests
{
    // Every name the instrumentation emits; none may appear in an instrumentation-off file.
    private static readonly string[] s_instrumentationMarkers =
    {
        "Instrumentation", "__sg_statistics", "__sg_RecordStatistics", "__sg_weightSegments", "StepAndMeasure", "FiniteInputs", "RecordUpdate", "Statistics",
    };

    private static string Generate(string source)
    {
        var run = GeneratorHarness.Run(source);
        Assert.Empty(run.Diagnostics);
        return Assert.Single(run.GeneratedSources).Value;
    }

    [Fact]
    public void The_committed_golden_file_of_an_instrumentation_off_network_has_no_instrumentation()
    {
        string golden = System.IO.File.ReadAllText(System.IO.Path.Combine(Baselines.Directory(), "MnistMlp", "GradientLab.Networks.MnistMlp.g.cs.txt"));
        Assert.Contains("TrainStep", golden);
        foreach (string marker in s_instrumentationMarkers)
        {
            Assert.DoesNotContain(marker, golden);
        }
    }

    [Fact]
    public void Switching_instrumentation_on_adds_it_and_off_removes_every_trace()
    {
        string off = GeneratorHarness.ReadSample("MnistMlp.cs");
        Assert.Contains("[Network(MaxBatchSize = 64)]", off);
        string on = off.Replace("[Network(MaxBatchSize = 64)]", "[Network(MaxBatchSize = 64, Instrumentation = true)]", System.StringComparison.Ordinal);
        string explicitOff = off.Replace("[Network(MaxBatchSize = 64)]", "[Network(MaxBatchSize = 64, Instrumentation = false)]", System.StringComparison.Ordinal);

        string generatedOn = Generate(on);
        string generatedOff = Generate(off);
        Assert.All(s_instrumentationMarkers, marker => Assert.Contains(marker, generatedOn));
        Assert.Equal(generatedOff, Generate(explicitOff));
        // On only adds lines, except that TrainStep's optimizer step becomes the step that also measures
        // the update: removing the added lines gives back the off file's code, line for line.
        var offLines = generatedOff.Split('\n');
        var onLines = generatedOn.Split('\n');
        Assert.True(onLines.Length > offLines.Length + 20);
        string step = Assert.Single(offLines.Except(onLines));
        Assert.Equal("optimizer.Step(__sg_parameters, __sg_gradients);", step.Trim());
        Assert.Contains(onLines, line => line.Trim() == "optimizer.StepAndMeasure(__sg_parameters, __sg_gradients, __sg_weightSegments, __sg_weightUpdateSquares);");
    }
}
