extern alias SymGradRuntime;

using System;
using System.Collections.Generic;
using SymGrad.Generators.Model;
using SymGrad.Ops;
using SymGradRuntime::SymGrad;

namespace SymGrad.Generators.Tests.Emitter;

/// <summary>A hand-built spec and the user's half of the class that it describes.</summary>
internal sealed record TestNetwork(NetworkSpec Spec, string Definition)
{
    /// <summary>Emits with <paramref name="rules"/>, compiles with the definition, loads, and returns the class.</summary>
    public Type Compile(IReadOnlyList<OpInfo>? rules = null, string suffix = "")
    {
        string generated = NetworkGenerator.Emit(Spec, rules);
        var assembly = InMemoryCompiler.CompileAndLoad(Spec.Class.Name + suffix,
            (Spec.SourceFile, Definition), (Spec.Class.HintName, generated));
        return assembly.GetType(Spec.Class.Namespace + "." + Spec.Class.Name, throwOnError: true)!;
    }

    public INetwork<double> CreateDouble(int seed = 0, IReadOnlyList<OpInfo>? rules = null, string suffix = "") =>
        (INetwork<double>)Activator.CreateInstance(Compile(rules, suffix), seed)!;

    public INetwork<float> CreateFloat(int seed = 0) =>
        (INetwork<float>)Activator.CreateInstance(Compile(), seed)!;
}

/// <summary>The networks the emitter tests run: specs built by hand next to the source they model.</summary>
internal static class TestNetworks
{
    private static string Definition(string name, bool isDouble, string fields, string forward, string loss, string settings = "") => $$"""
        using SymGrad;

        namespace EmitterTests
        {
            /// <summary>A test network.</summary>
            [Network(MaxBatchSize = 8{{(isDouble ? ", Precision = Precision.Double" : "")}}{{settings}})]
            public partial class {{name}}
            {
        {{fields}}

                [Forward]
                Tensor Forward(Tensor x)
                {
        {{forward}}
                }

                [Loss]
                Tensor Loss(Tensor prediction, Tensor target) => {{loss}}(prediction, target);
            }
        }
        """;

    /// <summary>
    /// 2-16-16-1, sigmoid, MSE: every layer unrolled (UnrollThreshold = 256, and 16 x 16 is exactly that), or with
    /// <paramref name="unrollThreshold"/> given, the layers above it through the kernels.
    /// </summary>
    public static TestNetwork SigmoidMlp(bool isDouble, string name = "SigmoidMlp", int unrollThreshold = 256)
    {
        var b = new SpecBuilder(name, 2).Layer("fc1", 2, 16).Layer("fc2", 16, 16).Layer("fc3", 16, 1);
        int h1 = b.Unary(OpKind.Sigmoid, b.Linear("fc1", SpecBuilder.InputNode), variable: "h1");
        int h2 = b.Unary(OpKind.Sigmoid, b.Linear("fc2", h1), variable: "h2");
        int output = b.Linear("fc3", h2);
        return new(b.Build(output, LossKind.MeanSquaredError, isDouble) with { UnrollThreshold = unrollThreshold }, Definition(name, isDouble,
            """
                    readonly Linear fc1 = new(2, 16, Init.XavierUniform);
                    readonly Linear fc2 = new(16, 16, Init.XavierUniform);
                    readonly Linear fc3 = new(16, 1, Init.XavierUniform);
            """,
            """
                    var h1 = Sigmoid(fc1.Forward(x));
                    var h2 = Sigmoid(fc2.Forward(h1));
                    return fc3.Forward(h2);
            """, "MeanSquaredError", ", UnrollThreshold = " + unrollThreshold));
    }

