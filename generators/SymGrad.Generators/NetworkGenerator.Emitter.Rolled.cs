using System.Collections.Generic;
using SymGrad.Generators.Emission;
using SymGrad.Generators.Model;
using static SymGrad.Generators.Emission.IndentedWriter;

namespace SymGrad.Generators;

// The emitter, rolled loops (LoopSpec): a static tape. Each body node's value and adjoint arrays
// hold T steps of MaxBatchSize rows; inside the loop the spans of step __sg_t are used, outside it
// the last step's. The forward pass is one 'for' over the body; the backward pass runs the body's
// adjoint blocks for t = T - 1 down to 0, the state nodes carrying the adjoints of the loop-carried
// variables back to the previous step (or to the initial values at t = 0).
public sealed partial class NetworkGenerator
{
    private const string Step = "__sg_t";

    private static void WriteRolledForward(EmitContext c, LoopSpec loop)
    {
        var w = c.Writer;
        w.WriteLine("// Rolled loop (Forward line " + Literals.Int(loop.Line) + "): " + Literals.OneLine(loop.Header) + ", " + Literals.Int(loop.TripCount)
            + " steps over per-step storage (a static tape): step t's values stay for the backward pass.");
        c.InLoop = true;
        using (EmitBlock(w, "for (int " + Step + " = 0; " + Step + " < " + Literals.Int(loop.TripCount) + "; " + Step + "++)"))
        {
            for (int n = loop.First; n < loop.End; n++)
            {
                if (n > loop.First)
                {
                    w.WriteLine();
                }
                var node = c.Spec.Nodes[n];
                if (StateOf(loop, n) is LoopState state)
                {
                    WriteStateForward(c, state, node);
                    continue;
                }
                WriteForwardComment(c, node);
                WriteForwardNode(c, node);
            }
        }
        c.InLoop = false;
    }

    /// <summary>h(t) = t == 0 ? initial value : next value of step t - 1.</summary>
    private static void WriteStateForward(EmitContext c, LoopState state, NodeSpec node)
    {
        var w = c.Writer;
        var next = c.Spec.Nodes[state.Next];
        w.WriteLine("// " + Literals.OneLine(node.Source) + ": [" + Literals.Int(state.Init) + "] at t = 0, else [" + Literals.Int(state.Next) + "] of step t - 1");
        using (EmitBlock(w, null))
        {
            c.InLoop = false; // the initial value lives before the loop
            string initial = ReadSpan(c, state.Init);
            c.InLoop = true;
            w.WriteLine("global::System.ReadOnlySpan<" + c.T + "> from = " + Step + " == 0 ? " + initial + " : "
                + StepSpan(c, "ReadOnlySpan", ValueName(next.Id), next.Features, "(" + Step + " - 1)") + ";");
            w.WriteLine("from.CopyTo(" + WriteSpan(c, ValueName(node.Id), node.Features) + ");");
        }
    }

    private static void WriteRolledBackward(EmitContext c, LoopSpec loop)
    {
        var w = c.Writer;
        w.WriteLine("// Rolled loop backward (Forward line " + Literals.Int(loop.Line) + "): " + Literals.OneLine(loop.Header)
            + ", steps " + Literals.Int(loop.TripCount - 1) + " down to 0; the parameter gradients add up over the steps.");
        c.InLoop = true;
        using (EmitBlock(w, "for (int " + Step + " = " + Literals.Int(loop.TripCount - 1) + "; " + Step + " >= 0; " + Step + "--)"))
        {
            using (EmitBlock(w, "if (" + Step + " > 0)"))
            {
                w.WriteLine("// Step t - 1's adjoints start from zero: the states of step t and then step t - 1's own ops add into them.");
                foreach (int n in BodyAdjoints(c, loop))
                {
                    w.WriteLine(StepSpan(c, "Span", AdjointName(n), c.FeaturesOf(n), "(" + Step + " - 1)") + ".Clear();");
                }
            }
            foreach (int n in c.Plan.BackwardOrder)
            {
                if (!loop.Contains(n))
                {
                    continue;
                }
                w.WriteLine();
                if (StateOf(loop, n) is LoopState state)
                {
                    WriteStateBackward(c, state, c.Spec.Nodes[n]);
                    continue;
                }
                WriteBackwardNode(c, c.Spec.Nodes[n]);
            }
        }
        c.InLoop = false;
    }

