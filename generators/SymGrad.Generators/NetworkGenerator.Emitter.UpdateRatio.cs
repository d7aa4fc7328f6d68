using System.Collections.Generic;
using SymGrad.Generators.Emission;

namespace SymGrad.Generators;

// The emitter, the update/weight ratio of instrumented networks: TrainStep calls the optimizer's
// StepAndMeasure with one segment per called layer's weight matrix, so the optimizer measures
// ||W_after - W_before|| and ||W_before|| inside its own update loop (no copy of the parameters).
public sealed partial class NetworkGenerator
{
    /// <summary>The layers whose update is measured: those [Forward] calls (the others get no gradient and keep a NaN ratio).</summary>
    private static List<InstrumentedLayer> MeasuredLayers(List<InstrumentedLayer> layers)
    {
        var measured = new List<InstrumentedLayer>();
        foreach (var layer in layers)
        {
            if (layer.Nodes.Count > 0)
            {
                measured.Add(layer);
            }
        }
        // StepAndMeasure wants the segments in increasing order of offset.
        measured.Sort((a, b) => a.Layer.Offset != b.Layer.Offset ? a.Layer.Offset.CompareTo(b.Layer.Offset) : a.Index.CompareTo(b.Index));
        return measured;
    }

    /// <summary>The weight segments the optimizer measures, and the results it writes (allocated once).</summary>
    private static void WriteWeightSegments(EmitContext c, List<InstrumentedLayer> layers)
    {
        var measured = MeasuredLayers(layers);
        if (measured.Count == 0)
        {
            return;
        }
        var w = c.Writer;
        var segments = new List<string>();
        foreach (var layer in measured)
        {
            segments.Add("new global::SymGrad.ParameterSegment(" + Literals.Int(layer.Layer.Offset) + ", " + Literals.Int(layer.Layer.WeightCount) + ")");
        }
        w.WriteLine("// The weight matrices whose update the optimizer measures for the update/weight ratio, in buffer order.");
        w.WriteLine("private static readonly global::SymGrad.ParameterSegment[] __sg_weightSegments = { " + string.Join(", ", segments) + " };");
        w.WriteLine("private readonly double[] __sg_weightUpdateSquares = new double[" + Literals.Int(measured.Count) + "];");
        w.WriteLine();
    }

    /// <summary>The optimizer step that also measures each weight segment, then the ratios.</summary>
    private static void WriteMeasuredStep(EmitContext c, List<InstrumentedLayer> measured)
    {
        var w = c.Writer;
        w.WriteLine("optimizer.StepAndMeasure(__sg_parameters, __sg_gradients, __sg_weightSegments, __sg_weightUpdateSquares);");
        for (int k = 0; k < measured.Count; k++)
        {
            w.WriteLine("__sg_statistics.RecordUpdate(" + Literals.Int(measured[k].Index) + ", __sg_weightUpdateSquares[" + Literals.Int(k) + "]);");
        }
    }
}
