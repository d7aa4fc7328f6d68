using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SymGrad.Generators.Model;
using SymGrad.Ops;

namespace SymGrad.Generators.Parsing;

// Long loops kept rolled. The body is run three times (t = first, second and last counter value)
// and the three node runs are compared: the same ops in the same order, each operand either inside
// the same iteration, a loop-invariant node from before the loop, or a loop-carried state (a node
// before the loop in the first run, the previous run's node in the next ones). Slice starts may
// move with t, by a constant stride (checked at the last t as well). The first run is then kept
// once, behind one state node per carried variable, and the loop is recorded as a LoopSpec.
internal sealed partial class ForwardInterpreter
{
    private readonly List<LoopSpec> _rolledLoops = new();
    private bool _insideRolledLoop;

    /// <summary>Loops of more iterations than this stay rolled ([Network(LoopRollThreshold = n)]).</summary>
    public int LoopRollThreshold { get; set; } = int.MaxValue;

    /// <summary>Loops nested in a rolled loop are unrolled inside its body (every iteration then repeats them).</summary>
    private bool ShouldRoll(long tripCount) => !_insideRolledLoop && tripCount >= 2 && tripCount > LoopRollThreshold;

    private void Roll(ForStatementSyntax loop, string counter, int start, int tripCount, Location header, string headerText)
    {
        int[] samples = { start, start + 1, start + tripCount - 1 };
        var bounds = new int[samples.Length + 1];
        bounds[0] = _nodes.Count;
        _insideRolledLoop = true;
        try
        {
            for (int k = 0; k < samples.Length; k++)
            {
                _loopCounters[counter] = samples[k];
                int errorsBefore = _diagnostics.Count;
                Execute(loop.Statement);
                bounds[k + 1] = _nodes.Count;
                if (_diagnostics.Count > errorsBefore)
                {
                    return; // the body's own mistake, reported once
                }
            }
        }
        finally
        {
            _insideRolledLoop = false;
            _loopCounters.Remove(counter);
        }
        int length = bounds[1] - bounds[0];
        if (length == 0)
        {
            return; // nothing to run
        }
        var failure = new RollFailure(header, headerText, tripCount, LoopRollThreshold);
        if (bounds[2] - bounds[1] != length || bounds[3] - bounds[2] != length)
        {
            Report(failure, "their node counts differ (" + Count(length) + ", " + Count(bounds[2] - bounds[1]) + ", " + Count(bounds[3] - bounds[2]) + ")");
            return;
        }
        if (Compare(bounds, samples, failure) is not (List<(int Init, int Next)> states, List<LoopStride> strides))
        {
            return;
        }
        Rebuild(bounds, states, strides, tripCount, loop, headerText);
    }

    /// <summary>The carried states (init node, body index of the next value) and moving slices, or null after a diagnostic.</summary>
    private (List<(int Init, int Next)> States, List<LoopStride> Strides)? Compare(int[] bounds, int[] samples, RollFailure failure)
    {
        int a0 = bounds[0], b0 = bounds[1], c0 = bounds[2];
        int length = b0 - a0;
        var states = new List<(int Init, int Next)>();
        var strides = new List<LoopStride>();
        for (int j = 0; j < length; j++)
        {
            NodeBuilder a = _nodes[a0 + j], b = _nodes[b0 + j], c = _nodes[c0 + j];
            if (a.Op is OpKind.BatchNorm or OpKind.LayerNorm or OpKind.Dropout)
            {
                string state = a.Op == OpKind.Dropout ? "a mask per call" : "saved statistics per call";
                _diagnostics.Add(DiagnosticDescriptors.StatefulOpInRolledLoop, failure.Header, failure.HeaderText, Count(failure.TripCount),
                    Count(failure.Threshold), a.Source, state);
                return null;
            }
            if (!SameOp(a, b) || !SameOp(b, c))
            {
                Report(failure, "'" + a.Source + "' (line " + Count(a.Line) + ") is not matched by the same op in every iteration");
                return null;
            }
            if (a.Constant != b.Constant || b.Constant != c.Constant)
            {
                double stride = b.Constant - a.Constant;
                if (a.Op != OpKind.Slice || stride != System.Math.Floor(stride) || c.Constant != a.Constant + stride * (samples[2] - samples[0]))
                {
                    Report(failure, "the constants of '" + a.Source + "' change with the counter other than as a time step t * F");
                    return null;
                }
                strides.Add(new LoopStride(j, (int)stride));
            }
            for (int k = 0; k < a.Operands.Length; k++)
            {
                int oa = a.Operands[k], ob = b.Operands[k], oc = c.Operands[k];
                if (oa >= a0 && ob == oa + length && oc == ob + length)
                {
                    continue; // inside the iteration
                }
                if (oa < a0 && ob == oa && oc == oa)
                {
                    continue; // loop-invariant
                }
                if (oa < a0 && ob >= a0 && ob < b0 && oc == ob + length && _widths.Resolve(_nodes[oa].Width) == _widths.Resolve(_nodes[ob].Width))
                {
                    if (!states.Contains((oa, ob - a0)))
                    {
                        states.Add((oa, ob - a0));
                    }
                    continue; // carried from the previous iteration
                }
                Report(failure, "an operand of '" + a.Source + "' (line " + Count(a.Line) + ") is neither the same node in every iteration nor a variable carried across them");
                return null;
            }
        }
        return (states, strides);
    }

