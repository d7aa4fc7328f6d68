using SymGrad.Generators.Emission;
using SymGrad.Generators.Model;

namespace SymGrad.Generators;

// The emitter, packed forward products: a dense layer on the kernel path that runs several times per pass (a
// recurrent cell's W_ih and W_hh, once per time step; a weight-shared block) with few inputs packs W^T once at
// the start of the forward pass and runs each call in the broadcast form (Dense.ForwardPacked), which has no
// horizontal sums to do. A layer called once keeps the dot-product form: packing would cost as much as it saves.
public sealed partial class NetworkGenerator
{
    /// <summary>Most inputs for which packing pays (the dot-product form is near the ceiling above this).</summary>
    private const int PackedForwardMaxInputs = 128;

    /// <summary>Whether <paramref name="layer"/>'s forward calls use a packed W^T.</summary>
    private static bool PacksForward(EmitContext c, LayerSpec layer)
    {
        if (layer.Kind != LayerKind.Linear || IsUnrolled(c, layer) || layer.Inputs > PackedForwardMaxInputs)
        {
            return false;
        }
        int runs = 0;
        foreach (int call in LinearCalls(c.Spec, layer))
        {
            runs += RunsPerPass(c, call);
        }
        return runs >= 2;
    }

    /// <summary>How often <paramref name="node"/> runs per pass: its rolled loop's trip count, or once.</summary>
    private static int RunsPerPass(EmitContext c, int node)
    {
        foreach (var loop in c.Spec.Loops)
        {
            if (loop.Contains(node))
            {
                return loop.TripCount;
            }
        }
        return 1;
    }

    private static string PackedName(LayerSpec layer) => "__sg_packed_" + layer.Name.Replace('.', '_');

    /// <summary>One W^T buffer per packing layer.</summary>
    private static void WritePackedWeightFields(EmitContext c)
    {
        foreach (var layer in c.Spec.Layers)
        {
            if (PacksForward(c, layer))
            {
                c.Writer.WriteLine("private readonly " + c.T + "[] " + PackedName(layer) + " = new " + c.T + "[" + Literals.Int(layer.WeightCount)
                    + "];   // W^T of " + layer.Name + ", packed at the start of each forward pass");
            }
        }
    }

    /// <summary>The forward pass's prologue: W^T of each packing layer, from the current weights.</summary>
    private static void WritePackedWeights(EmitContext c)
    {
        bool any = false;
        foreach (var layer in c.Spec.Layers)
        {
            if (!PacksForward(c, layer))
            {
                continue;
            }
            if (!any)
            {
                c.Writer.WriteLine("// W^T of the layers called several times per pass, packed once for the broadcast form of their forward products.");
                any = true;
            }
            c.Writer.WriteLine("global::SymGrad.Kernels.Dense.PackTransposed<" + c.T + ">(new global::System.ReadOnlySpan<" + c.T + ">(__sg_parameters, "
                + Literals.Int(layer.Offset) + ", " + Literals.Int(layer.WeightCount) + "), " + PackedName(layer) + ", "
                + Literals.Int(layer.Inputs) + ", " + Literals.Int(layer.Outputs) + ");");
        }
        if (any)
        {
            c.Writer.WriteLine();
        }
    }

    private static void WritePackedLinearForward(EmitContext c, LayerSpec layer, int operand, int node) =>
        c.Writer.WriteLine("global::SymGrad.Kernels.Dense.ForwardPacked<" + c.T + ">(" + ReadSpan(c, operand) + ", " + PackedName(layer)
            + ", new global::System.ReadOnlySpan<" + c.T + ">(__sg_parameters, " + Literals.Int(layer.Offset + layer.WeightCount) + ", " + Literals.Int(layer.Outputs) + "), "
            + WriteSpan(c, ValueName(node), layer.Outputs) + ", batch, " + Literals.Int(layer.Inputs) + ", " + Literals.Int(layer.Outputs) + ");");
}
