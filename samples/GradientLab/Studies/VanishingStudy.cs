using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using System.Text.Json.Serialization;
using GradientLab.Commands;
using GradientLab.Networks.Vanishing;
using ScottPlot;
using SymGrad.Instrumentation;

namespace GradientLab.Studies;

/// <summary>
/// The default study: seven networks of equal depth and width (8 hidden layers of 64) that differ only
/// in activation, initialization, skip connections or batch normalization, trained with the same SGD
/// budget on MNIST. Reports per network: test accuracy, the first-to-last back-propagated gradient
/// ratio at initialization and after training, dead and saturated fractions, and the monitor's verdicts.
/// </summary>
public sealed class VanishingStudy : IStudy
{
    /// <summary>The networks, in table order: the problem first, then the remedies.</summary>
    public static IReadOnlyList<StudyNetwork> Networks { get; } = new StudyNetwork[]
    {
        new("sigmoid+Xavier", "sigmoid, Xavier init", seed => { var n = new SigmoidNet(seed); return new(n, n.Statistics); }),
        new("tanh+Xavier", "tanh, Xavier init", seed => { var n = new TanhNet(seed); return new(n, n.Statistics); }),
        new("ReLU+He", "ReLU, He init", seed => { var n = new ReluNet(seed); return new(n, n.Statistics); }),
        new("LeakyReLU+He", "LeakyReLU (0.01), He init", seed => { var n = new LeakyReluNet(seed); return new(n, n.Statistics); }),
        new("ELU+He", "ELU (alpha 1), He init", seed => { var n = new EluNet(seed); return new(n, n.Statistics); }),
        new("ReLU+residual", "ReLU, h = h + Relu(fc(h)), He init for fc1, LeCun for the branches", seed => { var n = new ResidualReluNet(seed); return new(n, n.Statistics); }),
        new("sigmoid+BatchNorm", "sigmoid after batch norm, Xavier init", seed => { var n = new SigmoidBatchNormNet(seed); return new(n, n.Statistics); }),
    };

    private readonly BudgetOptions _budget = new(defaultSteps: 600, defaultLearningRate: 0.05);
    private readonly Option<int> _batchSize = new("--batch-size") { Description = "Images per step (2 to 64).", DefaultValueFactory = _ => 64 };

    public string Name => "vanishing";

    public string Description => "Seven 8x64 networks (sigmoid, tanh, ReLU, LeakyReLU, ELU, residual, batch norm), same SGD budget: accuracy, gradient ratios, verdicts.";

    public void AddOptions(Command command)
    {
        _budget.AddTo(command);
        OptionRules.RequirePositive(_batchSize);
        command.Options.Add(_batchSize);
    }

    public StudyReport Run(StudyContext context, ParseResult parseResult)
    {
        var budget = _budget.Read(parseResult, parseResult.GetValue(_batchSize));
        var results = new List<VanishingNetworkResult>();
        foreach (var candidate in Networks)
        {
            var task = context.Progress.Start($"{candidate.Name}: training", budget.Steps);
            var outcome = StudyTraining.Train(candidate.Create(context.Seed), context.Training, context.Test, budget, context.Seed, task, context.CancellationToken);
            var result = VanishingNetworkResult.From(candidate, outcome);
            task.Complete(string.Create(CultureInfo.InvariantCulture,
                $"{candidate.Name}: accuracy {StudyFormat.Percent(result.TestAccuracy)}, ratio at init {StudyFormat.Scientific(result.AtInitialization.FirstToLastRatio)}, {result.Seconds:F1} s"));
            results.Add(result);
        }
        return CreateReport(new VanishingResults(budget, results));
    }

