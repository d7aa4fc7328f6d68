using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SymGrad.Generators.Model;

/// <summary>A source location with value equality (a <see cref="Location"/> holds a syntax tree, which must not leave the parser).</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

    /// <summary>A location in the compilation's tree of that path (falls back to a file location).</summary>
    public Location ToLocation(Compilation compilation)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.FilePath == FilePath && Span.End <= tree.Length)
            {
                return Location.Create(tree, Span);
            }
        }
        return ToLocation();
    }

    public static LocationInfo? From(Location? location) =>
        location is null || location.SourceTree is null
            ? null
            : new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
}

/// <summary>A diagnostic to report: its descriptor ID, location and message arguments.</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Arguments)
{
    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(DiagnosticDescriptors.ById(Id), Location?.ToLocation(), Arguments.Select(a => (object?)a).ToArray());

    /// <summary>The diagnostic with its location in <paramref name="compilation"/>'s syntax tree, so that #pragma applies to it.</summary>
    public Diagnostic ToDiagnostic(Compilation compilation) =>
        Diagnostic.Create(DiagnosticDescriptors.ById(Id), Location?.ToLocation(compilation), Arguments.Select(a => (object?)a).ToArray());
}

/// <summary>What the parser makes of one <c>[Network]</c> class.</summary>
/// <param name="Shell">The class identity when it is partial (a base-class partial is emitted even when the definition has errors, so the ops still bind); null when it cannot be extended.</param>
/// <param name="Spec">The full model, or null when there were errors.</param>
/// <param name="Diagnostics">Everything to report.</param>
internal sealed record ParseResult(ClassShell? Shell, NetworkSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);
