using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using System.Text.Json.Serialization;
using GradientLab.Recurrent;
using ScottPlot;

namespace GradientLab.Studies;

/// <summary>
/// <c>recurrent</c>: RNN vs LSTM vs GRU on the memory task (recall the first input's class after T
/// steps of noise): ||dL/dh_t|| against t at initialization and after a short Adam budget, and the accuracy.
/// </summary>
public sealed class RecurrentStudy : IStudy
{
    private readonly Option<int[]> _lengths = new("--lengths")
    {
        Description = "Sequence lengths T (each of 10, 20, 50: T is a compile-time constant of the generated networks).",
        DefaultValueFactory = _ => RecurrentExperiment.Lengths,
        AllowMultipleArgumentsPerToken = true,
    };
    private readonly Option<int> _steps = new("--steps") { Description = "Adam steps per network.", DefaultValueFactory = _ => 400 };
    private readonly Option<int> _batchSize = new("--batch-size") { Description = "Sequences per step (1 to 32).", DefaultValueFactory = _ => 32 };
    private readonly Option<double> _learningRate = new("--learning-rate") { Description = "Adam's step size.", DefaultValueFactory = _ => 0.01 };
    private readonly Option<double> _noise = new("--noise") { Description = "Half-width of the uniform noise in the steps after the first.", DefaultValueFactory = _ => 0.5 };
    private readonly Option<double> _forgetBias = new("--forget-bias")
    {
        Description = "Added to the LSTM's forget-gate bias after initialization (1 as Jozefowicz et al. 2015 recommend; 0 keeps PyTorch's init).",
        DefaultValueFactory = _ => 1.0,
    };
    private readonly Option<int> _probeBatches = new("--probe-batches") { Description = "Batches of 32 averaged for each dL/dh_t curve.", DefaultValueFactory = _ => 4 };
    private readonly Option<int> _testSequences = new("--test-sequences") { Description = "Fresh sequences for the accuracy.", DefaultValueFactory = _ => 1024 };

    public string Name => "recurrent";

    public string Description => "RNN vs LSTM vs GRU on a memory task over T = 10, 20, 50 steps: dL/dh_t against t, and accuracy.";

    public void AddOptions(Command command)
    {
        command.Options.Add(_lengths);
        command.Options.Add(_steps);
        command.Options.Add(_batchSize);
        command.Options.Add(_learningRate);
        command.Options.Add(_noise);
        command.Options.Add(_forgetBias);
        command.Options.Add(_probeBatches);
        command.Options.Add(_testSequences);
        _lengths.Validators.Add(result =>
        {
            foreach (int length in result.GetValueOrDefault<int[]>() ?? Array.Empty<int>())
            {
                if (Array.IndexOf(RecurrentExperiment.Lengths, length) < 0)
                {
                    result.AddError($"--lengths: {length} has no generated network; choose among {string.Join(", ", RecurrentExperiment.Lengths)}.");
                }
            }
        });
    }

