using System.Linq;
using SymGrad.Generators.Tests.Parsing;

namespace SymGrad.Generators.Tests.Diagnostics;

/// <summary>Diagnostics about the [Forward] and [Loss] bodies (SG0006-SG0008, SG0010, SG0015, SG0016).</summary>
public sealed class ForwardDiagnosticTests
{
    private const string Layers = "readonly Linear fc = new(4, 4); readonly double scale = 2;";

    [Theory]
    [InlineData("=> $$Dropout(fc.Forward(x));", "'Dropout'")]
    [InlineData("=> $$SoftmaxCrossEntropy(x, x);", "'SoftmaxCrossEntropy'")]
    [InlineData("=> $$fc.Backward(x);", "'fc.Backward'")]
    [InlineData("=> $$this.fc.Reset(x);", "'this.fc.Reset'")]
    [InlineData("=> $$scale.Forward(x);", "'scale.Forward'")]
    public void SG0006_unknown_op(string forward, string name) =>
        DiagnosticAssert.Single("SG0006", NetworkSource.Create(Layers, forward), name, "supported: Relu, LeakyRelu, Elu", "layer.Forward");

    [Theory]
    [InlineData("{ var h = x; $$while (true) { h = Relu(h); } return h; }", "While statement", "while (true) { h = Relu(h); }")]
    [InlineData("{ var h = x; $$if (h != null) h = Relu(h); return h; }", "If statement", "if (h != null) h = Relu(h);")]
    [InlineData("=> fc.Forward($$y);", "Identifier", "'y'")]
    [InlineData("=> fc.Forward($$fc);", "Layer field", "'fc'")]
    [InlineData("=> Relu($$new Tensor());", "Object creation expression", "'new Tensor()'")]
    [InlineData("=> $$\"x\";", "String literal expression", "")]
    [InlineData("=> $$System.Math.Abs(x);", "Method call", "'System.Math.Abs(x)'")]
    [InlineData("=> $$x.Clone();", "Method call", "'x.Clone()'")]
    [InlineData("=> fc.Forward($$x / 2);", "Divide expression", "'x / 2'")]
    [InlineData("{ $$int n = 2; return x; }", "Local declaration", "'int n = 2;'")]
    [InlineData("{ var f = $$(Tensor t) => t; return f(x); }", "Parenthesized lambda expression", "'(Tensor t) => t'")]
    [InlineData("=> LeakyRelu(x, $$scale);", "Non-constant op argument", "'scale'")]
    [InlineData("{ var h = x; for (int i = 0; i < 2; i++) { $$return h; } return h; }", "Return statement", "")]
    [InlineData("{ return x; $$x = Relu(x); }", "Statement after return", "")]
    [InlineData("{ var h = Relu(x); $$for (int i = 0; i < 3; i--) { } return h; }", "For loop", "for (int i = 0; i < 3; i--)")]
    public void SG0007_unsupported_construct(string forward, string construct, string text) =>
        DiagnosticAssert.Single("SG0007", NetworkSource.Create(Layers, forward, "[Network(InputSize = 4)]"), construct + " ", text);

    [Fact]
    public void SG0007_mistake_inside_a_loop_is_reported_once() =>
        DiagnosticAssert.Single("SG0007", NetworkSource.Create(Layers,
            "{ var h = x; for (int i = 0; i < 5; i++) { h = fc.Forward($$Relu(h) / 2); } return h; }", "[Network(InputSize = 4)]"),
            "Divide expression 'Relu(h) / 2'");

    [Fact]
    public void SG0008_layer_operand_width_differs_from_the_layer_input() =>
        DiagnosticAssert.Single("SG0008", NetworkSource.Create(
            "readonly Linear fc1 = new(784, 128); readonly Linear fc2 = new(100, 10);",
            "{ var h = Relu(fc1.Forward(x)); return $$fc2.Forward(h); }"),
            "'fc2.Forward(h)'", "[B, 128] versus [B, 100]");

    [Fact]
    public void SG0008_binary_operands_of_different_widths() =>
        DiagnosticAssert.Single("SG0008", NetworkSource.Create(
            "readonly Linear fc1 = new(784, 100); readonly Linear fc2 = new(784, 784);",
            "=> $$fc1.Forward(x) + fc2.Forward(x);"),
            "'fc1.Forward(x) + fc2.Forward(x)'", "[B, 100] versus [B, 784]");

    [Fact]
    public void SG0008_attribute_input_size_contradicts_the_first_layer() =>
        DiagnosticAssert.Single("SG0008", NetworkSource.Create("readonly Linear fc = new(784, 10);", "=> $$fc.Forward(x);", "[Network(InputSize = 100)]"),
            "[B, 100] versus [B, 784]");

    [Theory]
    [InlineData("for (int i = 0; i < steps; i++)")]
    [InlineData("for (int i = steps; i <= 3; i++)")]
    public void SG0010_loop_bound_not_constant(string header) =>
        DiagnosticAssert.Single("SG0010", NetworkSource.Create("readonly Linear fc = new(4, 4); int steps = 3;",
            "{ var h = x; $$" + header + " { h = Tanh(fc.Forward(h)); } return h; }"), "'" + header + "'");

    [Theory]
    [InlineData("=> $$MeanSquaredError(target, prediction);", "MeanSquaredError(target, prediction)")]
    [InlineData("=> $$MeanSquaredError(prediction, prediction);", "MeanSquaredError(prediction, prediction)")]
    [InlineData("=> $$SoftmaxCrossEntropy(target: prediction, logits: target);", "SoftmaxCrossEntropy(target: prediction")]
    [InlineData("=> $$HuberLoss(prediction, target);", "HuberLoss(prediction, target)")]
    [InlineData("=> $$prediction - target;", "prediction - target")]
    [InlineData("$${ var d = prediction - target; return MeanSquaredError(d, target); }", "{ var d = prediction - target;")]
    public void SG0015_unsupported_loss(string loss, string text) =>
        DiagnosticAssert.Single("SG0015", NetworkSource.Create("readonly Linear fc = new(4, 2);", "=> fc.Forward(x);", loss: loss),
            "MeanSquaredError, SoftmaxCrossEntropy, BinaryCrossEntropyWithLogits", text);

    [Fact]
    public void SG0016_loop_too_long_to_unroll()
    {
        var diagnostic = DiagnosticAssert.Single("SG0016", NetworkSource.Create("",
            "{ var h = x; $$for (int i = 0; i < 1000000; i++) { h = Relu(h); } return h; }", "[Network(InputSize = 2, LoopRollThreshold = int.MaxValue)]"),
            "'for (int i = 0; i < 1000000; i++)'", "100000");
        Assert.NotNull(diagnostic);
    }

    [Fact]
    public void Each_mistake_is_reported_where_it_is_without_cascades()
    {
        // A broken layer and an unknown op: two diagnostics, nothing about the locals that depend on them.
        var run = GeneratorHarness.Run(NetworkSource.Create("static int n = 3; readonly Linear fc = new(n, 4);",
            "{ var h = fc.Forward(x); var g = Swish(h); h = g + h; return h; }"));
        Assert.Equal(new[] { "SG0006", "SG0009" }, run.Diagnostics.Select(d => d.Id).OrderBy(id => id).ToArray());
        Assert.NotNull(run.Result.Shell); // the partial still gets its base class, so Relu & co. bind
    }
}
