using System;
using System.Linq;
using GradientLab.Studies;
using Xunit.Abstractions;

namespace GradientLab.Tests.Studies;

/// <summary>
/// The qualitative outcomes, from the studies themselves run with small budgets and fixed
/// seeds (the first few thousand MNIST images, a few hundred SGD steps): seconds, not minutes.
/// </summary>
public sealed class StudyAcceptanceTests(ITestOutputHelper output)
{
    private const int Seed = 1;

    private static StudyReport Run(IStudy study, params string[] args)
    {
        var parseResult = new StudyCommand(study).Parse(args);
        Assert.Empty(parseResult.Errors);
        return study.Run(new StudyContext(Seed, SilentStudyProgress.Instance, default), parseResult);
    }

    [Fact]
    public void Depth_study_deep_sigmoid_vanishes_below_1e_3_while_relu_he_stays_within_0_1_to_10()
    {
        var data = (DepthResults)Run(new DepthStudy(), "--batches", "1", "--steps", "1", "--training-samples", "64", "--test-samples", "64").Data;
        foreach (var r in data.Ratios)
        {
            output.WriteLine($"{r.Network} depth {r.Depth}: {r.Ratio:G3} {r.Health}");
        }
        Assert.Equal(19 * 3, data.Ratios.Count);
        foreach (var sigmoid in data.Ratios.Where(r => r.Network == "sigmoid+Xavier" && r.Depth >= 8))
        {
            Assert.True(sigmoid.Ratio < 1e-3, $"sigmoid depth {sigmoid.Depth}: {sigmoid.Ratio}");
            Assert.Equal("vanishing", sigmoid.Health);
        }
        // Independent of the code: the bound 0.25^depth, loosened by a factor 4 for the weights' gains.
        var deepest = data.Ratios.Single(r => r.Network == "sigmoid+Xavier" && r.Depth == 20);
        Assert.True(deepest.Ratio < 4 * Math.Pow(0.25, 20), $"{deepest.Ratio}");
        foreach (var relu in data.Ratios.Where(r => r.Network == "ReLU+He"))
        {
            Assert.InRange(relu.Ratio, 0.1, 10);
        }
    }

    [Fact]
    public void Depth_study_at_depth_20_the_residual_sigmoid_network_beats_the_plain_one()
    {
        var data = (DepthResults)Run(new DepthStudy(), "--batches", "1", "--steps", "200", "--training-samples", "4000", "--test-samples", "1000").Data;
        var plain = data.Trained.Single(t => t.Network.Contains("plain", StringComparison.Ordinal));
        var residual = data.Trained.Single(t => t.Network.Contains("residual", StringComparison.Ordinal));
        output.WriteLine($"plain {plain.TestAccuracy:P2}, residual {residual.TestAccuracy:P2}");
        Assert.True(residual.TestAccuracy > plain.TestAccuracy + 0.2, $"residual {residual.TestAccuracy}, plain {plain.TestAccuracy}");
        Assert.Equal("vanishing", plain.AtInitialization.Health);
    }

    [Fact]
    public void Vanishing_study_batch_norm_and_relu_he_beat_plain_sigmoid_in_accuracy()
    {
        var data = (VanishingResults)Run(new VanishingStudy(), "--steps", "200", "--training-samples", "4000", "--test-samples", "1000").Data;
        foreach (var r in data.Networks)
        {
            output.WriteLine($"{r.Name}: {r.TestAccuracy:P2}, ratio at init {r.AtInitialization.FirstToLastRatio:G3} {r.AtInitialization.Health}");
        }
        Assert.Equal(VanishingStudy.Networks.Select(n => n.Name), data.Networks.Select(r => r.Name));
        double sigmoid = data.Networks.Single(r => r.Name == "sigmoid+Xavier").TestAccuracy;
        Assert.True(data.Networks.Single(r => r.Name == "sigmoid+BatchNorm").TestAccuracy > sigmoid + 0.2);
        Assert.True(data.Networks.Single(r => r.Name == "ReLU+He").TestAccuracy > sigmoid + 0.2);
        Assert.True(data.Networks.Single(r => r.Name == "sigmoid+Xavier").AtInitialization.FirstToLastRatio < 1e-3);
    }
}
