using System;
using System.CommandLine;
using GradientLab.Commands;

namespace GradientLab.Studies;

/// <summary>The training-budget options that MNIST studies share: <c>--steps</c>, <c>--learning-rate</c>, <c>--training-samples</c>, <c>--test-samples</c>.</summary>
public sealed class BudgetOptions(int defaultSteps, double defaultLearningRate)
{
    private readonly Option<int> _steps = new("--steps") { Description = "SGD steps per trained network.", DefaultValueFactory = _ => defaultSteps };
    private readonly Option<double> _learningRate = new("--learning-rate") { Description = "Plain SGD's step size, the same for every network.", DefaultValueFactory = _ => defaultLearningRate };
    private readonly Option<int> _trainingSamples = new("--training-samples") { Description = "Draw batches from the first N training images.", DefaultValueFactory = _ => 60000 };
    private readonly Option<int> _testSamples = new("--test-samples") { Description = "Measure accuracy on the first N test images.", DefaultValueFactory = _ => 10000 };

    /// <summary>Adds the options, each validated at parse time.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new[] { _steps, _trainingSamples, _testSamples })
        {
            OptionRules.RequirePositive(option);
            command.Options.Add(option);
        }
        OptionRules.RequirePositiveFinite(_learningRate);
        command.Options.Add(_learningRate);
    }

    /// <summary>The budget the command line asks for; the monitor observes about 60 times per run.</summary>
    public TrainingBudget Read(ParseResult parseResult, int batchSize)
    {
        int steps = parseResult.GetValue(_steps);
        return new TrainingBudget(steps, batchSize, parseResult.GetValue(_learningRate), ObserveEvery: Math.Max(1, steps / 60),
            parseResult.GetValue(_trainingSamples), parseResult.GetValue(_testSamples));
    }
}
