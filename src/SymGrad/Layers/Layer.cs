using System;
using System.Collections.Generic;

namespace SymGrad;

/// <summary>
/// A parameterized layer field of a network definition. The generated constructor binds each layer
/// to its place in the network's flat parameter buffer (<see cref="Bind"/>) and initializes it.
/// On the reference path the layer's <c>Forward</c> reads its parameters from the active
/// <see cref="Reference.ReferenceSession"/>.
/// </summary>
public abstract class Layer
{
    /// <summary>The field name, set by <see cref="Bind"/>.</summary>
    public string Name { get; private set; } = "";

    /// <summary>Offset of the layer's first parameter in the flat buffer.</summary>
    public int Offset { get; private set; } = -1;

    /// <summary>Number of parameters the layer owns.</summary>
    public abstract int ParameterCount { get; }

    /// <summary>The layer's named views, in buffer order (valid after <see cref="Bind"/>).</summary>
    public abstract IReadOnlyList<ParameterView> Views { get; }

    /// <summary>Places the layer at <paramref name="offset"/> in the network's buffer under <paramref name="name"/>.</summary>
    public void Bind(string name, int offset)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        Name = name;
        Offset = offset;
        OnBind();
    }

    /// <summary>Recomputes the views after <see cref="Bind"/>.</summary>
    protected abstract void OnBind();

    /// <summary>
    /// Writes the layer's initial values into <paramref name="parameters"/> (the whole network buffer,
    /// in double so float and double networks of one seed start from the same values).
    /// </summary>
    public abstract void Initialize(Span<double> parameters, SeededRandom random);
}
