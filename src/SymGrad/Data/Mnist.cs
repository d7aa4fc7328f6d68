using System;
using System.Collections.Generic;
using System.IO;

namespace SymGrad.Data;

/// <summary>
/// Loads MNIST (60,000 training and 10,000 test digits of 28 x 28 pixels, 10 classes) from the four
/// IDX files, gzipped as the repository ships them in <c>data/mnist/</c> (plain files are accepted too).
/// </summary>
public static class Mnist
{
    public const string TrainingImagesFile = "train-images-idx3-ubyte.gz";
    public const string TrainingLabelsFile = "train-labels-idx1-ubyte.gz";
    public const string TestImagesFile = "t10k-images-idx3-ubyte.gz";
    public const string TestLabelsFile = "t10k-labels-idx1-ubyte.gz";

    /// <summary>Number of classes (the digits 0 to 9).</summary>
    public const int Classes = 10;

    private static readonly string[] AllFiles = { TrainingImagesFile, TrainingLabelsFile, TestImagesFile, TestLabelsFile };

    /// <summary>The 60,000 training examples from <paramref name="directory"/>.</summary>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="InvalidDataException">A file is malformed, or the image and label counts differ.</exception>
    public static LabeledImages LoadTraining(string directory) => Load(directory, TrainingImagesFile, TrainingLabelsFile);

    /// <summary>The 10,000 test examples from <paramref name="directory"/>.</summary>
    /// <inheritdoc cref="LoadTraining(string)" path="/exception"/>
    public static LabeledImages LoadTest(string directory) => Load(directory, TestImagesFile, TestLabelsFile);

    /// <summary>
    /// The first <c>data/mnist</c> directory holding the four gzipped files, looking in
    /// <see cref="AppContext.BaseDirectory"/> and then the current directory, and in each of their parents.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">No such directory exists; the message lists where it looked.</exception>
    public static string FindDataDirectory()
    {
        var searched = new List<string>();
        foreach (string start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "data", "mnist");
                if (HasAllFiles(candidate))
                {
                    return candidate;
                }
            }
            searched.Add(start);
        }
        throw new DirectoryNotFoundException(
            $"No data/mnist directory holding {string.Join(", ", AllFiles)} was found in {string.Join(" or ", searched)} " +
            "or any of their parents. Run from inside the SymGrad repository, or pass the directory to Mnist.LoadTraining/LoadTest.");
    }

    private static bool HasAllFiles(string directory)
    {
        foreach (string file in AllFiles)
        {
            if (!File.Exists(Path.Combine(directory, file)))
            {
                return false;
            }
        }
        return true;
    }

    private static LabeledImages Load(string directory, string imagesFile, string labelsFile)
    {
        ArgumentNullException.ThrowIfNull(directory);
        IdxImages images = IdxReader.ReadImages(Locate(directory, imagesFile));
        string labelsPath = Locate(directory, labelsFile);
        byte[] labels = IdxReader.ReadLabels(labelsPath);
        if (images.Count != labels.Length)
        {
            throw new InvalidDataException($"{imagesFile} holds {images.Count} images but {labelsFile} holds {labels.Length} labels.");
        }
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] >= Classes)
            {
                throw new InvalidDataException($"{labelsPath}: label {i} is {labels[i]}, not a digit.");
            }
        }

        // Scale bytes to [0, 1] (p / 255), the usual input range for MNIST networks.
        var pixels = new float[images.Pixels.Length];
        for (int i = 0; i < pixels.Length; i++)
        {
            pixels[i] = images.Pixels[i] / 255f; // a correctly rounded division keeps 255 at exactly 1
        }
        return new LabeledImages(pixels, labels, images.PixelsPerImage, Classes);
    }

    /// <summary>The gzipped file, or its uncompressed twin (name without .gz) when only that exists.</summary>
    private static string Locate(string directory, string gzFile)
    {
        string path = Path.Combine(directory, gzFile);
        if (File.Exists(path))
        {
            return path;
        }
        string plain = Path.Combine(directory, Path.GetFileNameWithoutExtension(gzFile));
        if (File.Exists(plain))
        {
            return plain;
        }
        throw new FileNotFoundException($"MNIST file {gzFile} (or {Path.GetFileName(plain)}) not found in {Path.GetFullPath(directory)}.", path);
    }
}
