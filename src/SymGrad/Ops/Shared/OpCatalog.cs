// This file is compiled into both the runtime (SymGrad) and the generator (SymGrad.Generators):
// keep it free of APIs that netstandard2.0 lacks.
using System.Collections.Generic;

namespace SymGrad.Ops
{
    /// <summary>How the feature count of an op's result follows from its operands.</summary>
    public enum ShapeRule
    {
        /// <summary>The network input: its width is the network's input size.</summary>
        Input,
        /// <summary>One operand; the result has its shape.</summary>
        SameAsOperand,
        /// <summary>Two operands of equal shape; the result has that shape.</summary>
        EqualOperands,
        /// <summary>The operand must have the layer's input width; the result has its output width.</summary>
        LayerInToOut,
    }

    /// <summary>
    /// One op: its name as written in <c>[Forward]</c>, its arity, shape rule, the sentence that
    /// describes it, and its forward and derivative rules, both as prose (for comments) and as
    /// element-wise C# templates (for emission).
    /// </summary>
    /// <remarks>
    /// Template placeholders: <c>{x}</c> the operand element, <c>{x2}</c> the second operand element,
    /// <c>{y}</c> the result element, <c>{dy}</c> the adjoint of the result, <c>{c}</c> the constant argument,
    /// <c>{M}</c> the math class (<c>MathF</c> or <c>Math</c>), <c>{Erf}</c> the runtime's erf,
    /// <c>{L:v}</c> the literal v in the network's precision. Templates are empty for ops that are not
    /// element-wise (Linear, Softmax): their emitters are written out by hand.
    /// </remarks>
    public sealed class OpInfo
    {
        public OpInfo(OpKind kind, string name, int arity, int constantArguments, ShapeRule shape,
            string description, string forwardRule, string backwardRule,
            string forwardTemplate, string backwardTemplate, string backwardTemplateRight)
        {
            Kind = kind;
            Name = name;
            Arity = arity;
            ConstantArguments = constantArguments;
            Shape = shape;
            Description = description;
            ForwardRule = forwardRule;
            BackwardRule = backwardRule;
            ForwardTemplate = forwardTemplate;
            BackwardTemplate = backwardTemplate;
            BackwardTemplateRight = backwardTemplateRight;
        }

        public OpKind Kind { get; }
        /// <summary>The name as written in <c>[Forward]</c> (an op call, an operator or a layer method).</summary>
        public string Name { get; }
        /// <summary>Number of tensor operands.</summary>
        public int Arity { get; }
        /// <summary>Number of compile-time constant scalar arguments after the tensors (slope, alpha, factor).</summary>
        public int ConstantArguments { get; }
        public ShapeRule Shape { get; }
        /// <summary>One sentence, used in the class remarks and above every forward block.</summary>
        public string Description { get; }
        public string ForwardRule { get; }
        public string BackwardRule { get; }
        /// <summary>Expression for {y}; empty when the op has a hand-written emitter.</summary>
        public string ForwardTemplate { get; }
        /// <summary>Expression for the adjoint contribution to the (first) operand.</summary>
        public string BackwardTemplate { get; }
        /// <summary>Expression for the adjoint contribution to the second operand of a binary op.</summary>
        public string BackwardTemplateRight { get; }

        /// <summary>A copy with another derivative template: used by tests to prove that a wrong rule is caught.</summary>
        public OpInfo WithBackwardTemplate(string template) =>
            new OpInfo(Kind, Name, Arity, ConstantArguments, Shape, Description, ForwardRule, BackwardRule,
                ForwardTemplate, template, BackwardTemplateRight);
    }

