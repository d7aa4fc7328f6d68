using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using SymGrad.Generators.Tests.Parsing;

namespace SymGrad.Generators.Tests.Diagnostics;

/// <summary>One test per SG02xx diagnostic: [Differentiable] functions and their use in Map and ElementwiseMean.</summary>
public sealed class DifferentiableDiagnosticTests
{
    private static string Functions(string members, string modifiers = "public static partial") => $$"""
        using System;
        using SymGrad;

        namespace Tests;

        {{modifiers}} class MyMath
        {
            {{members}}
        }
        """;

    /// <summary>Exactly one diagnostic, <paramref name="id"/> at the $$ marker, of <paramref name="severity"/>, with each message part.</summary>
    private static GeneratorRun Single(string id, string marked, DiagnosticSeverity severity, params string[] messageParts)
    {
        var source = new MarkedSource(marked);
        var run = GeneratorHarness.Run(source.Text);
        Assert.Empty(run.Exceptions);
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(severity, diagnostic.Severity);
        source.AssertAtMarker(diagnostic);
        string message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        foreach (var part in messageParts)
        {
            Assert.Contains(part, message);
        }
        return run;
    }

    private static void SingleError(string id, string marked, params string[] messageParts)
    {
        var run = Single(id, marked, DiagnosticSeverity.Error, messageParts);
        Assert.DoesNotContain(run.GeneratedSources.Keys, k => k.Contains("MyMath.F("));
    }

    [Theory]
    [InlineData("[Differentiable] public float $$F(float x) => x;", "it must be static")]
    [InlineData("[Differentiable] public static float $$F(float x, double y) => x;", "must all be float, or all double")]
    [InlineData("[Differentiable] public static float $$F(float a, float b, float c, float d, float e) => a;", "one to 4 parameters, but has 5")]
    [InlineData("[Differentiable] public static float $$F(ref float x) => x;", "plain values")]
    [InlineData("[Differentiable] public static float $$F(float x = 1f) => x;", "parameters with defaults are constants")]
    public void SG0200_function_shape(string member, string reason) =>
        SingleError("SG0200", Functions(member), "'F'", reason);

    [Fact]
    public void SG0200_class_not_partial() =>
        SingleError("SG0200", Functions("[Differentiable] public static float $$F(float x) => x;", "public static"), "partial class");

    [Theory]
    [InlineData("{ $$if (x > 0) return x; return 0f; }", "If statement", "conditional operator")]
    [InlineData("=> $$x % 2f;", "Modulo expression", "")]
    [InlineData("=> x > 0 ? x : $$Field;", "Non-constant member", "'Field'")]
    [InlineData("=> $$x > 0 && x < 1 ? x : 0f;", "Condition", "one comparison")]
    public void SG0201_unsupported_construct(string body, string construct, string hint) =>
        SingleError("SG0201", Functions("static float Field = 1f; [Differentiable] public static float F(float x) " + body), construct, hint);

    [Fact]
    public void SG0201_call_of_a_function_that_cannot_be_differentiated()
    {
        var source = new MarkedSource(Functions(
            "[Differentiable] public static float G(float x) { while (x > 1) { } return x; }\n" +
            "[Differentiable] public static float F(float x) => 2f * $$G(x);"));
        var run = GeneratorHarness.Run(source.Text);
        var call = Assert.Single(run.Diagnostics, d => d.Id == "SG0201");
        source.AssertAtMarker(call);
        Assert.Contains("'G' cannot be differentiated", call.GetMessage(CultureInfo.InvariantCulture));
        Assert.Single(run.Diagnostics, d => d.Id == "SG0202"); // G's own
    }

    [Theory]
    [InlineData("{ var s = 0f; $$for (int i = 0; i < 3; i++) { s += x; } return s; }", "for (int i = 0; i < 3; i++)")]
    [InlineData("{ $$while (x > 1f) { } return x; }", "while (x > 1f)")]
    public void SG0202_loop(string body, string loop) =>
        SingleError("SG0202", Functions("[Differentiable] public static float F(float x) " + body), loop);

