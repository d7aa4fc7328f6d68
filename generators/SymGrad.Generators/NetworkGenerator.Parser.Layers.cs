using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SymGrad.Generators.Model;
using SymGrad.Generators.Parsing;

namespace SymGrad.Generators;

// Layer fields: `readonly Linear fc1 = new(784, 128, Init.HeNormal);` with constant arguments.
public sealed partial class NetworkGenerator
{
    private const string LinearTypeName = "global::SymGrad.Linear";
    private const string InitTypeName = "SymGrad.Init";

    /// <summary>The Linear constructor's parameters, in order: positional arguments map onto these.</summary>
    private static readonly string[] s_linearParameters = { "inputs", "outputs", "init", "bias" };

    /// <summary>
    /// Reads the layer fields in declaration order and lays out the flat buffer (weight then bias per
    /// layer). Names of the other fields go to <paramref name="otherFields"/>, names of layers with
    /// errors to <paramref name="brokenLayers"/> (so that their calls in [Forward] do not report again).
    /// </summary>
    private static List<LayerSpec> ParseLayers(ClassDeclarationSyntax declaration, SemanticModel model, ICollection<string> otherFields,
        ICollection<string> brokenLayers, DiagnosticList diagnostics, CancellationToken cancellationToken)
    {
        var layers = new List<LayerSpec>();
        int offset = 0, stateOffset = 0, dropoutStream = 0;
        foreach (var field in declaration.Members.OfType<FieldDeclarationSyntax>())
        {
            foreach (var variable in field.Declaration.Variables)
            {
                cancellationToken.ThrowIfCancellationRequested();
                string name = variable.Identifier.ValueText;
                var symbol = model.GetDeclaredSymbol(variable, cancellationToken) as IFieldSymbol;
                string? typeName = symbol?.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
                if (typeName is not null && NormalizationFields.KindOf(typeName) is LayerKind kind)
                {
                    var other = NormalizationFields.Parse(kind, variable, name, offset, stateOffset, dropoutStream, model, diagnostics, cancellationToken);
                    if (other is null)
                    {
                        brokenLayers.Add(name);
                        continue;
                    }
                    layers.Add(other);
                    offset += other.ParameterCount;
                    stateOffset += other.StateCount;
                    dropoutStream += kind == LayerKind.Dropout ? 1 : 0;
                    continue;
                }
                if (typeName is not null && RecurrentFields.KindOf(typeName) is LayerKind cellKind)
                {
                    var cell = RecurrentFields.Parse(cellKind, variable, name, offset, model, diagnostics, cancellationToken);
                    if (cell is null)
                    {
                        brokenLayers.Add(name);
                        continue;
                    }
                    layers.AddRange(cell);
                    offset += cell.Sum(part => part.ParameterCount);
                    continue;
                }
                if (typeName != LinearTypeName)
                {
                    otherFields.Add(name);
                    continue;
                }
                if (layers.Exists(l => string.Equals(l.Name, name, StringComparison.Ordinal)))
                {
                    continue; // a second field of that name: the compiler reports CS0102; the first one is laid out
                }
                if (ParseLinear(variable, name, offset, model, diagnostics, cancellationToken) is { } layer)
                {
                    layers.Add(layer);
                    offset += layer.ParameterCount;
                }
                else
                {
                    brokenLayers.Add(name);
                }
            }
        }
        return layers;
    }

    private static LayerSpec? ParseLinear(VariableDeclaratorSyntax variable, string name, int offset, SemanticModel model,
        DiagnosticList diagnostics, CancellationToken cancellationToken)
    {
        var creation = variable.Initializer?.Value as BaseObjectCreationExpressionSyntax;
        if (creation?.ArgumentList is not { } argumentList)
        {
            diagnostics.Add(DiagnosticDescriptors.NonConstantLayerArgument, variable.GetLocation(), "initializer", name);
            return null;
        }

        // Map positional and named arguments onto the constructor's parameters.
        var arguments = new ExpressionSyntax?[s_linearParameters.Length];
        for (int i = 0; i < argumentList.Arguments.Count; i++)
        {
            var argument = argumentList.Arguments[i];
            int index = argument.NameColon is { } named ? Array.IndexOf(s_linearParameters, named.Name.Identifier.ValueText) : i;
            if (index >= 0 && index < arguments.Length)
            {
                arguments[index] = argument.Expression;
            }
        }

        int errorsBefore = diagnostics.Count;
        int inputs = ReadWidth(arguments[0], "inputs", name, creation, model, diagnostics, cancellationToken);
        int outputs = ReadWidth(arguments[1], "outputs", name, creation, model, diagnostics, cancellationToken);
        string init = ReadInit(arguments[2], name, model, diagnostics, cancellationToken);
        double bias = 0;
        if (arguments[3] is { } biasSyntax)
        {
            var value = model.GetConstantValue(biasSyntax, cancellationToken);
            if (!Constants.TryToDouble(value, out bias))
            {
                diagnostics.Add(DiagnosticDescriptors.NonConstantLayerArgument, biasSyntax.GetLocation(), "bias", name);
            }
        }
        if (diagnostics.Count > errorsBefore)
        {
            return null;
        }
        return new LayerSpec(name, LayerKind.Linear, inputs, outputs, offset, init, bias, SyntaxText.Line(variable));
    }

    /// <summary>inputs or outputs: an integral constant of at least 1.</summary>
    private static int ReadWidth(ExpressionSyntax? syntax, string parameter, string layer, SyntaxNode creation, SemanticModel model,
        DiagnosticList diagnostics, CancellationToken cancellationToken)
    {
        if (syntax is null)
        {
            diagnostics.Add(DiagnosticDescriptors.NonConstantLayerArgument, creation.GetLocation(), parameter, layer);
            return 0;
        }
        if (!Constants.TryToInt(model.GetConstantValue(syntax, cancellationToken), out int width))
        {
            diagnostics.Add(DiagnosticDescriptors.NonConstantLayerArgument, syntax.GetLocation(), parameter, layer);
            return 0;
        }
        if (width < 1)
        {
            diagnostics.Add(DiagnosticDescriptors.InvalidSetting, syntax.GetLocation(),
                "Argument '" + parameter + "' of layer '" + layer + "'", "at least 1", width.ToString(CultureInfo.InvariantCulture));
        }
        return width;
    }

    /// <summary>init: a constant of the Init enum, returned as the member's name (XavierUniform when omitted).</summary>
    private static string ReadInit(ExpressionSyntax? syntax, string layer, SemanticModel model, DiagnosticList diagnostics,
        CancellationToken cancellationToken)
    {
        const string Default = "XavierUniform";
        if (syntax is null)
        {
            return Default;
        }
        var value = model.GetConstantValue(syntax, cancellationToken);
        var initType = model.Compilation.GetTypeByMetadataName(InitTypeName);
        if (!value.HasValue || initType is null)
        {
            diagnostics.Add(DiagnosticDescriptors.NonConstantLayerArgument, syntax.GetLocation(), "init", layer);
            return Default;
        }
        // Match by value, so that (Init)4 works as well as Init.HeNormal.
        var member = initType.GetMembers().OfType<IFieldSymbol>()
            .FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, value.Value));
        if (member is null)
        {
            diagnostics.Add(DiagnosticDescriptors.InvalidSetting, syntax.GetLocation(),
                "Argument 'init' of layer '" + layer + "'", "a member of SymGrad.Init", SyntaxText.Quote(syntax));
            return Default;
        }
        return member.Name;
    }
}
