using System;
using System.Collections.Generic;
using SymGrad.Generators.Emission;
using SymGrad.Generators.Model;
using SymGrad.Ops;

namespace SymGrad.Generators;

// The emitter, instrumentation through time: for each recurrent cell field of an instrumented
// network, the node that each Step call returns (h_t) and, after the backward pass, the norm of its
// adjoint dL/dh_t recorded into GradientStatistics.TimeSteps.
public sealed partial class NetworkGenerator
{
    private const string TimeStepsType = "global::SymGrad.Instrumentation.TimeStepStatistics";

    /// <summary>A cell field with the node of h_t for each of its Step calls, in forward order.</summary>
    private sealed class RecurrentStates
    {
        public RecurrentStates(string cell, List<int> states)
        {
            Cell = cell;
            States = states;
        }

        public string Cell { get; }
        public List<int> States { get; }
    }

    /// <summary>
    /// The cells and their per-step state nodes. ForwardInterpreter.CellStep appends a Step call's
    /// nodes contiguously, starting with the InputHidden product, and ends with h'; the count per kind
    /// is fixed by its equations. Anything that does not match that shape (a future change to the
    /// expansion) or a Step call inside a rolled loop drops the cell rather than recording the wrong node.
    /// </summary>
    private static List<RecurrentStates> FindRecurrentStates(NetworkSpec spec)
    {
        var result = new List<RecurrentStates>();
        foreach (var layer in spec.Layers)
        {
            if (layer.Owner is not null || layer.Gates == 0)
            {
                continue;
            }
            var (length, last) = layer.Kind switch
            {
                LayerKind.Rnn => (4, OpKind.Tanh),        // W_ih x, W_hh h, +, tanh
                LayerKind.Gru => (18, OpKind.Add),        // 2 products, r (4), z (4), n (5), (1 - z) n + z h (3)
                _ => (16, OpKind.Multiply),               // 2 products, +, 4 x (slice, activation), c' (3), o tanh(c') (2)
            };
            string inputHidden = layer.Name + ".InputHidden";
            string hiddenHidden = layer.Name + ".HiddenHidden";
            var states = new List<int>();
            bool valid = true;
            foreach (var node in spec.Nodes)
            {
                if (node.Op != OpKind.Linear || !string.Equals(node.Layer, inputHidden, StringComparison.Ordinal))
                {
                    continue;
                }
                int state = node.Id + length - 1;
                // A rolled loop holds its body once, with per-step buffers: not instrumented per step (yet).
                valid = !InRolledLoop(spec, node.Id) && state < spec.Nodes.Count
                    && string.Equals(spec.Nodes[node.Id + 1].Layer, hiddenHidden, StringComparison.Ordinal)
                    && spec.Nodes[state].Op == last && spec.Nodes[state].Features == layer.Outputs;
                if (!valid)
                {
                    break;
                }
                states.Add(state);
            }
            if (valid && states.Count > 0)
            {
                result.Add(new RecurrentStates(layer.Name, states));
            }
        }
        return result;
    }

    private static bool InRolledLoop(NetworkSpec spec, int node)
    {
        foreach (var loop in spec.Loops)
        {
            if (loop.Contains(node))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Ends the statistics field's initializer: ";" alone, or, with recurrent cells, an object
    /// initializer that attaches the time-step storage.
    /// </summary>
    private static void WriteTimeStepsInitializer(EmitContext c, string header)
    {
        var w = c.Writer;
        var cells = FindRecurrentStates(c.Spec);
        if (cells.Count == 0)
        {
            w.WriteLine(header + ";");
            return;
        }
        var names = new List<string>();
        var counts = new List<string>();
        foreach (var cell in cells)
        {
            names.Add(Literals.String(cell.Cell));
            counts.Add(Literals.Int(cell.States.Count));
        }
        using (IndentedWriter.EmitBlock(w, header, ";"))
        {
            w.WriteLine("// dL/dh_t per Step call of each recurrent cell field.");
            w.WriteLine("TimeSteps = new " + TimeStepsType + "(new string[] { " + string.Join(", ", names) + " }, new int[] { " + string.Join(", ", counts) + " }),");
        }
    }

    /// <summary>In __sg_RecordStatistics: the norm of each step's hidden-state adjoint.</summary>
    private static void WriteTimeStepRecords(EmitContext c)
    {
        var cells = FindRecurrentStates(c.Spec);
        if (cells.Count == 0)
        {
            return;
        }
        var w = c.Writer;
        w.WriteLine(TimeStepsType + " timeSteps = statistics.TimeSteps!;");
        for (int i = 0; i < cells.Count; i++)
        {
            var hidden = c.Spec.Nodes[cells[i].States[0]].Features;
            w.WriteLine("// " + cells[i].Cell + ": ||dL/dh_t|| for each Step call t (the adjoint of the state it returned)");
            for (int t = 0; t < cells[i].States.Count; t++)
            {
                int node = cells[i].States[t];
                if (c.Plan.HasAdjoint(node))
                {
                    w.WriteLine("timeSteps.RecordHiddenGradient<" + c.T + ">(" + Literals.Int(i) + ", " + Literals.Int(t) + ", " + ReadArray(c, AdjointName(node), hidden) + ");");
                }
            }
        }
    }
}
