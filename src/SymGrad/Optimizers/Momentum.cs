using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SymGrad;

/// <summary>
/// SGD with momentum, as <c>torch.optim.SGD(momentum=mu, dampening=0, nesterov=...)</c>:
/// <c>g' = g + weightDecay * p</c>; <c>v = mu * v + g'</c> (so the first step gives <c>v = g'</c>);
/// then <c>p = p - learningRate * (g' + mu * v)</c> with Nesterov, else <c>p = p - learningRate * v</c>.
/// </summary>
public sealed class Momentum : Optimizer
{
    private const int VelocityBuffer = 0;
    private readonly OptimizerState _state = new(1);

    /// <param name="learningRate">Step size (&gt; 0).</param>
    /// <param name="momentum">The velocity's decay mu, in [0, 1); Nesterov needs mu &gt; 0 (as PyTorch).</param>
    /// <param name="nesterov">Use Nesterov's look-ahead form.</param>
    /// <param name="weightDecay">L2 penalty added to the gradient (&gt;= 0).</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of its range.</exception>
    public Momentum(double learningRate, double momentum = 0.9, bool nesterov = false, double weightDecay = 0)
        : base(learningRate)
    {
        OptimizerChecks.DecayRate(momentum, nameof(momentum));
        if (nesterov && momentum == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "Nesterov momentum requires momentum > 0.");
        }
        OptimizerChecks.NonNegativeFinite(weightDecay, nameof(weightDecay));
        MomentumFactor = momentum;
        Nesterov = nesterov;
        WeightDecay = weightDecay;
    }

    /// <summary>The velocity's decay mu.</summary>
    public double MomentumFactor { get; }

    /// <summary>Whether the update uses Nesterov's form <c>g' + mu * v</c>.</summary>
    public bool Nesterov { get; }

    /// <summary>The L2 coefficient added to the gradient, <c>g + weightDecay * p</c>.</summary>
    public double WeightDecay { get; }

    /// <summary>The velocity v (PyTorch's <c>momentum_buffer</c>); empty before the first step or for the other precision.</summary>
    public ReadOnlySpan<T> GetVelocity<T>() where T : unmanaged => _state.View<T>(VelocityBuffer);

    internal override OptimizerState CheckpointState => _state;

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
        _state.Prepare<T>(parameters.Length);
        var update = new Update<T>(parameters, gradients, _state.Buffer<T>(VelocityBuffer),
            T.CreateChecked(LearningRate), T.CreateChecked(MomentumFactor), T.CreateChecked(WeightDecay), Nesterov);
        MeasuredUpdate.Run<T, Update<T>>(update, parameters.Length, segments, updateSquares);
        StepCount++;
    }

    /// <summary>The velocity and parameter update, element-wise.</summary>
    private readonly ref struct Update<T> : IElementwiseUpdate<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        private readonly Span<T> _parameters;
        private readonly ReadOnlySpan<T> _gradients;
        private readonly Span<T> _velocity;
        private readonly T _lr;
        private readonly T _mu;
        private readonly T _wd;
        private readonly bool _nesterov;

        public Update(Span<T> parameters, ReadOnlySpan<T> gradients, Span<T> velocity, T lr, T mu, T wd, bool nesterov)
        {
            _parameters = parameters;
            _gradients = gradients;
            _velocity = velocity;
            _lr = lr;
            _mu = mu;
            _wd = wd;
            _nesterov = nesterov;
        }

        // The buffer starts at zero, so mu * 0 + g' reproduces PyTorch's "first step: v = g'" exactly.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector<T> UpdateVector(int index, out Vector<T> before)
        {
            ref T p = ref MemoryMarshal.GetReference(_parameters);
            ref T velocity = ref MemoryMarshal.GetReference(_velocity);
            before = Vector.LoadUnsafe(ref p, (nuint)index);
            var mu = new Vector<T>(_mu);
            var g = Vector.LoadUnsafe(ref MemoryMarshal.GetReference(_gradients), (nuint)index) + new Vector<T>(_wd) * before;
            var v = mu * Vector.LoadUnsafe(ref velocity, (nuint)index) + g;
            v.StoreUnsafe(ref velocity, (nuint)index);
            var after = before - new Vector<T>(_lr) * (_nesterov ? g + mu * v : v);
            after.StoreUnsafe(ref p, (nuint)index);
            return after;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public T UpdateElement(int index, out T before)
        {
            before = _parameters[index];
            T g = _gradients[index] + _wd * before;
            T v = _mu * _velocity[index] + g;
            _velocity[index] = v;
            T after = before - _lr * (_nesterov ? g + _mu * v : v);
            _parameters[index] = after;
            return after;
        }
    }
}
