using System;
using System.IO;
using SymGrad.Data;

namespace SymGrad.Tests.Data;

/// <summary><see cref="Mnist"/> and <see cref="LabeledImages"/> on a tiny written data set and on the real MNIST test set.</summary>
public class MnistTests : IDisposable
{
    private readonly IdxTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    /// <summary>Two 1 x 3 images {0, 255, 51} and {102, 0, 255}, labelled 9 and 2.</summary>
    private LabeledImages LoadTinyTestSet()
    {
        _files.Write(Mnist.TestImagesFile, IdxTestFiles.Gzip(IdxTestFiles.Idx(0x803, new[] { 2, 1, 3 }, new byte[] { 0, 255, 51, 102, 0, 255 })));
        _files.Write(Mnist.TestLabelsFile, IdxTestFiles.Gzip(IdxTestFiles.Idx(0x801, new[] { 2 }, new byte[] { 9, 2 })));
        return Mnist.LoadTest(_files.Directory);
    }

    [Fact]
    public void PixelsAreScaledToTheUnitInterval()
    {
        var set = LoadTinyTestSet();
        Assert.Equal(2, set.Count);
        Assert.Equal(3, set.Features);
        Assert.Equal(10, set.Classes);
        Assert.Equal(new[] { 0f, 1f, 0.2f, 0.4f, 0f, 1f }, set.Pixels);
        Assert.Equal(new byte[] { 9, 2 }, set.Labels);
    }

    [Fact]
    public void CopyBatchGathersPixelsAndOneHotLabels()
    {
        var set = LoadTinyTestSet();
        var inputs = new float[3 * 3];
        var targets = new float[3 * 10];
        Array.Fill(targets, 5f); // stale values must be cleared
        set.CopyBatch(new[] { 1, 0, 1 }, inputs, targets);

        Assert.Equal(new[] { 0.4f, 0f, 1f, 0f, 1f, 0.2f, 0.4f, 0f, 1f }, inputs);
        var expected = new float[30];
        expected[0 * 10 + 2] = 1;
        expected[1 * 10 + 9] = 1;
        expected[2 * 10 + 2] = 1;
        Assert.Equal(expected, targets);

        var inputsDouble = new double[3];
        set.CopyBatch(new[] { 0 }, inputsDouble, Span<double>.Empty);
        Assert.Equal(new[] { 0.0, 1.0, (double)0.2f }, inputsDouble);
    }

    [Fact]
    public void CopyBatchRejectsBadIndicesAndShortSpans()
    {
        var set = LoadTinyTestSet();
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => set.CopyBatch(new[] { 0, 2 }, new float[6], new float[20]));
        Assert.Contains("indices[1]", ex.Message);
        Assert.Equal("inputs", Assert.Throws<ArgumentException>(() => set.CopyBatch(new[] { 0, 1 }, new float[5], new float[20])).ParamName);
        Assert.Equal("oneHotTargets", Assert.Throws<ArgumentException>(() => set.CopyBatch(new[] { 0, 1 }, new float[6], new float[19])).ParamName);
    }

    [Fact]
    public void MismatchedImageAndLabelCountsAreReported()
    {
        _files.Write(Mnist.TestImagesFile, IdxTestFiles.Idx(0x803, new[] { 2, 1, 1 }, new byte[2]));
        _files.Write(Mnist.TestLabelsFile, IdxTestFiles.Idx(0x801, new[] { 3 }, new byte[3]));
        var ex = Assert.Throws<InvalidDataException>(() => Mnist.LoadTest(_files.Directory));
        Assert.Contains("2 images", ex.Message);
        Assert.Contains("3 labels", ex.Message);
    }

    [Fact]
    public void AMissingFileIsNamed()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => Mnist.LoadTraining(_files.Directory));
        Assert.Contains(Mnist.TrainingImagesFile, ex.Message);
    }

    [Fact]
    public void TheShippedTestSetHasMnistsKnownShapeAndLabelCounts()
    {
        string directory = Mnist.FindDataDirectory();
        Assert.EndsWith(Path.Combine("data", "mnist"), directory);

        var test = Mnist.LoadTest(directory);
        Assert.Equal(10000, test.Count);
        Assert.Equal(784, test.Features);
        Assert.Equal(10000 * 784, test.Pixels.Length);

        var histogram = new int[10];
        foreach (byte label in test.Labels)
        {
            Assert.True(label < 10);
            histogram[label]++;
        }
        // The published per-digit counts of the MNIST test set.
        Assert.Equal(new[] { 980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009 }, histogram);

        float min = float.MaxValue, max = float.MinValue;
        foreach (float p in test.Pixels)
        {
            min = Math.Min(min, p);
            max = Math.Max(max, p);
        }
        Assert.Equal(0f, min);
        Assert.Equal(1f, max);
    }
}
