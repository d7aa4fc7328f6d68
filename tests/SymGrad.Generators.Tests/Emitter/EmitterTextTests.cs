using System.Linq;
using System.Globalization;
using System.Text.RegularExpressions;
using SymGrad.Generators.Model;

namespace SymGrad.Generators.Tests.Emitter;

/// <summary>What the generated text looks like: deterministic, culture-proof, commented, hygienic.</summary>
public class EmitterTextTests
{
    private static NetworkSpec EveryOpSpec => TestNetworks.EveryOp(includeGelu: true).Spec;

    [Fact]
    public void EmittingTwice_GivesIdenticalText()
    {
        Assert.Equal(NetworkGenerator.Emit(EveryOpSpec), NetworkGenerator.Emit(EveryOpSpec));
        Assert.Equal(NetworkGenerator.Emit(TestNetworks.KernelPath().Spec), NetworkGenerator.Emit(TestNetworks.KernelPath().Spec));
    }

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("minus-sign")]
    public void OtherCultures_ChangeNothing(string cultureName)
    {
        // Constants with a sign and a fraction: a culture that formats them differently would show.
        var spec = EveryOpSpec;
        var floatSpec = spec with { IsDouble = false };
        string invariant = NetworkGenerator.Emit(spec);
        string invariantFloat = NetworkGenerator.Emit(floatSpec);
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = cultureName == "fr-FR" ? new CultureInfo("fr-FR") : MinusSignCulture();

            Assert.Equal(invariant, NetworkGenerator.Emit(spec));
            Assert.Equal(invariantFloat, NetworkGenerator.Emit(floatSpec));
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
        Assert.Contains("-0.5 * x[k]", invariant);   // Gelu's {L:-0.5}, with an ASCII minus
        Assert.Contains("-0.5f * x[k]", invariantFloat);
        Assert.Matches(@"Activations\.LeakyRelu<float>\(.*, 0\.1f\);", invariantFloat); // LeakyRelu's slope (the kernel's argument), a '.' decimal point
    }

    private static CultureInfo MinusSignCulture()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NegativeSign = "\u2212";
        culture.NumberFormat.NumberDecimalSeparator = ",";
        return culture;
    }

    [Fact]
    public void Blocks_StartWithTheOpTheSourceAndTheRule()
    {
        string emitted = NetworkGenerator.Emit(TestNetworks.SigmoidMlp(isDouble: false).Spec);

        Assert.Contains("sigmoid' <= 0.25", emitted);
        Assert.Contains("// [2] sigmoid backward (SigmoidMlp.cs line 22: h1 = Sigmoid(fc1.Forward(x))): dZ = dA * A * (1 - A)", emitted);
        Assert.Contains("// [3] fc2 forward (SigmoidMlp.cs line 23: fc2.Forward(h1)): Z = X W^T + b", emitted);
        Assert.Contains("// [3] fc2 backward (SigmoidMlp.cs line 23: fc2.Forward(h1)): dW += dZ^T X; db += sum over batch of dZ; dX = dZ W", emitted);
        Assert.Contains("// dX skipped: the network input needs no gradient.", emitted);
        Assert.Contains("// Loss (SigmoidMlp.cs line 40: MeanSquaredError(prediction, target)): mean squared error", emitted);
        // Every block has its comment: as many forward comments as non-input nodes.
        Assert.Equal(5, Regex.Matches(emitted, @"// \[\d+\] \w+ forward \(").Count);
        Assert.Equal(5, Regex.Matches(emitted, @"// \[\d+\] \w+ backward \(").Count);
    }

    [Fact]
    public void Remarks_ExplainTheNetworkWithTheSameSentences()
    {
        string emitted = NetworkGenerator.Emit(TestNetworks.SigmoidMlp(isDouble: false).Spec);

        Assert.Contains("/// <item><description>fc1 (line 5): dense 2 -&gt; 16, XavierUniform weights at [0, 32), bias (initially 0) at [32, 48).</description></item>", emitted);
        Assert.Contains("/// <item><description>[2] h1 = Sigmoid(fc1.Forward(x)) (line 22): logistic sigmoid 1 / (1 + e^-z), squashing into (0, 1); its derivative is at most 0.25 (16 features).</description></item>", emitted);
        Assert.Contains("//     logistic sigmoid 1 / (1 + e^-z), squashing into (0, 1); its derivative is at most 0.25 (16 features)", emitted);
    }

    [Fact]
    public void SmallLayers_AreUnrolled_LargeOnes_CallTheKernels()
    {
        string small = NetworkGenerator.Emit(TestNetworks.SigmoidMlp(isDouble: false).Spec);
        string large = NetworkGenerator.Emit(TestNetworks.KernelPath().Spec);

        Assert.DoesNotContain("Kernels.Dense", small);
        // fc1 of the 2-16-16-1 net: output 3 of sample b is bias p[35] plus two products, indices as constants.
        Assert.Contains("zb[3] = w[35] + w[6] * x0 + w[7] * x1;", small); // w is the layer's slice: W at [o * 2 + i], the bias after it
        Assert.Contains("global::SymGrad.Kernels.Dense.Forward<double>(inputs.Slice(0, batch * 30), p.Slice(0, 600), p.Slice(600, 20), new global::System.Span<double>(__sg_value1, 0, batch * 20), batch, 30, 20);", large);
        Assert.Contains("global::SymGrad.Kernels.Dense.BackwardInput<double>(dz, p.Slice(620, 300), dx, batch, 20, 15, accumulate: false);", large);
        Assert.Contains("global::System.ReadOnlySpan<double> w = new global::System.ReadOnlySpan<double>(__sg_parameters, 935, 160);", large); // fc3, 15 x 10 = 150: unrolled
        Assert.Contains("zb[0] = w[150] + w[0] * x0", large);
    }

    [Fact]
    public void UnrollThreshold_DecidesWhichLayersAreUnrolled()
    {
        // The default (64 weights): fc1 (2 x 16 = 32) and fc3 (16) unrolled, fc2 (16 x 16 = 256) through the kernels.
        string byDefault = NetworkGenerator.Emit(TestNetworks.SigmoidMlp(isDouble: false, unrollThreshold: 64).Spec);
        Assert.Contains("zb[3] = w[35] + w[6] * x0 + w[7] * x1;", byDefault);
        Assert.Contains("global::SymGrad.Kernels.Dense.Forward<float>(new global::System.ReadOnlySpan<float>(__sg_value2, 0, batch * 16), p.Slice(48, 256), p.Slice(304, 16)", byDefault);
        Assert.Contains("global::SymGrad.Kernels.Dense.BackwardWeights<float>(", byDefault);

        // 0 unrolls nothing: every layer calls the kernels.
        string none = NetworkGenerator.Emit(TestNetworks.SigmoidMlp(isDouble: false, unrollThreshold: 0).Spec);
        Assert.DoesNotContain("zb[", none);
        Assert.Contains("global::SymGrad.Kernels.Dense.Forward<float>(inputs.Slice(0, batch * 2), p.Slice(0, 32), p.Slice(32, 16)", none);
    }

    [Fact]
    public void ResidualAdjoint_IsAssignedOnceThenAccumulated()
    {
        string emitted = NetworkGenerator.Emit(TestNetworks.ResidualRelu().Spec);

        // h (node 2) feeds the add (node 5) and fc1 (node 3): in reverse order the add assigns, fc1 adds.
        Assert.Matches(@"\[5\] add backward[\s\S]*Elementwise\.PassGradient<double>\([^;]*new global::System\.Span<double>\(__sg_adjoint2, 0, batch \* 8\), batch \* 8, accumulate: false\);"
            + @"[\s\S]*\[3\] fc1 backward[\s\S]*dxb\[0\] \+= ", emitted);
        Assert.DoesNotContain("__sg_adjoint0", emitted); // the input has no adjoint
    }

    [Fact]
    public void Hygiene_HeaderGlobalNamesAndReservedMembers()
    {
        string emitted = NetworkGenerator.Emit(EveryOpSpec);

        Assert.StartsWith("// <auto-generated/>\n#nullable enable\n", emitted);
        Assert.Contains("[global::System.CodeDom.Compiler.GeneratedCode(\"SymGrad.Generators\", ", emitted);
        Assert.DoesNotContain("\r", emitted);
        Assert.DoesNotMatch(@"(?<![\w.:])var ", emitted);
        Assert.DoesNotMatch(@"(?<![\w.:])(System|SymGrad)\.", emitted.Replace("\"SymGrad.Generators\"", "")
            .Split('\n').Where(l => !l.TrimStart().StartsWith("//")).Aggregate("", (a, l) => a + l + "\n"));
        Assert.Matches(@"private readonly double\[\] __sg_parameters", emitted);
    }
}
