using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using GradientLab.Networks;
using SymGrad;
using SymGrad.Data;
using SymGrad.Instrumentation;
using SymGrad.Reports;
using Spectre.Console;

namespace GradientLab.Commands;

/// <summary>
/// <c>gradients</c>: trains a 10-layer instrumented MLP (sigmoid or ReLU) on MNIST for a few steps,
/// prints the per-layer gradient table at initialization and at the end, and writes CSV, JSON and
/// PNG/SVG plots of the back-propagated gradient norms.
/// </summary>
internal sealed class GradientsCommand : Command
{
    private readonly Option<string> _activation = new("--activation")
    {
        Description = "sigmoid (Xavier init, vanishes) or relu (He init, healthy).",
        DefaultValueFactory = _ => "sigmoid",
    };

    private readonly Option<int> _steps = new("--steps")
    {
        Description = "Training steps (batches of 64) after the measurement at initialization.",
        DefaultValueFactory = _ => 200,
    };

    private readonly Option<double> _learningRate = new("--learning-rate")
    {
        Description = "SGD step size.",
        DefaultValueFactory = _ => 0.1,
    };

    private readonly Option<int> _seed = new("--seed")
    {
        Description = "Seeds the initial weights and the batch order.",
        DefaultValueFactory = _ => 1,
    };

    private readonly Option<DirectoryInfo> _output = new("--output")
    {
        Description = "Directory for gradients.csv, gradients.json and the plots (created if missing).",
        HelpName = "DIR",
        DefaultValueFactory = _ => new DirectoryInfo("gradients-report"),
    };

    public GradientsCommand()
        : base("gradients", "Measure per-layer gradients of a 10-layer MLP on MNIST: table, verdict, CSV, JSON and plots.")
    {
        _activation.AcceptOnlyFromAmong("sigmoid", "relu");
        OptionRules.RequirePositive(_steps);
        OptionRules.RequirePositiveFinite(_learningRate);
        Options.Add(_activation);
        Options.Add(_steps);
        Options.Add(_learningRate);
        Options.Add(_seed);
        Options.Add(_output);
        SetAction((parseResult, cancellationToken) => Task.FromResult(Run(parseResult, cancellationToken)));
    }

    private int Run(ParseResult parseResult, CancellationToken cancellationToken)
    {
        string activation = parseResult.GetValue(_activation) ?? "sigmoid";
        int steps = parseResult.GetValue(_steps);
        double learningRate = parseResult.GetValue(_learningRate);
        int seed = parseResult.GetValue(_seed);
        var output = parseResult.GetValue(_output)!;

        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = 150; // the table is wide; a file has no window to fit
        }
        LabeledImages training;
        try
        {
            training = Mnist.LoadTraining(Mnist.FindDataDirectory());
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: cannot load MNIST: {e.Message}");
            return CommandLineRunner.RuntimeError;
        }

        var (network, statistics) = activation == "relu"
            ? Pair(new DeepReluMlp(seed))
            : Pair(new DeepSigmoidMlp(seed));
        string name = activation == "relu" ? nameof(DeepReluMlp) : nameof(DeepSigmoidMlp);
        const int batch = 64;
        var inputs = new float[batch * network.InputSize];
        var targets = new float[batch * network.OutputSize];
        var indices = new int[batch];
        var random = new Random(seed);
        var optimizer = new Sgd(learningRate);

        // Step 0: the gradients at initialization, on the first batch.
        var atInit = new GradientMonitor(window: 1);
        var monitor = new GradientMonitor(window: 20);
        for (int i = 0; i < batch; i++)
        {
            indices[i] = i;
        }
        training.CopyBatch(indices, inputs, targets);
        network.ComputeGradients(inputs, targets);
        atInit.Observe(statistics);
        monitor.Observe(statistics);
        GradientConsoleReport.Write(atInit, title: $"{name} at initialization (seed {seed})");

        for (int step = 0; step < steps && !cancellationToken.IsCancellationRequested; step++)
        {
            for (int i = 0; i < batch; i++)
            {
                indices[i] = random.Next(training.Count);
            }
            training.CopyBatch(indices, inputs, targets);
            network.TrainStep(inputs, targets, optimizer);
            monitor.Observe(statistics);
        }
        GradientConsoleReport.Write(monitor, title: $"{name} after {steps} SGD steps (learning rate {learningRate.ToString(CultureInfo.InvariantCulture)}; verdict over the last 20)");

        try
        {
            output.Create();
            using (var csv = new StreamWriter(Path.Combine(output.FullName, "gradients.csv")))
            {
                GradientReport.WriteCsv(monitor, csv);
            }
            using (var json = File.Create(Path.Combine(output.FullName, "gradients.json")))
            {
                GradientReport.WriteJson(monitor, json);
            }
            foreach (string extension in new[] { ".png", ".svg" })
            {
                GradientPlots.SaveNormPerLayer(atInit, Path.Combine(output.FullName, "norm-per-layer" + extension));
                GradientPlots.SaveNormOverSteps(monitor, Path.Combine(output.FullName, "norm-over-steps" + extension));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: cannot write the reports to '{output.FullName}': {e.Message}");
            return CommandLineRunner.RuntimeError;
        }
        AnsiConsole.MarkupLineInterpolated($"Reports written to [bold]{output.FullName}[/].");
        return 0;
    }

    private static (INetwork<float>, GradientStatistics) Pair(DeepSigmoidMlp network) => (network, network.Statistics);

    private static (INetwork<float>, GradientStatistics) Pair(DeepReluMlp network) => (network, network.Statistics);
}
