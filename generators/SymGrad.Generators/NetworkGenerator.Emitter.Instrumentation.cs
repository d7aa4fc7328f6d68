using System;
using System.Collections.Generic;
using SymGrad.Generators.Emission;
using SymGrad.Generators.Model;
using SymGrad.Ops;
using static SymGrad.Generators.Emission.IndentedWriter;

namespace SymGrad.Generators;

// The emitter, instrumentation and clipping: the Clipping property and the clipping call in
// TrainStep (every network), and, for [Network(Instrumentation = true)] only, the statistics
// storage, the finite-input checks and the recording after the backward pass and the update.
// With instrumentation off nothing of the latter reaches the generated file.
public sealed partial class NetworkGenerator
{
    private const string StatisticsType = "global::SymGrad.Instrumentation.GradientStatistics";
    private const string ActivationType = "global::SymGrad.Instrumentation.ActivationKind";

    /// <summary>The Clipping property; with instrumentation, the statistics fields and property.</summary>
    private static void WriteInstrumentationMembers(EmitContext c)
    {
        var w = c.Writer;
        w.WriteLine("/// <summary>");
        w.WriteLine("/// Gradient clipping that <c>TrainStep</c> applies between the backward pass and the optimizer step;");
        w.WriteLine("/// null (the default) for none. <c>ComputeGradients</c> never clips.");
        w.WriteLine("/// </summary>");
        w.WriteLine("public global::SymGrad.Clipping.GradientClipping? Clipping { get; set; }");
        w.WriteLine();
        if (!c.Spec.Instrumented)
        {
            return;
        }
        var layers = InstrumentedLayers(c);
        var names = new List<string>();
        var activations = new List<string>();
        foreach (var layer in layers)
        {
            names.Add(Literals.String(layer.Layer.Name));
            activations.Add(ActivationType + "." + layer.Activation);
        }
        w.WriteLine("// Gradient instrumentation: one entry per layer in declaration order; the last array is the order the backward pass reaches them.");
        w.WriteLine("private readonly " + StatisticsType + " __sg_statistics = new " + StatisticsType + "(");
        w.WriteLine("    new string[] { " + string.Join(", ", names) + " },");
        w.WriteLine("    new " + ActivationType + "[] { " + string.Join(", ", activations) + " },");
        WriteTimeStepsInitializer(c, "    new int[] { " + string.Join(", ", LayerBackwardOrder(c, layers)) + " })");
        WriteWeightSegments(c, layers);
        w.WriteLine("/// <summary>Per-layer gradient statistics of the last <c>ComputeGradients</c> or <c>TrainStep</c>, updated in place.</summary>");
        w.WriteLine("public " + StatisticsType + " Statistics => __sg_statistics;");
        w.WriteLine();
    }

    /// <summary>The finite-value checks at the top of a public method (instrumentation only).</summary>
    private static void WriteFiniteInputChecks(EmitContext c, bool withTargets)
    {
        if (!c.Spec.Instrumented)
        {
            return;
        }
        c.Writer.WriteLine("global::SymGrad.Instrumentation.FiniteInputs.Require<" + c.T + ">(inputs, \"inputs\");");
        if (withTargets)
        {
            c.Writer.WriteLine("global::SymGrad.Instrumentation.FiniteInputs.Require<" + c.T + ">(targets, \"targets\");");
        }
    }

    /// <summary>The call that records the statistics after the backward pass (instrumentation only).</summary>
    private static void WriteRecordStatisticsCall(EmitContext c)
    {
        if (c.Spec.Instrumented)
        {
            c.Writer.WriteLine("__sg_RecordStatistics(batch);");
        }
    }

    /// <summary>TrainStep's body after the null check: gradients, clipping, update, and their statistics.</summary>
    private static void WriteTrainStepBody(EmitContext c)
    {
        var w = c.Writer;
        bool instrumented = c.Spec.Instrumented;
        w.WriteLine(c.T + " loss = ComputeGradients(inputs, targets);");
        w.WriteLine("global::SymGrad.Clipping.GradientClipping? clipping = Clipping;");
        using (EmitBlock(w, "if (clipping is not null)"))
        {
            w.WriteLine("clipping.Apply(__sg_gradients, __sg_parameterViews);");
        }
        if (instrumented)
        {
            w.WriteLine("__sg_statistics.RecordClipping(clipping);");
        }
        if (instrumented && MeasuredLayers(InstrumentedLayers(c)).Count > 0)
        {
            WriteMeasuredStep(c, MeasuredLayers(InstrumentedLayers(c)));
        }
        else
        {
            w.WriteLine("optimizer.Step(__sg_parameters, __sg_gradients);");
        }
        if (HasModes(c.Spec))
        {
            w.WriteLine("DropoutStep++;   // the next step draws new dropout masks");
        }
        w.WriteLine("return loss;");
    }

