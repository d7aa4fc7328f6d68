using System.Linq;
using Spectre.Console;

namespace GradientLab.Studies;

/// <summary>Prints a <see cref="StudyReport"/>'s tables and findings with Spectre.Console.</summary>
public static class StudyConsole
{
    public static void Write(IAnsiConsole console, StudyReport report)
    {
        foreach (var result in report.Tables)
        {
            console.Write(CreateTable(result));
        }
        if (report.Findings.Count > 0)
        {
            console.MarkupLine("[bold]Findings[/]");
            foreach (string finding in report.Findings)
            {
                console.MarkupLineInterpolated($"  - {finding}");
            }
        }
    }

    public static Table CreateTable(ResultTable result)
    {
        var table = new Table { Border = TableBorder.Rounded, Title = new TableTitle(Markup.Escape(result.Title)) };
        for (int i = 0; i < result.Columns.Count; i++)
        {
            var column = new TableColumn(Markup.Escape(result.Columns[i]));
            table.AddColumn(i > 0 && IsNumeric(result, i) ? column.RightAligned() : column);
        }
        foreach (var row in result.Rows)
        {
            table.AddRow(row.Select((cell, i) => Verdicts.Markup(cell)).ToArray());
        }
        if (result.Caption is not null)
        {
            table.Caption = new TableTitle(Markup.Escape(result.Caption));
        }
        return table;
    }

    // A column is numeric when every cell starts like a number (or is "-"): those align right.
    private static bool IsNumeric(ResultTable result, int column) =>
        result.Rows.All(row => column < row.Count && row[column].Length > 0
            && (char.IsDigit(row[column][0]) || row[column][0] is '-' or '+' or '.'));
}

/// <summary>Colors for verdict words, the same on the console and in HTML.</summary>
internal static class Verdicts
{
    public static string? ColorOf(string cell) => cell.ToLowerInvariant() switch
    {
        "healthy" => "green",
        "vanishing" or "saturated" => "yellow",
        "exploding" or "dying" or "nonfinite" or "non-finite" => "red",
        _ => null,
    };

    public static string Markup(string cell) =>
        ColorOf(cell) is { } color ? $"[{color}]{Spectre.Console.Markup.Escape(cell)}[/]" : Spectre.Console.Markup.Escape(cell);
}
