using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Hashing;
using SymGrad.Checkpoints;
using SymGrad.IntegrationTests.Networks;

namespace SymGrad.IntegrationTests.Checkpoints;

/// <summary>
/// Every way a load can fail says which, with a <see cref="CheckpointException"/>, and changes nothing:
/// the target network's parameters, the optimizer's state and the random generator stay as they were.
/// Offsets below are those the format documentation gives (magic 0-7, version 8-11, length 12-19, CRC-32 20-23).
/// </summary>
public sealed class CorruptionTests : IDisposable
{
    private readonly CheckpointFiles _files = new();
    private readonly string _path;
    private readonly byte[] _good;

    // The load target: trained a few steps so that its parameters, optimizer moments and random state
    // all differ from the checkpoint's, which makes "unchanged" checkable.
    private readonly Classifier _target = new(seed: 11);
    private readonly Adam _targetOptimizer = new(learningRate: 0.02);
    private readonly SeededRandom _targetRandom = new(5);

    public CorruptionTests()
    {
        var data = new TrainingData();
        var source = new Classifier(seed: 1);
        var optimizer = new Adam(learningRate: 0.01);
        var random = new SeededRandom(2);
        for (int s = 0; s < 3; s++)
        {
            data.Step(source, optimizer, random);
            data.Step(_target, _targetOptimizer, _targetRandom);
        }
        _path = _files.PathOf("good.sgckpt");
        Checkpoint.Save(_path, source, optimizer, random);
        _good = File.ReadAllBytes(_path);
    }

    public void Dispose() => _files.Dispose();

    [Fact]
    public void The_unmodified_file_loads_so_the_failures_below_come_from_the_damage()
    {
        var snapshot = Snapshot();
        Checkpoint.Load(_path, _target, _targetOptimizer, _targetRandom);
        Assert.False(snapshot.Parameters.AsSpan().SequenceEqual(_target.Parameters));
        Assert.NotEqual(snapshot.Random, _targetRandom.State);
    }

    [Fact]
    public void A_file_of_another_network_is_refused_naming_both_networks()
    {
        string other = _files.PathOf("other.sgckpt");
        Checkpoint.Save(other, new LookAlikeClassifier(seed: 1));
        var error = AssertRefused(other, CheckpointError.NetworkMismatch, withOptimizer: false);
        Assert.Contains(typeof(LookAlikeClassifier).FullName!, error.Message);
        Assert.Contains("cannot be loaded into " + typeof(Classifier).FullName, error.Message);
    }

