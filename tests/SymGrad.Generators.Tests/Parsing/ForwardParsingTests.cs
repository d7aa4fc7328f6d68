using System.Linq;
using SymGrad.Generators.Model;

namespace SymGrad.Generators.Tests.Parsing;

/// <summary>Symbolic execution of [Forward]: ops, locals, loops, constants and inferred widths.</summary>
public sealed class ForwardParsingTests
{
    private static NetworkSpec Parse(string fields, string forward, string attribute = "[Network]", string? loss = null)
    {
        var source = loss is null ? NetworkSource.Create(fields, forward, attribute) : NetworkSource.Create(fields, forward, attribute, loss);
        var run = GeneratorHarness.Run(source);
        Assert.Empty(run.Exceptions);
        return run.Spec;
    }

    private static string[] Ops(NetworkSpec spec) => spec.Nodes.Select(n => n.Op.ToString()).ToArray();

    [Fact]
    public void Residual_connection_adds_the_input_to_the_activation()
    {
        var spec = Parse("readonly Linear fc = new(8, 8);", "{ var h = x + Relu(fc.Forward(x)); return h; }");
        Assert.Equal(new[] { "Input", "Linear", "Relu", "Add" }, Ops(spec));
        var add = spec.Nodes[3];
        Assert.Equal(new[] { 0, 2 }, add.Operands.ToArray());
        Assert.Equal(("h", 8), (add.Variable, add.Features));
        Assert.Equal("x + Relu(fc.Forward(x))", add.Source);
        Assert.Equal((8, 8, 3), (spec.InputSize, spec.OutputSize, spec.OutputNode));
    }

    [Theory]
    [InlineData("for (int i = 0; i < 3; i++)")]
    [InlineData("for (int i = 1; i <= 3; i += 1)")]
    [InlineData("for (int i = 0; i < Steps; ++i)")]
    public void Constant_bound_for_loop_is_unrolled_three_times(string header)
    {
        var spec = Parse("const int Steps = 3; readonly Linear inp = new(4, 6); readonly Linear rec = new(6, 6);",
            "{ var h = inp.Forward(x); " + header + " { h = Tanh(rec.Forward(h)); } return h; }");
        Assert.Equal(new[] { "Input", "Linear", "Linear", "Tanh", "Linear", "Tanh", "Linear", "Tanh" }, Ops(spec));
        // Each iteration reads the previous iteration's h.
        Assert.Equal(new[] { 1, 3, 5 }, spec.Nodes.Where(n => n.Layer == "rec").Select(n => n.Operands[0]).ToArray());
        Assert.Equal(7, spec.OutputNode);
        Assert.All(spec.Nodes.Where(n => n.Op.ToString() == "Tanh"), n => Assert.Equal("h", n.Variable));
    }

    [Theory]
    [InlineData("=> 0.5f * x;", 0.5)]
    [InlineData("=> x * 2;", 2.0)]
    [InlineData("=> (1.0 / 4) * x;", 0.25)]
    [InlineData("{ var h = -x; h *= 3; return h; }", 3.0)]
    public void Multiplication_by_a_constant_is_a_scale(string forward, double factor)
    {
        var spec = Parse("", forward, "[Network(InputSize = 5)]");
        var scale = spec.Nodes[spec.OutputNode];
        Assert.Equal("Scale", scale.Op.ToString());
        Assert.Equal(factor, scale.Constant);
        Assert.Equal(5, scale.Features);
    }

    [Theory]
    [InlineData("LeakyRelu(x)", "LeakyRelu", 0.01)]
    [InlineData("LeakyRelu(x, 0.2f)", "LeakyRelu", (double)0.2f)]
    [InlineData("LeakyRelu(x, Slope)", "LeakyRelu", 0.3)]
    [InlineData("Elu(x)", "Elu", 1.0)]
    [InlineData("Elu(x, 0.5)", "Elu", 0.5)]
    [InlineData("Sigmoid(x)", "Sigmoid", 0.0)]
    public void Activation_constants_default_or_given(string call, string op, double constant)
    {
        var spec = Parse("const double Slope = 0.3; readonly Linear fc = new(3, 3);", "=> fc.Forward(" + call + ");");
        var node = spec.Nodes[1];
        Assert.Equal((op, constant), (node.Op.ToString(), node.Constant));
    }

