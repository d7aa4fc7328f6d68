using Microsoft.CodeAnalysis;

namespace SymGrad.Generators.Tests;

/// <summary>
/// A test source with one <c>$$</c> marker placed just before the token a diagnostic must point at.
/// The marker is removed and its 1-based line and column remembered, so that expected locations are
/// written where they are, not as hand-counted numbers.
/// </summary>
internal sealed class MarkedSource
{
    private const string Marker = "$$";

    public MarkedSource(string marked)
    {
        int index = marked.IndexOf(Marker, System.StringComparison.Ordinal);
        Assert.True(index >= 0, "the test source has no $$ marker");
        Text = marked.Remove(index, Marker.Length);
        string before = Text.Substring(0, index);
        Line = before.Split('\n').Length;
        Column = index - (before.LastIndexOf('\n') + 1) + 1;
    }

    public string Text { get; }
    public int Line { get; }
    public int Column { get; }

    /// <summary>Asserts that <paramref name="diagnostic"/> starts at the marker.</summary>
    public void AssertAtMarker(Diagnostic diagnostic)
    {
        // LocationInfo.ToLocation makes a file location (path plus span), not a tree location.
        var span = diagnostic.Location.GetLineSpan();
        Assert.True(span.IsValid, diagnostic.Id + " has no location");
        Assert.Equal("Net.cs", span.Path);
        var start = span.StartLinePosition;
        Assert.Equal((Line, Column), (start.Line + 1, start.Character + 1));
    }
}
