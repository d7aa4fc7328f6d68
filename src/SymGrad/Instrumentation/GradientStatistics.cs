using System;
using System.Collections.Generic;
using System.Numerics;

namespace SymGrad.Instrumentation;

/// <summary>
/// Per-layer gradient statistics of the last step, written by the generated backward pass of a
/// network declared <c>[Network(Instrumentation = true)]</c> into storage allocated once, so that
/// recording allocates nothing. Read it after <c>ComputeGradients</c> or <c>TrainStep</c>; a
/// <see cref="GradientMonitor"/> keeps the history.
/// </summary>
/// <remarks>
/// Layers are indexed in declaration order. The per-step quantities are defined on
/// <see cref="LayerStatistics"/>. Non-finite values are located twice: <see cref="FirstNonFiniteLayer"/>
/// is the first layer, in backward order, whose gradients hold one (where a backward-pass overflow
/// shows first); <see cref="NonFiniteOriginLayer"/> follows the computation: the first layer in
/// forward order whose parameters or output hold one, else <see cref="FirstNonFiniteLayer"/>. A NaN
/// weight poisons every later layer's gradient, so only the origin points at the layer that holds it.
/// Networks with recurrent cell fields also record dL/dh_t per time step in <see cref="TimeSteps"/>.
/// </remarks>
public sealed class GradientStatistics
{
    private readonly string[] _names;
    private readonly ActivationKind[] _activations;
    private readonly int[] _backwardOrder;
    private readonly Accumulator[] _layers;
    private double _saturationThreshold = 0.01;

    /// <param name="layerNames">The parameterized layers, in declaration order.</param>
    /// <param name="activations">The activation on each layer's output.</param>
    /// <param name="backwardOrder">Layer indices in the order the backward pass reaches them (layers it never reaches are left out).</param>
    /// <exception cref="ArgumentException">The lists differ in length, or an index is out of range.</exception>
    public GradientStatistics(IReadOnlyList<string> layerNames, IReadOnlyList<ActivationKind> activations, IReadOnlyList<int> backwardOrder)
    {
        ArgumentNullException.ThrowIfNull(layerNames);
        ArgumentNullException.ThrowIfNull(activations);
        ArgumentNullException.ThrowIfNull(backwardOrder);
        if (activations.Count != layerNames.Count)
        {
            throw new ArgumentException($"Expected {layerNames.Count} activations, one per layer, but got {activations.Count}.", nameof(activations));
        }
        _names = new string[layerNames.Count];
        _activations = new ActivationKind[layerNames.Count];
        for (int i = 0; i < _names.Length; i++)
        {
            _names[i] = layerNames[i];
            _activations[i] = activations[i];
        }
        _backwardOrder = new int[backwardOrder.Count];
        for (int i = 0; i < _backwardOrder.Length; i++)
        {
            if ((uint)backwardOrder[i] >= (uint)_names.Length)
            {
                throw new ArgumentException($"backwardOrder[{i}] = {backwardOrder[i]} is not a layer index in [0, {_names.Length}).", nameof(backwardOrder));
            }
            _backwardOrder[i] = backwardOrder[i];
        }
        _layers = new Accumulator[_names.Length];
        BeginStep();
    }

    /// <summary>Number of parameterized layers.</summary>
    public int LayerCount => _names.Length;

    /// <summary>The layer names, in declaration order.</summary>
    public IReadOnlyList<string> LayerNames => _names;

    /// <summary>Layer indices in backward order (the output layer first).</summary>
    public IReadOnlyList<int> BackwardOrder => _backwardOrder;

    /// <summary>
    /// A sigmoid or tanh output counts as saturated when its derivative is below this fraction of the
    /// derivative's maximum (0.25 for sigmoid, 1 for tanh). Default 0.01.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Not in (0, 1).</exception>
    public double SaturationThreshold
    {
        get => _saturationThreshold;
        set => _saturationThreshold = value > 0 && value < 1 ? value
            : throw new ArgumentOutOfRangeException(nameof(SaturationThreshold), value, "Expected a fraction in (0, 1).");
    }

    /// <summary>The norm of dL/dh_t per time step of each recurrent cell field; null when the network has none.</summary>
    public TimeStepStatistics? TimeSteps { get; init; }

