using System;
using System.Globalization;
using ScottPlot;

namespace GradientLab.Studies;

/// <summary>Shared plot conventions of the reports.</summary>
public static class PlotStyle
{
    /// <summary>
    /// A log-scale y axis: plot log10 of the values (see <see cref="Log10"/>) and call this, which labels
    /// the ticks as powers of ten with log-spaced minor ticks.
    /// </summary>
    public static void LogY(Plot plot, string label)
    {
        ArgumentNullException.ThrowIfNull(plot);
        plot.YLabel(label);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = y => "1e" + Math.Round(y, 1).ToString(CultureInfo.InvariantCulture),
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
        };
    }

    /// <summary>log10 of a positive value; 0 is drawn at 1e-30 (a dead network), NaN stays NaN (a gap).</summary>
    public static double Log10(double value) => value > 0 ? Math.Log10(value) : double.IsNaN(value) ? double.NaN : -30;
}
