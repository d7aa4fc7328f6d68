using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SymGrad.Generators.Tests.Diagnostics;

/// <summary>
/// The gradient-health lints (SG0101-SG0104): each fires where it should, with a location and the
/// numbers in its message, not on the remedied variant, and is suppressible with #pragma.
/// </summary>
public sealed class GradientLintTests
{
    /// <summary>A [Network] with the given fields and [Forward] body, an MSE loss unless given.</summary>
    private static string Net(string fields, string forward, string loss = "MeanSquaredError(p, t)") => $$"""
        using SymGrad;
        [Network]
        partial class Net
        {
        {{fields}}
            [Forward]
            Tensor Forward(Tensor x)
            {
        {{forward}}
            }
            [Loss] Tensor Loss(Tensor p, Tensor t) => {{loss}};
        }
        """;

    /// <summary>Runs the generator; the lints are warnings, so a spec is still produced.</summary>
    private static Diagnostic[] Lints(string source, string id)
    {
        var run = GeneratorHarness.Run(source);
        Assert.Empty(run.Exceptions);
        Assert.NotNull(run.Result.Spec);
        Assert.All(run.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        return run.Diagnostics.Where(d => d.Id == id).ToArray();
    }

    private static Diagnostic SingleAt(string marked, string id, params string[] messageParts)
    {
        var source = new MarkedSource(marked);
        var diagnostic = Assert.Single(Lints(source.Text, id));
        source.AssertAtMarker(diagnostic);
        string message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        foreach (var part in messageParts)
        {
            Assert.Contains(part, message);
        }
        return diagnostic;
    }

    private static string SigmoidChain(int length, string between = "") =>
        string.Join("\n", Enumerable.Range(1, length).Select(i =>
            (i == 1 ? "        $$var h = Sigmoid(l1.Forward(x));" : "        h = " + between.Replace("F", $"Sigmoid(l{i}.Forward(h))", System.StringComparison.Ordinal) + ";")))
        + "\n        return h;";

    private static string NormalizedSigmoidChain(int length, bool normalized) =>
        string.Join("\n", Enumerable.Range(1, length).Select(i =>
        {
            string linear = $"l{i}.Forward({(i == 1 ? "x" : "h")})";
            return (i == 1 ? "        var h = " : "        h = ") + $"Sigmoid({(normalized ? $"n{i}.Forward({linear})" : linear)});";
        })) + "\n        return h;";

    private static string Layers(int count, string init = "XavierUniform") =>
        string.Join("\n", Enumerable.Range(1, count).Select(i => $"    readonly Linear l{i} = new(4, 4, Init.{init});"));

    [Fact]
    public void SG0101_five_sigmoid_layers_bound_the_gradient_below_1e_3()
    {
        var diagnostic = SingleAt(Net(Layers(5), SigmoidChain(5, "F")), "SG0101", "5 sigmoid/tanh layers", "l1 -> l2 -> l3 -> l4 -> l5",
            "0.000977", "BatchNorm", "residual", "ReLU with He");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
    }

    [Fact]
    public void SG0101_not_for_four_sigmoids_nor_tanh_nor_a_residual_chain()
    {
        // 0.25^4 = 0.0039 is above the threshold.
        Assert.Empty(Lints(new MarkedSource(Net(Layers(4), SigmoidChain(4, "F"))).Text, "SG0101"));
        // tanh's bound is 1 before saturation.
        Assert.Empty(Lints(new MarkedSource(Net(Layers(6), SigmoidChain(6, "F").Replace("Sigmoid", "Tanh", System.StringComparison.Ordinal))).Text, "SG0101"));
        // A skip connection around every layer: h + Sigmoid(l.Forward(h)).
        Assert.Empty(Lints(new MarkedSource(Net(Layers(8), SigmoidChain(8, "h + F"))).Text, "SG0101"));
        // Batch normalization before every sigmoid breaks the chain at each layer ...
        string norms = string.Join("\n", Enumerable.Range(1, 8).Select(i => $"    readonly BatchNorm n{i} = new(4);"));
        Assert.Empty(Lints(Net(Layers(8) + "\n" + norms, NormalizedSigmoidChain(8, normalized: true)), "SG0101"));
        // ... while the same chain without the norms fires (so the line above can fail).
        Assert.Single(Lints(Net(Layers(8), NormalizedSigmoidChain(8, normalized: false)), "SG0101"));
    }

    [Fact]
    public void SG0101_is_suppressed_by_pragma_in_a_real_compilation()
    {
        string plain = new MarkedSource(Net(Layers(6), SigmoidChain(6, "F"))).Text;
        string suppressed = "#pragma warning disable SG0101\n" + plain;

        Assert.False(Assert.Single(RunDriver(plain), d => d.Id == "SG0101").IsSuppressed);
        // The driver applies the tree's #pragma to generator diagnostics located in that tree.
        var diagnostic = Assert.Single(RunDriver(suppressed), d => d.Id == "SG0101");
        Assert.True(diagnostic.IsSuppressed);
        Assert.Equal(plain.Split('\n').Length + 1, suppressed.Split('\n').Length);
    }

    private static ImmutableArray<Diagnostic> RunDriver(string source)
    {
        var compilation = GeneratorHarness.Compile(GeneratorHarness.Parse(source));
        GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        // The generated trainer compiles: the lint did not stop generation.
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return diagnostics;
    }

    [Fact]
    public void SG0102_relu_after_xavier_and_sigmoid_after_he()
    {
        SingleAt(Net("    readonly Linear $$fc = new(4, 4, Init.XavierNormal);", "        return Relu(fc.Forward(x));"),
            "SG0102", "'fc'", "ReLU", "XavierNormal", "Init.HeNormal");
        SingleAt(Net("    readonly Linear $$fc = new(4, 4, Init.HeUniform);", "        return Tanh(fc.Forward(x));"),
            "SG0102", "'fc'", "Tanh", "HeUniform", "Init.XavierUniform");
        Assert.Empty(Lints(Net("    readonly Linear fc = new(4, 4, Init.HeNormal);", "        return Relu(fc.Forward(x));"), "SG0102"));
        Assert.Empty(Lints(Net("    readonly Linear fc = new(4, 4, Init.XavierUniform);", "        return Sigmoid(fc.Forward(x));"), "SG0102"));
    }

    [Fact]
    public void SG0103_softmax_before_softmax_cross_entropy()
    {
        SingleAt(Net("    readonly Linear fc = new(4, 3);", "        $$return Softmax(fc.Forward(x));", "SoftmaxCrossEntropy(p, t)"),
            "SG0103", "Softmax(fc.Forward(x))", "SoftmaxCrossEntropy", "logits");
        Assert.Empty(Lints(Net("    readonly Linear fc = new(4, 3);", "        return fc.Forward(x);", "SoftmaxCrossEntropy(p, t)"), "SG0103"));
        // Softmax into MSE is a choice, not the double-softmax mistake.
        Assert.Empty(Lints(Net("    readonly Linear fc = new(4, 3);", "        return Softmax(fc.Forward(x));"), "SG0103"));
    }

    [Fact]
    public void SG0104_a_layer_that_is_never_called_or_never_reaches_the_loss()
    {
        SingleAt(Net("    readonly Linear fc = new(4, 4);\n    readonly Linear $$spare = new(4, 4);", "        return fc.Forward(x);"),
            "SG0104", "'spare'", "never calls it");
        SingleAt(Net("    readonly Linear fc = new(4, 4);\n    readonly Linear $$side = new(4, 4);", "        var unused = side.Forward(x);\n        return fc.Forward(x);"),
            "SG0104", "'side'", "never reaches the loss");
        Assert.Empty(Lints(Net("    readonly Linear fc = new(4, 4);\n    readonly Linear other = new(4, 4);", "        return other.Forward(fc.Forward(x));"), "SG0104"));
    }
}
