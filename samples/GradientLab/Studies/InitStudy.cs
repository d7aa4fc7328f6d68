using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using System.Text.Json.Serialization;
using GradientLab.Commands;
using GradientLab.Networks.Initialization;
using GradientLab.Networks.Vanishing;
using ScottPlot;
using SymGrad;

namespace GradientLab.Studies;

/// <summary>
/// At initialization, on MNIST images: per-layer activation and back-propagated gradient standard
/// deviations of 8 hidden layers of 64 with ReLU (Xavier against He init) and tanh (Glorot and
/// Bengio's "standard" init U[-1/sqrt(n), 1/sqrt(n)] against their normalized init, Xavier uniform),
/// and the mean layer-to-layer gradient gain, a proxy for the Jacobian singular values they report.
/// </summary>
public sealed class InitStudy : IStudy
{
    private static readonly (string Name, string Activation, Func<int, INetwork<float>> Create)[] s_networks =
    {
        ("ReLU+Xavier", "relu", seed => new ReluXavierNet(seed)),
        ("ReLU+He", "relu", seed => new ReluNet(seed)),
        ("tanh+standard", "tanh", seed => new TanhStandardNet(seed)),
        ("tanh+Xavier", "tanh", seed => new TanhNet(seed)),
    };

    private readonly Option<int> _batches = new("--batches") { Description = "Batches of 64 training images the statistics are pooled over.", DefaultValueFactory = _ => 8 };

    public string Name => "init";

    public string Description => "Per-layer activation and gradient standard deviations at initialization: ReLU with Xavier vs He, tanh with the standard vs Glorot's normalized init.";

    public void AddOptions(Command command)
    {
        OptionRules.RequirePositive(_batches);
        command.Options.Add(_batches);
    }