    /// <summary>The method that measures every layer after the backward pass (instrumentation only).</summary>
    private static void WriteRecordStatistics(EmitContext c)
    {
        if (!c.Spec.Instrumented)
        {
            return;
        }
        var w = c.Writer;
        string t = "<" + c.T + ">";
        w.WriteLine("/// <summary>Gradient instrumentation: each layer's statistics from the buffers the passes just filled (allocation-free).</summary>");
        using (EmitBlock(w, "private void __sg_RecordStatistics(int batch)"))
        {
            w.WriteLine(StatisticsType + " statistics = __sg_statistics;");
            w.WriteLine("statistics.BeginStep();");
            foreach (var layer in InstrumentedLayers(c))
            {
                var spec = layer.Layer;
                string index = Literals.Int(layer.Index);
                w.WriteLine("// " + spec.Name + " (layer " + index + "): weights, biases and their gradients"
                    + (layer.Nodes.Count == 0 ? "; [Forward] never calls it" : "; per call its output Z, dL/dZ and the activation"));
                w.WriteLine("statistics.RecordParameters" + t + "(" + index + ", "
                    + Slice(c, "__sg_parameters", spec.Offset, spec.WeightCount) + ", " + Slice(c, "__sg_parameters", spec.Offset + spec.WeightCount, spec.Outputs) + ",");
                w.WriteLine("    " + Slice(c, "__sg_gradients", spec.Offset, spec.WeightCount) + ", " + Slice(c, "__sg_gradients", spec.Offset + spec.WeightCount, spec.Outputs) + ");");
                bool first = true;
                foreach (int node in layer.Nodes)
                {
                    w.WriteLine("statistics.RecordOutput" + t + "(" + index + ", " + ReadArray(c, ValueName(node), spec.Outputs) + ");");
                    if (c.Plan.HasAdjoint(node))
                    {
                        w.WriteLine("statistics.RecordOutputGradient" + t + "(" + index + ", " + ReadArray(c, AdjointName(node), spec.Outputs) + ");");
                    }
                    int activation = ActivationNode(c.Spec, node);
                    if (first && activation >= 0)
                    {
                        w.WriteLine("statistics.RecordActivation" + t + "(" + index + ", " + ReadArray(c, ValueName(activation), spec.Outputs)
                            + ", batch, " + Literals.Int(spec.Outputs) + ");");
                    }
                    first = false;
                }
            }
            WriteTimeStepRecords(c);
            w.WriteLine("statistics.EndGradients();");
        }
        w.WriteLine();
    }

    private static string Slice(EmitContext c, string array, int offset, int length) =>
        "new global::System.ReadOnlySpan<" + c.T + ">(" + array + ", " + Literals.Int(offset) + ", " + Literals.Int(length) + ")";

    /// <summary>A layer with its index, its calls (Linear nodes, forward order) and the activation on the first call's output.</summary>
    private sealed class InstrumentedLayer
    {
        public InstrumentedLayer(int index, LayerSpec layer, List<int> nodes, string activation)
        {
            Index = index;
            Layer = layer;
            Nodes = nodes;
            Activation = activation;
        }

        public int Index { get; }
        public LayerSpec Layer { get; }
        public List<int> Nodes { get; }
        /// <summary>The ActivationKind member name.</summary>
        public string Activation { get; }
    }

    private static List<InstrumentedLayer> InstrumentedLayers(EmitContext c)
    {
        var result = new List<InstrumentedLayer>();
        for (int i = 0; i < c.Spec.Layers.Count; i++)
        {
            var layer = c.Spec.Layers[i];
            var nodes = LinearCalls(c.Spec, layer);
            int activation = nodes.Count > 0 ? ActivationNode(c.Spec, nodes[0]) : -1;
            string kind = activation < 0 ? "None" : c.Spec.Nodes[activation].Op.ToString();
            result.Add(new InstrumentedLayer(i, layer, nodes, kind));
        }
        return result;
    }

    /// <summary>The Linear nodes that call <paramref name="layer"/>, in forward order.</summary>
    private static List<int> LinearCalls(NetworkSpec spec, LayerSpec layer)
    {
        var nodes = new List<int>();
        foreach (var node in spec.Nodes)
        {
            if (node.Op == OpKind.Linear && string.Equals(node.Layer, layer.Name, StringComparison.Ordinal))
            {
                nodes.Add(node.Id);
            }
        }
        return nodes;
    }

    /// <summary>The ReLU, sigmoid or tanh node applied directly to <paramref name="node"/>'s output, or -1.</summary>
    internal static int ActivationNode(NetworkSpec spec, int node)
    {
        foreach (var candidate in spec.Nodes)
        {
            if (candidate.Op is OpKind.Relu or OpKind.Sigmoid or OpKind.Tanh && candidate.Operands.Count == 1 && candidate.Operands[0] == node)
            {
                return candidate.Id;
            }
        }
        return -1;
    }

    /// <summary>Layer indices in the order the backward pass reaches their first block.</summary>
    private static List<string> LayerBackwardOrder(EmitContext c, List<InstrumentedLayer> layers)
    {
        var order = new List<string>();
        var seen = new HashSet<int>();
        foreach (int id in c.Plan.BackwardOrder)
        {
            foreach (var layer in layers)
            {
                if (layer.Nodes.Contains(id) && seen.Add(layer.Index))
                {
                    order.Add(Literals.Int(layer.Index));
                }
            }
        }
        return order;
    }
}
