using System;
using System.Numerics;
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

    public static void Apply<T>(Span<T> parameters, ReadOnlySpan<T> gradients, Span<T> m, Span<T> v, in Settings s, long step)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // Bias corrections are computed in double, as PyTorch computes them as Python floats.
        double biasCorrection1 = 1 - Math.Pow(s.Beta1, step);
        double biasCorrection2 = 1 - Math.Pow(s.Beta2, step);
        T keep = T.CreateChecked(1 - s.LearningRate * s.DecoupledDecay);
        T l2 = T.CreateChecked(s.L2Decay);
        T beta1 = T.CreateChecked(s.Beta1);
        T oneMinusBeta1 = T.CreateChecked(1 - s.Beta1);
        T beta2 = T.CreateChecked(s.Beta2);
        T oneMinusBeta2 = T.CreateChecked(1 - s.Beta2);
        T stepSize = T.CreateChecked(s.LearningRate / biasCorrection1);
        T sqrtBiasCorrection2 = T.CreateChecked(Math.Sqrt(biasCorrection2));
        T eps = T.CreateChecked(s.Epsilon);

        var pv = MemoryMarshal.Cast<T, Vector<T>>(parameters);
        var gv = MemoryMarshal.Cast<T, Vector<T>>(gradients);
        var mv = MemoryMarshal.Cast<T, Vector<T>>(m);
        var vv = MemoryMarshal.Cast<T, Vector<T>>(v);
        var keepV = new Vector<T>(keep);
        var l2V = new Vector<T>(l2);
        var beta1V = new Vector<T>(beta1);
        var oneMinusBeta1V = new Vector<T>(oneMinusBeta1);
        var beta2V = new Vector<T>(beta2);
        var oneMinusBeta2V = new Vector<T>(oneMinusBeta2);
        var stepSizeV = new Vector<T>(stepSize);
        var sqrtBiasCorrection2V = new Vector<T>(sqrtBiasCorrection2);
        var epsV = new Vector<T>(eps);
        for (int k = 0; k < pv.Length; k++)
        {
            var p = pv[k] * keepV;
            var g = gv[k] + l2V * p;
            var mk = beta1V * mv[k] + oneMinusBeta1V * g;
            var vk = beta2V * vv[k] + oneMinusBeta2V * (g * g);
            mv[k] = mk;
            vv[k] = vk;
            pv[k] = p - stepSizeV * mk / (Vector.SquareRoot(vk) / sqrtBiasCorrection2V + epsV);
        }
        for (int i = pv.Length * Vector<T>.Count; i < parameters.Length; i++)
        {
            T p = parameters[i] * keep;
            T g = gradients[i] + l2 * p;
            T mi = beta1 * m[i] + oneMinusBeta1 * g;
            T vi = beta2 * v[i] + oneMinusBeta2 * (g * g);
            m[i] = mi;
            v[i] = vi;
            parameters[i] = p - stepSize * mi / (T.Sqrt(vi) / sqrtBiasCorrection2 + eps);
        }
    }
}