    public StudyReport Run(StudyContext context, ParseResult parseResult)
    {
        int batches = parseResult.GetValue(_batches);
        const int BatchSize = 64;
        var inputs = new float[BatchSize * context.Training.Features];
        var targets = new float[BatchSize * context.Training.Classes];
        var indices = new int[BatchSize];
        var task = context.Progress.Start("statistics at initialization", s_networks.Length * batches);
        var results = new List<InitNetworkResult>();
        foreach (var (name, activation, create) in s_networks)
        {
            var network = create(context.Seed);
            double[]? activationSquares = null, activationSums = null, gradientSquares = null, gradientSums = null;
            for (int b = 0; b < batches; b++)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                for (int i = 0; i < BatchSize; i++)
                {
                    indices[i] = (b * BatchSize + i) % context.Training.Count;
                }
                context.Training.CopyBatch(indices, inputs, targets);
                var probe = LayerProbe.Run(network, activation, inputs, targets);
                Add(ref activationSquares, probe.ActivationSquares);
                Add(ref activationSums, probe.ActivationSums);
                Add(ref gradientSquares, probe.GradientSquares);
                Add(ref gradientSums, probe.GradientSums);
                task.Report(results.Count * batches + b + 1);
            }
            var views = network.ParameterViews;
            var layers = new List<InitLayerResult>();
            for (int l = 0; l < gradientSquares!.Length; l++)
            {
                var weight = views[2 * l];
                long count = (long)batches * BatchSize * weight.Rows;
                double activationStd = l < activationSquares!.Length ? LayerProbe.StandardDeviation(activationSquares[l], activationSums![l], count) : double.NaN;
                layers.Add(new InitLayerResult(weight.Name[..^".Weight".Length], activationStd, LayerProbe.StandardDeviation(gradientSquares[l], gradientSums![l], count)));
            }
            results.Add(Summarize(name, layers));
        }
        task.Complete($"statistics at initialization: {results.Count} networks, {batches * BatchSize} images");
        return CreateReport(new InitResults(batches * BatchSize, results));
    }

    private static void Add(ref double[]? total, double[] values)
    {
        total ??= new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            total[i] += values[i];
        }
    }

    /// <summary>The ratios of a network's per-layer statistics (hidden layers only; the output layer has 10 units, not 64).</summary>
    private static InitNetworkResult Summarize(string name, List<InitLayerResult> layers)
    {
        var hidden = layers.Take(layers.Count - 1).ToList();
        double activationRatio = hidden[^1].ActivationStd / hidden[0].ActivationStd;
        double gradientRatio = hidden[0].GradientStd / hidden[^1].GradientStd;
        // g_l = diag(f'(z_l)) W_{l+1}^T g_{l+1}: the geometric mean of std(g_l) / std(g_{l+1}) over the hidden-to-hidden steps.
        double meanGain = Math.Pow(gradientRatio, 1.0 / (hidden.Count - 1));
        return new InitNetworkResult(name, activationRatio, gradientRatio, meanGain, layers);
    }

    /// <summary>The tables, plots and findings of a run's results.</summary>
    public static StudyReport CreateReport(InitResults data)
    {
        var report = new StudyReport("Initialization: activation and gradient standard deviations per layer",
            string.Create(CultureInfo.InvariantCulture,
                $"MNIST classifiers with 8 hidden layers of 64 units, at initialization, on {data.Images} training images. The activation a = f(z) and the back-propagated gradient dL/dz of every layer, their standard deviations over image x unit (computed in double precision from each generated network's own initial parameters). He init (variance 2/fan_in) makes up for ReLU zeroing half the signal; Xavier (2/(fan_in + fan_out)) is too small by sqrt(2) per layer. For tanh, Glorot and Bengio (2010) compare the \"standard\" U[-1/sqrt(n), 1/sqrt(n)] init (variance 1/(3n)) with their normalized init; they report layer Jacobian singular values near 0.5 against 0.8. The gain column is a proxy for them: the geometric mean over the hidden layers of std(dL/dz_l) / std(dL/dz_l+1), the rate the back-propagated gradient grows (above 1) or shrinks (below 1) per layer."),
            data, InitJsonContext.Default.InitResults);

        report.Tables.Add(new ResultTable("Summary: hidden layers 1 to 8",
            new[] { "network", "act std fc1", "act std fc8", "act fc8/fc1", "grad std fc1", "grad std fc8", "grad fc1/fc8", "gain per layer" },
            data.Networks.Select(n => (IReadOnlyList<string>)new[]
            {
                n.Network, StudyFormat.Fixed(n.Layers[0].ActivationStd, 3), StudyFormat.Fixed(n.Layers[^2].ActivationStd, 3), StudyFormat.Fixed(n.ActivationRatio, 3),
                StudyFormat.Scientific(n.Layers[0].GradientStd), StudyFormat.Scientific(n.Layers[^2].GradientStd), StudyFormat.Fixed(n.GradientRatio, 3), StudyFormat.Fixed(n.MeanGain, 3),
            }).ToList(),
            "gain per layer: (grad fc1/fc8)^(1/7), the proxy for the mean singular value of the layer Jacobians."));
        var layerNames = data.Networks[0].Layers.Select(l => l.Layer).ToList();
        report.Tables.Add(PerLayer("Activation standard deviation per layer", data, layerNames.Take(layerNames.Count - 1).ToList(), l => StudyFormat.Fixed(l.ActivationStd, 4)));
        report.Tables.Add(PerLayer("Back-propagated gradient standard deviation per layer", data, layerNames, l => StudyFormat.Scientific(l.GradientStd)));

        report.Plots.Add(Plot("activation-std", "Activation standard deviation per hidden layer at initialization (log scale).",
            "Activation std per layer", "std of f(z) (log scale)", data, hiddenOnly: true, l => l.ActivationStd));
        report.Plots.Add(Plot("gradient-std", "Back-propagated gradient standard deviation per layer at initialization, output layer last (log scale).",
            "Gradient std per layer", "std of dL/dz (log scale)", data, hiddenOnly: false, l => l.GradientStd));

        foreach (var n in data.Networks)
        {
            report.Findings.Add(string.Create(CultureInfo.InvariantCulture,
                $"{n.Network}: activation std fc8/fc1 {StudyFormat.Fixed(n.ActivationRatio, 3)}, gradient std fc1/fc8 {StudyFormat.Fixed(n.GradientRatio, 3)}, gain per layer {StudyFormat.Fixed(n.MeanGain, 3)}."));
        }
        var standard = data.Networks.FirstOrDefault(n => n.Network == "tanh+standard");
        var xavier = data.Networks.FirstOrDefault(n => n.Network == "tanh+Xavier");
        if (standard is not null && xavier is not null)
        {
            report.Findings.Add(string.Create(CultureInfo.InvariantCulture,
                $"Glorot and Bengio report Jacobian singular values near 0.5 (standard) and 0.8 (normalized) for tanh; the gradient gain per layer here is {StudyFormat.Fixed(standard.MeanGain, 2)} and {StudyFormat.Fixed(xavier.MeanGain, 2)}."));
        }
        return report;
    }

    private static ResultTable PerLayer(string title, InitResults data, List<string> layers, Func<InitLayerResult, string> format) =>
        new(title, new[] { "layer" }.Concat(data.Networks.Select(n => n.Network)).ToArray(),
            layers.Select((layer, i) => (IReadOnlyList<string>)new[] { layer }.Concat(data.Networks.Select(n => format(n.Layers[i]))).ToArray()).ToList());

    private static StudyPlot Plot(string stem, string caption, string title, string yLabel, InitResults data, bool hiddenOnly, Func<InitLayerResult, double> value) =>
        new(stem, caption, plot =>
        {
            foreach (var n in data.Networks)
            {
                var layers = hiddenOnly ? n.Layers.Take(n.Layers.Count - 1).ToList() : n.Layers;
                plot.Add.Scatter(Enumerable.Range(1, layers.Count).Select(i => (double)i).ToArray(), layers.Select(l => PlotStyle.Log10(value(l))).ToArray()).LegendText = n.Network;
            }
            plot.Title(title);
            plot.XLabel(hiddenOnly ? "hidden layer" : "layer (9 = output)");
            PlotStyle.LogY(plot, yLabel);
            plot.ShowLegend(Alignment.LowerLeft);
        });
}

/// <summary>The init study's machine-readable results.</summary>
/// <param name="Images">Training images the statistics pool over.</param>
/// <param name="Networks">One per network.</param>
public sealed record InitResults(int Images, List<InitNetworkResult> Networks);

/// <summary>One network at initialization.</summary>
/// <param name="Network">Activation and init, e.g. <c>ReLU+He</c>.</param>
/// <param name="ActivationRatio">Activation std of the last hidden layer over the first's.</param>
/// <param name="GradientRatio">Gradient std of the first hidden layer over the last hidden layer's.</param>
/// <param name="MeanGain">GradientRatio^(1/7): the geometric-mean gradient gain per hidden layer, the proxy for the layer Jacobians' mean singular value.</param>
/// <param name="Layers">Every Linear layer, the output layer last.</param>
public sealed record InitNetworkResult(string Network, double ActivationRatio, double GradientRatio, double MeanGain, List<InitLayerResult> Layers);

/// <summary>One layer's standard deviations; ActivationStd is NaN for the output layer (its z are the logits).</summary>
public sealed record InitLayerResult(string Layer, double ActivationStd, double GradientStd);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(InitResults))]
internal sealed partial class InitJsonContext : JsonSerializerContext
{
}
