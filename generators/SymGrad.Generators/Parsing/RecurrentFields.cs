using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SymGrad.Generators.Model;

namespace SymGrad.Generators.Parsing;

/// <summary>
/// Fields of type Rnn, Lstm and Gru: <c>readonly Lstm lstm = new(inputs, hidden);</c>. Each becomes
/// a header entry and its two dense parts, <c>lstm.InputHidden</c> (F -> G H) and
/// <c>lstm.HiddenHidden</c> (H -> G H), laid out as the runtime's RecurrentCell lays them out.
/// </summary>
internal static class RecurrentFields
{
    private static readonly string[] s_parameters = { "inputs", "hidden" };

    public static LayerKind? KindOf(string typeName) => typeName switch
    {
        "global::SymGrad.Rnn" => LayerKind.Rnn,
        "global::SymGrad.Lstm" => LayerKind.Lstm,
        "global::SymGrad.Gru" => LayerKind.Gru,
        _ => null,
    };

    /// <summary>The header and the two dense parts, or null after reporting SG0009/SG0014.</summary>
    public static List<LayerSpec>? Parse(LayerKind kind, VariableDeclaratorSyntax variable, string name, int offset,
        SemanticModel model, DiagnosticList diagnostics, CancellationToken cancellationToken)
    {
        var creation = variable.Initializer?.Value as BaseObjectCreationExpressionSyntax;
        if (creation?.ArgumentList is not { } argumentList)
        {
            diagnostics.Add(DiagnosticDescriptors.NonConstantLayerArgument, variable.GetLocation(), "initializer", name);
            return null;
        }
        var arguments = NormalizationFields.MapArguments(argumentList, s_parameters);
        int errorsBefore = diagnostics.Count;
        var reader = new NormalizationFields.Reader(name, creation, model, diagnostics, cancellationToken);
        int inputs = reader.Width(arguments[0], s_parameters[0]);
        int hidden = reader.Width(arguments[1], s_parameters[1]);
        if (diagnostics.Count > errorsBefore)
        {
            return null;
        }
        int line = SyntaxText.Line(variable);
        var header = new LayerSpec(name, kind, inputs, hidden, offset, "", 0, line);
        int rows = header.Gates * hidden;
        const string Init = "Uniform(+-1/sqrt(hidden))";
        var inputHidden = new LayerSpec(name + ".InputHidden", LayerKind.Linear, inputs, rows, offset, Init, 0, line, Owner: name);
        var hiddenHidden = new LayerSpec(name + ".HiddenHidden", LayerKind.Linear, hidden, rows, offset + inputHidden.ParameterCount, Init, 0, line, Owner: name);
        return new List<LayerSpec> { header, inputHidden, hiddenHidden };
    }
}
