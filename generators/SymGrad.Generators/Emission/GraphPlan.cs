using System.Collections.Generic;
using SymGrad.Generators.Model;
using SymGrad.Ops;

namespace SymGrad.Generators.Emission;

/// <summary>
/// What the backward pass needs to know about the forward graph: which nodes carry an adjoint
/// buffer, and for each gradient contribution whether it is the first one to reach its target
/// (in reverse order), so that it assigns and later ones add: no adjoint buffer is ever cleared.
/// </summary>
internal sealed partial class GraphPlan
{
    private readonly bool[] _hasAdjoint;
    private readonly HashSet<(int Node, int Operand)> _assigning = new();

    private GraphPlan(bool[] hasAdjoint) => _hasAdjoint = hasAdjoint;

    /// <summary>Whether the node needs dLoss/dNode: it reaches the loss and depends on parameters (never the input).</summary>
    public bool HasAdjoint(int node) => node >= 0 && node < _hasAdjoint.Length && _hasAdjoint[node];

    /// <summary>Whether the contribution of <paramref name="node"/> to its operand at <paramref name="operandIndex"/> is the first (assigns) rather than a later one (adds).</summary>
    public bool Assigns(int node, int operandIndex) => _assigning.Contains((node, operandIndex));

    /// <summary>
    /// Nodes read by a Slice: a slice sends a gradient to a block of columns only, so these adjoints
    /// are cleared at the start of the backward pass and every contribution to them adds.
    /// </summary>
    public List<int> ClearedAdjoints { get; } = new();

    /// <summary>Nodes whose backward block runs, in reverse evaluation order.</summary>
    public List<int> BackwardOrder { get; } = new();

    public static GraphPlan Create(NetworkSpec spec)
    {
        var nodes = spec.Nodes;
        int count = nodes.Count;

        // Nodes on which the loss depends: walk back from the prediction.
        var live = new bool[count];
        if (spec.Loss.PredictionNode >= 0 && spec.Loss.PredictionNode < count)
        {
            live[spec.Loss.PredictionNode] = true;
        }
        var backEdges = BackEdges(spec); // a rolled loop's state node also reads its next value (a later node)
        bool changed = true;
        while (changed)
        {
            changed = false;
            for (int n = count - 1; n >= 0; n--)
            {
                if (live[n])
                {
                    foreach (int operand in Operands(nodes[n], backEdges))
                    {
                        if (operand >= 0 && operand < count && !live[operand])
                        {
                            live[operand] = changed = true;
                        }
                    }
                }
            }
        }

        // Nodes that depend on a parameter: the gradient has to flow through them to reach one.
        var dependsOnParameters = new bool[count];
        for (changed = true; changed;)
        {
            changed = false;
            for (int n = 0; n < count; n++)
            {
                bool depends = nodes[n].Op is OpKind.Linear or OpKind.BatchNorm or OpKind.LayerNorm; // the ops that own parameters
                foreach (int operand in Operands(nodes[n], backEdges))
                {
                    depends |= operand >= 0 && operand < count && operand != n && dependsOnParameters[operand];
                }
                changed |= depends && !dependsOnParameters[n];
                dependsOnParameters[n] |= depends;
            }
        }

        var hasAdjoint = new bool[count];
        for (int n = 0; n < count; n++)
        {
            hasAdjoint[n] = live[n] && dependsOnParameters[n] && nodes[n].Op != OpKind.Input;
        }

        var plan = new GraphPlan(hasAdjoint);
        var reached = new bool[count];
        for (int n = 0; n < count; n++)
        {
            int operand = nodes[n].Operands.Count > 0 ? nodes[n].Operands[0] : -1;
            if (nodes[n].Op == OpKind.Slice && hasAdjoint[n] && plan.HasAdjoint(operand) && !reached[operand])
            {
                reached[operand] = true; // counts as reached: nothing assigns it
                plan.ClearedAdjoints.Add(operand);
            }
        }
        plan.AddLoopAdjoints(spec, reached);
        plan.ClearedAdjoints.Sort();
        if (plan.HasAdjoint(spec.Loss.PredictionNode))
        {
            reached[spec.Loss.PredictionNode] = true; // the loss assigns the prediction's adjoint
        }
        for (int n = count - 1; n >= 0; n--)
        {
            if (!hasAdjoint[n])
            {
                continue;
            }
            plan.BackwardOrder.Add(n);
            for (int k = 0; k < nodes[n].Operands.Count; k++)
            {
                int operand = nodes[n].Operands[k];
                if (plan.HasAdjoint(operand) && !reached[operand])
                {
                    reached[operand] = true;
                    plan._assigning.Add((n, k));
                }
            }
        }
        return plan;
    }
}