    [Fact]
    public void A_file_of_the_same_type_with_another_layout_is_refused()
    {
        var original = new LayoutNetwork(("w", 0, 2, 3), ("b", 6, 1, 2));
        var renamed = new LayoutNetwork(("w", 0, 2, 3), ("bias", 6, 1, 2));
        var stream = new MemoryStream();
        Checkpoint.Save(stream, original);
        renamed.Parameters.Fill(42);
        stream.Position = 0;
        var error = Assert.Throws<CheckpointException>(() => Checkpoint.Load(stream, renamed));
        Assert.Equal(CheckpointError.LayoutMismatch, error.Error);
        Assert.Contains("another layer layout", error.Message);
        Assert.All(renamed.Parameters.ToArray(), p => Assert.Equal(42f, p));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(20)]
    [InlineData(31)]
    [InlineData(100)]
    [InlineData(-1)]
    [InlineData(-8)]
    public void A_truncated_file_is_refused_as_truncated(int keep)
    {
        int length = keep >= 0 ? keep : _good.Length + keep;
        string path = Write("truncated.sgckpt", _good.AsSpan(0, length).ToArray());
        var error = AssertRefused(path, CheckpointError.Truncated);
        Assert.Contains("is truncated: it has " + length + " bytes, expected " + (length < 32 ? 32 : _good.Length), error.Message);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void A_corrupted_byte_anywhere_is_refused_and_the_magic_bytes_say_not_a_checkpoint()
    {
        string path = _files.PathOf("corrupted.sgckpt");
        for (int offset = 0; offset < _good.Length; offset++)
        {
            byte[] bad = (byte[])_good.Clone();
            bad[offset] ^= 0x10;
            File.WriteAllBytes(path, bad);
            var error = AssertRefused(path, offset < 8 ? CheckpointError.NotACheckpoint : CheckpointError.Corrupted);
            Assert.Contains(offset < 8 ? "is not a SymGrad checkpoint" : "is corrupted", error.Message);
        }
    }

    [Fact]
    public void A_newer_format_version_is_refused_naming_both_versions()
    {
        byte[] newer = (byte[])_good.Clone();
        BinaryPrimitives.WriteInt32LittleEndian(newer.AsSpan(8), 2);
        // A newer writer keeps the preamble and its CRC-32 valid; the rest of the file is its business.
        BinaryPrimitives.WriteUInt32LittleEndian(newer.AsSpan(20), Crc32.HashToUInt32(newer.AsSpan(0, 20)));
        var error = AssertRefused(Write("newer.sgckpt", newer), CheckpointError.NewerFormatVersion);
        Assert.Contains("has format version 2; this version of SymGrad reads format versions 1 to 1", error.Message);
    }

    [Fact]
    public void Another_file_is_not_a_checkpoint()
    {
        var error = AssertRefused(Write("notes.txt", "{\"weights\": [1, 2, 3]}"u8.ToArray()), CheckpointError.NotACheckpoint);
        Assert.Contains("is not a SymGrad checkpoint", error.Message);
    }

    [Fact]
    public void Optimizer_state_of_another_optimizer_type_is_refused()
    {
        var snapshot = Snapshot();
        var sgd = new Sgd(learningRate: 0.3);
        var error = Assert.Throws<CheckpointException>(() => Checkpoint.Load(_path, _target, sgd));
        Assert.Equal(CheckpointError.OptimizerMismatch, error.Error);
        Assert.Contains("holds the state of optimizer SymGrad.Adam; it cannot be restored into SymGrad.Sgd", error.Message);
        Assert.Equal(0.3, sgd.LearningRate);
        snapshot.AssertUnchanged(this);
    }

    [Fact]
    public void A_random_generator_without_saved_state_is_refused()
    {
        string path = _files.PathOf("no-random.sgckpt");
        Checkpoint.Save(path, new Classifier(seed: 1), new Adam());
        var error = AssertRefused(path, CheckpointError.MissingRandomState);
        Assert.Contains("holds no random generator state", error.Message);
    }

    [Fact]
    public void A_failed_save_leaves_the_previous_file_and_no_temporary_file()
    {
        var custom = new HalvingOptimizer();
        var error = Assert.Throws<ArgumentException>(() => Checkpoint.Save(_path, _target, custom));
        Assert.Equal("optimizer", error.ParamName);
        Assert.Contains(typeof(HalvingOptimizer).FullName!, error.Message);
        Assert.Equal(_good, File.ReadAllBytes(_path));
        Assert.Equal(new[] { _path }, Directory.GetFiles(_files.Directory));
    }

    [Fact]
    public void Saving_an_optimizer_of_another_network_is_refused()
    {
        var adam = new Adam();
        var regressor = new Regressor();
        regressor.TrainStep(new float[3], new float[2], adam);
        var error = Assert.Throws<ArgumentException>(() => Checkpoint.Save(_files.PathOf("x.sgckpt"), _target, adam));
        Assert.Equal("optimizer", error.ParamName);
        Assert.Contains("holds 32 Single values per buffer; expected 67 Single values", error.Message);
    }

    private string Write(string name, byte[] bytes)
    {
        string path = _files.PathOf(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Loads <paramref name="path"/> into the target, expects <paramref name="expected"/>, and checks that nothing changed.</summary>
    private CheckpointException AssertRefused(string path, CheckpointError expected, bool withOptimizer = true)
    {
        var snapshot = Snapshot();
        var error = Assert.Throws<CheckpointException>(() =>
            Checkpoint.Load(path, _target, withOptimizer ? _targetOptimizer : null, _targetRandom));
        Assert.True(expected == error.Error, $"expected {expected}, got {error.Error}: {error.Message}");
        Assert.Contains(path, error.Message);
        snapshot.AssertUnchanged(this);
        return error;
    }

    private TargetState Snapshot() => new(
        _target.Parameters.ToArray(), _targetOptimizer.GetFirstMoment<float>().ToArray(), _targetOptimizer.GetSecondMoment<float>().ToArray(),
        _targetOptimizer.StepCount, _targetOptimizer.LearningRate, _targetRandom.State);

    private sealed record TargetState(float[] Parameters, float[] M, float[] V, long Steps, double LearningRate, (ulong, ulong, ulong, ulong) Random)
    {
        public void AssertUnchanged(CorruptionTests test)
        {
            CheckpointFiles.AssertBitEqual<float>(Parameters, test._target.Parameters);
            CheckpointFiles.AssertBitEqual<float>(M, test._targetOptimizer.GetFirstMoment<float>());
            CheckpointFiles.AssertBitEqual<float>(V, test._targetOptimizer.GetSecondMoment<float>());
            Assert.Equal(Steps, test._targetOptimizer.StepCount);
            Assert.Equal(LearningRate, test._targetOptimizer.LearningRate);
            Assert.Equal(Random, test._targetRandom.State);
        }
    }

    /// <summary>An optimizer from outside SymGrad: its state is invisible to checkpoints.</summary>
    private sealed class HalvingOptimizer() : Optimizer(0.5)
    {
        public override void Step(Span<float> parameters, ReadOnlySpan<float> gradients) => parameters.Clear();
        public override void Step(Span<double> parameters, ReadOnlySpan<double> gradients) => parameters.Clear();
    }
}
