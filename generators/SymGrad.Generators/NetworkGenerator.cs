using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SymGrad.Generators.Model;

namespace SymGrad.Generators;

/// <summary>
/// The SymGrad generator: for each <c>[Network]</c> partial class, an unrolled, allocation-free
/// forward, backward and training step, and the reference path's entry point.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class NetworkGenerator : IIncrementalGenerator
{
    public const string NetworkAttributeName = "SymGrad.NetworkAttribute";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // 1. Find [Network] classes. Runs on every edit of a file that has one; the predicate is
        //    syntactic and lets non-partial classes through so that SG0001 can be reported. The
        //    transform freezes each class into a ParseResult (model plus diagnostics) with value
        //    equality, so an edit that does not change a definition stops the pipeline here.
        IncrementalValuesProvider<ParseResult> networks = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                NetworkAttributeName,
                predicate: static (node, _) => node is ClassDeclarationSyntax,
                transform: static (ctx, ct) => Parse(ctx, ct))
            .WithTrackingName(TrackingNames.Networks);

        // 2. Diagnostics go through their own output, with real locations so that #pragma works.
        IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> diagnostics = networks
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);
        //    The models hold file paths, not syntax trees; the compilation maps each back to its
        //    tree (a location in a tree is what #pragma warning disable is checked against). This
        //    last step reruns on every edit, but it only walks the (usually empty) diagnostic lists.
        RegisterDiagnostics(context, diagnostics);

        // 3. The trainer, for each class that parsed without errors. Only the spec flows on: equal
        //    specs (an edit elsewhere in the file) regenerate nothing.
        IncrementalValuesProvider<NetworkSpec> specs = networks
            .Select(static (result, _) => result.Spec)
            .Where(static spec => spec is not null)
            .Select(static (spec, _) => spec!)
            .WithTrackingName(TrackingNames.Specs);
        context.RegisterSourceOutput(specs, static (spc, spec) =>
            spc.AddSource(spec.Class.HintName, Emit(spec)));

        // 4. For a partial class with errors, only the base-class partial: the ops (Relu, ...) still
        //    bind, so the user sees the SG diagnostics rather than a cascade of CS0103 errors.
        IncrementalValuesProvider<ClassShell> shells = networks
            .Where(static result => result.Spec is null && result.Shell is not null)
            .Select(static (result, _) => result.Shell!)
            .WithTrackingName(TrackingNames.Shells);
        context.RegisterSourceOutput(shells, static (spc, shell) =>
            spc.AddSource(shell.HintName, EmitShell(shell)));

        // 5. [Differentiable] scalar functions: their own entry point and outputs (NetworkGenerator.Differentiable.cs).
        InitializeDifferentiable(context);
    }

    /// <summary>Reports each list's diagnostics at their locations in the compilation's trees.</summary>
    private static void RegisterDiagnostics(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> diagnostics) =>
        context.RegisterSourceOutput(diagnostics.Combine(context.CompilationProvider), static (spc, pair) =>
        {
            foreach (var item in pair.Left)
            {
                spc.ReportDiagnostic(item.ToDiagnostic(pair.Right));
            }
        });
}
