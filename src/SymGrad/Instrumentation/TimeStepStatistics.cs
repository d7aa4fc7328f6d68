using System;
using System.Collections.Generic;
using System.Numerics;

namespace SymGrad.Instrumentation;

/// <summary>
/// Vanishing through time: for each recurrent cell field (<c>Rnn</c>, <c>Lstm</c>, <c>Gru</c>) of an
/// instrumented network, the L2 norm of dL/dh_t, the gradient of the loss with respect to the hidden
/// state that the cell's <c>Step</c> call number t returned, written by the generated backward pass
/// into storage allocated once. Reached through <see cref="GradientStatistics.TimeSteps"/>.
/// </summary>
/// <remarks>
/// <para>
/// Step t counts the cell's <c>Step</c> calls in forward order from 0, so in the usual
/// <c>for (int t = 0; t &lt; T; t++) h = cell.Step(x.Step(t, F), h);</c> step t is loop iteration t,
/// and step T - 1 is the state the head reads. The norm is taken over the whole [batch, hidden]
/// adjoint, like <see cref="LayerStatistics.OutputGradientNorm"/>: it is the full gradient, the
/// sum of what reaches h_t from the head and from every later step (for an LSTM, through both h
/// and the cell state c). A step whose state cannot reach the loss records 0.
/// </para>
/// <para>
/// Cells written out of primitives (<c>Sigmoid(wi.Forward(x) + ...)</c>) have no cell field and get
/// no entry: the generator cannot tell which local is "the" state.
/// </para>
/// </remarks>
public sealed class TimeStepStatistics
{
    private readonly string[] _cells;
    private readonly double[][] _norms;

    /// <param name="cellNames">The recurrent cell fields, in declaration order.</param>
    /// <param name="stepCounts">How many <c>Step</c> calls each cell makes per forward pass.</param>
    /// <exception cref="ArgumentException">The lists differ in length, or a step count is below 1.</exception>
    public TimeStepStatistics(IReadOnlyList<string> cellNames, IReadOnlyList<int> stepCounts)
    {
        ArgumentNullException.ThrowIfNull(cellNames);
        ArgumentNullException.ThrowIfNull(stepCounts);
        if (stepCounts.Count != cellNames.Count)
        {
            throw new ArgumentException($"Expected {cellNames.Count} step counts, one per cell, but got {stepCounts.Count}.", nameof(stepCounts));
        }
        _cells = new string[cellNames.Count];
        _norms = new double[cellNames.Count][];
        for (int i = 0; i < _cells.Length; i++)
        {
            if (stepCounts[i] < 1)
            {
                throw new ArgumentException($"stepCounts[{i}] = {stepCounts[i]}; expected at least 1 step.", nameof(stepCounts));
            }
            _cells[i] = cellNames[i];
            _norms[i] = new double[stepCounts[i]];
        }
    }

    /// <summary>Number of recurrent cell fields.</summary>
    public int CellCount => _cells.Length;

    /// <summary>The cell field names, in declaration order.</summary>
    public IReadOnlyList<string> CellNames => _cells;

    /// <summary>The index of the cell field named <paramref name="cellName"/>, or -1.</summary>
    public int IndexOf(string cellName) => Array.IndexOf(_cells, cellName);

    /// <summary>Number of steps (Step calls) of cell <paramref name="cell"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a cell index.</exception>
    public int StepCount(int cell) => Cell(cell).Length;

    /// <summary>||dL/dh_t||_2 for t = 0 .. StepCount - 1 of cell <paramref name="cell"/>, from the last backward pass (a view of live storage: copy it to keep it).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a cell index.</exception>
    public ReadOnlySpan<double> HiddenGradientNorms(int cell) => Cell(cell);

    /// <summary>Sets every recorded norm to zero (called at the start of each step).</summary>
    public void Clear()
    {
        foreach (var norms in _norms)
        {
            Array.Clear(norms);
        }
    }

    /// <summary>Records the adjoint dL/dh_t, [batch, hidden], of step <paramref name="step"/> of cell <paramref name="cell"/>. Called by generated code.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a cell index or not a step of that cell.</exception>
    public void RecordHiddenGradient<T>(int cell, int step, ReadOnlySpan<T> adjoint) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var norms = Cell(cell);
        if ((uint)step >= (uint)norms.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, $"Expected a step in [0, {norms.Length}).");
        }
        norms[step] = Math.Sqrt(Reductions.SumOfSquares(adjoint));
    }

    private double[] Cell(int cell) => (uint)cell < (uint)_norms.Length ? _norms[cell]
        : throw new ArgumentOutOfRangeException(nameof(cell), cell, $"Expected a cell index in [0, {_norms.Length}).");
}