    /// <summary>The single table of ops shared by the runtime and the generator.</summary>
    public static class OpCatalog
    {
        private static readonly OpInfo[] s_ops =
        {
            new OpInfo(OpKind.Input, "input", 0, 0, ShapeRule.Input,
                "the network input, one row of features per sample", "X", "",
                "", "", ""),
            new OpInfo(OpKind.Linear, "Forward", 1, 0, ShapeRule.LayerInToOut,
                "dense layer: each output is a weighted sum of all inputs plus a bias",
                "Z = X W^T + b", "dW += dZ^T X; db += sum over batch of dZ; dX = dZ W",
                "", "", ""),
            new OpInfo(OpKind.Add, "+", 2, 0, ShapeRule.EqualOperands,
                "element-wise sum (a residual connection when one operand is an earlier activation)",
                "Y = A + B", "dA += dY; dB += dY (the sum passes its gradient through unchanged)",
                "{x} + {x2}", "{dy}", "{dy}"),
            new OpInfo(OpKind.Subtract, "-", 2, 0, ShapeRule.EqualOperands,
                "element-wise difference",
                "Y = A - B", "dA += dY; dB -= dY",
                "{x} - {x2}", "{dy}", "-{dy}"),
            new OpInfo(OpKind.Multiply, "*", 2, 0, ShapeRule.EqualOperands,
                "element-wise (Hadamard) product, a gate when one operand is a sigmoid",
                "Y = A * B", "dA += dY * B; dB += dY * A",
                "{x} * {x2}", "{dy} * {x2}", "{dy} * {x}"),
            new OpInfo(OpKind.Scale, "*", 1, 1, ShapeRule.SameAsOperand,
                "multiplication by a constant scalar",
                "Y = c * X", "dX += c * dY",
                "{c} * {x}", "{c} * {dy}", ""),
            new OpInfo(OpKind.Negate, "-", 1, 0, ShapeRule.SameAsOperand,
                "negation",
                "Y = -X", "dX += -dY",
                "-{x}", "-{dy}", ""),
            new OpInfo(OpKind.Relu, "Relu", 1, 0, ShapeRule.SameAsOperand,
                "ReLU, max(0, z): passes positive inputs and zeroes the rest; a unit whose input is negative for every sample is dead",
                "A = max(0, Z)", "dZ = dA where Z > 0, else 0   (relu' is 1 or 0: no shrinking, but dead units pass nothing)",
                "{x} > {L:0} ? {x} : {L:0}", "{x} > {L:0} ? {dy} : {L:0}", ""),
            new OpInfo(OpKind.LeakyRelu, "LeakyRelu", 1, 1, ShapeRule.SameAsOperand,
                "leaky ReLU: z for z > 0, slope * z otherwise, so that no unit dies completely",
                "A = Z > 0 ? Z : slope * Z", "dZ = dA * (Z > 0 ? 1 : slope)",
                "{x} > {L:0} ? {x} : {c} * {x}", "{x} > {L:0} ? {dy} : {c} * {dy}", ""),
            new OpInfo(OpKind.Elu, "Elu", 1, 1, ShapeRule.SameAsOperand,
                "ELU: z for z > 0, alpha * (e^z - 1) otherwise, smooth and with negative outputs that keep the mean near zero",
                "A = Z > 0 ? Z : alpha * (e^Z - 1)", "dZ = dA * (Z > 0 ? 1 : A + alpha)",
                "{x} > {L:0} ? {x} : {c} * ({M}.Exp({x}) - {L:1})", "{x} > {L:0} ? {dy} : {dy} * ({y} + {c})", ""),
            new OpInfo(OpKind.Sigmoid, "Sigmoid", 1, 0, ShapeRule.SameAsOperand,
                "logistic sigmoid 1 / (1 + e^-z), squashing into (0, 1); its derivative is at most 0.25",
                "A = 1 / (1 + e^-Z)", "dZ = dA * A * (1 - A)   (sigmoid' <= 0.25: each sigmoid layer shrinks the gradient at least fourfold)",
                "{L:1} / ({L:1} + {M}.Exp(-{x}))", "{dy} * {y} * ({L:1} - {y})", ""),
            new OpInfo(OpKind.Tanh, "Tanh", 1, 0, ShapeRule.SameAsOperand,
                "hyperbolic tangent, squashing into (-1, 1); its derivative is at most 1 and vanishes when saturated",
                "A = tanh(Z)", "dZ = dA * (1 - A^2)   (tanh' <= 1, near 0 when |Z| is large)",
                "{M}.Tanh({x})", "{dy} * ({L:1} - {y} * {y})", ""),
            new OpInfo(OpKind.Gelu, "Gelu", 1, 0, ShapeRule.SameAsOperand,
                "GELU, z * Phi(z) with Phi the standard normal CDF (exact erf form)",
                "A = Z * (1 + erf(Z / sqrt 2)) / 2", "dZ = dA * (Phi(Z) + Z * phi(Z))",
                "{L:0.5} * {x} * ({L:1} + {Erf}({x} * {L:0.7071067811865476}))",
                "{dy} * ({L:0.5} * ({L:1} + {Erf}({x} * {L:0.7071067811865476})) + {x} * {M}.Exp({L:-0.5} * {x} * {x}) * {L:0.3989422804014327})", ""),
            new OpInfo(OpKind.Silu, "Silu", 1, 0, ShapeRule.SameAsOperand,
                "SiLU (swish), z * sigmoid(z)",
                "A = Z * s, s = 1 / (1 + e^-Z)", "dZ = dA * s * (1 + Z * (1 - s))",
                "{x} / ({L:1} + {M}.Exp(-{x}))",
                "{dy} * ({L:1} / ({L:1} + {M}.Exp(-{x}))) * ({L:1} + {x} * ({L:1} - {L:1} / ({L:1} + {M}.Exp(-{x}))))", ""),
            new OpInfo(OpKind.Softmax, "Softmax", 1, 0, ShapeRule.SameAsOperand,
                "softmax over the features of each sample (shifted by the row maximum for stability)",
                "A_i = e^(Z_i - max Z) / sum_j e^(Z_j - max Z)", "dZ_i = A_i * (dA_i - sum_j dA_j A_j)",
                "", "", ""),
            new OpInfo(OpKind.Map, "Map", 1, 0, ShapeRule.SameAsOperand,
                "a [Differentiable] scalar function applied element-wise",
                "A = f(Z)", "dZ = dA * f'(Z), f' derived symbolically by SymGrad from f's source",
                "", "", ""),
            new OpInfo(OpKind.BatchNorm, "Forward", 1, 0, ShapeRule.LayerInToOut,
                "batch normalization: each feature normalized with the batch mean and variance (running statistics in evaluation mode), then scaled by gamma and shifted by beta",
                "Y = gamma * xhat + beta, xhat = (X - mean_batch) / sqrt(var_batch + eps)",
                "dgamma += sum_b dY xhat; dbeta += sum_b dY; dX = gamma s (dY - mean_b dY - xhat mean_b(dY xhat)), s = 1/sqrt(var + eps)   (evaluation: dX = gamma s dY)",
                "", "", ""),
            new OpInfo(OpKind.LayerNorm, "Forward", 1, 0, ShapeRule.LayerInToOut,
                "layer normalization: each sample normalized with the mean and variance of its own features, then scaled by gamma and shifted by beta",
                "Y = gamma * xhat + beta, xhat = (X - mean_row) / sqrt(var_row + eps)",
                "dgamma += sum_b dY xhat; dbeta += sum_b dY; dX = s (dxhat - mean_j dxhat - xhat mean_j(dxhat xhat)), dxhat = dY gamma",
                "", "", ""),
            new OpInfo(OpKind.Dropout, "Forward", 1, 0, ShapeRule.LayerInToOut,
                "inverted dropout: each element zeroed with probability p and the rest scaled by 1/(1-p) in training mode; the identity in evaluation mode",
                "Y = X * M, M = 1/(1-p) or 0 (counter-based mask)", "dX = dY * M",
                "", "", ""),
            new OpInfo(OpKind.Slice, "Step", 1, 1, ShapeRule.LayerInToOut,
                "a block of columns of each row (a time step of the sequence input, or a gate block)",
                "Y = X[:, start : start + width]", "dX[:, start : start + width] += dY (the other columns receive nothing)",
                "", "", ""),
            new OpInfo(OpKind.Zeros, "Zeros", 0, 1, ShapeRule.Input,
                "zeros, the initial state of a recurrent loop",
                "Y = 0", "(a constant: no gradient)",
                "", "", ""),
        };

