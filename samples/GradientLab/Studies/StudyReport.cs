using System;
using System.Collections.Generic;
using System.Text.Json.Serialization.Metadata;
using ScottPlot;

namespace GradientLab.Studies;

/// <summary>A table of a study's results: shown on the console and in the HTML report alike.</summary>
/// <param name="Title">One line above the table.</param>
/// <param name="Columns">Column headers; columns after the first are right-aligned unless they hold words.</param>
/// <param name="Rows">Cells as display text (numbers already formatted with the invariant culture).</param>
/// <param name="Caption">An optional line under the table: what the numbers mean.</param>
public sealed record ResultTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, string? Caption = null);

/// <summary>A plot of the report: <paramref name="Build"/> draws it onto a fresh ScottPlot <see cref="Plot"/>; the writer saves it as PNG and SVG.</summary>
/// <param name="FileStem">File name without extension, e.g. <c>ratio-by-depth</c>.</param>
/// <param name="Caption">A sentence under the plot in the HTML report.</param>
/// <param name="Build">Adds the data, title and axes.</param>
public sealed record StudyPlot(string FileStem, string Caption, Action<Plot> Build);

/// <summary>
/// Everything a study produced. The runner prints <see cref="Tables"/> and <see cref="Findings"/>,
/// writes <see cref="Data"/> as JSON (<c>--json FILE</c> and <c>results.json</c> in the report folder)
/// and renders the whole report as HTML with <see cref="Plots"/>.
/// </summary>
public sealed class StudyReport
{
    /// <param name="title">The report's heading.</param>
    /// <param name="introduction">A paragraph: what was run, with which budget, and what to look for.</param>
    /// <param name="data">The machine-readable results.</param>
    /// <param name="dataType">Serializes <paramref name="data"/> (source-generated: no reflection).</param>
    public StudyReport(string title, string introduction, object data, JsonTypeInfo dataType)
    {
        ArgumentException.ThrowIfNullOrEmpty(title);
        ArgumentNullException.ThrowIfNull(introduction);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(dataType);
        if (!dataType.Type.IsInstanceOfType(data))
        {
            throw new ArgumentException($"Expected type info for {data.GetType().Name}, but got one for {dataType.Type.Name}.", nameof(dataType));
        }
        Title = title;
        Introduction = introduction;
        Data = data;
        DataType = dataType;
    }

    public string Title { get; }

    public string Introduction { get; }

    public object Data { get; }

    public JsonTypeInfo DataType { get; }

    public List<ResultTable> Tables { get; } = new();

    public List<StudyPlot> Plots { get; } = new();

    /// <summary>One sentence per conclusion, with the numbers behind it (e.g. a network's verdict).</summary>
    public List<string> Findings { get; } = new();
}
