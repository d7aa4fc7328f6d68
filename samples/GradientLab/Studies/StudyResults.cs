using System.Collections.Generic;
using System.Linq;
using SymGrad.Instrumentation;

namespace GradientLab.Studies;

/// <summary>A <see cref="NetworkVerdict"/> in JSON-friendly form.</summary>
/// <param name="Health">healthy, vanishing, exploding, dying, saturated or nonfinite.</param>
/// <param name="Reason">The monitor's sentence with the numbers.</param>
/// <param name="FirstToLastRatio">||dL/dZ|| of the first layer over the output layer's.</param>
/// <param name="GrowthPerLayer">That ratio's geometric mean per layer.</param>
/// <param name="MaxDeadFraction">The largest dead-ReLU fraction of any layer (NaN when no ReLU layer).</param>
/// <param name="MaxSaturatedFraction">The largest saturated fraction of any sigmoid/tanh layer (NaN when none).</param>
public sealed record VerdictSummary(string Health, string Reason, double FirstToLastRatio, double GrowthPerLayer, double MaxDeadFraction, double MaxSaturatedFraction)
{
    public static VerdictSummary From(NetworkVerdict verdict) => new(
        HealthName(verdict.Health), verdict.Reason, verdict.FirstToLastRatio, verdict.GrowthPerLayer,
        MaxOrNaN(verdict.Layers.Select(l => l.DeadFraction)), MaxOrNaN(verdict.Layers.Select(l => l.SaturatedFraction)));

    /// <summary>The verdict as a lower-case word, as the tables show it.</summary>
    public static string HealthName(GradientHealth health) => health.ToString().ToLowerInvariant();

    private static double MaxOrNaN(IEnumerable<double> values)
    {
        var finite = values.Where(v => !double.IsNaN(v)).ToList();
        return finite.Count == 0 ? double.NaN : finite.Max();
    }
}

/// <summary>One layer's gradient norms at each observed step.</summary>
/// <param name="Layer">The layer name.</param>
/// <param name="OutputGradientNorms">||dL/dZ|| per observation.</param>
/// <param name="WeightGradientNorms">||dW|| per observation.</param>
public sealed record LayerSeries(string Layer, double[] OutputGradientNorms, double[] WeightGradientNorms)
{
    /// <summary>Every layer's series from a monitor's observations.</summary>
    public static List<LayerSeries> From(GradientMonitor monitor) =>
        monitor.LayerNames.Select((name, i) => new LayerSeries(name,
            monitor.Steps.Select(s => s.Layers[i].OutputGradientNorm).ToArray(),
            monitor.Steps.Select(s => s.Layers[i].WeightGradientNorm).ToArray())).ToList();
}
