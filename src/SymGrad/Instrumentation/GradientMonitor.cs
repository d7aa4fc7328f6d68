using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace SymGrad.Instrumentation;

/// <summary>One recorded step: a copy of <see cref="GradientStatistics"/> at the time of <see cref="GradientMonitor.Observe"/>.</summary>
/// <param name="Step">The statistics' step count.</param>
/// <param name="Layers">Per-layer statistics, declaration order.</param>
/// <param name="GlobalNormBeforeClipping">||g|| before clipping.</param>
/// <param name="GlobalNormAfterClipping">||g|| after clipping.</param>
/// <param name="ClippingFired">Whether clipping changed the gradient.</param>
/// <param name="NonFiniteCount">NaN and infinite values.</param>
/// <param name="FirstNonFiniteLayer">First layer in backward order with one in its gradients, or -1.</param>
/// <param name="NonFiniteOriginLayer">Where the first one arose, or -1.</param>
public sealed record StepRecord(long Step, IReadOnlyList<LayerStatistics> Layers, double GlobalNormBeforeClipping,
    double GlobalNormAfterClipping, bool ClippingFired, int NonFiniteCount, int FirstNonFiniteLayer, int NonFiniteOriginLayer);

/// <summary>
/// Accumulates a network's <see cref="GradientStatistics"/> over steps and judges the gradient flow
/// per layer and per network (thresholds: <see cref="GradientThresholds"/>). Observing copies the
/// statistics (it allocates; call it every step or every n steps, outside any zero-allocation loop you measure).
/// </summary>
public sealed class GradientMonitor
{
    private readonly List<StepRecord> _steps = new();
    private string[] _names = Array.Empty<string>();
    private int[] _backwardOrder = Array.Empty<int>();

    /// <param name="thresholds">The verdict thresholds (default <see cref="GradientThresholds.Default"/>).</param>
    /// <param name="window">The verdict averages over the last <paramref name="window"/> steps (0, the default: all).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> is negative.</exception>
    public GradientMonitor(GradientThresholds? thresholds = null, int window = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(window);
        Thresholds = thresholds ?? GradientThresholds.Default;
        Window = window;
    }

    /// <summary>The verdict thresholds.</summary>
    public GradientThresholds Thresholds { get; }

    /// <summary>Steps the verdict averages over (0: all).</summary>
    public int Window { get; }

    /// <summary>The observed steps, oldest first.</summary>
    public IReadOnlyList<StepRecord> Steps => _steps;

    /// <summary>The layer names (declaration order) of the observed network.</summary>
    public IReadOnlyList<string> LayerNames => _names;

    /// <summary>Copies the current step of <paramref name="statistics"/>.</summary>
    /// <exception cref="ArgumentException">The statistics come from a network with other layers than the earlier ones.</exception>
    public void Observe(GradientStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        if (_steps.Count == 0)
        {
            _names = statistics.LayerNames.ToArray();
            _backwardOrder = statistics.BackwardOrder.ToArray();
        }
        else if (!statistics.LayerNames.SequenceEqual(_names, StringComparer.Ordinal))
        {
            throw new ArgumentException($"Expected the layers {string.Join(", ", _names)} of the network observed so far.", nameof(statistics));
        }
        var layers = new LayerStatistics[statistics.LayerCount];
        for (int i = 0; i < layers.Length; i++)
        {
            layers[i] = statistics[i];
        }
        _steps.Add(new StepRecord(statistics.StepCount, layers, statistics.GlobalNormBeforeClipping, statistics.GlobalNormAfterClipping,
            statistics.ClippingFired, statistics.NonFiniteCount, statistics.FirstNonFiniteLayer, statistics.NonFiniteOriginLayer));
    }

