using System.Globalization;
using Microsoft.CodeAnalysis;

namespace SymGrad.Generators.Tests.Diagnostics;

internal static class DiagnosticAssert
{
    /// <summary>
    /// Runs the generator on <paramref name="marked"/> and asserts exactly one diagnostic: <paramref name="id"/>,
    /// starting at the $$ marker, with a message containing each of <paramref name="messageParts"/>, and no spec.
    /// </summary>
    public static Diagnostic Single(string id, string marked, params string[] messageParts)
    {
        var source = new MarkedSource(marked);
        var run = GeneratorHarness.Run(source.Text);
        Assert.Empty(run.Exceptions);
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        source.AssertAtMarker(diagnostic);
        string message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        foreach (var part in messageParts)
        {
            Assert.Contains(part, message);
        }
        Assert.Null(run.Result.Spec);
        return diagnostic;
    }
}
