using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using GradientLab.Networks;
using GradientLab.Output;
using GradientLab.Training;
using SymGrad;
using SymGrad.Data;
using Spectre.Console;

namespace GradientLab.Commands;

/// <summary><c>train [NETWORK]</c>: trains a sample network (default <see cref="MnistMlp"/>) on MNIST and reports loss and test accuracy per epoch.</summary>
internal sealed class TrainCommand : Command
{
    private const int MnistPixels = 28 * 28;

    private readonly Argument<string> _network = new("NETWORK")
    {
        Description = "The sample network to train: any class of 784 inputs and 10 outputs listed by 'inspect --list'.",
        DefaultValueFactory = _ => nameof(MnistMlp),
    };

    private readonly Option<int> _epochs = new("--epochs")
    {
        Description = "Passes over the 60,000 training images.",
        DefaultValueFactory = _ => 3,
    };

    private readonly Option<int> _batchSize = new("--batch-size")
    {
        Description = "Images per training step, at most the network's MaxBatchSize (64 for MnistMlp).",
        DefaultValueFactory = _ => 64,
    };

    private readonly Option<double> _learningRate = new("--learning-rate")
    {
        Description = "The optimizer's step size.",
        DefaultValueFactory = _ => 1e-3,
    };

    private readonly Option<int> _seed = new("--seed")
    {
        Description = "Seeds the initial weights and the shuffling: the same seed gives the same run.",
        DefaultValueFactory = _ => 0,
    };

    private readonly Option<string> _optimizer = new("--optimizer")
    {
        Description = "The update rule.",
        DefaultValueFactory = _ => "adam",
    };

    private readonly Option<FileInfo> _json = new("--json")
    {
        Description = "Also write the per-epoch results to this JSON file.",
        HelpName = "FILE",
    };

    public TrainCommand()
        : base("train", "Train a sample network on MNIST (default MnistMlp: 784-128-64-10, ReLU) and report loss and test accuracy per epoch.")
    {
        _optimizer.AcceptOnlyFromAmong(OptimizerChoice.Names);
        OptionRules.RequirePositive(_epochs);
        OptionRules.RequirePositive(_batchSize);
        OptionRules.RequirePositiveFinite(_learningRate);
        OptionRules.RequireExistingDirectory(_json);

        Arguments.Add(_network);
        Options.Add(_epochs);
        Options.Add(_batchSize);
        Options.Add(_learningRate);
        Options.Add(_seed);
        Options.Add(_optimizer);
        Options.Add(_json);

        // Training is synchronous CPU work; the async signature only gives us Ctrl+C as a token.
        SetAction((parseResult, cancellationToken) => Task.FromResult(Run(parseResult, cancellationToken)));
    }

    private int Run(ParseResult parseResult, CancellationToken cancellationToken)
    {
        int epochs = parseResult.GetValue(_epochs);
        int batchSize = parseResult.GetValue(_batchSize);
        double learningRate = parseResult.GetValue(_learningRate);
        int seed = parseResult.GetValue(_seed);
        string optimizerName = parseResult.GetValue(_optimizer) ?? "adam";
        FileInfo? jsonFile = parseResult.GetValue(_json);

        string networkName = parseResult.GetValue(_network) ?? nameof(MnistMlp);
        var sample = NetworkCatalog.Find(networkName);
        if (sample is null)
        {
            return CommandLineRunner.ReportUsageError(Name, $"no sample network named '{networkName}'; run 'GradientLab inspect --list' to see them.");
        }
        networkName = sample.Name;
        INetwork<float> network = sample.Create(seed);
        if (network.InputSize != MnistPixels || network.OutputSize != Mnist.Classes)
        {
            return CommandLineRunner.ReportUsageError(Name,
                $"{networkName} has {network.InputSize} inputs and {network.OutputSize} outputs; MNIST needs {MnistPixels} and {Mnist.Classes}.");
        }
        if (batchSize > network.MaxBatchSize)
        {
            return CommandLineRunner.ReportUsageError(Name,
                $"--batch-size must be at most {network.MaxBatchSize} ({networkName}'s MaxBatchSize), but is {batchSize}.");
        }

        if (!TryLoadMnist(out var training, out var test))
        {
            return CommandLineRunner.RuntimeError;
        }

        Optimizer optimizer = OptimizerChoice.Create(optimizerName, learningRate);
        var trainer = new Trainer(network, optimizer, training, test, batchSize, seed);
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"Training [bold]{networkName}[/] ({network.ParameterCount:N0} parameters) with [bold]{optimizerName}[/] (learning rate {learningRate:G}), batch {batchSize}, {epochs} epoch(s), seed {seed}.");

        var results = new List<EpochResult>(epochs);
        long start = Stopwatch.GetTimestamp();
        try
        {
            TrainingConsole.Train(trainer, epochs, results, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            AnsiConsole.MarkupLine("[yellow]Training cancelled.[/]");
            TrainingConsole.WriteSummary(results, Stopwatch.GetElapsedTime(start).TotalSeconds);
            return CommandLineRunner.Cancelled;
        }
        double totalSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        TrainingConsole.WriteSummary(results, totalSeconds);

        if (jsonFile is not null)
        {
            var report = new TrainingReport(networkName, optimizerName, learningRate, batchSize, seed,
                training.Count, test.Count, results, totalSeconds);
            try
            {
                ReportJson.Write(report, jsonFile.FullName);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"error: cannot write '{jsonFile.FullName}': {e.Message}");
                return CommandLineRunner.RuntimeError;
            }
            AnsiConsole.MarkupLineInterpolated($"Results written to [bold]{jsonFile.FullName}[/].");
        }
        return 0;
    }

    private static bool TryLoadMnist(out LabeledImages training, out LabeledImages test)
    {
        try
        {
            // ?? guards a null return as well as the documented exception.
            string directory = Mnist.FindDataDirectory()
                ?? throw new DirectoryNotFoundException("No data/mnist directory found above the current or the application directory.");
            AnsiConsole.MarkupLineInterpolated($"Loading MNIST from [grey]{directory}[/]");
            training = Mnist.LoadTraining(directory);
            test = Mnist.LoadTest(directory);
            return true;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: cannot load MNIST: {e.Message}");
            training = null!;
            test = null!;
            return false;
        }
    }
}
