using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Text;
using ScottPlot;

namespace GradientLab.Studies;

/// <summary>
/// Writes a report folder: <c>index.html</c> (self-contained apart from the images: inline CSS, no
/// scripts, opens from disk), each plot as <c>&lt;stem&gt;.png</c> (shown) and <c>&lt;stem&gt;.svg</c>
/// (linked, for zooming), and <c>results.json</c>.
/// </summary>
public static class HtmlReportWriter
{
    private const int PlotWidth = 900;
    private const int PlotHeight = 520;

    /// <summary>Writes the folder (created if missing; files of an earlier report with the same names are replaced) and returns the path of index.html.</summary>
    public static string Write(string directory, string study, StudyReport report, int seed, double seconds)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(directory);
        foreach (var plot in report.Plots)
        {
            SavePlot(plot, Path.Combine(directory, plot.FileStem + ".png"));
            SavePlot(plot, Path.Combine(directory, plot.FileStem + ".svg"));
        }
        StudyJson.Write(Path.Combine(directory, "results.json"), study, report, seed, seconds);
        string index = Path.Combine(directory, "index.html");
        File.WriteAllText(index, Render(study, report, seed, seconds), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return index;
    }

    /// <summary>Draws <paramref name="plot"/> and saves it; the extension (.png or .svg) chooses the format.</summary>
    public static void SavePlot(StudyPlot plot, string path)
    {
        var canvas = new Plot();
        plot.Build(canvas);
        if (path.EndsWith(".svg", StringComparison.OrdinalIgnoreCase))
        {
            canvas.SaveSvg(path, PlotWidth, PlotHeight);
        }
        else
        {
            canvas.SavePng(path, PlotWidth, PlotHeight);
        }
    }

    /// <summary>The HTML text of the report.</summary>
    public static string Render(string study, StudyReport report, int seed, double seconds)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<title>").Append(E(report.Title)).Append("</title>\n");
        html.Append("""
            <style>
            body { font-family: system-ui, sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em; color: #222; }
            table { border-collapse: collapse; margin: 1em 0; font-size: 0.92em; }
            th, td { border: 1px solid #ccc; padding: 0.3em 0.6em; }
            th { background: #f3f3f3; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            .green { color: #187a2f; font-weight: 600; } .yellow { color: #9a6a00; font-weight: 600; } .red { color: #b3261e; font-weight: 600; }
            figure { margin: 1.5em 0; } figure img { max-width: 100%; border: 1px solid #ddd; }
            .meta { color: #666; }
            </style>

            """);
        html.Append("</head>\n<body>\n");
        html.Append("<h1>").Append(E(report.Title)).Append("</h1>\n");
        html.Append("<p class=\"meta\">GradientLab <code>").Append(E(study)).Append("</code>, seed ")
            .Append(seed.ToString(CultureInfo.InvariantCulture)).Append(", ")
            .Append(seconds.ToString("F1", CultureInfo.InvariantCulture)).Append(" s, ")
            .Append(E(DateTime.Now.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))).Append(". Machine-readable: <a href=\"results.json\">results.json</a>.</p>\n");
        html.Append("<p>").Append(E(report.Introduction)).Append("</p>\n");
        if (report.Findings.Count > 0)
        {
            html.Append("<h2>Findings</h2>\n<ul>\n");
            foreach (string finding in report.Findings)
            {
                html.Append("<li>").Append(E(finding)).Append("</li>\n");
            }
            html.Append("</ul>\n");
        }
        foreach (var table in report.Tables)
        {
            AppendTable(html, table);
        }
        if (report.Plots.Count > 0)
        {
            html.Append("<h2>Plots</h2>\n");
        }
        foreach (var plot in report.Plots)
        {
            html.Append("<figure><img src=\"").Append(E(plot.FileStem)).Append(".png\" alt=\"").Append(E(plot.Caption)).Append("\">\n<figcaption>")
                .Append(E(plot.Caption)).Append(" (<a href=\"").Append(E(plot.FileStem)).Append(".svg\">SVG</a>)</figcaption></figure>\n");
        }
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendTable(StringBuilder html, ResultTable table)
    {
        html.Append("<h2>").Append(E(table.Title)).Append("</h2>\n<table>\n<tr>");
        foreach (string column in table.Columns)
        {
            html.Append("<th>").Append(E(column)).Append("</th>");
        }
        html.Append("</tr>\n");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            for (int i = 0; i < row.Count; i++)
            {
                string cell = row[i];
                string? css = Verdicts.ColorOf(cell) ?? (i > 0 && LooksNumeric(cell) ? "num" : null);
                html.Append(css is null ? "<td>" : $"<td class=\"{css}\">").Append(E(cell)).Append("</td>");
            }
            html.Append("</tr>\n");
        }
        html.Append("</table>\n");
        if (table.Caption is not null)
        {
            html.Append("<p class=\"meta\">").Append(E(table.Caption)).Append("</p>\n");
        }
    }

    private static bool LooksNumeric(string cell) => cell.Length > 0 && (char.IsDigit(cell[0]) || cell[0] is '-' or '+' or '.');

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
