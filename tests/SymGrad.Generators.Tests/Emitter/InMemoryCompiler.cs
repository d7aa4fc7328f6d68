extern alias SymGradRuntime;

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SymGradRuntime::SymGrad;

namespace SymGrad.Generators.Tests.Emitter;

/// <summary>
/// Compiles C# sources in memory against .NET 10 and the SymGrad runtime, as a strict consumer
/// would build them: nullable enabled, warnings as errors, the highest warning level, XML docs
/// checked. Reusable by any test that needs to run generated code.
/// </summary>
public static class InMemoryCompiler
{
    private static readonly CSharpParseOptions s_parseOptions =
        new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly IReadOnlyList<MetadataReference> s_references =
        Basic.Reference.Assemblies.Net100.References.All
            .Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(Linear).Assembly.Location))
            .ToArray();

    /// <summary>The compilation of <paramref name="sources"/> (file name, text) into a library.</summary>
    public static CSharpCompilation CreateCompilation(string assemblyName, params (string Path, string Text)[] sources)
    {
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, s_parseOptions, s.Path));
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            generalDiagnosticOption: ReportDiagnostic.Error,
            warningLevel: 9999,
            optimizationLevel: OptimizationLevel.Release,
            deterministic: true);
        return CSharpCompilation.Create(assemblyName, trees, s_references, options);
    }

    /// <summary>Every warning or error of compiling and emitting the sources (none means success).</summary>
    public static IReadOnlyList<Diagnostic> Diagnostics(string assemblyName, params (string Path, string Text)[] sources)
    {
        using var stream = new MemoryStream();
        var result = CreateCompilation(assemblyName, sources).Emit(stream);
        return result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
    }

    /// <summary>
    /// Compiles and loads the sources into a collectible context (the SymGrad runtime is shared with
    /// the test process, so its interfaces cast). Throws listing the diagnostics when any.
    /// </summary>
    public static Assembly CompileAndLoad(string assemblyName, params (string Path, string Text)[] sources)
    {
        using var stream = new MemoryStream();
        var result = CreateCompilation(assemblyName, sources).Emit(stream);
        var problems = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        if (!result.Success || problems.Length > 0)
        {
            throw new InvalidOperationException("Compilation failed:" + Environment.NewLine
                + string.Join(Environment.NewLine, problems.Select(d => d.ToString())));
        }
        stream.Position = 0;
        return new AssemblyLoadContext(assemblyName, isCollectible: true).LoadFromStream(stream);
    }
}
