using System.Linq;
using SymGrad.Generators.Tests.Parsing;

namespace SymGrad.Generators.Tests.Diagnostics;

/// <summary>[Network(UnrollThreshold = n)] through the real generator: it decides which dense layers are unrolled; a negative value is SG0014.</summary>
public sealed class UnrollThresholdTests
{
    private const string Fields = "readonly Linear fc1 = new(2, 16); readonly Linear fc2 = new(16, 16); readonly Linear fc3 = new(16, 1);";
    private const string Forward = "=> fc3.Forward(Tanh(fc2.Forward(Tanh(fc1.Forward(x)))));";

    private static string Generate(string attribute)
    {
        var run = GeneratorHarness.Run(GeneratorHarness.Compile(GeneratorHarness.Parse(NetworkSource.Create(Fields, Forward, attribute), "Net.cs")));
        Assert.Empty(run.Diagnostics);
        return run.GeneratedSources.Values.Single();
    }

    [Fact]
    public void The_default_unrolls_layers_of_at_most_64_weights()
    {
        string text = Generate("[Network]");
        Assert.Contains("zb[0] = w[32] + w[0] * x0 + w[1] * x1;", text);                 // fc1: 32 weights, unrolled
        Assert.Contains("Kernels.Dense.Forward<float>(new global::System.ReadOnlySpan<float>(__sg_value2", text); // fc2: 256, kernels
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(16, 1)]
    [InlineData(32, 2)]
    [InlineData(256, 3)]
    public void Layers_up_to_the_threshold_are_unrolled(int threshold, int unrolledLayers)
    {
        string text = Generate($"[Network(UnrollThreshold = {threshold})]");
        // Each unrolled forward block writes its first output as "zb[0] = w[bias] + ...".
        Assert.Equal(unrolledLayers, text.Split('\n').Count(line => line.TrimStart().StartsWith("zb[0] = w[", System.StringComparison.Ordinal)));
    }

    [Fact]
    public void SG0014_negative_unroll_threshold() =>
        DiagnosticAssert.Single("SG0014", NetworkSource.Create(Fields, Forward, "[Network(UnrollThreshold = $$-1)]"),
            "UnrollThreshold", "at least 0");
}
