using System;
using System.Linq;

namespace SymGrad.Generators.Tests.Parsing;

/// <summary>The spec of the MnistMlp sample (samples/GradientLab/Networks/MnistMlp.cs).</summary>
public sealed class SampleSpecTests
{
    private static readonly string s_source = GeneratorHarness.ReadSample("MnistMlp.cs");

    /// <summary>1-based line of the first line of the sample that contains <paramref name="text"/>.</summary>
    private static int LineOf(string text)
    {
        var lines = s_source.Split('\n');
        int index = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        Assert.True(index >= 0, text + " is not in the sample");
        return index + 1;
    }

    [Fact]
    public void Sample_parses_without_diagnostics_or_exceptions()
    {
        var run = GeneratorHarness.Run(s_source);
        Assert.Empty(run.Exceptions);
        Assert.Empty(run.Diagnostics);
        Assert.NotNull(run.Result.Spec);
    }

    [Fact]
    public void Sample_class_identity_and_settings()
    {
        var spec = GeneratorHarness.Run(s_source).Spec;
        Assert.Equal(("GradientLab.Networks", "MnistMlp", "public"), (spec.Class.Namespace, spec.Class.Name, spec.Class.Accessibility));
        Assert.Equal("GradientLab.Networks.MnistMlp.g.cs", spec.Class.HintName);
        Assert.Equal(64, spec.MaxBatchSize);
        Assert.False(spec.IsDouble);
        Assert.Equal("Forward", spec.ForwardMethod);
        Assert.Equal("Loss", spec.LossMethod);
        Assert.Equal("Net.cs", spec.SourceFile);
    }

    [Fact]
    public void Sample_layers_offsets_and_parameter_count()
    {
        var spec = GeneratorHarness.Run(s_source).Spec;
        Assert.Equal(784 * 128 + 128 + 128 * 64 + 64 + 64 * 10 + 10, spec.ParameterCount);
        Assert.Equal(109386, spec.ParameterCount);

        var layers = spec.Layers.Select(l => (l.Name, l.Inputs, l.Outputs, l.Offset, l.Init, l.BiasInit, l.Line)).ToArray();
        Assert.Equal(new[]
        {
            ("fc1", 784, 128, 0, "HeNormal", 0.0, LineOf("fc1 = new")),
            ("fc2", 128, 64, 784 * 128 + 128, "HeNormal", 0.0, LineOf("fc2 = new")),
            ("fc3", 64, 10, 784 * 128 + 128 + 128 * 64 + 64, "XavierUniform", 0.0, LineOf("fc3 = new")),
        }, layers);
        Assert.All(spec.Layers, l => Assert.Equal("Linear", l.Kind.ToString()));
    }

    [Fact]
    public void Sample_graph_nodes_in_evaluation_order()
    {
        var spec = GeneratorHarness.Run(s_source).Spec;
        var nodes = spec.Nodes.Select(n => (n.Id, Op: n.Op.ToString(), Operands: string.Join(",", n.Operands), n.Features, n.Layer, n.Line, n.Source, n.Variable)).ToArray();
        int line1 = LineOf("var h1"), line2 = LineOf("var h2"), line3 = LineOf("return fc3");
        Assert.Equal(new[]
        {
            (0, "Input", "", 784, (string?)null, LineOf("Tensor Forward(Tensor x)"), "x", (string?)"x"),
            (1, "Linear", "0", 128, "fc1", line1, "fc1.Forward(x)", null),
            (2, "Relu", "1", 128, null, line1, "Relu(fc1.Forward(x))", "h1"),
            (3, "Linear", "2", 64, "fc2", line2, "fc2.Forward(h1)", null),
            (4, "Relu", "3", 64, null, line2, "Relu(fc2.Forward(h1))", "h2"),
            (5, "Linear", "4", 10, "fc3", line3, "fc3.Forward(h2)", null),
        }, nodes);
        Assert.Equal(5, spec.OutputNode);
    }

    [Fact]
    public void Sample_sizes_and_loss()
    {
        var spec = GeneratorHarness.Run(s_source).Spec;
        Assert.Equal(784, spec.InputSize);
        Assert.Equal(10, spec.OutputSize);
        Assert.Equal("SoftmaxCrossEntropy", spec.Loss.Kind.ToString());
        Assert.Equal(spec.OutputNode, spec.Loss.PredictionNode);
        Assert.Equal(LineOf("SoftmaxCrossEntropy("), spec.Loss.Line);
        Assert.Equal("SoftmaxCrossEntropy(logits, target)", spec.Loss.Source);
    }

    [Fact]
    public void Parsing_the_same_class_twice_gives_equal_results()
    {
        // Value equality is what lets the incremental pipeline stop early.
        var first = GeneratorHarness.Run(s_source).Result;
        var second = GeneratorHarness.Run(s_source).Result;
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }
}
