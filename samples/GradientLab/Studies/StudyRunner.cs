using System;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using GradientLab.Commands;
using Spectre.Console;

namespace GradientLab.Studies;

/// <summary>
/// Runs a study the same way for every subcommand: a live progress display while it runs, then its
/// tables and findings, the time taken, <c>--json</c>, and the HTML report folder, named at the end.
/// Exit codes: 0, 1 (missing MNIST, unwritable output), 130 (Ctrl+C).
/// </summary>
public static class StudyRunner
{
    /// <summary>reports/&lt;study&gt;-&lt;yyyyMMdd-HHmmss&gt; under the current directory: a new folder per run, so runs never overwrite each other.</summary>
    public static string DefaultOutputDirectory(string study) =>
        Path.GetFullPath(Path.Combine("reports", study + "-" + DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)));

    public static int Run(IStudy study, ParseResult parseResult, StudyRunOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(options);
        var console = AnsiConsole.Console;
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = 160; // tables are wide; a file has no window to fit
        }
        console.MarkupLineInterpolated($"GradientLab [bold]{study.Name}[/]: {study.Description} (seed {options.Seed})");

        long start = Stopwatch.GetTimestamp();
        StudyReport report;
        try
        {
            report = RunWithProgress(console, study, parseResult, options.Seed, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            console.MarkupLine("[yellow]Study cancelled.[/]");
            return CommandLineRunner.Cancelled;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: cannot load MNIST: {e.Message}");
            return CommandLineRunner.RuntimeError;
        }
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;

        StudyConsole.Write(console, report);
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"Time taken: [bold]{seconds:F1} s[/]"));

        string directory = options.OutputDirectory ?? DefaultOutputDirectory(study.Name);
        try
        {
            if (options.JsonPath is not null)
            {
                StudyJson.Write(options.JsonPath, study.Name, report, options.Seed, seconds);
                console.MarkupLineInterpolated($"Results written to [bold]{options.JsonPath}[/].");
            }
            string index = HtmlReportWriter.Write(directory, study.Name, report, options.Seed, seconds);
            console.MarkupLineInterpolated($"Report written to [bold]{directory}[/]: open [link]{index}[/].");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: cannot write the report: {e.Message}");
            return CommandLineRunner.RuntimeError;
        }
        return 0;
    }

    private static StudyReport RunWithProgress(IAnsiConsole console, IStudy study, ParseResult parseResult, int seed, CancellationToken cancellationToken)
    {
        // Redirected output gets one line per finished task: a live display cannot redraw in a file.
        if (!console.Profile.Capabilities.Interactive)
        {
            var lines = new LineStudyProgress(line => console.WriteLine(line));
            return study.Run(new StudyContext(seed, lines, cancellationToken), parseResult);
        }
        StudyReport? report = null;
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(progress => report = study.Run(new StudyContext(seed, new SpectreStudyProgress(progress), cancellationToken), parseResult));
        return report!;
    }
}
