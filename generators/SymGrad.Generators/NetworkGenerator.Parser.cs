using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SymGrad.Generators.Model;
using SymGrad.Generators.Parsing;

namespace SymGrad.Generators;

// The parser: a [Network] class becomes a ParseResult (the frozen model and its diagnostics).
// This file holds the class checks, the attribute settings and the assembly of the spec; layers,
// methods and the [Forward] interpreter live beside it.
public sealed partial class NetworkGenerator
{
    private const string NetworkDefinitionTypeName = "global::SymGrad.NetworkDefinition";

    /// <summary>
    /// Parses one <c>[Network]</c> class. Never throws (a half-typed class is normal input): an
    /// unexpected failure becomes SG0017. Only cancellation propagates.
    /// </summary>
    internal static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetNode is not ClassDeclarationSyntax declaration)
        {
            return new ParseResult(null, null, EquatableArray<DiagnosticInfo>.Empty);
        }
        return Guarded(declaration, diagnostics => context.TargetSymbol is INamedTypeSymbol symbol
            ? ParseClass(declaration, symbol, context.Attributes.FirstOrDefault(), context.SemanticModel, diagnostics, cancellationToken)
            : new ParseResult(null, null, diagnostics.ToEquatableArray()));
    }

    /// <summary>The same parse from a class declaration and its semantic model (tests call it directly).</summary>
    internal static ParseResult ParseClass(ClassDeclarationSyntax declaration, SemanticModel model, CancellationToken cancellationToken = default) =>
        Guarded(declaration, diagnostics =>
        {
            if (model.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol symbol)
            {
                return new ParseResult(null, null, diagnostics.ToEquatableArray());
            }
            var attribute = symbol.GetAttributes().FirstOrDefault(a =>
                a.AttributeClass?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == "global::" + NetworkAttributeName);
            return ParseClass(declaration, symbol, attribute, model, diagnostics, cancellationToken);
        });

    /// <summary>Turns an unexpected exception into SG0017 at the class name: a generator must never throw.</summary>
    private static ParseResult Guarded(ClassDeclarationSyntax declaration, Func<DiagnosticList, ParseResult> parse)
    {
        var diagnostics = new DiagnosticList();
        try
        {
            return parse(diagnostics);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var failure = new DiagnosticList();
            failure.Add(DiagnosticDescriptors.InternalError, declaration.Identifier.GetLocation(), e.GetType().Name + ": " + e.Message);
            return new ParseResult(null, null, failure.ToEquatableArray());
        }
    }

    private static ParseResult ParseClass(ClassDeclarationSyntax declaration, INamedTypeSymbol symbol, AttributeData? attribute,
        SemanticModel model, DiagnosticList diagnostics, CancellationToken cancellationToken)
    {
        var shell = CheckClass(declaration, symbol, diagnostics);
        var settings = ReadSettings(attribute, diagnostics, cancellationToken);

        var otherFields = new HashSet<string>(StringComparer.Ordinal);
        var brokenLayers = new HashSet<string>(StringComparer.Ordinal);
        var layers = ParseLayers(declaration, model, otherFields, brokenLayers, diagnostics, cancellationToken);
        CheckReservedMembers(symbol, settings.Instrumented, layers.Any(l => l.Kind is LayerKind.BatchNorm or LayerKind.Dropout), diagnostics);

        var forward = FindMarkedMethod(declaration, model, ForwardAttributeName, DiagnosticDescriptors.MissingForward,
            DiagnosticDescriptors.DuplicateForward, diagnostics, cancellationToken);
        var loss = FindMarkedMethod(declaration, model, LossAttributeName, DiagnosticDescriptors.MissingLoss,
            DiagnosticDescriptors.DuplicateLoss, diagnostics, cancellationToken);
        bool forwardValid = forward is not null && CheckSignature(forward.Value, 1, "[Forward]", "Tensor " + forward.Value.Syntax.Identifier.ValueText + "(Tensor x)", diagnostics);
        bool lossValid = loss is not null && CheckSignature(loss.Value, 2, "[Loss]", "Tensor " + loss.Value.Syntax.Identifier.ValueText + "(Tensor prediction, Tensor target)", diagnostics);

        ForwardGraph? graph = null;
        if (forwardValid)
        {
            var interpreter = new ForwardInterpreter(model, layers.ToDictionary(l => l.Name, StringComparer.Ordinal),
                otherFields, brokenLayers, diagnostics, cancellationToken) { LoopRollThreshold = settings.LoopRollThreshold };
            var method = forward!.Value.Syntax;
            graph = interpreter.Run(method, method.ParameterList.Parameters[0], settings.InputSize);
            if (graph is not null && (graph.InputWidth is null || !graph.AllWidthsKnown))
            {
                diagnostics.Add(DiagnosticDescriptors.CannotInferInputSize, declaration.Identifier.GetLocation(), declaration.Identifier.ValueText);
            }
        }
        var lossCall = lossValid ? ParseLoss(loss!.Value.Syntax, model, diagnostics, cancellationToken) : null;

        if (diagnostics.Count > 0 || shell is null || graph is null || lossCall is null)
        {
            return new ParseResult(shell, null, diagnostics.ToEquatableArray());
        }
        var output = graph.Nodes[graph.OutputNode];
        var spec = new NetworkSpec(
            shell,
            settings.IsDouble,
            settings.MaxBatchSize,
            graph.InputWidth!.Value,
            output.Features,
            layers.Sum(l => l.ParameterCount),
            layers.ToEquatableArray(),
            graph.Nodes,
            graph.OutputNode,
            new LossSpec(lossCall.Value.Kind, graph.OutputNode, lossCall.Value.Line, lossCall.Value.Source, lossCall.Value.Function),
            forward!.Value.Syntax.Identifier.ValueText,
            loss!.Value.Syntax.Identifier.ValueText,
            SyntaxText.FileName(declaration.SyntaxTree.FilePath),
            settings.Instrumented,
            graph.Loops,
            settings.UnrollThreshold);
        ReportLints(spec, declaration, diagnostics, cancellationToken);
        return new ParseResult(shell, spec, diagnostics.ToEquatableArray());
    }

    /// <summary>
    /// SG0001 when not partial, SG0012 when nested, generic, static or deriving from another class.
    /// Returns the shell when the class can take a generated partial (partial, top level, not generic).
    /// </summary>
    private static ClassShell? CheckClass(ClassDeclarationSyntax declaration, INamedTypeSymbol symbol, DiagnosticList diagnostics)
    {
        string name = declaration.Identifier.ValueText;
        var location = declaration.Identifier.GetLocation();
        bool isPartial = declaration.Modifiers.Any(SyntaxKind.PartialKeyword);
        if (!isPartial)
        {
            diagnostics.Add(DiagnosticDescriptors.NotPartial, location, name);
        }
        bool nested = symbol.ContainingType is not null;
        if (nested)
        {
            diagnostics.Add(DiagnosticDescriptors.UnsupportedClass, location, name,
                "it is nested in '" + symbol.ContainingType!.Name + "'; declare it directly in a namespace");
        }
        bool generic = symbol.IsGenericType || declaration.TypeParameterList is not null;
        if (generic)
        {
            diagnostics.Add(DiagnosticDescriptors.UnsupportedClass, location, name, "it is generic; a network class has no type parameters");
        }
        if (symbol.IsStatic)
        {
            diagnostics.Add(DiagnosticDescriptors.UnsupportedClass, location, name, "it is static; a network is an instance that owns its buffers");
        }
        var baseType = symbol.BaseType;
        if (baseType is not null && baseType.TypeKind != TypeKind.Error && baseType.SpecialType != SpecialType.System_Object
            && baseType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) != NetworkDefinitionTypeName)
        {
            diagnostics.Add(DiagnosticDescriptors.UnsupportedClass, location, name,
                "it derives from '" + baseType.ToDisplayString() + "'; a network derives from SymGrad.NetworkDefinition, which the generator adds");
        }
        if (!isPartial || nested || generic)
        {
            return null;
        }
        string ns = symbol.ContainingNamespace is { IsGlobalNamespace: false } containing ? containing.ToDisplayString() : "";
        string accessibility = symbol.DeclaredAccessibility == Accessibility.Public ? "public" : "internal";
        return new ClassShell(ns, name, accessibility);
    }
}