    /// <summary>
    /// ReLU with residual connections and one layer used twice: h feeds both the add and the layer,
    /// so its adjoint accumulates, and fc1's gradient sums over its two uses.
    /// </summary>
    public static TestNetwork ResidualRelu()
    {
        const string name = "ResidualRelu";
        var b = new SpecBuilder(name, 4).Layer("fc0", 4, 8, "HeNormal").Layer("fc1", 8, 8, "HeNormal").Layer("head", 8, 3);
        int h = b.Unary(OpKind.Relu, b.Linear("fc0", SpecBuilder.InputNode), variable: "h");
        int h1 = b.Binary(OpKind.Add, h, b.Unary(OpKind.Relu, b.Linear("fc1", h)), variable: "h");
        int h2 = b.Binary(OpKind.Add, h1, b.Unary(OpKind.Relu, b.Linear("fc1", h1)), variable: "h");
        int output = b.Linear("head", h2);
        return new(b.Build(output, LossKind.MeanSquaredError, isDouble: true), Definition(name, true,
            """
                    readonly Linear fc0 = new(4, 8, Init.HeNormal);
                    readonly Linear fc1 = new(8, 8, Init.HeNormal);
                    readonly Linear head = new(8, 3);
            """,
            """
                    var h = Relu(fc0.Forward(x));
                    h = h + Relu(fc1.Forward(h));
                    h = h + Relu(fc1.Forward(h));
                    return head.Forward(h);
            """, "MeanSquaredError"));
    }

    /// <summary>30-20-15-10 with UnrollThreshold = 256: the first two layers exceed it and call the kernels (the second with dX); fc3 (150 weights) is unrolled.</summary>
    public static TestNetwork KernelPath()
    {
        const string name = "KernelPath";
        var b = new SpecBuilder(name, 30).Layer("fc1", 30, 20).Layer("fc2", 20, 15).Layer("fc3", 15, 10);
        int h1 = b.Unary(OpKind.Tanh, b.Linear("fc1", SpecBuilder.InputNode), variable: "h1");
        int h2 = b.Unary(OpKind.Elu, b.Linear("fc2", h1), 1.0, variable: "h2");
        int output = b.Linear("fc3", h2);
        return new(b.Build(output, LossKind.SoftmaxCrossEntropy, isDouble: true) with { UnrollThreshold = 256 }, Definition(name, true,
            """
                    readonly Linear fc1 = new(30, 20);
                    readonly Linear fc2 = new(20, 15);
                    readonly Linear fc3 = new(15, 10);
            """,
            """
                    var h1 = Tanh(fc1.Forward(x));
                    var h2 = Elu(fc2.Forward(h1), 1.0);
                    return fc3.Forward(h2);
            """, "SoftmaxCrossEntropy", ", UnrollThreshold = 256"));
    }

    /// <summary>Every op of the catalog in one graph (Gelu optional: it needs the runtime's erf).</summary>
    public static TestNetwork EveryOp(bool includeGelu, bool isDouble = true)
    {
        string name = includeGelu ? "EveryOp" : "EveryOpButGelu";
        var b = new SpecBuilder(name, 4).Layer("fc1", 4, 6).Layer("fc2", 6, 6).Layer("fc3", 6, 3);
        int a = b.Unary(OpKind.Relu, b.Linear("fc1", SpecBuilder.InputNode), variable: "a");
        int h = b.Linear("fc2", a, variable: "h");
        int d = b.Unary(OpKind.Sigmoid, b.Unary(OpKind.Elu, b.Unary(OpKind.LeakyRelu, h, 0.1), 0.5), variable: "d");
        int e = b.Unary(OpKind.Tanh, h, variable: "e");
        int g = b.Unary(OpKind.Silu, includeGelu ? b.Unary(OpKind.Gelu, e) : e, variable: "g");
        int s = b.Binary(OpKind.Add, b.Unary(OpKind.Negate, b.Unary(OpKind.Scale, b.Binary(OpKind.Subtract, b.Binary(OpKind.Multiply, d, g), e), 0.5)), a, variable: "s");
        int output = b.Unary(OpKind.Softmax, b.Linear("fc3", s));
        return new(b.Build(output, LossKind.MeanSquaredError, isDouble), Definition(name, isDouble,
            """
                    readonly Linear fc1 = new(4, 6);
                    readonly Linear fc2 = new(6, 6);
                    readonly Linear fc3 = new(6, 3);
            """,
            $$"""
                    var a = Relu(fc1.Forward(x));
                    var h = fc2.Forward(a);
                    var d = Sigmoid(Elu(LeakyRelu(h, 0.1), 0.5));
                    var e = Tanh(h);
                    var g = Silu({{(includeGelu ? "Gelu(e)" : "e")}});
                    var s = -(0.5 * (d * g - e)) + a;
                    return Softmax(fc3.Forward(s));
            """, "MeanSquaredError"));
    }
}
