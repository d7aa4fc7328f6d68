using System.Linq;
using Microsoft.CodeAnalysis;
using SymGrad.Generators;

namespace SymGrad.Generators.Tests.Golden;

/// <summary>
/// Golden files of five emitted derivatives (Baselines/Derivatives/), showing the simplified code,
/// the hoisted subexpressions and the formulas; and the [Differentiable] pipeline's incrementality.
/// </summary>
public sealed class DerivativeGoldenTests
{
    internal const string Source = """
        using System;
        using SymGrad;

        namespace Samples;

        public static partial class MyMath
        {
            [Differentiable]
            public static float Swish(float x) => x / (1 + MathF.Exp(-x));

            [Differentiable]
            public static float Huber(float prediction, float target, float delta = 1f)
            {
                var r = prediction - target;
                return MathF.Abs(r) <= delta ? 0.5f * r * r : delta * (MathF.Abs(r) - 0.5f * delta);
            }

            [Differentiable]
            public static float Softplus(float x) => MathF.Log(1 + MathF.Exp(x));

            [Differentiable]
            public static float Mish(float x) => x * MathF.Tanh(Softplus(x));

            [Differentiable]
            public static double GeluTanh(double x) => 0.5 * x * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));
        }
        """;

    public static TheoryData<string> Functions => new() { "Swish(1f)", "Huber(3f)", "Softplus(1f)", "Mish(1f)", "GeluTanh(1d)" };

    [Theory]
    [MemberData(nameof(Functions))]
    public void Emitted_derivative_matches_baseline(string function)
    {
        var run = GeneratorHarness.Run(GeneratorHarness.Compile(GeneratorHarness.Parse(Source, "MyMath.cs")));
        Assert.Empty(run.Exceptions);
        Assert.DoesNotContain(run.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        string hint = "Samples.MyMath." + function + ".g.cs";
        Assert.True(run.GeneratedSources.ContainsKey(hint), string.Join(", ", run.GeneratedSources.Keys));
        Baselines.AssertMatches("Derivatives", hint, run.GeneratedSources[hint]);
    }

    [Fact]
    public void Swish_derivative_hoists_the_exponential_once()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.Compile(GeneratorHarness.Parse(Source, "MyMath.cs")));
        string text = run.GeneratedSources["Samples.MyMath.Swish(1f).g.cs"];
        Assert.Equal(1, text.Split("MathF.Exp(").Length - 1);
        Assert.Contains("d/dx Swish(x) = 1 / (1 + e^-x) + x e^-x / (1 + e^-x)^2", text);
    }

    [Fact]
    public void Unrelated_edit_regenerates_no_derivative()
    {
        var compilation = GeneratorHarness.Compile(GeneratorHarness.Parse(Source, "MyMath.cs"));
        var first = GeneratorHarness.Run(compilation);
        var edited = compilation.AddSyntaxTrees(GeneratorHarness.Parse("namespace Other; class Unrelated { int X => 1; }", "Other.cs"));
        var second = GeneratorHarness.Run(edited, first.Driver);
        var result = Assert.Single(second.Driver.GetRunResult().Results);
        var outputs = new[] { TrackingNames.Functions, TrackingNames.FunctionSpecs }
            .SelectMany(step => result.TrackedSteps[step]).SelectMany(s => s.Outputs).ToList();
        Assert.Equal(10, outputs.Count); // five functions, two steps
        Assert.All(outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
    }
}

/// <summary>The [Differentiable] pipeline under a hostile culture and on every prefix of a file.</summary>
public sealed class DerivativeRobustnessTests
{
    private static System.Collections.Generic.IReadOnlyDictionary<string, string> Generate(string source) =>
        GeneratorHarness.Run(GeneratorHarness.Compile(GeneratorHarness.Parse(source, "MyMath.cs"))).GeneratedSources;

    [Fact]
    public void Emission_is_identical_under_a_culture_with_a_unicode_minus_and_a_decimal_comma()
    {
        var expected = Generate(DerivativeGoldenTests.Source);
        var culture = (System.Globalization.CultureInfo)System.Globalization.CultureInfo.GetCultureInfo("fr-FR").Clone();
        culture.NumberFormat.NegativeSign = "\u2212";
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
            var actual = Generate(DerivativeGoldenTests.Source);
            Assert.Equal(expected.Keys.OrderBy(k => k, System.StringComparer.Ordinal), actual.Keys.OrderBy(k => k, System.StringComparer.Ordinal));
            foreach (var key in expected.Keys)
            {
                Assert.Equal(expected[key], actual[key]);
            }
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Every_prefix_of_a_file_of_functions_gives_diagnostics_or_code_never_an_exception()
    {
        string source = DerivativeGoldenTests.Source;
        for (int length = 0; length <= source.Length; length += 3)
        {
            var run = GeneratorHarness.Run(GeneratorHarness.Compile(GeneratorHarness.Parse(source.Substring(0, length), "MyMath.cs")));
            Assert.Empty(run.Exceptions);
            Assert.DoesNotContain(run.Diagnostics, d => d.Id == "SG0017");
        }
    }
}