    /// <summary>The verdict over the window.</summary>
    /// <exception cref="InvalidOperationException">No step was observed.</exception>
    public NetworkVerdict Verdict()
    {
        if (_steps.Count == 0 || _backwardOrder.Length == 0)
        {
            throw new InvalidOperationException("No step with a parameterized layer was observed; call Observe after ComputeGradients or TrainStep.");
        }
        int count = Window == 0 ? _steps.Count : Math.Min(Window, _steps.Count);
        var window = _steps.Skip(_steps.Count - count).ToList();
        var t = Thresholds;

        double[] norms = new double[_names.Length];
        var layers = new LayerVerdict[_names.Length];
        for (int i = 0; i < _names.Length; i++)
        {
            norms[i] = GeometricMean(window.Select(s => s.Layers[i].OutputGradientNorm));
        }
        double last = norms[_backwardOrder[0]];
        for (int i = 0; i < _names.Length; i++)
        {
            double dead = window.Average(s => s.Layers[i].DeadFraction);
            double saturated = window.Average(s => s.Layers[i].SaturatedFraction);
            long nonFinite = window.Sum(s => (long)s.Layers[i].NonFiniteCount);
            double ratio = Ratio(norms[i], last);
            var (health, reason) = Judge(t, ratio, dead, saturated, nonFinite);
            layers[i] = new LayerVerdict(_names[i], health, reason, norms[i], ratio, dead, saturated, nonFinite);
        }

        int depth = _backwardOrder.Length;
        double firstToLast = Ratio(norms[_backwardOrder[depth - 1]], last);
        double growth = depth > 1 ? Math.Pow(firstToLast, 1.0 / (depth - 1)) : 1;
        var lastNonFinite = window.LastOrDefault(s => s.NonFiniteOriginLayer >= 0);
        string? origin = lastNonFinite is null ? null : _names[lastNonFinite.NonFiniteOriginLayer];
        string flow = F($"first-to-last back-propagated gradient ratio {firstToLast:G3} over {depth} layers ({growth:G3} per layer)");

        (GradientHealth, string) network;
        var dying = layers.Where(l => l.Health == GradientHealth.Dying).ToList();
        var saturatedLayers = layers.Where(l => l.Health == GradientHealth.Saturated).ToList();
        if (origin is not null)
        {
            network = (GradientHealth.NonFinite, F($"a NaN or infinity first arose at layer {origin} ({lastNonFinite!.NonFiniteCount} non-finite values in step {lastNonFinite.Step})"));
        }
        else if (dying.Count > 0)
        {
            network = (GradientHealth.Dying, F($"{dying.Count} layer(s) dying, up to {dying.Max(l => l.DeadFraction):P0} dead ReLU units (threshold {t.DeadFraction:P0}); {flow}"));
        }
        else if (saturatedLayers.Count > 0)
        {
            network = (GradientHealth.Saturated, F($"{saturatedLayers.Count} layer(s) saturated, up to {saturatedLayers.Max(l => l.SaturatedFraction):P0} of outputs (threshold {t.SaturatedFraction:P0}); {flow}"));
        }
        else if (firstToLast > t.ExplodingRatio)
        {
            network = (GradientHealth.Exploding, flow + F($" exceeds {t.ExplodingRatio:G3}"));
        }
        else if (!(firstToLast >= t.VanishingRatio))
        {
            network = (GradientHealth.Vanishing, flow + F($" is below {t.VanishingRatio:G3}"));
        }
        else
        {
            network = (GradientHealth.Healthy, flow + F($" is within [{t.VanishingRatio:G3}, {t.ExplodingRatio:G3}]"));
        }
        return new NetworkVerdict(network.Item1, network.Item2, firstToLast, growth, origin, count, layers);
    }

    private static (GradientHealth, string) Judge(GradientThresholds t, double ratio, double dead, double saturated, long nonFinite)
    {
        if (nonFinite > 0)
        {
            return (GradientHealth.NonFinite, F($"{nonFinite} NaN or infinite values"));
        }
        if (dead >= t.DeadFraction)
        {
            return (GradientHealth.Dying, F($"{dead:P0} of its ReLU units are dead (threshold {t.DeadFraction:P0})"));
        }
        if (saturated >= t.SaturatedFraction)
        {
            return (GradientHealth.Saturated, F($"{saturated:P0} of its outputs are saturated (threshold {t.SaturatedFraction:P0})"));
        }
        if (ratio > t.ExplodingRatio)
        {
            return (GradientHealth.Exploding, F($"its back-propagated gradient is {ratio:G3} times the output layer's (threshold {t.ExplodingRatio:G3})"));
        }
        if (!(ratio >= t.VanishingRatio))
        {
            return (GradientHealth.Vanishing, F($"its back-propagated gradient is {ratio:G3} of the output layer's (threshold {t.VanishingRatio:G3})"));
        }
        return (GradientHealth.Healthy, F($"its back-propagated gradient is {ratio:G3} of the output layer's"));
    }

    // 0/0 (no gradient anywhere) counts as vanished, not as a NaN verdict.
    private static double Ratio(double value, double reference) => reference > 0 ? value / reference : value > 0 ? double.PositiveInfinity : 0;

    private static double GeometricMean(IEnumerable<double> values)
    {
        double logSum = 0;
        int n = 0;
        foreach (double v in values)
        {
            if (!(v > 0))
            {
                return v == 0 ? 0 : double.NaN;
            }
            logSum += Math.Log(v);
            n++;
        }
        return n == 0 ? double.NaN : Math.Exp(logSum / n);
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
