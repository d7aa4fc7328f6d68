using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SymGrad;

/// <summary>
/// The update shared by <see cref="Adam"/> and <see cref="AdamW"/>, in the order of
/// <c>torch.optim.Adam</c>'s single-tensor path (t = step number from 1):
/// <code>
/// p = p (1 - lr decoupledDecay)                   (AdamW only)
/// g' = g + l2Decay p                              (Adam's weight_decay only)
/// m = beta1 m + (1 - beta1) g'
/// v = beta2 v + (1 - beta2) g'^2
/// p = p - (lr / (1 - beta1^t)) m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
/// </code>
/// </summary>
internal static class AdamUpdate
{
    public readonly record struct Settings(double LearningRate, double Beta1, double Beta2, double Epsilon, double L2Decay, double DecoupledDecay);

    /// <summary>The update over ranges of the buffers, with every constant computed once per step.</summary>
    public readonly ref struct Range<T> : IElementwiseUpdate<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        private readonly Span<T> _parameters;
        private readonly ReadOnlySpan<T> _gradients;
        private readonly Span<T> _m;
        private readonly Span<T> _v;
        private readonly T _keep;
        private readonly T _l2;
        private readonly T _beta1;
        private readonly T _oneMinusBeta1;
        private readonly T _beta2;
        private readonly T _oneMinusBeta2;
        private readonly T _stepSize;
        private readonly T _sqrtBiasCorrection2;
        private readonly T _eps;

        public Range(Span<T> parameters, ReadOnlySpan<T> gradients, Span<T> m, Span<T> v, in Settings s, long step)
        {
            _parameters = parameters;
            _gradients = gradients;
            _m = m;
            _v = v;
            // Bias corrections are computed in double, as PyTorch computes them as Python floats.
            double biasCorrection1 = 1 - Math.Pow(s.Beta1, step);
            double biasCorrection2 = 1 - Math.Pow(s.Beta2, step);
            _keep = T.CreateChecked(1 - s.LearningRate * s.DecoupledDecay);
            _l2 = T.CreateChecked(s.L2Decay);
            _beta1 = T.CreateChecked(s.Beta1);
            _oneMinusBeta1 = T.CreateChecked(1 - s.Beta1);
            _beta2 = T.CreateChecked(s.Beta2);
            _oneMinusBeta2 = T.CreateChecked(1 - s.Beta2);
            _stepSize = T.CreateChecked(s.LearningRate / biasCorrection1);
            _sqrtBiasCorrection2 = T.CreateChecked(Math.Sqrt(biasCorrection2));
            _eps = T.CreateChecked(s.Epsilon);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector<T> UpdateVector(int index, out Vector<T> before)
        {
            ref T parameters = ref MemoryMarshal.GetReference(_parameters);
            ref T m = ref MemoryMarshal.GetReference(_m);
            ref T v = ref MemoryMarshal.GetReference(_v);
            before = Vector.LoadUnsafe(ref parameters, (nuint)index);
            var p = before * new Vector<T>(_keep);
            var g = Vector.LoadUnsafe(ref MemoryMarshal.GetReference(_gradients), (nuint)index) + new Vector<T>(_l2) * p;
            var mk = new Vector<T>(_beta1) * Vector.LoadUnsafe(ref m, (nuint)index) + new Vector<T>(_oneMinusBeta1) * g;
            var vk = new Vector<T>(_beta2) * Vector.LoadUnsafe(ref v, (nuint)index) + new Vector<T>(_oneMinusBeta2) * (g * g);
            mk.StoreUnsafe(ref m, (nuint)index);
            vk.StoreUnsafe(ref v, (nuint)index);
            var after = p - new Vector<T>(_stepSize) * mk / (Vector.SquareRoot(vk) / new Vector<T>(_sqrtBiasCorrection2) + new Vector<T>(_eps));
            after.StoreUnsafe(ref parameters, (nuint)index);
            return after;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public T UpdateElement(int i, out T before)
        {
            before = _parameters[i];
            T p = before * _keep;
            T g = _gradients[i] + _l2 * p;
            T mi = _beta1 * _m[i] + _oneMinusBeta1 * g;
            T vi = _beta2 * _v[i] + _oneMinusBeta2 * (g * g);
            _m[i] = mi;
            _v[i] = vi;
            T after = p - _stepSize * mi / (T.Sqrt(vi) / _sqrtBiasCorrection2 + _eps);
            _parameters[i] = after;
            return after;
        }
    }
}
