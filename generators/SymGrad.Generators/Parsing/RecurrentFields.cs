using System.Collections.Generic;
using System.Globalization;
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
        var arguments = new ExpressionSyntax?[s_parameters.Length];
        for (int i = 0; i < argumentList.Arguments.Count; i++)
        {
            var argument = argumentList.Arguments[i];
            int index = argument.NameColon is { } named ? System.Array.IndexOf(s_parameters, named.Name.Identifier.ValueText) : i;
            if (index >= 0 && index < arguments.Length)
            {
                arguments[index] = argument.Expression;
            }
        }
        int errorsBefore = diagnostics.Count;
        int inputs = Width(arguments[0], s_parameters[0], name, creation, model, diagnostics, cancellationToken);
        int hidden = Width(arguments[1], s_parameters[1], name, creation, model, diagnostics, cancellationToken);
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

    private static int Width(ExpressionSyntax? syntax, string parameter, string layer, SyntaxNode creation, SemanticModel model,
        DiagnosticList diagnostics, CancellationToken cancellationToken)
    {
        if (syntax is null || !Constants.TryToInt(model.GetConstantValue(syntax, cancellationToken), out int width))
        {
            diagnostics.Add(DiagnosticDescriptors.NonConstantLayerArgument, (syntax ?? creation).GetLocation(), parameter, layer);
            return 0;
        }
        if (width < 1)
        {
            diagnostics.Add(DiagnosticDescriptors.InvalidSetting, syntax.GetLocation(),
                "Argument '" + parameter + "' of layer '" + layer + "'", "at least 1", width.ToString(CultureInfo.InvariantCulture));
        }
        return width;
    }
}
