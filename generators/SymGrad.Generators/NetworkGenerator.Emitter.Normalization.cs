using System.Linq;
using SymGrad.Generators.Emission;
using SymGrad.Generators.Model;
using SymGrad.Ops;
using static SymGrad.Generators.Emission.IndentedWriter;

namespace SymGrad.Generators;

// The emitter, normalization part: batch norm, layer norm and dropout, plus what a network with a
// mode adds (IStatefulNetwork: IsTraining, the state buffer of running statistics, the dropout
// step). Their math lives in the runtime's kernels (Kernels/Normalization*.cs, Kernels/Dropout.cs):
// a reduction over the batch is a loop either way, so unrolling it would show the reader nothing.
public sealed partial class NetworkGenerator
{
    /// <summary>Whether the network behaves differently in training and evaluation mode (batch norm or dropout).</summary>
    private static bool HasModes(NetworkSpec spec) =>
        spec.Layers.Any(l => l.Kind is LayerKind.BatchNorm or LayerKind.Dropout);

    private static int StateCount(NetworkSpec spec) => spec.Layers.Sum(l => l.StateCount);

    private static bool IsNormalization(OpKind op) => op is OpKind.BatchNorm or OpKind.LayerNorm or OpKind.Dropout;

    /// <summary>The interface the class implements: IStatefulNetwork when it has modes, else INetwork.</summary>
    private static string NetworkInterface(EmitContext c) =>
        (HasModes(c.Spec) ? "global::SymGrad.IStatefulNetwork<" : "global::SymGrad.INetwork<") + c.T + ">";

    private static string XhatName(int node) => "__sg_xhat" + Literals.Int(node);

    private static string InverseStdName(int node) => "__sg_inverseStd" + Literals.Int(node);

    private static string MaskName(int node) => "__sg_mask" + Literals.Int(node);

    /// <summary>The saved xhat and 1/std of each norm node, the mask of each dropout node, and the mode fields.</summary>
    private static void WriteNormalizationFields(EmitContext c)
    {
        var w = c.Writer;
        string t = c.T;
        foreach (var node in c.Spec.Nodes.Where(n => IsNormalization(n.Op)))
        {
            string size = "[MaxBatchSize * " + Literals.Int(node.Features) + "]";
            if (node.Op == OpKind.Dropout)
            {
                w.WriteLine("private readonly " + t + "[] " + MaskName(node.Id) + " = new " + t + size + ";   // [" + Literals.Int(node.Id) + "] mask: 1/(1-p) or 0");
                continue;
            }
            string groups = node.Op == OpKind.BatchNorm ? Literals.Int(node.Features) : "MaxBatchSize";
            w.WriteLine("private readonly " + t + "[] " + XhatName(node.Id) + " = new " + t + size + ";   // [" + Literals.Int(node.Id) + "] normalized input xhat");
            w.WriteLine("private readonly " + t + "[] " + InverseStdName(node.Id) + " = new " + t + "[" + groups + "];   // [" + Literals.Int(node.Id) + "] 1 / sqrt(var + eps) per "
                + (node.Op == OpKind.BatchNorm ? "feature" : "sample"));
        }
        if (!HasModes(c.Spec))
        {
            return;
        }
        w.WriteLine();
        w.WriteLine("// Non-trainable state (batch norm running statistics; layout: StateViews) and the mode.");
        w.WriteLine("private readonly " + t + "[] __sg_state = new " + t + "[" + Literals.Int(StateCount(c.Spec)) + "];");
        w.WriteLine("private bool __sg_forwardTraining;   // the mode of the last forward pass, which its backward pass follows");
        w.WriteLine();
        w.WriteLine("private static readonly global::System.Collections.ObjectModel.ReadOnlyCollection<global::SymGrad.ParameterView> __sg_stateViews =");
        w.Indent++;
        using (EmitBlock(w, "global::System.Array.AsReadOnly(new global::SymGrad.ParameterView[]", ");"))
        {
            foreach (var layer in c.Spec.Layers.Where(l => l.Kind == LayerKind.BatchNorm))
            {
                w.WriteLine("new global::SymGrad.ParameterView(" + Literals.String(layer.Name + ".RunningMean") + ", " + Literals.Int(layer.StateOffset) + ", 1, " + Literals.Int(layer.Outputs) + "),");
                w.WriteLine("new global::SymGrad.ParameterView(" + Literals.String(layer.Name + ".RunningVariance") + ", " + Literals.Int(layer.StateOffset + layer.Outputs) + ", 1, " + Literals.Int(layer.Outputs) + "),");
            }
        }
        w.Indent--;
    }

