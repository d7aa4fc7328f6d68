using System.Collections.Generic;

namespace SymGrad.Instrumentation;

/// <summary>A verdict on the gradient flow of a layer or a network.</summary>
public enum GradientHealth
{
    /// <summary>No threshold crossed.</summary>
    Healthy,
    /// <summary>The back-propagated gradient shrinks below <see cref="GradientThresholds.VanishingRatio"/> of the output layer's.</summary>
    Vanishing,
    /// <summary>The back-propagated gradient grows beyond <see cref="GradientThresholds.ExplodingRatio"/> times the output layer's.</summary>
    Exploding,
    /// <summary>At least <see cref="GradientThresholds.DeadFraction"/> of a ReLU layer's units are dead.</summary>
    Dying,
    /// <summary>At least <see cref="GradientThresholds.SaturatedFraction"/> of a sigmoid/tanh layer's outputs are saturated.</summary>
    Saturated,
    /// <summary>A NaN or infinity appeared (see <see cref="NetworkVerdict.NonFiniteOriginLayer"/>).</summary>
    NonFinite,
}

/// <summary>
/// The thresholds of <see cref="GradientMonitor"/>'s verdicts. The ratios compare a layer's
/// back-propagated gradient norm ||dL/dZ|| with the output layer's, averaged (geometrically) over the
/// observed steps. Defaults: vanishing below 1e-3, exploding above 1e3 (three orders of magnitude
/// either way: at 0.25 per sigmoid layer that is five layers), dying and saturated from half the units.
/// </summary>
/// <param name="VanishingRatio">Below this ratio a layer's gradient has vanished (default 1e-3).</param>
/// <param name="ExplodingRatio">Above this ratio it has exploded (default 1e3).</param>
/// <param name="DeadFraction">From this fraction of dead ReLU units a layer is dying (default 0.5).</param>
/// <param name="SaturatedFraction">From this fraction of saturated outputs a layer is saturated (default 0.5).</param>
public sealed record GradientThresholds(
    double VanishingRatio = 1e-3,
    double ExplodingRatio = 1e3,
    double DeadFraction = 0.5,
    double SaturatedFraction = 0.5)
{
    /// <summary>The documented defaults.</summary>
    public static GradientThresholds Default { get; } = new();
}

/// <summary>A layer's verdict and the numbers behind it (averages over the monitor's window).</summary>
/// <param name="Layer">The layer name.</param>
/// <param name="Health">The verdict.</param>
/// <param name="Reason">One sentence with the numbers that justify it.</param>
/// <param name="OutputGradientNorm">Geometric mean of ||dL/dZ||.</param>
/// <param name="RatioToOutputLayer">That norm divided by the output layer's.</param>
/// <param name="DeadFraction">Mean dead fraction (NaN unless ReLU).</param>
/// <param name="SaturatedFraction">Mean saturated fraction (NaN unless sigmoid/tanh).</param>
/// <param name="NonFiniteCount">NaN and infinite values over the window.</param>
public sealed record LayerVerdict(string Layer, GradientHealth Health, string Reason, double OutputGradientNorm,
    double RatioToOutputLayer, double DeadFraction, double SaturatedFraction, long NonFiniteCount);

/// <summary>The network's verdict, with the numbers that justify it and each layer's verdict.</summary>
/// <param name="Health">The verdict: the first that applies of non-finite, dying, saturated (causes), exploding, vanishing (symptoms), healthy.</param>
/// <param name="Reason">One sentence with the numbers.</param>
/// <param name="FirstToLastRatio">||dL/dZ|| of the first layer (in forward order) over the output layer's.</param>
/// <param name="GrowthPerLayer">That ratio's geometric mean per layer, ratio^(1/(depth - 1)): below 1 the gradient shrinks on its way back.</param>
/// <param name="NonFiniteOriginLayer">Where the first NaN or infinity arose in the last step that had one; null when none.</param>
/// <param name="Steps">Steps the verdict averages over.</param>
/// <param name="Layers">Per-layer verdicts in declaration order.</param>
public sealed record NetworkVerdict(GradientHealth Health, string Reason, double FirstToLastRatio, double GrowthPerLayer,
    string? NonFiniteOriginLayer, int Steps, IReadOnlyList<LayerVerdict> Layers);
