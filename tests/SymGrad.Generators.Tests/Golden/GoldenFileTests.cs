using System.Globalization;
using System.Linq;
using System.Threading;

namespace SymGrad.Generators.Tests.Golden;

/// <summary>
/// The generated code of the GradientLab sample networks, compared with committed golden files, so
/// that every change to generated code is reviewed as a diff (and readable without building).
/// </summary>
public sealed class GoldenFileTests
{
    public static TheoryData<string> Samples => new() { "MnistMlp", "TinySigmoidMlp", "ResidualMlp" };

    [Theory]
    [MemberData(nameof(Samples))]
    public void GeneratedCodeMatchesBaseline(string sample)
    {
        var run = Run(sample, GeneratorHarness.ReadSample(sample + ".cs"));

        Assert.Empty(run.Exceptions);
        Assert.Empty(run.Diagnostics);
        var (hintName, text) = Assert.Single(run.GeneratedSources.Select(s => (s.Key, s.Value)));
        Baselines.AssertMatches(sample, hintName, text);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void GenerationIsDeterministicAndCultureProof(string sample)
    {
        string source = GeneratorHarness.ReadSample(sample + ".cs");
        string first = Generate(sample, source);
        string second = Generate(sample, source);
        Assert.Equal(first, second);

        // A culture whose minus sign is U+2212 and whose decimal separator is a comma: a literal
        // formatted with the current culture would change the text (and break the code).
        var culture = (CultureInfo)CultureInfo.GetCultureInfo("fr-FR").Clone();
        culture.NumberFormat.NegativeSign = "\u2212";
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            Assert.Equal(first, Generate(sample, source));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
            CultureInfo.CurrentUICulture = saved;
        }
    }

    // The tree gets the sample's own file name: the generated comments cite it.
    private static GeneratorRun Run(string sample, string source) =>
        GeneratorHarness.Run(GeneratorHarness.Compile(GeneratorHarness.Parse(source, sample + ".cs")));

    private static string Generate(string sample, string source) =>
        Assert.Single(Run(sample, source).GeneratedSources).Value;
}