    /// <summary>dh(t) goes to the next value's adjoint of step t - 1, or to the initial value's at t = 0.</summary>
    private static void WriteStateBackward(EmitContext c, LoopState state, NodeSpec node)
    {
        var w = c.Writer;
        string f = Literals.Int(node.Features);
        w.WriteLine("// " + Literals.OneLine(node.Source) + " backward: d[" + Literals.Int(state.Next) + "](t - 1) += dh(t), or d[" + Literals.Int(state.Init) + "] += dh(0)");
        using (EmitBlock(w, null))
        {
            w.WriteLine("global::System.ReadOnlySpan<" + c.T + "> dy = " + ReadArray(c, AdjointName(node.Id), node.Features) + ";");
            string previous = StepSpan(c, "Span", AdjointName(state.Next), node.Features, "(" + Step + " - 1)");
            string add = "global::SymGrad.Kernels.Elementwise.PassGradient<" + c.T + ">(dy, dx, batch * " + f + ", accumulate: true);";
            if (c.Plan.HasAdjoint(state.Init))
            {
                c.InLoop = false;
                string initial = WriteSpan(c, AdjointName(state.Init), node.Features);
                c.InLoop = true;
                w.WriteLine("global::System.Span<" + c.T + "> dx = " + Step + " == 0 ? " + initial + " : " + previous + ";");
                w.WriteLine(add);
                return;
            }
            using (EmitBlock(w, "if (" + Step + " > 0)   // at t = 0 the initial value needs no gradient"))
            {
                w.WriteLine("global::System.Span<" + c.T + "> dx = " + previous + ";");
                w.WriteLine(add);
            }
        }
    }

    /// <summary>The backward prologue: the last step's body adjoints start from zero (the prediction's was just written by the loss).</summary>
    private static void WriteLastStepClears(EmitContext c)
    {
        var w = c.Writer;
        foreach (var loop in c.Spec.Loops)
        {
            w.WriteLine("// The last step's adjoints of the rolled loop at Forward line " + Literals.Int(loop.Line) + ": the ops after the loop add into them.");
            foreach (int n in BodyAdjoints(c, loop))
            {
                if (n != c.Spec.Loss.PredictionNode)
                {
                    w.WriteLine(WriteSpan(c, AdjointName(n), c.FeaturesOf(n)) + ".Clear();");
                }
            }
            w.WriteLine();
        }
    }

    private static IEnumerable<int> BodyAdjoints(EmitContext c, LoopSpec loop)
    {
        for (int n = loop.First; n < loop.End; n++)
        {
            if (c.Plan.HasAdjoint(n))
            {
                yield return n;
            }
        }
    }

    private static LoopState? StateOf(LoopSpec loop, int node)
    {
        foreach (var state in loop.States)
        {
            if (state.Node == node)
            {
                return state;
            }
        }
        return null;
    }

    /// <summary>The rows of step <paramref name="step"/> (an int expression) of a body node's array.</summary>
    private static string StepSpan(EmitContext c, string span, string array, int features, string step) =>
        "new global::System." + span + "<" + c.T + ">(" + array + ", " + c.SlotOf(array, step) + " * " + Literals.Int(c.Spec.MaxBatchSize * features) + ", batch * " + Literals.Int(features) + ")";

    private sealed partial class EmitContext
    {
        private readonly Dictionary<string, (LoopSpec Loop, int Stride)> _stepArrays;

        /// <summary>True while the body of a rolled loop is written: body arrays then mean step __sg_t, else the last step.</summary>
        public bool InLoop { get; set; }

        /// <summary>Body node arrays (values and adjoints) with their loop and rows per step.</summary>
        private static Dictionary<string, (LoopSpec Loop, int Stride)> StepArrays(NetworkSpec spec)
        {
            var arrays = new Dictionary<string, (LoopSpec, int)>(System.StringComparer.Ordinal);
            foreach (var loop in spec.Loops)
            {
                for (int n = loop.First; n < loop.End && n < spec.Nodes.Count; n++)
                {
                    int stride = spec.MaxBatchSize * spec.Nodes[n].Features;
                    arrays[ValueName(n)] = (loop, stride);
                    arrays[AdjointName(n)] = (loop, stride);
                }
            }
            return arrays;
        }