    /// <summary>Number of steps recorded (calls of <c>ComputeGradients</c>, including those inside <c>TrainStep</c>).</summary>
    public long StepCount { get; private set; }

    /// <summary>||g||_2 over every parameter gradient, before clipping.</summary>
    public double GlobalNormBeforeClipping { get; private set; }

    /// <summary>||g||_2 after clipping (equal to the norm before when no clipping ran).</summary>
    public double GlobalNormAfterClipping { get; private set; }

    /// <summary>Whether clipping changed the gradient this step.</summary>
    public bool ClippingFired { get; private set; }

    /// <summary>NaN and infinite values over all layers this step.</summary>
    public int NonFiniteCount { get; private set; }

    /// <summary>The first layer, in backward order, whose gradients hold a NaN or infinity; -1 when none.</summary>
    public int FirstNonFiniteLayer { get; private set; }

    /// <summary>Where the first non-finite value arose (see the remarks); -1 when none.</summary>
    public int NonFiniteOriginLayer { get; private set; }

    /// <summary>The statistics of layer <paramref name="layer"/> (declaration order).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a layer index.</exception>
    public LayerStatistics this[int layer]
    {
        get
        {
            if ((uint)layer >= (uint)_layers.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(layer), layer, $"Expected a layer index in [0, {_layers.Length}).");
            }
            ref readonly var a = ref _layers[layer];
            return new LayerStatistics(_names[layer], _activations[layer],
                Math.Sqrt(a.WeightGradientSquares), a.WeightGradientMax, Math.Sqrt(a.BiasGradientSquares), a.BiasGradientMax,
                Math.Sqrt(a.WeightSquares), a.UpdateRatio, Math.Sqrt(a.OutputGradientSquares),
                _activations[layer] == ActivationKind.Relu ? a.DeadFraction : double.NaN,
                _activations[layer] is ActivationKind.Sigmoid or ActivationKind.Tanh ? a.SaturatedFraction : double.NaN,
                a.ForwardNonFinite + a.BackwardNonFinite);
        }
    }

    // ---- Recording, called by generated code in this order: BeginStep, Record* per layer, EndGradients,
    // ---- then from TrainStep RecordClipping and RecordUpdate. Public so that generated code can call it.

    /// <summary>Clears the current step's values.</summary>
    public void BeginStep()
    {
        Array.Clear(_layers);
        for (int i = 0; i < _layers.Length; i++)
        {
            _layers[i].UpdateRatio = double.NaN;
        }
        ClippingFired = false;
        TimeSteps?.Clear();
    }

    /// <summary>Records a layer's weights, biases and their gradients.</summary>
    public void RecordParameters<T>(int layer, ReadOnlySpan<T> weights, ReadOnlySpan<T> biases, ReadOnlySpan<T> weightGradients, ReadOnlySpan<T> biasGradients)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref var a = ref _layers[layer];
        (a.WeightSquares, a.WeightGradientSquares, a.WeightGradientMax) = Reductions.SquaresAndGradientMax(weights, weightGradients);
        (a.BiasGradientSquares, a.BiasGradientMax) = Reductions.SumOfSquaresAndMaxAbs(biasGradients);
        // A sum of squares in double is finite exactly when every element is: count only then.
        if (!double.IsFinite(a.WeightSquares + Reductions.SumOfSquares(biases)))
        {
            a.ForwardNonFinite += Reductions.CountNonFinite(weights) + Reductions.CountNonFinite(biases);
        }
        if (!double.IsFinite(a.WeightGradientSquares + a.BiasGradientSquares))
        {
            a.BackwardNonFinite += Reductions.CountNonFinite(weightGradients) + Reductions.CountNonFinite(biasGradients);
        }
    }

    /// <summary>Records one call's output Z (non-finite values only).</summary>
    public void RecordOutput<T>(int layer, ReadOnlySpan<T> output) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!double.IsFinite(Reductions.SumOfSquares(output)))
        {
            _layers[layer].ForwardNonFinite += Reductions.CountNonFinite(output);
        }
    }

    /// <summary>Adds one call's back-propagated gradient dL/dZ.</summary>
    public void RecordOutputGradient<T>(int layer, ReadOnlySpan<T> outputGradient) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double squares = Reductions.SumOfSquares(outputGradient);
        _layers[layer].OutputGradientSquares += squares;
        if (!double.IsFinite(squares))
        {
            _layers[layer].BackwardNonFinite += Reductions.CountNonFinite(outputGradient);
        }
    }

    /// <summary>Records the activation's output, [batch, features]: the dead or saturated fraction.</summary>
    public void RecordActivation<T>(int layer, ReadOnlySpan<T> activations, int batch, int features) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref var a = ref _layers[layer];
        switch (_activations[layer])
        {
            case ActivationKind.Relu:
                a.DeadFraction = Reductions.DeadFraction(activations, batch, features);
                break;
            case ActivationKind.Sigmoid:
            case ActivationKind.Tanh:
                a.SaturatedFraction = Reductions.SaturatedFraction(activations, _activations[layer], _saturationThreshold);
                break;
        }
    }

    /// <summary>Completes the gradient statistics: global norm and the location of non-finite values.</summary>
    public void EndGradients()
    {
        double squares = 0;
        int nonFinite = 0;
        foreach (ref readonly var a in _layers.AsSpan())
        {
            squares += a.WeightGradientSquares + a.BiasGradientSquares;
            nonFinite += a.ForwardNonFinite + a.BackwardNonFinite;
        }
        GlobalNormBeforeClipping = Math.Sqrt(squares);
        GlobalNormAfterClipping = GlobalNormBeforeClipping;
        NonFiniteCount = nonFinite;
        FirstNonFiniteLayer = -1;
        foreach (int layer in _backwardOrder)
        {
            if (_layers[layer].BackwardNonFinite > 0)
            {
                FirstNonFiniteLayer = layer;
                break;
            }
        }
        NonFiniteOriginLayer = FirstNonFiniteLayer;
        for (int k = _backwardOrder.Length - 1; k >= 0; k--)
        {
            if (_layers[_backwardOrder[k]].ForwardNonFinite > 0)
            {
                NonFiniteOriginLayer = _backwardOrder[k];
                break;
            }
        }
        StepCount++;
    }

    /// <summary>Records what <paramref name="clipping"/> did this step (nothing when null).</summary>
    public void RecordClipping(SymGrad.Clipping.GradientClipping? clipping)
    {
        if (clipping is not null)
        {
            GlobalNormBeforeClipping = clipping.Last.NormBefore;
            GlobalNormAfterClipping = clipping.Last.NormAfter;
            ClippingFired = clipping.Last.Fired;
        }
    }

    /// <summary>Records a layer's weights before and after the optimizer step: the update/weight ratio (<paramref name="before"/> must be the weights <see cref="RecordParameters"/> saw).</summary>
    public void RecordUpdate<T>(int layer, ReadOnlySpan<T> before, ReadOnlySpan<T> after) where T : unmanaged, IFloatingPointIeee754<T>
    {
        // RecordParameters measured ||W||^2 on these same weights before the step.
        _layers[layer].UpdateRatio = Math.Sqrt(Reductions.SumOfSquaredDifferences(after, before) / _layers[layer].WeightSquares);
    }

    /// <summary>
    /// Records a layer's update/weight ratio, ‖W_after − W_before‖₂ / ‖W_before‖₂, from what the optimizer measured
    /// for the layer's weight segment in <see cref="Optimizer.StepAndMeasure(Span{float}, ReadOnlySpan{float}, ReadOnlySpan{ParameterSegment}, Span{double})"/>,
    /// Σ (W_after − W_before)², over ‖W_before‖² as <see cref="RecordParameters"/> measured it before the step.
    /// </summary>
    public void RecordUpdate(int layer, double updateSquares) =>
        _layers[layer].UpdateRatio = Math.Sqrt(updateSquares / _layers[layer].WeightSquares);

    private struct Accumulator
    {
        public double WeightSquares;
        public double WeightGradientSquares;
        public double WeightGradientMax;
        public double BiasGradientSquares;
        public double BiasGradientMax;
        public double OutputGradientSquares;
        public double UpdateRatio;
        public double DeadFraction;
        public double SaturatedFraction;
        public int ForwardNonFinite;
        public int BackwardNonFinite;
    }
}
