using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using SymGrad.Generators.Analysis;
using SymGrad.Generators.Model;
using SymGrad.Generators.Parsing;

namespace SymGrad.Generators;

// The gradient-health lints (Analysis/GradientLints.cs) run on the finished spec; this file gives
// each finding its place in the source: the layer field, or the [Forward] line it comes from.
public sealed partial class NetworkGenerator
{
    private static void ReportLints(NetworkSpec spec, ClassDeclarationSyntax declaration, DiagnosticList diagnostics, CancellationToken cancellationToken)
    {
        foreach (var finding in GradientLints.Run(spec, cancellationToken))
        {
            var location = finding.Layer is null ? LineLocation(declaration.SyntaxTree, finding.Line) : FieldLocation(declaration, finding.Layer);
            diagnostics.Add(finding.Descriptor, location ?? declaration.Identifier.GetLocation(), finding.Arguments);
        }
    }

    private static Location? FieldLocation(ClassDeclarationSyntax declaration, string name) =>
        declaration.Members.OfType<FieldDeclarationSyntax>()
            .SelectMany(field => field.Declaration.Variables)
            .FirstOrDefault(variable => variable.Identifier.ValueText == name)?
            .Identifier.GetLocation();

    /// <summary>The text of a 1-based line, without its indentation.</summary>
    private static Location? LineLocation(SyntaxTree tree, int line)
    {
        var text = tree.GetText();
        if (line < 1 || line > text.Lines.Count)
        {
            return null;
        }
        var span = text.Lines[line - 1].Span;
        int start = span.Start;
        while (start < span.End && char.IsWhiteSpace(text[start]))
        {
            start++;
        }
        return Location.Create(tree, TextSpan.FromBounds(start, span.End));
    }
}