    [Theory]
    [InlineData("{ $$x = x * 2f; return x; }", "'x = x * 2f'")]
    [InlineData("{ $$x += 1f; return x; }", "'x += 1f'")]
    [InlineData("{ var y = $$x++; return y; }", "'x++'")]
    public void SG0203_assignment_to_a_parameter(string body, string text) =>
        SingleError("SG0203", Functions("[Differentiable] public static float F(float x) " + body), text, "parameter 'x'");

    [Theory]
    [InlineData("=> $$MathF.Round(x);", "'MathF.Round'")]
    [InlineData("=> $$Helper(x);", "'Helper'")]
    [InlineData("=> $$MathF.Log(x, 2f);", "'MathF.Log'")]
    public void SG0204_call_without_a_known_derivative(string body, string name) =>
        SingleError("SG0204", Functions("static float Helper(float v) => v; [Differentiable] public static float F(float x) " + body), name, "Exp, Log");

    [Theory]
    [InlineData("=> x * ($$1 / 2);", "'1 / 2'", "int")]
    [InlineData("{ int n = 3; return x * ($$n * 2); }", "'n * 2'", "int")]
    public void SG0205_integer_arithmetic(string body, string text, string type) =>
        SingleError("SG0205", Functions("[Differentiable] public static float F(float x) " + body), text, type);

    [Fact]
    public void SG0206_recursion() =>
        SingleError("SG0206", Functions("[Differentiable] public static float F(float x) => x > 1f ? $$F(x / 2f) : x;"), "'F' calls 'F' recursively");

    [Fact]
    public void SG0206_mutual_recursion_is_reported_at_the_call()
    {
        var source = new MarkedSource(Functions(
            "[Differentiable] public static float G(float x) => F(x) + 1f;\n" +
            "[Differentiable] public static float F(float x) => 2f * $$G(x);"));
        var run = GeneratorHarness.Run(source.Text);
        var atF = run.Diagnostics.Where(d => d.Id == "SG0206").ToList();
        Assert.Equal(2, atF.Count); // one in each function
        Assert.Contains(atF, d => d.Location.GetLineSpan().StartLinePosition.Line + 1 == source.Line);
    }

    [Theory]
    [InlineData("=> $$MathF.Abs(x);", "x = 0", "right derivative")]
    [InlineData("=> $$MathF.Max(x, 0f);", "a tie", "first argument")]
    [InlineData("=> $$x > 0f ? x : 0f;", "x = 0f", "'0f'")]
    [InlineData("=> $$x >= 0f ? x : 0.1f * x;", "x = 0f", "'x'")]
    [InlineData("=> $$Math.Clamp(x, 0f, 1f);", "its bounds", "inside piece")]
    public void SG0207_kink_is_an_info_naming_the_one_sided_rule(string body, string where, string rule)
    {
        var run = Single("SG0207", Functions("[Differentiable] public static float F(float x) " + body), DiagnosticSeverity.Info, where, rule);
        Assert.Contains(run.GeneratedSources.Keys, k => k.Contains("MyMath.F("));
    }

    [Theory]
    [InlineData("Map(fc.Forward(x), $$Plain)", "'Plain'")]
    [InlineData("Map(fc.Forward(x), $$v => v)", "for a lambda")]
    [InlineData("Map(fc.Forward(x), $$Two)", "taking one element")]
    public void SG0208_map_function_is_not_a_differentiable_method_group(string forward, string text) =>
        DiagnosticAssert.Single("SG0208", NetworkSource.Create(
            "readonly Linear fc = new(4, 4); static float Plain(float v) => v; [Differentiable] static float Two(float a, float b) => a * b;",
            "=> " + forward + ";", "[Network(InputSize = 4)]"), text, "Map");

    [Fact]
    public void SG0208_loss_function_is_not_a_differentiable_method_group() =>
        DiagnosticAssert.Single("SG0208", NetworkSource.Create(
            "readonly Linear fc = new(4, 4); static float Plain(float p, float t) => p - t;",
            "=> fc.Forward(x);", "[Network(InputSize = 4)]", "=> ElementwiseMean(prediction, target, $$Plain);"), "'Plain'", "ElementwiseMean");
}
