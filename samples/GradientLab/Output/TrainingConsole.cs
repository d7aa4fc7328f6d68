using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using GradientLab.Training;
using Spectre.Console;

namespace GradientLab.Output;

/// <summary>The console side of training: a progress bar per epoch, then a results table.</summary>
public static class TrainingConsole
{
    /// <summary>
    /// Runs <paramref name="epochs"/> epochs of <paramref name="trainer"/> under a live progress display,
    /// adding each finished epoch to <paramref name="results"/> (so a cancelled run keeps what it did).
    /// </summary>
    public static void Train(Trainer trainer, int epochs, List<EpochResult> results, CancellationToken cancellationToken)
    {
        // Redirected output (CI logs, files) gets one line per epoch instead of a live display,
        // which Spectre cannot redraw there and would leave half-finished.
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            for (int epoch = 1; epoch <= epochs; epoch++)
            {
                var result = trainer.RunEpoch(epoch, progress: null, cancellationToken);
                AnsiConsole.WriteLine(EpochLine(result, epochs));
                results.Add(result);
            }
            return;
        }

        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(
                new TaskDescriptionColumn(),
                new ProgressBarColumn(),
                new PercentageColumn(),
                new ElapsedTimeColumn(),
                new RemainingTimeColumn())
            .Start(context =>
            {
                for (int epoch = 1; epoch <= epochs; epoch++)
                {
                    var task = context.AddTask($"epoch {epoch}/{epochs}", maxValue: trainer.BatchesPerEpoch);
                    var result = trainer.RunEpoch(epoch, new ProgressTaskReporter(task), cancellationToken);
                    task.Value = task.MaxValue;
                    task.Description = EpochLine(result, epochs);
                    task.StopTask();
                    results.Add(result);
                }
            });
    }

    /// <summary>The table of epoch / mean training loss / test accuracy / seconds, and the total time.</summary>
    public static void WriteSummary(IReadOnlyList<EpochResult> results, double totalSeconds)
    {
        var table = new Table()
            .AddColumn("epoch")
            .AddColumn(new TableColumn("mean training loss").RightAligned())
            .AddColumn(new TableColumn("test accuracy").RightAligned())
            .AddColumn(new TableColumn("seconds").RightAligned());
        foreach (var result in results)
        {
            table.AddRow(
                result.Epoch.ToString(CultureInfo.InvariantCulture),
                Format(result.MeanTrainingLoss, "F4"),
                Percent(result.TestAccuracy),
                Format(result.Seconds, "F2"));
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"Total time: [bold]{Format(totalSeconds, "F2")} s[/]");
    }

    private static string EpochLine(EpochResult result, int epochs) =>
        $"epoch {result.Epoch}/{epochs}: loss {Format(result.MeanTrainingLoss, "F4")}, accuracy {Percent(result.TestAccuracy)}";

    // Invariant culture: the same output (and the same decimal point) on every machine.
    private static string Format(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Percent(double fraction) => (100 * fraction).ToString("F2", CultureInfo.InvariantCulture) + " %";

    /// <summary>Moves the bar at most every few steps: a redraw costs far more than a step's bookkeeping.</summary>
    private sealed class ProgressTaskReporter(ProgressTask task) : ITrainingProgress
    {
        private const int StepsPerUpdate = 16;

        public void Report(int completedBatches)
        {
            if (completedBatches % StepsPerUpdate == 0)
            {
                task.Value = completedBatches;
            }
        }
    }
}
