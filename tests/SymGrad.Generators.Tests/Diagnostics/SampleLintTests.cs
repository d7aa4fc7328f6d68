using System;
using System.IO;
using System.Linq;

namespace SymGrad.Generators.Tests.Diagnostics;

/// <summary>
/// GradientLab's <c>inspect</c> lists a sample network's lints from its table SampleLints (linked here):
/// the table must be exactly what the generator reports for each sample file.
/// </summary>
public sealed class SampleLintTests
{
    public static TheoryData<string> SampleFiles()
    {
        var data = new TheoryData<string>();
        string root = Path.Combine(AppContext.BaseDirectory, "Samples");
        foreach (string file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(root, file).Replace('\\', '/'));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void The_lints_a_sample_suppresses_are_exactly_the_lints_it_triggers(string file)
    {
        string source = GeneratorHarness.ReadSample(file);
        var run = GeneratorHarness.Run(source);
        Assert.Empty(run.Exceptions);
        var reported = run.Diagnostics.Select(d => d.Id).Where(id => id.StartsWith("SG01", StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(GradientLab.Networks.SampleLints.For(file), reported);
    }

    [Fact]
    public void The_samples_include_networks_with_lints()
    {
        // Guards the theory against an empty or lint-free sample set, where it would prove nothing.
        Assert.True(SampleFiles().Cast<object[]>().Any(row => (string)row[0] == "Depth/SigmoidDepth05.cs"), "the sample files were not copied next to the tests");
        Assert.Equal(new[] { "SG0101" }, GradientLab.Networks.SampleLints.For("Depth/SigmoidDepth05.cs"));
        Assert.Equal(new[] { "SG0102" }, GradientLab.Networks.SampleLints.For("Initialization/ReluXavierNet.cs"));
    }
}
