using System;
using System.IO;
using System.Linq;
using ScottPlot;
using SymGrad.Instrumentation;

namespace SymGrad.Reports;

/// <summary>
/// Plots of a monitor's back-propagated gradient norms ||dL/dZ|| on a log scale (ScottPlot): per layer
/// (the verdict's geometric mean over the window), and per layer over the observed steps. The file
/// extension chooses the format: .png or .svg.
/// </summary>
public static class GradientPlots
{
    /// <summary>||dL/dZ|| per layer, in forward order, as a line over the layers.</summary>
    public static void SaveNormPerLayer(GradientMonitor monitor, string path, int width = 800, int height = 500)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        var verdict = monitor.Verdict();
        var plot = new Plot();
        double[] xs = Enumerable.Range(0, verdict.Layers.Count).Select(i => (double)i).ToArray();
        double[] ys = verdict.Layers.Select(l => Log10(l.OutputGradientNorm)).ToArray();
        var line = plot.Add.Scatter(xs, ys);
        line.LegendText = "||dL/dZ||";
        plot.Axes.Bottom.SetTicks(xs, verdict.Layers.Select(l => l.Layer).ToArray());
        Finish(plot, "Back-propagated gradient norm per layer: " + verdict.Health, "layer (input side left)");
        Save(plot, path, width, height);
    }

    /// <summary>||dL/dZ|| of each layer over the observed steps, one line per layer.</summary>
    public static void SaveNormOverSteps(GradientMonitor monitor, string path, int width = 800, int height = 500)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        if (monitor.Steps.Count == 0)
        {
            throw new InvalidOperationException("No step was observed; call GradientMonitor.Observe first.");
        }
        var plot = new Plot();
        double[] xs = monitor.Steps.Select(s => (double)s.Step).ToArray();
        for (int i = 0; i < monitor.LayerNames.Count; i++)
        {
            var line = plot.Add.Scatter(xs, monitor.Steps.Select(s => Log10(s.Layers[i].OutputGradientNorm)).ToArray());
            line.LegendText = monitor.LayerNames[i];
            line.MarkerSize = 0;
        }
        plot.ShowLegend();
        Finish(plot, "Back-propagated gradient norm per layer over training", "step");
        Save(plot, path, width, height);
    }

    // Log scale: the data are log10 values and the ticks are labelled as powers of ten.
    private static void Finish(Plot plot, string title, string xLabel)
    {
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel("||dL/dZ|| (log scale)");
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = y => "1e" + Math.Round(y, 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
        };
    }

    // A zero norm (a dead network) has no logarithm: it is drawn at the bottom, 1e-30.
    private static double Log10(double value) => value > 0 ? Math.Log10(value) : double.IsNaN(value) ? double.NaN : -30;

    private static void Save(Plot plot, string path, int width, int height)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string extension = Path.GetExtension(path).ToLowerInvariant();
        switch (extension)
        {
            case ".png":
                plot.SavePng(path, width, height);
                break;
            case ".svg":
                plot.SaveSvg(path, width, height);
                break;
            default:
                throw new ArgumentException($"Expected a path ending in .png or .svg, but got '{path}'.", nameof(path));
        }
    }
}
