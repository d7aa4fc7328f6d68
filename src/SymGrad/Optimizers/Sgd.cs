using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SymGrad;

/// <summary>
/// Plain stochastic gradient descent, as <c>torch.optim.SGD</c> with <c>momentum=0</c>:
/// <c>g' = g + weightDecay * p</c>, then <c>p = p - learningRate * g'</c>.
/// Stateless: any buffer length may be passed to any step.
/// </summary>
public sealed class Sgd : Optimizer
{
    /// <param name="learningRate">Step size (&gt; 0).</param>
    /// <param name="weightDecay">L2 penalty added to the gradient (&gt;= 0).</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of its range.</exception>
    public Sgd(double learningRate, double weightDecay = 0)
        : base(learningRate)
    {
        OptimizerChecks.NonNegativeFinite(weightDecay, nameof(weightDecay));
        WeightDecay = weightDecay;
    }

    /// <summary>The L2 coefficient added to the gradient, <c>g + weightDecay * p</c>.</summary>
    public double WeightDecay { get; }

    /// <inheritdoc/>
    public override void Step(Span<float> parameters, ReadOnlySpan<float> gradients) => StepCore(parameters, gradients, default, default);

    /// <inheritdoc/>
    public override void Step(Span<double> parameters, ReadOnlySpan<double> gradients) => StepCore(parameters, gradients, default, default);

    /// <inheritdoc/>
    public override void StepAndMeasure(Span<float> parameters, ReadOnlySpan<float> gradients, ReadOnlySpan<ParameterSegment> segments, Span<double> updateSquares) =>
        StepCore(parameters, gradients, segments, updateSquares);

    /// <inheritdoc/>
    public override void StepAndMeasure(Span<double> parameters, ReadOnlySpan<double> gradients, ReadOnlySpan<ParameterSegment> segments, Span<double> updateSquares) =>
        StepCore(parameters, gradients, segments, updateSquares);

    private void StepCore<T>(Span<T> parameters, ReadOnlySpan<T> gradients, ReadOnlySpan<ParameterSegment> segments, Span<double> updateSquares)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        OptimizerChecks.SameLength(parameters.Length, gradients.Length);
        var update = new Update<T>(parameters, gradients, T.CreateChecked(LearningRate), T.CreateChecked(WeightDecay));
        MeasuredUpdate.Run<T, Update<T>>(update, parameters.Length, segments, updateSquares);
        StepCount++;
    }

    /// <summary><c>p = p - lr * (g + wd * p)</c>, element-wise.</summary>
    private readonly ref struct Update<T> : IElementwiseUpdate<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        private readonly Span<T> _parameters;
        private readonly ReadOnlySpan<T> _gradients;
        private readonly T _lr;
        private readonly T _wd;

        public Update(Span<T> parameters, ReadOnlySpan<T> gradients, T lr, T wd)
        {
            _parameters = parameters;
            _gradients = gradients;
            _lr = lr;
            _wd = wd;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector<T> UpdateVector(int index, out Vector<T> before)
        {
            ref T p = ref MemoryMarshal.GetReference(_parameters);
            before = Vector.LoadUnsafe(ref p, (nuint)index);
            var g = Vector.LoadUnsafe(ref MemoryMarshal.GetReference(_gradients), (nuint)index);
            var after = before - new Vector<T>(_lr) * (g + new Vector<T>(_wd) * before);
            after.StoreUnsafe(ref p, (nuint)index);
            return after;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public T UpdateElement(int index, out T before)
        {
            before = _parameters[index];
            T after = before - _lr * (_gradients[index] + _wd * before);
            _parameters[index] = after;
            return after;
        }
    }
}
