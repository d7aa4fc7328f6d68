using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using System.Text.Json.Serialization;
using GradientLab.Commands;
using GradientLab.Networks.Depth;
using ScottPlot;
using SymGrad.Instrumentation;

namespace GradientLab.Studies;

/// <summary>
/// At initialization, for 2 to 20 hidden layers of 64: the first-to-last back-propagated gradient ratio of
/// sigmoid+Xavier, tanh+Xavier and ReLU+He, against sigmoid's bound 0.25^depth. Then, at depth 20, the
/// plain sigmoid network and its residual twin (h = h + Sigmoid(fc(h))) trained with the same budget.
/// </summary>
public sealed class DepthStudy : IStudy
{
    private static readonly (string Activation, string Label)[] s_families = { ("Sigmoid", "sigmoid+Xavier"), ("Tanh", "tanh+Xavier"), ("Relu", "ReLU+He") };

    private readonly Option<int> _batches = new("--batches") { Description = "Batches of 64 training images the ratio at initialization is averaged over (geometric mean).", DefaultValueFactory = _ => 4 };
    private readonly BudgetOptions _budget = new(defaultSteps: 600, defaultLearningRate: 0.05);

    public string Name => "depth";

    public string Description => "Gradient ratio at initialization for depth 2 to 20 (sigmoid, tanh, ReLU) against 0.25^n; plain vs residual sigmoid trained at depth 20.";

    public void AddOptions(Command command)
    {
        OptionRules.RequirePositive(_batches);
        command.Options.Add(_batches);
        _budget.AddTo(command);
    }

    public StudyReport Run(StudyContext context, ParseResult parseResult)
    {
        int batches = parseResult.GetValue(_batches);
        int depths = DepthNetworks.MaxDepth - DepthNetworks.MinDepth + 1;
        var ratios = new List<DepthRatio>();
        var task = context.Progress.Start("ratio at initialization, depth 2 to 20", depths * s_families.Length);
        var inputs = new float[64 * context.Training.Features];
        var targets = new float[64 * context.Training.Classes];
        var indices = new int[64];
        foreach (var (activation, label) in s_families)
        {
            for (int depth = DepthNetworks.MinDepth; depth <= DepthNetworks.MaxDepth; depth++)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var net = DepthNetworks.Create(activation, depth, context.Seed);
                var monitor = new GradientMonitor();
                for (int b = 0; b < batches; b++)
                {
                    for (int i = 0; i < indices.Length; i++)
                    {
                        indices[i] = (b * indices.Length + i) % context.Training.Count;
                    }
                    context.Training.CopyBatch(indices, inputs, targets);
                    net.Network.ComputeGradients(inputs, targets);
                    monitor.Observe(net.Statistics);
                }
                var verdict = monitor.Verdict();
                ratios.Add(new DepthRatio(label, depth, verdict.FirstToLastRatio, VerdictSummary.HealthName(verdict.Health)));
                task.Report(ratios.Count);
            }
        }
        task.Complete($"ratio at initialization: {ratios.Count} networks measured");

