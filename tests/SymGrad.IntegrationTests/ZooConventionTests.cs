using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using SymGrad.IntegrationTests.Support;
using SymGrad.IntegrationTests.Zoo;

namespace SymGrad.IntegrationTests;

/// <summary>
/// Keeps the zoo honest: each file holds one definition written as an F and a D class that differ
/// only in name suffix and precision, the catalog lists every file, and together the networks cover
/// every op, loss and the sizes the task asks for.
/// </summary>
public sealed partial class ZooConventionTests
{
    [GeneratedRegex(@"^\[Network\((?<args>[^\]]*)\)\]\r?\npublic partial class (?<name>\w+)\r?\n\{\r?\n(?<body>.*?)^\}", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex NetworkClass();

    public static TheoryData<string> ZooFiles() => new(ZooFileNames());

    /// <summary>The zoo's network files (Zoo/Zoo*.cs without the catalog), by name.</summary>
    private static string[] ZooFileNames() => Directory.GetFiles(SourceFiles.ZooDirectory, "Zoo*.cs")
        .Select(path => Path.GetFileNameWithoutExtension(path))
        .Where(name => name != nameof(ZooCatalog))
        .Order(StringComparer.Ordinal)
        .ToArray();

    [Theory]
    [MemberData(nameof(ZooFiles))]
    public void FloatAndDoubleClassesShareTheDefinitionText(string file)
    {
        string text = File.ReadAllText(Path.Combine(SourceFiles.ZooDirectory, file + ".cs"));
        var classes = NetworkClass().Matches(text);

        Assert.Equal(2, classes.Count);
        Assert.Equal(file + "F", classes[0].Groups["name"].Value);
        Assert.Equal(file + "D", classes[1].Groups["name"].Value);
        string floatArgs = classes[0].Groups["args"].Value, doubleArgs = classes[1].Groups["args"].Value;
        Assert.Contains("Precision = Precision.Float", floatArgs);
        Assert.Contains("Precision = Precision.Double", doubleArgs);
        Assert.Equal(floatArgs.Replace("Precision.Float", "Precision.Double", StringComparison.Ordinal), doubleArgs);
        Assert.Equal(classes[0].Groups["body"].Value, classes[1].Groups["body"].Value);
    }

    [Fact]
    public void CatalogListsEveryZooFileOnce()
    {
        var files = ZooFileNames();
        var names = ZooCatalog.All.Select(e => e.Name).ToArray();

        Assert.Equal(files.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
        Assert.True(names.Length >= 14, $"The zoo has {names.Length} networks; the task asks for at least 14.");
    }

    [Fact]
    public void ZooUsesEveryOpAndLoss()
    {
        string all = string.Concat(ZooFileNames().Select(name => File.ReadAllText(Path.Combine(SourceFiles.ZooDirectory, name + ".cs"))));
        string[] constructs =
        {
            "Relu(", "Sigmoid(", "Tanh(", "LeakyRelu(", "Elu(", "Gelu(", "Silu(", "Softmax(",
            "MeanSquaredError(", "SoftmaxCrossEntropy(", "BinaryCrossEntropyWithLogits(",
            "h = h + Relu(", "for (int i = 0; i < 3; i++)", ") * ", "0.5f * ", "return -", ") - ",
        };

        var missing = constructs.Where(c => !all.Contains(c, StringComparison.Ordinal)).ToArray();

        Assert.True(missing.Length == 0, "No zoo network uses: " + string.Join(", ", missing));
        Assert.Contains(ZooCatalog.All, e => e.Targets == TargetKind.Distribution && File.ReadAllText(
            Path.Combine(SourceFiles.ZooDirectory, e.Name + ".cs")).Contains("SoftmaxCrossEntropy(", StringComparison.Ordinal));
    }

    /// <summary>Read from the generated networks themselves: widths, depths, unroll threshold and batch sizes.</summary>
    [Fact]
    public void ZooCoversTheRequiredShapesAndBatches()
    {
        var widths = new HashSet<int>();
        var depths = new HashSet<int>();
        var weightCounts = new List<int>();
        var batches = new HashSet<int>();
        foreach (var entry in ZooCatalog.All)
        {
            var network = entry.CreateDouble(0);
            var weights = network.ParameterViews.Where(v => v.Name.EndsWith(".Weight", StringComparison.Ordinal)).ToArray();
            depths.Add(weights.Length);
            foreach (var w in weights)
            {
                widths.Add(w.Rows);
                widths.Add(w.Columns);
                weightCounts.Add(w.Length);
            }
            Assert.True(entry.OddBatch % 2 == 1 && entry.OddBatch <= network.MaxBatchSize,
                $"{entry.Name}: batch {entry.OddBatch} must be odd and at most MaxBatchSize {network.MaxBatchSize}.");
            batches.UnionWith(entry.Batches);
        }

        Assert.Superset(new HashSet<int> { 1, 3, 7, 17, 33, 129, 300 }, widths);
        Assert.Superset(new HashSet<int> { 1, 10 }, depths);
        Assert.Superset(new HashSet<int> { 1, 3, 5, 7 }, batches);
        Assert.Contains(weightCounts, n => n < 16 * 16);
        Assert.Contains(weightCounts, n => n > 16 * 16);
    }
}
