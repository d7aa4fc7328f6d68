using System;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SymGrad.Generators.Model;

namespace SymGrad.Generators.Parsing;

/// <summary>
/// Fields of type BatchNorm, LayerNorm and Dropout: <c>readonly BatchNorm bn = new(64);</c>,
/// <c>new LayerNorm(64, epsilon: 1e-6)</c>, <c>new Dropout(0.2)</c>, every argument a constant
/// (the defaults are PyTorch's: momentum 0.1, epsilon 1e-5).
/// </summary>
internal static class NormalizationFields
{
    private static readonly string[] s_batchNormParameters = { "features", "momentum", "epsilon" };
    private static readonly string[] s_layerNormParameters = { "features", "epsilon" };
    private static readonly string[] s_dropoutParameters = { "probability" };

    /// <summary>The kind for a field type (fully qualified display name), or null when it is not one of these layers.</summary>
    public static LayerKind? KindOf(string typeName) => typeName switch
    {
        "global::SymGrad.BatchNorm" => LayerKind.BatchNorm,
        "global::SymGrad.LayerNorm" => LayerKind.LayerNorm,
        "global::SymGrad.Dropout" => LayerKind.Dropout,
        _ => null,
    };

    /// <summary>Reads the field's constructor arguments, or returns null after reporting SG0009/SG0014.</summary>
    public static LayerSpec? Parse(LayerKind kind, VariableDeclaratorSyntax variable, string name, int offset, int stateOffset, int stream,
        SemanticModel model, DiagnosticList diagnostics, CancellationToken cancellationToken)
    {
        var creation = variable.Initializer?.Value as BaseObjectCreationExpressionSyntax;
        if (creation?.ArgumentList is not { } argumentList)
        {
            diagnostics.Add(DiagnosticDescriptors.NonConstantLayerArgument, variable.GetLocation(), "initializer", name);
            return null;
        }
        string[] parameters = kind switch
        {
            LayerKind.BatchNorm => s_batchNormParameters,
            LayerKind.LayerNorm => s_layerNormParameters,
            _ => s_dropoutParameters,
        };
        var arguments = MapArguments(argumentList, parameters);

        int errorsBefore = diagnostics.Count;
        var reader = new Reader(name, creation, model, diagnostics, cancellationToken);
        LayerSpec? spec;
        switch (kind)
        {
            case LayerKind.BatchNorm:
                int features = reader.Width(arguments[0], "features");
                double momentum = reader.Number(arguments[1], "momentum", 0.1, v => v >= 0 && v <= 1, "in [0, 1]");
                double epsilon = reader.Number(arguments[2], "epsilon", 1e-5, v => v > 0, "greater than 0");
                spec = new LayerSpec(name, kind, features, features, offset, "", 0, SyntaxText.Line(variable),
                    Momentum: momentum, Epsilon: epsilon, StateOffset: stateOffset);
                break;
            case LayerKind.LayerNorm:
                int width = reader.Width(arguments[0], "features");
                double layerEpsilon = reader.Number(arguments[1], "epsilon", 1e-5, v => v > 0, "greater than 0");
                spec = new LayerSpec(name, kind, width, width, offset, "", 0, SyntaxText.Line(variable), Epsilon: layerEpsilon);
                break;
            default:
                if (arguments[0] is null)
                {
                    diagnostics.Add(DiagnosticDescriptors.NonConstantLayerArgument, creation.GetLocation(), "probability", name);
                    return null;
                }
                double probability = reader.Number(arguments[0], "probability", 0, v => v >= 0 && v < 1, "in [0, 1)");
                // The width is the operand's, known only from [Forward]: 0 here, fixed by the interpreter.
                spec = new LayerSpec(name, kind, 0, 0, offset, "", 0, SyntaxText.Line(variable), Probability: probability, Stream: stream);
                break;
        }
        return diagnostics.Count > errorsBefore ? null : spec;
    }

    /// <summary>The constructor's arguments by parameter (positional or named), null where omitted.</summary>
    public static ExpressionSyntax?[] MapArguments(ArgumentListSyntax argumentList, string[] parameters)
    {
        var arguments = new ExpressionSyntax?[parameters.Length];
        for (int i = 0; i < argumentList.Arguments.Count; i++)
        {
            var argument = argumentList.Arguments[i];
            int index = argument.NameColon is { } named ? Array.IndexOf(parameters, named.Name.Identifier.ValueText) : i;
            if (index >= 0 && index < arguments.Length)
            {
                arguments[index] = argument.Expression;
            }
        }
        return arguments;
    }

    /// <summary>Reads constant layer arguments, reporting SG0009 (not constant) and SG0014 (out of range).</summary>
    internal sealed class Reader
    {
        private readonly string _layer;
        private readonly SyntaxNode _creation;
        private readonly SemanticModel _model;
        private readonly DiagnosticList _diagnostics;
        private readonly CancellationToken _cancellationToken;

        public Reader(string layer, SyntaxNode creation, SemanticModel model, DiagnosticList diagnostics, CancellationToken cancellationToken)
        {
            _layer = layer;
            _creation = creation;
            _model = model;
            _diagnostics = diagnostics;
            _cancellationToken = cancellationToken;
        }

        public int Width(ExpressionSyntax? syntax, string parameter)
        {
            if (syntax is null || !Constants.TryToInt(_model.GetConstantValue(syntax, _cancellationToken), out int width))
            {
                _diagnostics.Add(DiagnosticDescriptors.NonConstantLayerArgument, (syntax ?? _creation).GetLocation(), parameter, _layer);
                return 0;
            }
            if (width < 1)
            {
                _diagnostics.Add(DiagnosticDescriptors.InvalidSetting, syntax.GetLocation(),
                    "Argument '" + parameter + "' of layer '" + _layer + "'", "at least 1", width.ToString(CultureInfo.InvariantCulture));
            }
            return width;
        }

        public double Number(ExpressionSyntax? syntax, string parameter, double defaultValue, Func<double, bool> valid, string rule)
        {
            if (syntax is null)
            {
                return defaultValue;
            }
            if (!Constants.TryToDouble(_model.GetConstantValue(syntax, _cancellationToken), out double value))
            {
                _diagnostics.Add(DiagnosticDescriptors.NonConstantLayerArgument, syntax.GetLocation(), parameter, _layer);
                return defaultValue;
            }
            if (!valid(value))
            {
                _diagnostics.Add(DiagnosticDescriptors.InvalidSetting, syntax.GetLocation(),
                    "Argument '" + parameter + "' of layer '" + _layer + "'", rule, value.ToString("R", CultureInfo.InvariantCulture));
            }
            return value;
        }
    }
}
