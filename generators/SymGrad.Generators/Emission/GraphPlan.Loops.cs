using System.Collections.Generic;
using SymGrad.Generators.Model;

namespace SymGrad.Generators.Emission;

// Rolled loops in the plan. A body node's adjoint has one slice per step; every contribution to it
// adds, and the emitter clears step t's slices just before they start receiving (step T - 1 in the
// backward prologue, step t - 1 at the top of backward step t). A node before the loop that a body
// node reads receives one contribution per step, so it is cleared by the prologue and always adds.
internal sealed partial class GraphPlan
{
    /// <summary>State node id to its next-value node, for every rolled loop.</summary>
    private static Dictionary<int, int> BackEdges(NetworkSpec spec)
    {
        var edges = new Dictionary<int, int>();
        foreach (var loop in spec.Loops)
        {
            foreach (var state in loop.States)
            {
                edges[state.Node] = state.Next;
            }
        }
        return edges;
    }

    private static IEnumerable<int> Operands(NodeSpec node, Dictionary<int, int> backEdges)
    {
        foreach (int operand in node.Operands)
        {
            yield return operand;
        }
        if (backEdges.TryGetValue(node.Id, out int next))
        {
            yield return next;
        }
    }

    /// <summary>Marks body adjoints and the adjoints the body reads from before the loop as accumulating; clears the latter in the prologue.</summary>
    private void AddLoopAdjoints(NetworkSpec spec, bool[] reached)
    {
        foreach (var loop in spec.Loops)
        {
            ClearedAdjoints.RemoveAll(loop.Contains); // cleared per step by the emitter
            for (int n = loop.First; n < loop.End && n < spec.Nodes.Count; n++)
            {
                reached[n] = true;
                foreach (int operand in spec.Nodes[n].Operands)
                {
                    if (!loop.Contains(operand) && HasAdjoint(operand) && !reached[operand])
                    {
                        reached[operand] = true;
                        ClearedAdjoints.Add(operand);
                    }
                }
            }
        }
    }
}