        /// <summary>Where the current step of <paramref name="array"/> starts: 0 for a node outside rolled loops.</summary>
        public string StepOffset(string array)
        {
            if (!_stepArrays.TryGetValue(array, out var entry))
            {
                return "0";
            }
            if (InLoop)
            {
                return SlotOf(array, Step) + " * " + Literals.Int(entry.Stride);
            }
            // After the loop: the last step's rows.
            int last = entry.Loop.TripCount - 1;
            int slot = IsTwoSlotAdjoint(array) ? last & 1 : IsSingleSlotValue(array) ? 0 : last;
            return Literals.Int(slot * entry.Stride);
        }

        /// <summary>
        /// The slot of step <paramref name="step"/> (an int expression) in <paramref name="array"/>: the step itself,
        /// or its parity for an adjoint kept in two slots.
        /// </summary>
        public string SlotOf(string array, string step) =>
            IsTwoSlotAdjoint(array) ? "(" + step + " & 1)" : IsSingleSlotValue(array) ? "0" : step;

        /// <summary>
        /// A body node's adjoint needs only two slots, step t's and step t - 1's (into which step t's carried states
        /// add), not T: the backward pass of step t reads no other step's adjoints. This keeps a long loop's
        /// working set in cache (an LSTM over T = 50 kept 5 MB of adjoints). Instrumented networks keep all T,
        /// because their statistics read the last step's adjoints after the whole backward pass.
        /// </summary>
        private bool IsTwoSlotAdjoint(string array) =>
            !Spec.Instrumented && array.StartsWith(AdjointPrefix, System.StringComparison.Ordinal) && _stepArrays.ContainsKey(array);

        /// <summary>"T * " for a body node's value array (T steps of MaxBatchSize rows), else empty (also for a value kept in one slot).</summary>
        public string StepsFactor(int node) => IsSingleSlotValue(ValueName(node)) ? "" : BodyStepsFactor(node);

        private string BodyStepsFactor(int node)
        {
            foreach (var loop in Spec.Loops)
            {
                if (loop.Contains(node))
                {
                    return Literals.Int(loop.TripCount) + " * ";
                }
            }
            return "";
        }

        /// <summary>The factor of a body node's adjoint array: "2 * " when it is kept in two slots, else <see cref="StepsFactor"/>.</summary>
        public string AdjointStepsFactor(int node)
        {
            string factor = BodyStepsFactor(node);
            return factor.Length > 0 && IsTwoSlotAdjoint(AdjointName(node)) ? "2 * " : factor;
        }

        /// <summary>A slice's start column: its constant, plus t times its stride for a time step in a rolled loop.</summary>
        public string SliceStart(NodeSpec node)
        {
            string start = Literals.Int((int)node.Constant);
            foreach (var loop in Spec.Loops)
            {
                foreach (var stride in loop.Strides)
                {
                    if (stride.Node == node.Id)
                    {
                        return "(" + start + " + " + Step + " * " + Literals.Int(stride.Stride) + ")";
                    }
                }
            }
            return start;
        }

        /// <summary>The pass's items with each rolled loop's body nodes replaced by one item, -1 - (loop index), where its first body node was.</summary>
        public IReadOnlyList<int> GroupLoops(IReadOnlyList<int> nodes)
        {
            if (Spec.Loops.Count == 0)
            {
                return nodes;
            }
            var items = new List<int>();
            var written = new HashSet<int>();
            foreach (int n in nodes)
            {
                int index = -1;
                for (int l = 0; l < Spec.Loops.Count; l++)
                {
                    if (Spec.Loops[l].Contains(n))
                    {
                        index = l;
                    }
                }
                if (index < 0)
                {
                    items.Add(n);
                }
                else if (written.Add(index))
                {
                    items.Add(-1 - index);
                }
            }
            return items;
        }

        public LoopSpec LoopOfItem(int item) => Spec.Loops[-1 - item];
    }
}