    /// <summary>Constructor lines: bind the state and streams, store the seed, start the running statistics at mean 0, variance 1.</summary>
    private static void WriteNormalizationConstructor(EmitContext c)
    {
        var w = c.Writer;
        if (!HasModes(c.Spec))
        {
            return;
        }
        w.WriteLine("DropoutSeed = unchecked((ulong)seed);");
        foreach (var layer in c.Spec.Layers)
        {
            if (layer.Kind == LayerKind.BatchNorm)
            {
                w.WriteLine("this." + layer.Name + ".BindState(" + Literals.Int(layer.StateOffset) + ");");
                w.WriteLine("new global::System.Span<" + c.T + ">(__sg_state, " + Literals.Int(layer.StateOffset + layer.Outputs) + ", " + Literals.Int(layer.Outputs) + ").Fill(" + Literals.Real(1, c.Spec.IsDouble) + ");");
            }
            else if (layer.Kind == LayerKind.Dropout)
            {
                w.WriteLine("this." + layer.Name + ".BindStream(" + Literals.Int(layer.Stream) + ");");
            }
        }
    }

    /// <summary>The IStatefulNetwork members.</summary>
    private static void WriteStateMembers(EmitContext c)
    {
        if (!HasModes(c.Spec))
        {
            return;
        }
        var w = c.Writer;
        w.WriteLine("/// <inheritdoc/>");
        w.WriteLine("public bool IsTraining { get; set; } = true;");
        w.WriteLine();
        w.WriteLine("/// <inheritdoc/>");
        w.WriteLine("public global::System.Span<" + c.T + "> State => __sg_state;");
        w.WriteLine();
        w.WriteLine("/// <inheritdoc/>");
        w.WriteLine("public global::System.Collections.Generic.IReadOnlyList<global::SymGrad.ParameterView> StateViews => __sg_stateViews;");
        w.WriteLine();
        w.WriteLine("/// <inheritdoc/>");
        w.WriteLine("public long DropoutStep { get; set; }");
        w.WriteLine();
        w.WriteLine("/// <inheritdoc/>");
        w.WriteLine("public ulong DropoutSeed { get; set; }");
        w.WriteLine();
    }

    /// <summary>The reference session's mode and state, after it began.</summary>
    private static void WriteReferenceConfiguration(EmitContext c)
    {
        if (!HasModes(c.Spec))
        {
            return;
        }
        var w = c.Writer;
        w.WriteLine("double[] __sg_stateCopy = new double[__sg_state.Length];");
        using (EmitBlock(w, "for (int __sg_i = 0; __sg_i < __sg_state.Length; __sg_i++)"))
        {
            w.WriteLine("__sg_stateCopy[__sg_i] = __sg_state[__sg_i];");
        }
        w.WriteLine("__sg_session.Configure(__sg_stateCopy, IsTraining, DropoutSeed, DropoutStep);");
    }

    private static void WriteNormalizationForward(EmitContext c, NodeSpec node, int operand)
    {
        var w = c.Writer;
        string t = c.T;
        var layer = c.Layer(node);
        string f = Literals.Int(node.Features);
        string x = ReadSpan(c, operand);
        string y = WriteSpan(c, ValueName(node.Id), node.Features);
        if (node.Op == OpKind.Dropout)
        {
            w.WriteLine("// Evaluation mode keeps every element (probability 0): y = x, mask = 1.");
            w.WriteLine("global::SymGrad.Kernels.Dropout.Forward<" + t + ">(" + x + ", " + y + ", " + WriteSpan(c, MaskName(node.Id), node.Features) + ", batch * " + f
                + ", training ? " + Literals.Real(layer?.Probability ?? 0, true) + " : 0.0, DropoutSeed, DropoutStep, " + Literals.Int(layer?.Stream ?? 0) + ");");
            return;
        }
        if (layer is null)
        {
            w.WriteLine("#error SymGrad: no layer field named " + Literals.OneLine(node.Layer ?? "(none)") + " in the spec");
            return;
        }
        w.WriteLine("global::System.ReadOnlySpan<" + t + "> p = __sg_parameters;");
        string affine = "p.Slice(" + Literals.Int(layer.Offset) + ", " + f + "), p.Slice(" + Literals.Int(layer.Offset + node.Features) + ", " + f + ")";
        string xhat = WriteSpan(c, XhatName(node.Id), node.Features);
        string epsilon = Literals.Real(layer.Epsilon, true);
        if (node.Op == OpKind.LayerNorm)
        {
            w.WriteLine("global::SymGrad.Kernels.Normalization.LayerNormForward<" + t + ">(" + x + ", " + affine + ", " + y + ", " + xhat + ", "
                + InverseStdName(node.Id) + ", batch, " + f + ", " + epsilon + ");");
            return;
        }
        string state = "new global::System.Span<" + t + ">(__sg_state, " + Literals.Int(layer.StateOffset) + ", " + f + "), new global::System.Span<" + t + ">(__sg_state, "
            + Literals.Int(layer.StateOffset + node.Features) + ", " + f + ")";
        w.WriteLine("global::SymGrad.Kernels.Normalization.BatchNormForward<" + t + ">(" + x + ", " + affine + ", " + y + ", " + xhat + ", "
            + InverseStdName(node.Id) + ", " + state + ", batch, " + f + ", training, " + Literals.Real(layer.Momentum, true) + ", " + epsilon + ");");
    }

