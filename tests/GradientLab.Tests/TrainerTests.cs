using System;
using System.Collections.Generic;
using System.Linq;
using GradientLab.Output;
using GradientLab.Training;
using SymGrad;
using SymGrad.Data;
using SymGrad.Reference;

namespace GradientLab.Tests;

/// <summary>The generic training loop, on a recording stand-in network so that batching, shuffling and scoring can be checked by hand.</summary>
public sealed class TrainerTests
{
    // Records every step; loss = the batch size, so the sample-weighted mean is checkable by hand.
    sealed class RecordingNetwork : INetwork<float>
    {
        public List<int> Batches = new(); public List<int> FirstLabels = new(); public bool Record = true;
        public int InputSize => 2; public int OutputSize => 3; public int ParameterCount => 1; public int MaxBatchSize => 4;
        public Span<float> Parameters => new float[1]; public Span<float> Gradients => new float[1];
        public IReadOnlyList<ParameterView> ParameterViews => Array.Empty<ParameterView>();
        // Predicts class = round(x0) (feature 0 holds the label in the test data below) except for sample value 2 -> class 0.
        public void Predict(ReadOnlySpan<float> x, Span<float> y) { int b = x.Length / 2; y.Clear(); for (int s = 0; s < b; s++) { int c = (int)x[s * 2] == 2 ? 0 : (int)x[s * 2]; y[s * 3 + c] = 1; } }
        public float ComputeLoss(ReadOnlySpan<float> x, ReadOnlySpan<float> t) => 0;
        public float ComputeGradients(ReadOnlySpan<float> x, ReadOnlySpan<float> t) => 0;
        public float TrainStep(ReadOnlySpan<float> x, ReadOnlySpan<float> t, Optimizer o)
        {
            int b = x.Length / 2;
            if (Record) { Assert.Equal(b * 3, t.Length); for (int s = 0; s < b; s++) Assert.Equal(1f, t[s * 3 + (int)x[s * 2]]); } // one-hot target matches the sample
            if (Record) { Batches.Add(b); for (int s = 0; s < b; s++) FirstLabels.Add((int)x[s * 2 + 1]); }
            return b;
        }
        public ReferenceResult ComputeReferenceGradients(ReadOnlySpan<float> x, ReadOnlySpan<float> t) => throw new NotSupportedException();
    }

    static LabeledImages Data(int n)
    {
        // Feature 0 holds the label, feature 1 the sample's index (so the visiting order is observable).
        var pixels = new float[n * 2];
        var labels = new byte[n];
        for (int i = 0; i < n; i++) { labels[i] = (byte)(i % 3); pixels[i * 2] = i % 3; pixels[i * 2 + 1] = i; }
        return new LabeledImages(pixels, labels, features: 2, classes: 3);
    }

    [Fact]
    public void Epoch_visits_every_sample_once_in_full_batches_then_a_partial_one()
    {
        var net = new RecordingNetwork();
        var trainer = new Trainer(net, new Sgd(0.1), Data(10), Data(9), 4, seed: 1);
        Assert.Equal(3, trainer.BatchesPerEpoch);
        var r = trainer.RunEpoch(1, null, default);
        Assert.Equal(new[] { 4, 4, 2 }, net.Batches);
        Assert.Equal(Enumerable.Range(0, 10), net.FirstLabels.OrderBy(v => v));
        Assert.NotEqual(Enumerable.Range(0, 10), net.FirstLabels); // shuffled
        Assert.Equal((4 * 4 + 4 * 4 + 2 * 2) / 10.0, r.MeanTrainingLoss, 12);
        Assert.Equal(6 / 9.0, r.TestAccuracy, 12); // label-2 samples (3 of 9) are predicted 0
    }

    [Fact]
    public void Same_seed_same_order_different_seed_different_order()
    {
        List<int> Run(int seed) { var n = new RecordingNetwork(); new Trainer(n, new Sgd(0.1), Data(50), Data(3), 4, seed).RunEpoch(1, null, default); return n.FirstLabels; }
        Assert.Equal(Run(7), Run(7));
        Assert.NotEqual(Run(7), Run(8));
    }

    [Fact]
    public void Epochs_after_the_first_allocate_nothing()
    {
        var net = new RecordingNetwork { Record = false };
        var trainer = new Trainer(net, new Sgd(0.1), Data(1000), Data(100), 4, 3);
        trainer.RunEpoch(1, null, default);
        long before = GC.GetAllocatedBytesForCurrentThread();
        trainer.RunEpoch(2, null, default);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Batch_size_above_network_maximum_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Trainer(new RecordingNetwork(), new Sgd(0.1), Data(10), Data(3), 5, 0));
    }

    [Fact]
    public void FisherYates_gives_roughly_uniform_first_positions()
    {
        var rng = new SeededRandom(42); var counts = new int[4]; var items = new int[4];
        for (int trial = 0; trial < 40000; trial++) { for (int i = 0; i < 4; i++) items[i] = i; Shuffling.FisherYates(items, rng); counts[items[0]]++; }
        Assert.All(counts, c => Assert.InRange(c, 9500, 10500));
    }

    [Fact]
    public void ArgMax_first_on_ties_and_skips_NaN()
    {
        Assert.Equal(1, Scoring.ArgMax(new[] { 1f, 3f, 3f }));
        Assert.Equal(1, Scoring.ArgMax(new[] { float.NaN, 2f, 1f }));
        Assert.Equal(0, Scoring.ArgMax(new[] { 2f, float.NaN }));
    }

    [Fact]
    public void Json_report_writes_NaN_losses_and_camel_case()
    {
        var json = ReportJson.ToJson(new TrainingReport("Net", "sgd", 0.5, 8, 1, 10, 5, new[] { new EpochResult(1, double.NaN, 0.25, 1.5) }, 1.5));
        Assert.Contains("\"meanTrainingLoss\": \"NaN\"", json);
        Assert.Contains("\"testAccuracy\": 0.25", json);
    }
}