    /// <summary>The tables, plots and findings of a run's results.</summary>
    public static StudyReport CreateReport(VanishingResults data)
    {
        var b = data.Budget;
        var report = new StudyReport("Vanishing gradients: seven remedies at equal depth",
            string.Create(CultureInfo.InvariantCulture,
                $"Seven MNIST classifiers with 8 hidden layers of 64 units each, trained with plain SGD (learning rate {b.LearningRate}, batch {b.BatchSize}) for {b.Steps} steps on the first {b.TrainingSamples} training images, tested on the first {b.TestSamples} test images. The ratio is the first layer's back-propagated gradient norm ||dL/dZ|| over the output layer's: a sigmoid's derivative is at most 0.25, so through 8 sigmoid layers it can be at most about 0.25^8 = 1.5e-5 times the weights' gains."),
            data, VanishingJsonContext.Default.VanishingResults);

        report.Tables.Add(new ResultTable("Per network",
            new[] { "network", "accuracy", "loss", "ratio@init", "per layer", "verdict@init", "ratio@end", "verdict@end", "dead", "saturated", "s" },
            data.Networks.Select(r => (IReadOnlyList<string>)new[]
            {
                r.Name, StudyFormat.Percent(r.TestAccuracy), StudyFormat.Fixed(r.FinalLoss, 3),
                StudyFormat.Scientific(r.AtInitialization.FirstToLastRatio), StudyFormat.Fixed(r.AtInitialization.GrowthPerLayer, 3), r.AtInitialization.Health,
                StudyFormat.Scientific(r.AfterTraining.FirstToLastRatio), r.AfterTraining.Health,
                StudyFormat.Percent(r.AfterTraining.MaxDeadFraction), StudyFormat.Percent(r.AfterTraining.MaxSaturatedFraction), StudyFormat.Fixed(r.Seconds, 1),
            }).ToList(),
            "ratio: first layer's ||dL/dZ|| / output layer's; per layer: its geometric mean per layer; @end: over the last quarter of training; dead/saturated: the worst layer there; loss: mean over the last tenth of the steps; s: seconds."));

        string[] hidden = Enumerable.Range(1, 8).Select(i => "fc" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        report.Tables.Add(new ResultTable("||dL/dZ|| of each hidden layer over the output layer's, at initialization",
            new[] { "network" }.Concat(hidden).ToArray(),
            data.Networks.Select(r => (IReadOnlyList<string>)new[] { r.Name }.Concat(hidden.Select(h => StudyFormat.Scientific(r.RatioAtInitialization(h)))).ToArray()).ToList()));

        report.Plots.Add(new StudyPlot("ratio-per-layer-at-init", "Back-propagated gradient norm of each hidden layer relative to the output layer, at initialization (log scale).",
            plot => PlotPerLayer(plot, data, hidden)));
        report.Plots.Add(new StudyPlot("ratio-over-training", "First-to-last back-propagated gradient ratio during training (log scale).",
            plot => PlotOverTraining(plot, data)));

        foreach (var r in data.Networks)
        {
            report.Findings.Add(string.Create(CultureInfo.InvariantCulture,
                $"{r.Name}: {StudyFormat.Percent(r.TestAccuracy)} test accuracy; after training {r.AfterTraining.Health}: {r.AfterTraining.Reason}."));
        }
        return report;
    }

    private static void PlotPerLayer(Plot plot, VanishingResults data, string[] hidden)
    {
        double[] xs = Enumerable.Range(1, hidden.Length).Select(i => (double)i).ToArray();
        foreach (var r in data.Networks)
        {
            var line = plot.Add.Scatter(xs, hidden.Select(h => PlotStyle.Log10(r.RatioAtInitialization(h))).ToArray());
            line.LegendText = r.Name;
        }
        plot.Axes.Bottom.SetTicks(xs, hidden);
        plot.Title("||dL/dZ|| per layer / output layer's, at initialization");
        plot.XLabel("hidden layer (input side left)");
        PlotStyle.LogY(plot, "ratio (log scale)");
        plot.ShowLegend(Alignment.LowerRight);
    }

    private static void PlotOverTraining(Plot plot, VanishingResults data)
    {
        foreach (var r in data.Networks)
        {
            var first = r.Layers[r.FirstLayerIndex].OutputGradientNorms;
            var last = r.Layers[r.OutputLayerIndex].OutputGradientNorms;
            double[] ys = first.Zip(last, (f, l) => PlotStyle.Log10(l > 0 ? f / l : 0)).ToArray();
            var line = plot.Add.Scatter(r.ObservedSteps.Select(s => (double)s).ToArray(), ys);
            line.LegendText = r.Name;
            line.MarkerSize = 0;
        }
        plot.Title("First-to-last back-propagated gradient ratio during training");
        plot.XLabel("SGD step");
        PlotStyle.LogY(plot, "ratio (log scale)");
        plot.ShowLegend(Alignment.LowerRight);
    }
}

/// <summary>The vanishing study's machine-readable results.</summary>
public sealed record VanishingResults(TrainingBudget Budget, List<VanishingNetworkResult> Networks);

/// <summary>One network of the vanishing study.</summary>
/// <param name="Name">Table name.</param>
/// <param name="Description">Activation and initialization.</param>
/// <param name="TestAccuracy">After training.</param>
/// <param name="FinalLoss">Mean training loss over the last tenth of the steps.</param>
/// <param name="Seconds">Training and evaluation wall time.</param>
/// <param name="AtInitialization">The verdict on the first batch before any update.</param>
/// <param name="AfterTraining">The verdict over the last quarter of the observations.</param>
/// <param name="ObservedSteps">The step of each observation (0: initialization).</param>
/// <param name="Layers">Per-layer gradient norms at each observation.</param>
/// <param name="FirstLayerIndex">Index in <paramref name="Layers"/> of the first layer in forward order.</param>
/// <param name="OutputLayerIndex">Index of the output layer.</param>
public sealed record VanishingNetworkResult(string Name, string Description, double TestAccuracy, double FinalLoss, double Seconds,
    VerdictSummary AtInitialization, VerdictSummary AfterTraining, long[] ObservedSteps, List<LayerSeries> Layers, int FirstLayerIndex, int OutputLayerIndex)
{
    public static VanishingNetworkResult From(StudyNetwork network, TrainingOutcome outcome)
    {
        var monitor = outcome.OverTraining;
        long firstStep = monitor.Steps[0].Step;
        var layers = LayerSeries.From(monitor);
        return new VanishingNetworkResult(network.Name, network.Description, outcome.TestAccuracy, outcome.FinalLoss, outcome.Seconds,
            VerdictSummary.From(outcome.AtInitialization.Verdict()), VerdictSummary.From(monitor.Verdict()),
            monitor.Steps.Select(s => s.Step - firstStep).ToArray(), layers,
            layers.FindIndex(l => l.Layer == "fc1"), layers.FindIndex(l => l.Layer == "output"));
    }

    /// <summary>||dL/dZ|| of <paramref name="layer"/> over the output layer's at initialization; NaN for an unknown layer.</summary>
    public double RatioAtInitialization(string layer)
    {
        int i = Layers.FindIndex(l => l.Layer == layer);
        double output = Layers[OutputLayerIndex].OutputGradientNorms[0];
        return i < 0 || !(output > 0) ? double.NaN : Layers[i].OutputGradientNorms[0] / output;
    }
}

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(VanishingResults))]
internal sealed partial class VanishingJsonContext : JsonSerializerContext
{
}