    private static void WriteNormalizationBackward(EmitContext c, NodeSpec node)
    {
        var w = c.Writer;
        string t = c.T;
        int operand = node.Operands.Count > 0 ? node.Operands[0] : 0;
        bool inputGradient = c.Plan.HasAdjoint(operand);
        string accumulate = c.Plan.Assigns(node.Id, 0) ? "false" : "true";
        string f = Literals.Int(node.Features);
        string dy = ReadArray(c, AdjointName(node.Id), node.Features);
        string dx = inputGradient ? WriteSpan(c, AdjointName(operand), node.Features) : "global::System.Span<" + t + ">.Empty";
        if (node.Op == OpKind.Dropout)
        {
            if (!inputGradient)
            {
                w.WriteLine("// (the operand needs no gradient)");
                return;
            }
            w.WriteLine("global::SymGrad.Kernels.Dropout.Backward<" + t + ">(" + ReadArray(c, MaskName(node.Id), node.Features) + ", " + dy + ", " + dx
                + ", batch * " + f + ", accumulate: " + accumulate + ");");
            return;
        }
        var layer = c.Layer(node);
        if (layer is null)
        {
            w.WriteLine("#error SymGrad: no layer field named " + Literals.OneLine(node.Layer ?? "(none)") + " in the spec");
            return;
        }
        w.WriteLine("global::System.Span<" + t + "> g = __sg_gradients;");
        if (!inputGradient)
        {
            w.WriteLine("// dX skipped: " + (IsInput(c, operand) ? "the network input" : "the operand") + " needs no gradient.");
        }
        string gamma = "new global::System.ReadOnlySpan<" + t + ">(__sg_parameters, " + Literals.Int(layer.Offset) + ", " + f + ")";
        string grads = "g.Slice(" + Literals.Int(layer.Offset) + ", " + f + "), g.Slice(" + Literals.Int(layer.Offset + node.Features) + ", " + f + ")";
        string xhat = ReadArray(c, XhatName(node.Id), node.Features);
        if (node.Op == OpKind.LayerNorm)
        {
            w.WriteLine("global::SymGrad.Kernels.Normalization.LayerNormBackward<" + t + ">(" + xhat + ", " + InverseStdName(node.Id) + ", " + gamma + ", " + dy + ", "
                + grads + ", " + dx + ", batch, " + f + ", accumulate: " + accumulate + ");");
            return;
        }
        w.WriteLine("global::SymGrad.Kernels.Normalization.BatchNormBackward<" + t + ">(" + xhat + ", " + InverseStdName(node.Id) + ", " + gamma + ", " + dy + ", "
            + grads + ", " + dx + ", batch, " + f + ", __sg_forwardTraining, accumulate: " + accumulate + ");");
    }

    /// <summary>The class-remarks line of a batch norm, layer norm or dropout field.</summary>
    private static string DescribeNormalizationLayer(LayerSpec layer)
    {
        if (layer.Gates > 0)
        {
            return DescribeCell(layer);
        }
        if (layer.Owner is not null)
        {
            return DescribeCellPart(layer);
        }
        string where = layer.Name + " (line " + Literals.Int(layer.Line) + "): ";
        string affine = ", gamma (initially 1) at [" + Literals.Int(layer.Offset) + ", " + Literals.Int(layer.Offset + layer.Outputs) + "), beta (initially 0) at ["
            + Literals.Int(layer.Offset + layer.Outputs) + ", " + Literals.Int(layer.Offset + 2 * layer.Outputs) + ")";
        return layer.Kind switch
        {
            LayerKind.BatchNorm => where + "batch norm over " + Literals.Int(layer.Outputs) + " features (momentum " + ConstantText(layer.Momentum) + ", epsilon "
                + ConstantText(layer.Epsilon) + ")" + affine + "; running mean and variance at " + Literals.Int(layer.StateOffset) + " in the state buffer.",
            LayerKind.LayerNorm => where + "layer norm over " + Literals.Int(layer.Outputs) + " features (epsilon " + ConstantText(layer.Epsilon) + ")" + affine + ".",
            _ => where + "dropout with probability " + ConstantText(layer.Probability) + " (mask stream " + Literals.Int(layer.Stream) + "), no parameters.",
        };
    }
}
