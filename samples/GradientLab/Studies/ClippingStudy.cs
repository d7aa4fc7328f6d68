using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using System.Text.Json.Serialization;
using GradientLab.Clipping;
using ScottPlot;

namespace GradientLab.Studies;

/// <summary>
/// <c>clipping</c>: an MLP whose initial weights are scaled up trains with plain SGD twice, without and
/// with clipping by global norm: loss curves, gradient norms before and after clipping, how often it fired.
/// </summary>
public sealed class ClippingStudy : IStudy
{
    private readonly Option<int> _steps = new("--steps") { Description = "SGD steps per run.", DefaultValueFactory = _ => 300 };
    private readonly Option<int> _batchSize = new("--batch-size") { Description = "Images per step (1 to 64).", DefaultValueFactory = _ => 64 };
    private readonly Option<double> _learningRate = new("--learning-rate") { Description = "Plain SGD's step size.", DefaultValueFactory = _ => 0.1 };
    private readonly Option<double> _initScale = new("--init-scale") { Description = "Initial weights are He init times this.", DefaultValueFactory = _ => 4.0 };
    private readonly Option<double> _maxNorm = new("--max-norm") { Description = "Global-norm clipping threshold of the clipped run.", DefaultValueFactory = _ => 1.0 };
    private readonly Option<int> _trainingSamples = new("--training-samples") { Description = "Batches come from the first this many training images.", DefaultValueFactory = _ => 60000 };
    private readonly Option<int> _testSamples = new("--test-samples") { Description = "Accuracy on the first this many test images.", DefaultValueFactory = _ => 10000 };

    public string Name => "clipping";

    public string Description => "An exploding setup (large init, plain SGD) with and without clipping by global norm: loss, gradient norms, how often clipping fired.";

    public void AddOptions(Command command)
    {
        command.Options.Add(_steps);
        command.Options.Add(_batchSize);
        command.Options.Add(_learningRate);
        command.Options.Add(_initScale);
        command.Options.Add(_maxNorm);
        command.Options.Add(_trainingSamples);
        command.Options.Add(_testSamples);
    }

    public StudyReport Run(StudyContext context, ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = new ClippingSettings(parseResult.GetValue(_steps), parseResult.GetValue(_batchSize), parseResult.GetValue(_learningRate),
            parseResult.GetValue(_initScale), parseResult.GetValue(_maxNorm), parseResult.GetValue(_trainingSamples), parseResult.GetValue(_testSamples));
        settings.Validate(context.Training, context.Test);
        var runs = new List<ClippingRun>();
        foreach (bool clipped in new[] { false, true })
        {
            string name = RunName(clipped, settings);
            var task = context.Progress.Start(name, settings.Steps);
            var run = ClippingExperiment.Run(clipped, settings, context.Training, context.Test, context.Seed, task, context.CancellationToken);
            task.Complete($"{name}: {Outcome(run)}");
            runs.Add(run);
        }
        var results = new ClippingResults(settings, runs.ToArray());
        string I(double value) => value.ToString(CultureInfo.InvariantCulture);
        var report = new StudyReport("Exploding gradients and clipping by global norm",
            $"ExplodingMlp (784-128-128-128-10, ReLU) starts from He init times {I(settings.InitScale)}, so each layer multiplies activations and gradients by about "
            + $"{I(settings.InitScale)}, and trains on MNIST with plain SGD (learning rate {I(settings.LearningRate)}, batch {settings.BatchSize}, {settings.Steps} steps) twice: "
            + $"without clipping, and with the gradient rescaled to global L2 norm {I(settings.MaxNorm)} whenever it is larger (same seed: same weights, same batches). "
            + "The norms are the network's own instrumentation (GradientStatistics.GlobalNormBeforeClipping/AfterClipping).",
            results, ClippingJsonContext.Default.ClippingResults);
        report.Tables.Add(new ResultTable("Without and with clipping",
            new[] { "Run", "Outcome", "Max ||g|| before", "Median ||g|| before", "Clipping fired", "Final loss", "Test accuracy", "Seconds" },
            runs.Select(r => (IReadOnlyList<string>)new[]
            {
                RunName(r.Clipped, settings), Outcome(r), StudyFormat.Scientific(MaxOrNonFinite(r.NormBefore)), StudyFormat.Scientific(Median(r.NormBefore)),
                r.Clipped ? $"{r.FiredCount} of {settings.Steps} steps" : "-", StudyFormat.Fixed(r.Loss[^1], 3), StudyFormat.Percent(r.Accuracy), StudyFormat.Fixed(r.Seconds, 1),
            }).ToList(),
            "Max and median over the steps; a non-finite maximum means the run overflowed."));
        report.Plots.Add(new StudyPlot("clipping-loss", "Training loss per step (log scale); a line that stops has reached NaN or infinity.",
            plot => Draw(plot, runs, settings, r => r.Loss, "training loss", null)));
        report.Plots.Add(new StudyPlot("clipping-norms", "Global gradient norm per step before clipping (solid) and after (dashed), log scale.",
            plot => Draw(plot, runs, settings, r => r.NormBefore, "||g||_2", r => r.NormAfter)));
        var (plain, withClipping) = (runs[0], runs[1]);
        report.Findings.Add($"Without clipping: {Outcome(plain)}; with clipping at {I(settings.MaxNorm)}: {Outcome(withClipping)}, clipping fired on {withClipping.FiredCount} of {settings.Steps} steps.");
        report.Findings.Add($"Test accuracy {StudyFormat.Percent(plain.Accuracy)} without clipping, {StudyFormat.Percent(withClipping.Accuracy)} with it.");
        return report;
    }