        private static readonly string[] s_lossNames = { "MeanSquaredError", "SoftmaxCrossEntropy", "BinaryCrossEntropyWithLogits", "ElementwiseMean" };

        /// <summary>All ops, indexed by <see cref="OpKind"/>.</summary>
        public static IReadOnlyList<OpInfo> All => s_ops;

        public static OpInfo Get(OpKind kind) => s_ops[(int)kind];

        /// <summary>The op called by this name in <c>[Forward]</c> (activations only), or null.</summary>
        public static OpInfo? FindActivation(string name)
        {
            foreach (var op in s_ops)
            {
                if (op.Shape == ShapeRule.SameAsOperand && op.Arity == 1 && char.IsLetter(op.Name[0]) && op.Name == name)
                {
                    return op;
                }
            }
            return null;
        }

        /// <summary>The loss called by this name in <c>[Loss]</c>, or null.</summary>
        public static LossKind? FindLoss(string name)
        {
            for (int i = 0; i < s_lossNames.Length; i++)
            {
                if (s_lossNames[i] == name)
                {
                    return (LossKind)i;
                }
            }
            return null;
        }

        public static string LossName(LossKind kind) => s_lossNames[(int)kind];

        /// <summary>The value of an op's constant argument when the call omits it (LeakyRelu slope 0.01, Elu alpha 1, as PyTorch).</summary>
        public static double DefaultConstant(OpKind kind) => kind switch
        {
            OpKind.LeakyRelu => 0.01,
            OpKind.Elu => 1.0,
            _ => double.NaN,
        };

        /// <summary>One sentence per loss, for the class remarks and the loss block comment.</summary>
        public static string DescribeLoss(LossKind kind) => kind switch
        {
            LossKind.MeanSquaredError => "mean squared error over all outputs; dY = 2 (Y - T) / (B F)",
            LossKind.SoftmaxCrossEntropy => "softmax cross-entropy, fused and stable (log-sum-exp shifted by the row max); targets are one-hot or soft rows; dZ = (softmax(Z) - T) / B",
            LossKind.ElementwiseMean => "mean over all outputs of a [Differentiable] function f(prediction, target); dY = (df/dprediction) / (B F)",
            _ => "binary cross-entropy on logits, fused and stable (max(z,0) - z t + log(1 + e^-|z|)); dZ = (sigmoid(Z) - T) / (B F)",
        };
    }
}