    public StudyReport Run(StudyContext context, ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = new RecurrentSettings(parseResult.GetValue(_steps), parseResult.GetValue(_batchSize), parseResult.GetValue(_learningRate),
            parseResult.GetValue(_noise), parseResult.GetValue(_probeBatches), parseResult.GetValue(_testSequences), parseResult.GetValue(_forgetBias));
        settings.Validate();
        int[] lengths = (parseResult.GetValue(_lengths) ?? RecurrentExperiment.Lengths).Distinct().Order().ToArray();

        var runs = new List<RecurrentRun>();
        foreach (int length in lengths)
        {
            foreach (string cell in RecurrentExperiment.Cells)
            {
                var task = context.Progress.Start($"{cell} T = {length}", settings.Steps);
                var run = RecurrentExperiment.Run(cell, length, settings, context.Seed, task, context.CancellationToken);
                task.Complete($"{cell} T = {length}: accuracy {StudyFormat.Percent(run.Accuracy)}, ||dL/dh_0|| {StudyFormat.Scientific(run.GradientAtInitialization[0])} at init");
                runs.Add(run);
            }
        }
        var results = new RecurrentResults(settings, runs.ToArray());
        var report = new StudyReport("Vanishing through time: RNN vs LSTM vs GRU",
            $"Each cell (16 hidden units, PyTorch's init; LSTM forget-gate bias shifted by {StudyFormat.Fixed(settings.ForgetBias)}) reads a one-hot class "
            + $"out of {Recurrent.MemoryTask.Classes} at step 0, then T - 1 steps of uniform noise in +-{StudyFormat.Fixed(settings.Noise)}, and must name the class after the last step "
            + $"(chance: {StudyFormat.Percent(1.0 / Recurrent.MemoryTask.Classes)}). ||dL/dh_t|| is the norm of the loss gradient on the hidden state of step t, "
            + $"recorded by the generated backward pass (mean of {settings.ProbeBatches} batches of 32); it is measured at initialization and after "
            + $"{settings.Steps} Adam steps (batch {settings.BatchSize}, learning rate {settings.LearningRate.ToString(System.Globalization.CultureInfo.InvariantCulture)}). "
            + "Only step 0 carries the class, so whatever is learned must flow back through dL/dh_0.",
            results, RecurrentJsonContext.Default.RecurrentResults);
        report.Tables.Add(new ResultTable("Gradient through time and accuracy",
            new[] { "Cell", "T", "||dL/dh_0|| init", "||dL/dh_T-1|| init", "first/last init", "||dL/dh_0|| trained", "Accuracy", "Final loss", "Seconds" },
            runs.Select(r => (IReadOnlyList<string>)new[]
            {
                r.Cell, r.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
                StudyFormat.Scientific(r.GradientAtInitialization[0]), StudyFormat.Scientific(r.GradientAtInitialization[^1]),
                StudyFormat.Scientific(r.RatioAtInitialization), StudyFormat.Scientific(r.GradientAfterTraining[0]),
                StudyFormat.Percent(r.Accuracy), StudyFormat.Fixed(r.FinalLoss, 3), StudyFormat.Fixed(r.Seconds, 1),
            }).ToList(),
            "first/last: ||dL/dh_0|| / ||dL/dh_T-1||, the fraction of the last step's gradient that reaches the first input."));
        foreach (int length in lengths)
        {
            var atLength = runs.Where(r => r.Length == length).ToArray();
            report.Plots.Add(new StudyPlot($"gradient-through-time-T{length}",
                $"||dL/dh_t|| against t at T = {length} (log scale): solid at initialization, dashed after training.", plot => DrawCurves(plot, atLength)));
            var rnn = atLength.First(r => r.Cell == "RNN");
            foreach (var run in atLength.Where(r => r.Cell != "RNN"))
            {
                report.Findings.Add($"T = {length}: at initialization the {run.Cell}'s ||dL/dh_0|| is {StudyFormat.Scientific(run.GradientAtInitialization[0] / rnn.GradientAtInitialization[0])} times the RNN's "
                    + $"({StudyFormat.Scientific(run.GradientAtInitialization[0])} vs {StudyFormat.Scientific(rnn.GradientAtInitialization[0])}); accuracy {StudyFormat.Percent(run.Accuracy)} vs {StudyFormat.Percent(rnn.Accuracy)}.");
            }
        }
        return report;
    }

    private static void DrawCurves(Plot plot, IReadOnlyList<RecurrentRun> runs)
    {
        var colors = new[] { Colors.Red, Colors.Blue, Colors.Green };
        for (int i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            double[] t = Enumerable.Range(0, run.Length).Select(k => (double)k).ToArray();
            var initial = plot.Add.Scatter(t, run.GradientAtInitialization.Select(PlotStyle.Log10).ToArray());
            initial.LegendText = run.Cell + " at init";
            initial.Color = colors[i % colors.Length];
            initial.MarkerSize = 3;
            var trained = plot.Add.Scatter(t, run.GradientAfterTraining.Select(PlotStyle.Log10).ToArray());
            trained.LegendText = run.Cell + " trained";
            trained.Color = colors[i % colors.Length];
            trained.LinePattern = LinePattern.Dashed;
            trained.MarkerSize = 0;
        }
        plot.Title($"Gradient through time, T = {runs[0].Length}");
        plot.XLabel("time step t");
        PlotStyle.LogY(plot, "||dL/dh_t||");
        plot.ShowLegend(Alignment.LowerRight);
    }
}

/// <summary>The recurrent study's machine-readable results.</summary>
/// <param name="Settings">The budget every cell got.</param>
/// <param name="Runs">One per cell and length.</param>
public sealed record RecurrentResults(RecurrentSettings Settings, RecurrentRun[] Runs);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(RecurrentResults))]
internal sealed partial class RecurrentJsonContext : JsonSerializerContext;
