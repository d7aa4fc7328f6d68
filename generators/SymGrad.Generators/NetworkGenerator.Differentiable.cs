using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SymGrad.Generators.Differentiation;
using SymGrad.Generators.Model;
using SymGrad.Generators.Parsing;

namespace SymGrad.Generators;

// The [Differentiable] pipeline: a second entry point beside [Network]. Each marked method is parsed
// into a FunctionSpec (its body as an expression, differentiated and simplified here, inside the
// guard), and the emitter prints the derivative beside it in the same partial class.
public sealed partial class NetworkGenerator
{
    /// <summary>Most parameters a [Differentiable] function may have.</summary>
    internal const int MaxFunctionParameters = 4;

    private static void InitializeDifferentiable(IncrementalGeneratorInitializationContext context)
    {
        // 1. Find [Differentiable] methods. Runs on each edit of a file holding one; the predicate
        //    lets every method through so that a non-static or misplaced one gets SG0200. The result
        //    (spec plus diagnostics) has value equality, so an unrelated edit stops here.
        IncrementalValuesProvider<FunctionParseResult> functions = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                FunctionParser.DifferentiableAttributeName,
                predicate: static (node, _) => node is MethodDeclarationSyntax,
                transform: static (ctx, ct) => ParseFunction(ctx, ct))
            .WithTrackingName(TrackingNames.Functions);

        // 2. Diagnostics through their own output, mapped back to the compilation's trees (#pragma works).
        IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> diagnostics = functions
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.FunctionDiagnostics);
        RegisterDiagnostics(context, diagnostics);

        // 3. The derivative, for each function that parsed without errors; equal specs regenerate nothing.
        IncrementalValuesProvider<FunctionSpec> specs = functions
            .Select(static (result, _) => result.Spec)
            .Where(static spec => spec is not null)
            .Select(static (spec, _) => spec!)
            .WithTrackingName(TrackingNames.FunctionSpecs);
        context.RegisterSourceOutput(specs, static (spc, spec) => spc.AddSource(spec.HintName, EmitDerivative(spec)));
    }

    /// <summary>Parses one [Differentiable] method; never throws (an unexpected failure becomes SG0017).</summary>
    internal static FunctionParseResult ParseFunction(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetNode is not MethodDeclarationSyntax method || context.TargetSymbol is not IMethodSymbol symbol)
        {
            return new FunctionParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
        }
        var diagnostics = new DiagnosticList();
        try
        {
            return new FunctionParseResult(ParseFunction(method, symbol, context.SemanticModel, diagnostics, cancellationToken), diagnostics.ToEquatableArray());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var failure = new DiagnosticList();
            failure.Add(DiagnosticDescriptors.InternalError, method.Identifier.GetLocation(), e.GetType().Name + ": " + e.Message);
            return new FunctionParseResult(null, failure.ToEquatableArray());
        }
    }

    private static FunctionSpec? ParseFunction(MethodDeclarationSyntax method, IMethodSymbol symbol, SemanticModel model,
        DiagnosticList diagnostics, CancellationToken cancellationToken)
    {
        string name = method.Identifier.ValueText;
        string? problem = FunctionShapeProblem(method, symbol);
        if (problem is not null)
        {
            diagnostics.Add(DiagnosticDescriptors.InvalidDifferentiableFunction, method.Identifier.GetLocation(), name, problem);
            return null;
        }
        var variables = symbol.Parameters.Select((p, i) => (Expr)new Variable(i, p.Name)).ToList();
        var body = FunctionParser.ParseBody(method, symbol, variables, model, diagnostics, new List<IMethodSymbol>(), reportKinks: true,
            out var locals, cancellationToken);
        if (body is null)
        {
            return null;
        }
        var value = Simplifier.Simplify(body);
        var parameters = symbol.Parameters.Select(p => new FunctionParameter(p.Name, !p.HasExplicitDefaultValue)).ToList();
        var derivatives = new List<Expr>();
        for (int i = 0; i < parameters.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (parameters[i].IsDifferentiable)
            {
                derivatives.Add(Differentiator.Derive(value, i));
            }
        }
        var type = symbol.ContainingType;
        string ns = type.ContainingNamespace is { IsGlobalNamespace: false } containing ? containing.ToDisplayString() : "";
        return new FunctionSpec(ns, type.Name, type.IsStatic, name, AccessibilityText(symbol.DeclaredAccessibility),
            symbol.ReturnType.SpecialType == SpecialType.System_Double, parameters.ToEquatableArray(), value, derivatives.ToEquatableArray(),
            locals.Select(l => new FunctionLocal(l.Name, Simplifier.Simplify(l.Value))).ToEquatableArray(),
            SyntaxText.FileName(method.SyntaxTree.FilePath), SyntaxText.Line(method));
    }

    /// <summary>Why the method cannot be differentiated as declared, or null.</summary>
    private static string? FunctionShapeProblem(MethodDeclarationSyntax method, IMethodSymbol symbol)
    {
        var type = symbol.ContainingType;
        if (method.Parent is not ClassDeclarationSyntax container || !container.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            return "it must be declared in a partial class, so that the generator can add its derivative beside it";
        }
        if (type.ContainingType is not null || type.IsGenericType)
        {
            return "its class must be a top-level, non-generic class";
        }
        if (!symbol.IsStatic)
        {
            return "it must be static";
        }
        if (symbol.IsGenericMethod)
        {
            return "it must not be generic";
        }
        if (symbol.Parameters.Length < 1 || symbol.Parameters.Length > MaxFunctionParameters)
        {
            return "it must have one to " + MaxFunctionParameters + " parameters, but has " + symbol.Parameters.Length;
        }
        var returnType = symbol.ReturnType;
        if (!FunctionParser.IsFloatingPoint(returnType) || symbol.Parameters.Any(p => !SymbolEqualityComparer.Default.Equals(p.Type, returnType)))
        {
            return "its parameters and result must all be float, or all double";
        }
        if (symbol.Parameters.Any(p => p.RefKind != RefKind.None || p.IsParams))
        {
            return "its parameters must be plain values (no ref, out, in or params)";
        }
        if (symbol.Parameters.All(p => p.HasExplicitDefaultValue))
        {
            return "every parameter has a default value, so none is differentiated (parameters with defaults are constants)";
        }
        return null;
    }

    private static string AccessibilityText(Accessibility accessibility) => accessibility switch
    {
        Accessibility.Public => "public",
        Accessibility.Internal => "internal",
        Accessibility.Protected => "protected",
        Accessibility.ProtectedOrInternal => "protected internal",
        Accessibility.ProtectedAndInternal => "private protected",
        _ => "private",
    };
}
