using System;
using System.Globalization;
using Spectre.Console;

namespace GradientLab.Studies;

/// <summary>Where a study reports its tasks (one per network, say).</summary>
public interface IStudyProgress
{
    /// <summary>Starts a task of <paramref name="total"/> units (steps, depths, ...).</summary>
    IStudyTask Start(string description, int total);
}

/// <summary>One task of a study. Cheap to advance: call it every step.</summary>
public interface IStudyTask
{
    /// <summary>Sets the number of units done.</summary>
    void Report(int done);

    /// <summary>Marks the task done and replaces its description by <paramref name="summary"/> (e.g. the accuracy reached).</summary>
    void Complete(string summary);
}

/// <summary>A live Spectre.Console progress bar per task.</summary>
internal sealed class SpectreStudyProgress(ProgressContext context) : IStudyProgress
{
    public IStudyTask Start(string description, int total) =>
        new Task(context.AddTask(Markup.Escape(description), maxValue: Math.Max(1, total)));

    private sealed class Task(ProgressTask task) : IStudyTask
    {
        // A redraw costs far more than a training step: move the bar at most every few units.
        private const int UnitsPerUpdate = 8;

        public void Report(int done)
        {
            if (done % UnitsPerUpdate == 0 || done >= task.MaxValue)
            {
                task.Value = done;
            }
        }

        public void Complete(string summary)
        {
            task.Value = task.MaxValue;
            task.Description = Markup.Escape(summary);
            task.StopTask();
        }
    }
}

/// <summary>For redirected output (CI logs, files), where a live display cannot redraw: one line per finished task.</summary>
internal sealed class LineStudyProgress(Action<string> writeLine) : IStudyProgress
{
    public IStudyTask Start(string description, int total) => new Task(writeLine);

    private sealed class Task(Action<string> writeLine) : IStudyTask
    {
        public void Report(int done)
        {
        }

        public void Complete(string summary) => writeLine(summary);
    }
}

/// <summary>Hears nothing: for tests and for callers that run a study without a console.</summary>
public sealed class SilentStudyProgress : IStudyProgress
{
    public static SilentStudyProgress Instance { get; } = new();

    public IStudyTask Start(string description, int total) => Task.Instance;

    private sealed class Task : IStudyTask
    {
        public static Task Instance { get; } = new();

        public void Report(int done)
        {
        }

        public void Complete(string summary)
        {
        }
    }
}

/// <summary>Invariant-culture number formats shared by the studies' tables, so that every report reads alike.</summary>
public static class StudyFormat
{
    /// <summary>Three significant digits in scientific notation: 5.56e-06; "-" for NaN.</summary>
    public static string Scientific(double value) =>
        double.IsNaN(value) ? "-" : value == 0 ? "0" : value.ToString("0.00e+00", CultureInfo.InvariantCulture);

    /// <summary>A fraction in [0, 1] as a percentage with two decimals: 97.31 %; "-" for NaN.</summary>
    public static string Percent(double fraction) =>
        double.IsNaN(fraction) ? "-" : (100 * fraction).ToString("F2", CultureInfo.InvariantCulture) + " %";

    /// <summary>A number with <paramref name="decimals"/> decimals.</summary>
    public static string Fixed(double value, int decimals = 2) =>
        double.IsNaN(value) ? "-" : value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
