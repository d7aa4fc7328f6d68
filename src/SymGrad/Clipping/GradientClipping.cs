using System;
using System.Collections.Generic;
using System.Numerics;
using SymGrad.Instrumentation;

namespace SymGrad.Clipping;

/// <summary>
/// Gradient clipping between the backward pass and the optimizer step: set a generated network's
/// <c>Clipping</c> property and its <c>TrainStep</c> applies it. Allocation-free.
/// </summary>
/// <remarks>
/// The norm rules follow PyTorch: when the norm exceeds the maximum, the gradient is multiplied by
/// max / (norm + 1e-6), so the norm after is just under the maximum. A non-finite norm is left
/// alone (scaling by NaN would only hide where it came from); the statistics report it.
/// Layers for <see cref="ClippingMode.PerLayerNorm"/> are the runs of parameter views whose names
/// share the part before the last dot (<c>fc1.Weight</c>, <c>fc1.Bias</c>).
/// </remarks>
public sealed class GradientClipping
{
    private const double Epsilon = 1e-6;

    private GradientClipping(ClippingMode mode, double max, string argumentName)
    {
        if (!(max > 0) || double.IsInfinity(max))
        {
            throw new ArgumentOutOfRangeException(argumentName, max, "Expected a positive, finite clipping threshold.");
        }
        Mode = mode;
        Max = max;
    }

    /// <summary>Clip the whole gradient to norm <paramref name="maxNorm"/>.</summary>
    public static GradientClipping GlobalNorm(double maxNorm) => new(ClippingMode.GlobalNorm, maxNorm, nameof(maxNorm));

    /// <summary>Clip each layer's gradient to norm <paramref name="maxNorm"/>.</summary>
    public static GradientClipping PerLayerNorm(double maxNorm) => new(ClippingMode.PerLayerNorm, maxNorm, nameof(maxNorm));

    /// <summary>Clamp each gradient value to [-<paramref name="maxValue"/>, <paramref name="maxValue"/>].</summary>
    public static GradientClipping ByValue(double maxValue) => new(ClippingMode.ByValue, maxValue, nameof(maxValue));

    /// <summary>The rule.</summary>
    public ClippingMode Mode { get; }

    /// <summary>The maximum norm or value.</summary>
    public double Max { get; }

    /// <summary>The result of the last <see cref="Apply(Span{float}, IReadOnlyList{ParameterView})"/>.</summary>
    public ClipResult Last { get; private set; }

    /// <summary>Number of calls in which clipping changed the gradient.</summary>
    public long FiredCount { get; private set; }

    /// <summary>Clips <paramref name="gradients"/> in place; <paramref name="views"/> gives the layers (per-layer mode only).</summary>
    public ClipResult Apply(Span<float> gradients, IReadOnlyList<ParameterView> views) => ApplyCore(gradients, views);

    /// <inheritdoc cref="Apply(Span{float}, IReadOnlyList{ParameterView})"/>
    public ClipResult Apply(Span<double> gradients, IReadOnlyList<ParameterView> views) => ApplyCore(gradients, views);

    private ClipResult ApplyCore<T>(Span<T> gradients, IReadOnlyList<ParameterView> views) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(views);
        double before = Math.Sqrt(Reductions.SumOfSquares<T>(gradients));
        bool fired = Mode switch
        {
            ClippingMode.GlobalNorm => ScaleToNorm(gradients, before),
            ClippingMode.PerLayerNorm => ClipLayers(gradients, views),
            _ => ClampValues(gradients),
        };
        double after = fired ? Math.Sqrt(Reductions.SumOfSquares<T>(gradients)) : before;
        Last = new ClipResult(before, after, fired);
        FiredCount += fired ? 1 : 0;
        return Last;
    }

    private bool ScaleToNorm<T>(Span<T> gradients, double norm) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!(norm > Max) || double.IsInfinity(norm))
        {
            return false;
        }
        T scale = T.CreateChecked(Max / (norm + Epsilon));
        foreach (ref T g in gradients)
        {
            g *= scale;
        }
        return true;
    }

    private bool ClipLayers<T>(Span<T> gradients, IReadOnlyList<ParameterView> views) where T : unmanaged, IFloatingPointIeee754<T>
    {
        bool fired = false;
        int k = 0;
        while (k < views.Count)
        {
            // One layer: the run of views sharing the name's prefix; they are contiguous in the buffer.
            int start = views[k].Offset;
            int end = start + views[k].Length;
            var prefix = LayerPrefix(views[k].Name);
            int next = k + 1;
            while (next < views.Count && LayerPrefix(views[next].Name).SequenceEqual(prefix))
            {
                end = Math.Max(end, views[next].Offset + views[next].Length);
                next++;
            }
            var layer = gradients.Slice(start, end - start);
            fired |= ScaleToNorm(layer, Math.Sqrt(Reductions.SumOfSquares<T>(layer)));
            k = next;
        }
        return fired;
    }

    private bool ClampValues<T>(Span<T> gradients) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T max = T.CreateChecked(Max);
        bool fired = false;
        foreach (ref T g in gradients)
        {
            if (g > max)
            {
                g = max;
                fired = true;
            }
            else if (g < -max)
            {
                g = -max;
                fired = true;
            }
        }
        return fired;
    }

    private static ReadOnlySpan<char> LayerPrefix(string name)
    {
        int dot = name.LastIndexOf('.');
        return dot < 0 ? name.AsSpan() : name.AsSpan(0, dot);
    }
}
