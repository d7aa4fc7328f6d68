using System.Collections.Generic;

namespace SymGrad.Generators.Parsing;

/// <summary>
/// Feature widths as a union-find over width variables. Element-wise ops unify their operands'
/// variables; a layer call unifies its operand with the layer's input width; a class holds at most
/// one known width, so the input width is inferred from whichever use first constrains it.
/// </summary>
internal sealed class WidthSolver
{
    private readonly List<int> _parent = new();
    private readonly List<int?> _width = new();

    /// <summary>A width not known yet.</summary>
    public int NewVariable() => Add(null);

    /// <summary>A variable fixed to <paramref name="width"/>.</summary>
    public int Known(int width) => Add(width);

    /// <summary>The variable's width, or null while unknown.</summary>
    public int? Resolve(int variable) => _width[Find(variable)];

    /// <summary>
    /// Declares the two widths equal. Returns false (and merges nothing) when both are known and
    /// differ; the caller reports the two shapes.
    /// </summary>
    public bool Unify(int a, int b)
    {
        int rootA = Find(a);
        int rootB = Find(b);
        if (rootA == rootB)
        {
            return true;
        }
        int? widthA = _width[rootA];
        int? widthB = _width[rootB];
        if (widthA.HasValue && widthB.HasValue && widthA.Value != widthB.Value)
        {
            return false;
        }
        _parent[rootB] = rootA;
        _width[rootA] = widthA ?? widthB;
        return true;
    }

    private int Add(int? width)
    {
        _parent.Add(_parent.Count);
        _width.Add(width);
        return _parent.Count - 1;
    }

    private int Find(int variable)
    {
        int root = variable;
        while (_parent[root] != root)
        {
            root = _parent[root];
        }
        // Path compression keeps long unrolled chains (x + x + x ...) cheap.
        while (_parent[variable] != root)
        {
            int next = _parent[variable];
            _parent[variable] = root;
            variable = next;
        }
        return root;
    }
}
