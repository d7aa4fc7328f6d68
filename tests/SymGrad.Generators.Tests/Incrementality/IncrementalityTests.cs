using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SymGrad.Generators;

namespace SymGrad.Generators.Tests.Incrementality;

/// <summary>The pipeline's outputs compare equal across runs, so that edits elsewhere regenerate nothing.</summary>
public sealed class IncrementalityTests
{
    private static readonly string[] s_allSteps = { TrackingNames.Networks, TrackingNames.Specs, TrackingNames.Shells, TrackingNames.Diagnostics };
    private static readonly string[] s_modelSteps = { TrackingNames.Networks, TrackingNames.Specs };

    private const string Helper = "namespace Other; public static class Helper { public static int Value => 1; }";

    private static (CSharpCompilation Compilation, GeneratorDriver Driver) FirstRun(params SyntaxTree[] extraTrees)
    {
        var trees = new[] { GeneratorHarness.Parse(GeneratorHarness.ReadSample("MnistMlp.cs")) }.Concat(extraTrees).ToArray();
        var compilation = GeneratorHarness.Compile(trees);
        var run = GeneratorHarness.Run(compilation);
        Assert.NotNull(run.Result.Spec);
        return (compilation, run.Driver);
    }

    /// <summary>Every output of the named steps, with its reason; fails when a model step did not run at all.</summary>
    private static List<(string Step, IncrementalStepRunReason Reason)> Outputs(GeneratorDriver driver, IEnumerable<string> steps)
    {
        var result = Assert.Single(driver.GetRunResult().Results);
        var outputs = new List<(string, IncrementalStepRunReason)>();
        foreach (var step in steps)
        {
            if (!result.TrackedSteps.TryGetValue(step, out var runs))
            {
                Assert.DoesNotContain(step, s_modelSteps); // Shells may not run for a clean class
                continue;
            }
            outputs.AddRange(runs.SelectMany(r => r.Outputs).Select(o => (step, o.Reason)));
        }
        Assert.Contains(outputs, o => o.Item1 == TrackingNames.Networks);
        Assert.Contains(outputs, o => o.Item1 == TrackingNames.Specs);
        return outputs;
    }

    private static void AssertNothingRegenerated(IEnumerable<(string Step, IncrementalStepRunReason Reason)> outputs) =>
        Assert.All(outputs, o => Assert.True(
            o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
            o.Step + " output was " + o.Reason));

    [Fact]
    public void First_run_produces_new_outputs()
    {
        // The baseline that the other tests compare against: the steps run and report New.
        var (_, driver) = FirstRun();
        Assert.All(Outputs(driver, s_modelSteps), o => Assert.Equal(IncrementalStepRunReason.New, o.Reason));
    }

    [Fact]
    public void Second_run_on_the_same_compilation_is_all_cached_or_unchanged()
    {
        var (compilation, driver) = FirstRun();
        driver = driver.RunGenerators(compilation.Clone());
        AssertNothingRegenerated(Outputs(driver, s_allSteps));
    }

    [Fact]
    public void Adding_an_unrelated_file_regenerates_nothing()
    {
        var (compilation, driver) = FirstRun();
        driver = driver.RunGenerators(compilation.AddSyntaxTrees(GeneratorHarness.Parse(Helper, "Helper.cs")));
        AssertNothingRegenerated(Outputs(driver, s_modelSteps));
    }

    [Fact]
    public void Editing_another_file_regenerates_nothing()
    {
        var helper = GeneratorHarness.Parse(Helper, "Helper.cs");
        var (compilation, driver) = FirstRun(helper);
        var edited = GeneratorHarness.Parse(Helper.Replace("=> 1;", "=> 2; public static int Other => 3;"), "Helper.cs");
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(helper, edited));
        AssertNothingRegenerated(Outputs(driver, s_modelSteps));
    }

    [Fact]
    public void Editing_the_forward_method_does_regenerate()
    {
        // The counter-test: the assertions above can fail, because a real change is seen as one.
        var (compilation, driver) = FirstRun();
        var tree = compilation.SyntaxTrees.First();
        var edited = GeneratorHarness.Parse(tree.ToString().Replace("return fc3.Forward(h2);", "return fc3.Forward(Tanh(h2));"));
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, edited));
        Assert.Contains(Outputs(driver, s_modelSteps), o => o.Step == TrackingNames.Specs && o.Reason == IncrementalStepRunReason.Modified);
    }
}