    private bool SameOp(NodeBuilder x, NodeBuilder y) =>
        x.Op == y.Op && x.Layer == y.Layer && x.Line == y.Line && x.Operands.Length == y.Operands.Length
        && Equals(x.Function, y.Function) && _widths.Resolve(x.Width) == _widths.Resolve(y.Width);

    /// <summary>Keeps the first run once, behind one state node per carried variable, and points the locals at it.</summary>
    private void Rebuild(int[] bounds, List<(int Init, int Next)> states, List<LoopStride> strides, int tripCount, ForStatementSyntax loop, string headerText)
    {
        int a0 = bounds[0], c0 = bounds[2];
        int length = bounds[1] - a0;
        int b0 = bounds[1];
        var body = _nodes.GetRange(a0, length);
        var second = _nodes.GetRange(b0, length);
        _nodes.RemoveRange(a0, _nodes.Count - a0);
        int first = a0 + states.Count;
        int line = SyntaxText.Line(loop);
        var loopStates = new List<LoopState>();
        for (int s = 0; s < states.Count; s++)
        {
            var (init, next) = states[s];
            string? name = NameOf(c0 + next);
            var node = new NodeBuilder(a0 + s, OpKind.Slice, new[] { init }, _nodes[init].Width, null, 0, line,
                (name ?? "state") + " carried across " + headerText)
            {
                Variable = name,
            };
            _nodes.Add(node);
            loopStates.Add(new LoopState(node.Id, init, first + next));
        }
        for (int j = 0; j < body.Count; j++)
        {
            var old = body[j];
            var operands = new int[old.Operands.Length];
            for (int k = 0; k < operands.Length; k++)
            {
                int o = old.Operands[k], next = second[j].Operands[k];
                operands[k] = o >= a0 ? first + (o - a0) // inside the iteration
                    : next >= a0 && next < b0 ? a0 + states.IndexOf((o, next - a0)) // carried: the state node
                    : o; // loop-invariant
            }
            _nodes.Add(new NodeBuilder(first + j, old.Op, operands, old.Width, old.Layer, old.Constant, old.Line, old.Source)
            {
                Variable = old.Variable,
                Function = old.Function,
            });
        }
        foreach (var name in new List<string>(_locals.Keys))
        {
            int value = _locals[name];
            if (value >= c0)
            {
                _locals[name] = first + (value - c0); // after the loop: the value at the last step
            }
            else if (value >= a0)
            {
                _locals[name] = Poisoned; // a middle iteration's value cannot be named after the loop
            }
        }
        var strideSpecs = new List<LoopStride>();
        foreach (var stride in strides)
        {
            strideSpecs.Add(new LoopStride(first + stride.Node, stride.Stride));
        }
        _rolledLoops.Add(new LoopSpec(a0, first + length, tripCount, loopStates.ToEquatableArray(), strideSpecs.ToEquatableArray(), line, headerText));
    }

    private string? NameOf(int node)
    {
        foreach (var pair in _locals)
        {
            if (pair.Value == node)
            {
                return pair.Key;
            }
        }
        return null;
    }

    private void Report(RollFailure failure, string reason) =>
        _diagnostics.Add(DiagnosticDescriptors.LoopIterationsDiffer, failure.Header, failure.HeaderText, Count(failure.TripCount), Count(failure.Threshold), reason);

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed record RollFailure(Location Header, string HeaderText, int TripCount, int Threshold);
}