        var budget = _budget.Read(parseResult, batchSize: 64);
        var trained = new List<DepthTrainingResult>();
        foreach (var (label, create) in new (string, Func<int, InstrumentedNetwork>)[]
        {
            ("sigmoid, plain, depth 20", seed => DepthNetworks.Create("Sigmoid", 20, seed)),
            ("sigmoid, residual, depth 20", seed => { var n = new ResidualSigmoidDepth20(seed); return new(n, n.Statistics); }),
        })
        {
            var trainTask = context.Progress.Start($"{label}: training", budget.Steps);
            var outcome = StudyTraining.Train(create(context.Seed), context.Training, context.Test, budget, context.Seed, trainTask, context.CancellationToken);
            var result = new DepthTrainingResult(label, outcome.TestAccuracy, outcome.FinalLoss,
                VerdictSummary.From(outcome.AtInitialization.Verdict()), VerdictSummary.From(outcome.OverTraining.Verdict()), outcome.Seconds);
            trainTask.Complete(string.Create(CultureInfo.InvariantCulture, $"{label}: accuracy {StudyFormat.Percent(result.TestAccuracy)}"));
            trained.Add(result);
        }
        return CreateReport(new DepthResults(batches, budget, ratios, trained));
    }

    /// <summary>The tables, plot and findings of a run's results.</summary>
    public static StudyReport CreateReport(DepthResults data)
    {
        var report = new StudyReport("Gradient ratio against depth, at initialization",
            string.Create(CultureInfo.InvariantCulture,
                $"MNIST classifiers with 2 to 20 hidden layers of 64 units: the first hidden layer's back-propagated gradient norm ||dL/dZ|| over the output layer's, at initialization (geometric mean over {data.Batches} batches of 64). A sigmoid's derivative is at most 0.25, so the sigmoid ratio is bounded by about 0.25^depth times the weights' gains. Then the depth-20 sigmoid network, plain and residual, trained with plain SGD (learning rate {data.Budget.LearningRate}) for {data.Budget.Steps} steps."),
            data, DepthJsonContext.Default.DepthResults);

        var depths = data.Ratios.Select(r => r.Depth).Distinct().OrderBy(d => d).ToList();
        var labels = data.Ratios.Select(r => r.Network).Distinct().ToList();
        report.Tables.Add(new ResultTable("First-to-last back-propagated gradient ratio at initialization",
            new[] { "depth" }.Concat(labels).Append("0.25^depth").ToArray(),
            depths.Select(d => (IReadOnlyList<string>)new[] { d.ToString(CultureInfo.InvariantCulture) }
                .Concat(labels.Select(l => StudyFormat.Scientific(data.Ratios.Single(r => r.Depth == d && r.Network == l).Ratio)))
                .Append(StudyFormat.Scientific(Math.Pow(0.25, d))).ToArray()).ToList()));
        report.Tables.Add(new ResultTable("Depth 20, trained: plain against residual",
            new[] { "network", "accuracy", "loss", "ratio@init", "verdict@init", "ratio@end", "verdict@end", "s" },
            data.Trained.Select(t => (IReadOnlyList<string>)new[]
            {
                t.Network, StudyFormat.Percent(t.TestAccuracy), StudyFormat.Fixed(t.FinalLoss, 3), StudyFormat.Scientific(t.AtInitialization.FirstToLastRatio),
                t.AtInitialization.Health, StudyFormat.Scientific(t.AfterTraining.FirstToLastRatio), t.AfterTraining.Health, StudyFormat.Fixed(t.Seconds, 1),
            }).ToList()));

        report.Plots.Add(new StudyPlot("ratio-by-depth", "First-to-last back-propagated gradient ratio at initialization against depth, with sigmoid's 0.25^depth bound (log scale).", plot =>
        {
            double[] xs = depths.Select(d => (double)d).ToArray();
            foreach (string label in labels)
            {
                plot.Add.Scatter(xs, depths.Select(d => PlotStyle.Log10(data.Ratios.Single(r => r.Depth == d && r.Network == label).Ratio)).ToArray()).LegendText = label;
            }
            var bound = plot.Add.Scatter(xs, depths.Select(d => d * Math.Log10(0.25)).ToArray());
            bound.LegendText = "0.25^depth";
            bound.LinePattern = LinePattern.Dashed;
            bound.MarkerSize = 0;
            plot.Title("Gradient ratio at initialization against depth");
            plot.XLabel("hidden layers");
            PlotStyle.LogY(plot, "first / output ||dL/dZ|| (log scale)");
            plot.ShowLegend(Alignment.LowerLeft);
        }));

        foreach (string label in labels)
        {
            var deepest = data.Ratios.Where(r => r.Network == label).MaxBy(r => r.Depth)!;
            report.Findings.Add(string.Create(CultureInfo.InvariantCulture,
                $"{label} at depth {deepest.Depth}: ratio {StudyFormat.Scientific(deepest.Ratio)} at initialization ({deepest.Health})."));
        }
        foreach (var t in data.Trained)
        {
            report.Findings.Add(string.Create(CultureInfo.InvariantCulture,
                $"{t.Network}: {StudyFormat.Percent(t.TestAccuracy)} test accuracy after {data.Budget.Steps} steps; {t.AfterTraining.Health}."));
        }
        return report;
    }
}

/// <summary>The depth study's machine-readable results.</summary>
/// <param name="Batches">Batches the ratios at initialization average over.</param>
/// <param name="Budget">The depth-20 training budget.</param>
/// <param name="Ratios">One per network family and depth.</param>
/// <param name="Trained">The depth-20 plain and residual networks after training.</param>
public sealed record DepthResults(int Batches, TrainingBudget Budget, List<DepthRatio> Ratios, List<DepthTrainingResult> Trained);

/// <summary>A network family's first-to-last ratio at one depth, at initialization, and the monitor's verdict.</summary>
public sealed record DepthRatio(string Network, int Depth, double Ratio, string Health);

/// <summary>A depth-20 network after training.</summary>
public sealed record DepthTrainingResult(string Network, double TestAccuracy, double FinalLoss, VerdictSummary AtInitialization, VerdictSummary AfterTraining, double Seconds);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(DepthResults))]
internal sealed partial class DepthJsonContext : JsonSerializerContext
{
}
