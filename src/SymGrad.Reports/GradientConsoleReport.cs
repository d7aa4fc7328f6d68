using System;
using System.Globalization;
using System.IO;
using SymGrad.Instrumentation;
using Spectre.Console;

namespace SymGrad.Reports;

/// <summary>The per-layer gradient table of a monitor's last step, with the verdicts, for the console (Spectre.Console).</summary>
public static class GradientConsoleReport
{
    /// <summary>The table: one row per layer (declaration order) of the last observed step, then the verdict.</summary>
    /// <exception cref="InvalidOperationException">No step was observed.</exception>
    public static Table CreateTable(GradientMonitor monitor, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        var verdict = monitor.Verdict();
        var last = monitor.Steps[^1];
        var table = new Table { Border = TableBorder.Rounded };
        if (title is not null)
        {
            table.Title = new TableTitle(Markup.Escape(title));
        }
        table.AddColumn("layer");
        table.AddColumn("act");
        foreach (var column in new[] { "||dW||", "max|dW|", "||db||", "||W||", "update/W", "||dL/dZ||", "vs output", "dead", "saturated", "NaN/Inf" })
        {
            table.AddColumn(new TableColumn(Markup.Escape(column)).RightAligned());
        }
        table.AddColumn("verdict");
        for (int i = 0; i < last.Layers.Count; i++)
        {
            var l = last.Layers[i];
            var v = verdict.Layers[i];
            table.AddRow(
                Markup.Escape(l.Name), l.Activation.ToString(), Number(l.WeightGradientNorm), Number(l.WeightGradientMax), Number(l.BiasGradientNorm),
                Number(l.WeightNorm), Number(l.UpdateRatio), Number(l.OutputGradientNorm), Number(v.RatioToOutputLayer),
                Percent(l.DeadFraction), Percent(l.SaturatedFraction), l.NonFiniteCount.ToString(CultureInfo.InvariantCulture), Health(v.Health));
        }
        table.Caption = new TableTitle(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"step {last.Step}: global norm {last.GlobalNormBeforeClipping:G3}{(last.ClippingFired ? $" clipped to {last.GlobalNormAfterClipping:G3}" : "")}; network: {verdict.Health}, {verdict.Reason}")));
        return table;
    }

    /// <summary>Writes the table to <paramref name="console"/> (the default console when null).</summary>
    public static void Write(GradientMonitor monitor, IAnsiConsole? console = null, string? title = null) =>
        (console ?? AnsiConsole.Console).Write(CreateTable(monitor, title));

    /// <summary>The table as plain text (no colors, no escape codes), <paramref name="width"/> columns wide: for files and READMEs.</summary>
    public static string ToPlainText(GradientMonitor monitor, int width = 160, string? title = null)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        console.Write(CreateTable(monitor, title));
        return writer.ToString();
    }

    // Three significant digits in a fixed width: 5.56e-06 rather than 5.56E-06 or 0.00000556.
    private static string Number(double value) => double.IsNaN(value) ? "-" : value == 0 ? "0" : value.ToString("0.00e+00", CultureInfo.InvariantCulture);

    private static string Percent(double value) => double.IsNaN(value) ? "-" : value.ToString("P0", CultureInfo.InvariantCulture);

    private static string Health(GradientHealth health) => health switch
    {
        GradientHealth.Healthy => "[green]healthy[/]",
        GradientHealth.Vanishing => "[yellow]vanishing[/]",
        GradientHealth.Exploding => "[red]exploding[/]",
        GradientHealth.Dying => "[red]dying[/]",
        GradientHealth.Saturated => "[yellow]saturated[/]",
        _ => "[red bold]non-finite[/]",
    };
}
