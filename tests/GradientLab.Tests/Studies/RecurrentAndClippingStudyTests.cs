using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using GradientLab.Clipping;
using GradientLab.Recurrent;
using GradientLab.Studies;

namespace GradientLab.Tests.Studies;

/// <summary>
/// The recurrent and clipping studies with small budgets and fixed seeds: their qualitative outcomes
/// (issue 6's acceptance), and their --json output.
/// </summary>
public sealed class RecurrentAndClippingStudyTests
{
    private static StudyReport Run(IStudy study, string arguments, int seed = 1) =>
        study.Run(new StudyContext(seed, SilentStudyProgress.Instance, default), new StudyCommand(study).Parse(arguments));

    [Fact]
    public void At_T_50_the_LSTM_gradient_at_the_first_step_is_at_least_100_times_the_RNN_gradient()
    {
        var report = Run(new RecurrentStudy(), "--lengths 50 --steps 5 --probe-batches 2 --test-sequences 64");
        var runs = ((RecurrentResults)report.Data).Runs;
        var rnn = runs.Single(r => r.Cell == "RNN" && r.Length == 50);
        var lstm = runs.Single(r => r.Cell == "LSTM" && r.Length == 50);
        Assert.True(rnn.GradientAtInitialization[0] > 0, "the RNN's gradient at t = 0 must be measured, not missing");
        double ratio = lstm.GradientAtInitialization[0] / rnn.GradientAtInitialization[0];
        Assert.True(ratio >= 100, $"LSTM/RNN ||dL/dh_0|| at T = 50 is {ratio:G3}");
        // The curve shows vanishing through time: the RNN's gradient at t = 0 is far below the last step's.
        Assert.True(rnn.RatioAtInitialization < 1e-6, $"RNN first/last = {rnn.RatioAtInitialization:G3}");
        Assert.Equal(50, lstm.GradientAfterTraining.Length);
    }

    [Fact]
    public void Recurrent_study_is_deterministic_for_a_seed()
    {
        const string arguments = "--lengths 10 --steps 3 --probe-batches 1 --test-sequences 32";
        var first = (RecurrentResults)Run(new RecurrentStudy(), arguments, seed: 4).Data;
        var second = (RecurrentResults)Run(new RecurrentStudy(), arguments, seed: 4).Data;
        for (int i = 0; i < first.Runs.Length; i++)
        {
            Assert.Equal(first.Runs[i].GradientAfterTraining, second.Runs[i].GradientAfterTraining);
            Assert.Equal(first.Runs[i].Accuracy, second.Runs[i].Accuracy);
        }
    }

    [Fact]
    public void Recurrent_study_refuses_a_length_without_a_generated_network()
    {
        var parse = new StudyCommand(new RecurrentStudy()).Parse("--lengths 30");
        Assert.Contains(parse.Errors, e => e.Message.Contains("30", StringComparison.Ordinal));
    }

    [Fact]
    public void Clipping_keeps_the_exploding_setup_finite_while_the_unclipped_run_diverges()
    {
        var report = Run(new ClippingStudy(), "--steps 60 --test-samples 500");
        var runs = ((ClippingResults)report.Data).Runs;
        var plain = runs.Single(r => !r.Clipped);
        var clipped = runs.Single(r => r.Clipped);
        Assert.False(plain.StayedFinite, "the unclipped run was meant to explode");
        Assert.True(clipped.StayedFinite, $"the clipped run overflowed at step {clipped.FirstNonFiniteStep}");
        Assert.True(clipped.FiredCount > 0);
        // After clipping the norm never exceeds the threshold (1), and before it does whenever it fired.
        Assert.All(clipped.NormAfter, n => Assert.True(n <= 1 + 1e-4, $"post-clipping norm {n}"));
        Assert.Equal(clipped.FiredCount, clipped.NormBefore.Count(n => n > 1));
        Assert.True(clipped.Accuracy > 0.5, $"clipped accuracy {clipped.Accuracy}");
    }

    [Fact]
    public void Each_study_writes_its_results_with_json()
    {
        foreach (var (study, arguments) in new (IStudy, string)[]
        {
            (new RecurrentStudy(), "--lengths 10 --steps 2 --probe-batches 1 --test-sequences 32"),
            (new ClippingStudy(), "--steps 30 --test-samples 100"),
        })
        {
            string directory = Path.Combine(Path.GetTempPath(), "gradientlab-" + Guid.NewGuid().ToString("N"));
            string json = Path.Combine(directory, "out.json");
            Directory.CreateDirectory(directory);
            try
            {
                int exit = new StudyCommand(study).Parse($"{arguments} --seed 2 --json {json} --output {Path.Combine(directory, "report")}").Invoke();
                Assert.Equal(0, exit);
                using var document = JsonDocument.Parse(File.ReadAllText(json));
                Assert.Equal(study.Name, document.RootElement.GetProperty("study").GetString());
                Assert.True(document.RootElement.GetProperty("results").GetProperty("runs").GetArrayLength() >= 2);
                Assert.True(File.Exists(Path.Combine(directory, "report", "index.html")));
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}