    private static string RunName(bool clipped, ClippingSettings settings) =>
        clipped ? "clipped at " + settings.MaxNorm.ToString(CultureInfo.InvariantCulture) : "no clipping";

    private static string Outcome(ClippingRun run) =>
        run.StayedFinite ? "finite throughout" : $"diverged (non-finite loss or gradient from step {run.FirstNonFiniteStep})";

    private static double MaxOrNonFinite(double[] values) => values.Any(v => !double.IsFinite(v)) ? double.PositiveInfinity : values.Max();

    private static double Median(double[] values)
    {
        var finite = values.Where(double.IsFinite).Order().ToArray();
        return finite.Length == 0 ? double.NaN : finite[finite.Length / 2];
    }

    private static void Draw(Plot plot, IReadOnlyList<ClippingRun> runs, ClippingSettings settings, Func<ClippingRun, double[]> solid, string label, Func<ClippingRun, double[]>? dashed)
    {
        var colors = new[] { Colors.Red, Colors.Blue };
        for (int i = 0; i < runs.Count; i++)
        {
            double[] steps = Enumerable.Range(1, settings.Steps).Select(s => (double)s).ToArray();
            // Non-finite values become gaps (NaN): log10 of infinity is not drawable.
            double[] Logs(double[] values) => values.Select(v => double.IsFinite(v) ? PlotStyle.Log10(v) : double.NaN).ToArray();
            var line = plot.Add.Scatter(steps, Logs(solid(runs[i])));
            line.LegendText = RunName(runs[i].Clipped, settings);
            line.Color = colors[i % colors.Length];
            line.MarkerSize = 0;
            if (dashed is not null && runs[i].Clipped)
            {
                var post = plot.Add.Scatter(steps, Logs(dashed(runs[i])));
                post.LegendText = RunName(runs[i].Clipped, settings) + ", after clipping";
                post.Color = colors[i % colors.Length];
                post.LinePattern = LinePattern.Dashed;
                post.MarkerSize = 0;
            }
        }
        plot.XLabel("step");
        PlotStyle.LogY(plot, label);
        plot.ShowLegend(Alignment.UpperRight);
    }
}

/// <summary>The clipping study's machine-readable results: the setup and both runs, per-step series included.</summary>
public sealed record ClippingResults(ClippingSettings Settings, ClippingRun[] Runs);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(ClippingResults))]
internal sealed partial class ClippingJsonContext : JsonSerializerContext;