    [Fact]
    public void Input_width_is_inferred_through_element_wise_ops_declared_before_the_layer()
    {
        // The Add node is created while the input width is still unknown; the layer fixes it later.
        var spec = Parse("readonly Linear fc = new(7, 2);", "{ var s = x + x; var g = Sigmoid(x) * s; return fc.Forward(g); }");
        Assert.Equal(7, spec.InputSize);
        Assert.Equal(new[] { "Input", "Add", "Sigmoid", "Multiply", "Linear" }, Ops(spec));
        Assert.Equal(new[] { 7, 7, 7, 7, 2 }, spec.Nodes.Select(n => n.Features).ToArray());
    }

    [Fact]
    public void Input_width_from_the_attribute_when_no_layer_reads_the_input()
    {
        var spec = Parse("", "=> Softmax(x - x);", "[Network(InputSize = 6, MaxBatchSize = 16, Precision = Precision.Double)]");
        Assert.Equal((6, 6, 16, true, 0), (spec.InputSize, spec.OutputSize, spec.MaxBatchSize, spec.IsDouble, spec.ParameterCount));
    }

    [Fact]
    public void Layer_arguments_positional_named_and_defaults()
    {
        var spec = Parse(
            "const int Hidden = 5; readonly Linear a = new Linear(outputs: Hidden, inputs: 3); readonly Linear b = new(Hidden, 2, bias: 0.1f, init: (Init)4);",
            "=> this.b.Forward(a.Forward(x));");
        Assert.Equal(("a", 3, 5, "XavierUniform", 0.0, 0), (spec.Layers[0].Name, spec.Layers[0].Inputs, spec.Layers[0].Outputs, spec.Layers[0].Init, spec.Layers[0].BiasInit, spec.Layers[0].Offset));
        Assert.Equal(("b", 5, 2, "HeNormal", (double)0.1f, 3 * 5 + 5), (spec.Layers[1].Name, spec.Layers[1].Inputs, spec.Layers[1].Outputs, spec.Layers[1].Init, spec.Layers[1].BiasInit, spec.Layers[1].Offset));
        Assert.Equal(3 * 5 + 5 + 5 * 2 + 2, spec.ParameterCount);
    }

    [Fact]
    public void Compound_assignments_and_negation_map_to_ops()
    {
        var spec = Parse("readonly Linear fc = new(4, 4);",
            "{ Tensor h = fc.Forward(x); h += x; h -= Relu(h); h *= x; ; return -h; }");
        Assert.Equal(new[] { "Input", "Linear", "Add", "Relu", "Subtract", "Multiply", "Negate" }, Ops(spec));
        Assert.Equal(new[] { 2, 3 }, spec.Nodes[4].Operands.ToArray()); // h -= Relu(h): the Add node minus the Relu node
        Assert.Equal("h -= Relu(h)", spec.Nodes[4].Source);
        Assert.Null(spec.Nodes[6].Variable);
    }

    [Fact]
    public void Source_text_is_collapsed_to_one_line_and_cut_to_80_characters()
    {
        var spec = Parse("readonly Linear fc = new(4, 4);",
            "{\n        var h = fc.Forward(x)\n            + fc.Forward(x) + fc.Forward(x) + fc.Forward(x) + fc.Forward(x) + fc.Forward(x);\n        return h;\n    }");
        var last = spec.Nodes[spec.OutputNode];
        Assert.Equal(80, last.Source.Length);
        Assert.EndsWith("...", last.Source);
        Assert.StartsWith("fc.Forward(x) + fc.Forward(x) + ", last.Source);
        Assert.DoesNotContain("\n", last.Source);
        Assert.DoesNotContain("  ", last.Source);
    }

    [Theory]
    [InlineData("=> BinaryCrossEntropyWithLogits(prediction, target);", "BinaryCrossEntropyWithLogits")]
    [InlineData("{ return MeanSquaredError((prediction), target); }", "MeanSquaredError")]
    [InlineData("=> SoftmaxCrossEntropy(logits: prediction, target: target);", "SoftmaxCrossEntropy")]
    public void Loss_forms(string loss, string kind)
    {
        var spec = Parse("readonly Linear fc = new(4, 2);", "=> fc.Forward(x);", loss: loss);
        Assert.Equal(kind, spec.Loss.Kind.ToString());
        Assert.Equal((1, 2), (spec.Loss.PredictionNode, spec.OutputSize));
    }
}
