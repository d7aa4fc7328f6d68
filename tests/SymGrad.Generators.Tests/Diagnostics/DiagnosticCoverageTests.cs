using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SymGrad.Generators;

namespace SymGrad.Generators.Tests.Diagnostics;

public sealed class DiagnosticCoverageTests
{
    [Fact]
    public void SG0017_internal_failure_becomes_a_diagnostic_instead_of_an_exception()
    {
        // A semantic model of another tree makes Roslyn throw inside the parse: the guard must catch it.
        var networkTree = GeneratorHarness.Parse("using SymGrad;\n[Network]\npartial class Net { }");
        var otherTree = GeneratorHarness.Parse("class Other { }", "Other.cs");
        var compilation = GeneratorHarness.Compile(networkTree, otherTree);
        var declaration = networkTree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>().Single();

        var result = NetworkGenerator.ParseClass(declaration, compilation.GetSemanticModel(otherTree));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("SG0017", diagnostic.Id);
        Assert.Equal("Net.cs", diagnostic.Location!.FilePath);
        Assert.Equal((2, 14), (diagnostic.Location.LineSpan.Start.Line, diagnostic.Location.LineSpan.Start.Character)); // "Net" on line 3
        Assert.Null(result.Spec);
    }

    [Fact]
    public void Every_diagnostic_id_has_a_test_named_after_it()
    {
        var tested = typeof(DiagnosticCoverageTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttributes<FactAttribute>(inherit: true).Any() && m.Name.StartsWith("SG", System.StringComparison.Ordinal))
            .Select(m => m.Name.Substring(0, 6))
            .ToHashSet();
        var untested = DiagnosticDescriptors.All.Select(d => d.Id).Where(id => !tested.Contains(id)).OrderBy(id => id, System.StringComparer.Ordinal).ToArray();
        Assert.Empty(untested);
        Assert.True(DiagnosticDescriptors.All.Count() >= 17);
    }

    [Fact]
    public void Every_descriptor_is_an_error_with_a_title_and_a_message_that_takes_arguments()
    {
        // SG0207 (a kink in a [Differentiable] function) is information: the function is fine, the rule is stated.
        foreach (var descriptor in DiagnosticDescriptors.All.Where(d => d.Id != "SG0207"))
        {
            // SG01xx are the gradient-health lints: warnings, suppressible with #pragma.
            bool lint = descriptor.Id.StartsWith("SG01", System.StringComparison.Ordinal);
            Assert.Equal(lint ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error, descriptor.DefaultSeverity);
            Assert.False(string.IsNullOrWhiteSpace(descriptor.Title.ToString()), descriptor.Id);
            Assert.Contains("{0}", descriptor.MessageFormat.ToString());
            Assert.Same(descriptor, DiagnosticDescriptors.ById(descriptor.Id));
        }
    }
}
