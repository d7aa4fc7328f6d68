using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SymGrad.Generators;
using SymGrad.Generators.Model;

namespace SymGrad.Generators.Tests;

/// <summary>What one generator run produced.</summary>
/// <param name="Diagnostics">The generator's diagnostics (not the compiler's).</param>
/// <param name="GeneratedSources">Hint name to generated text.</param>
/// <param name="Exceptions">Exceptions the generator threw (must stay empty).</param>
/// <param name="ParseResults">The outputs of the tracked Networks step: one per [Network] class.</param>
internal sealed record GeneratorRun(
    ImmutableArray<Diagnostic> Diagnostics,
    IReadOnlyDictionary<string, string> GeneratedSources,
    IReadOnlyList<Exception> Exceptions,
    IReadOnlyList<ParseResult> ParseResults,
    GeneratorDriver Driver,
    CSharpCompilation Compilation)
{
    /// <summary>The single parse result (the test's source has one [Network] class).</summary>
    public ParseResult Result => Assert.Single(ParseResults);

    /// <summary>The spec, which must exist (no errors).</summary>
    public NetworkSpec Spec
    {
        get
        {
            var result = Result;
            Assert.True(result.Spec is not null, "no spec; diagnostics: " + string.Join("; ", Diagnostics.Select(d => d.ToString())));
            return result.Spec!;
        }
    }
}

/// <summary>Builds compilations against .NET 10 reference assemblies plus the SymGrad runtime and runs the generator.</summary>
internal static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(() =>
        Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(SymGrad.Tensor).Assembly.Location))
            .ToImmutableArray());

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>The MnistMlp sample, copied next to the tests by the csproj.</summary>
    public static string ReadSample(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", name));

    public static SyntaxTree Parse(string source, string path = "Net.cs") =>
        CSharpSyntaxTree.ParseText(source, ParseOptions, path);

    public static CSharpCompilation Compile(params SyntaxTree[] trees) =>
        CSharpCompilation.Create("TestAssembly", trees, s_references.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            new[] { new NetworkGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator on one source file named Net.cs.</summary>
    public static GeneratorRun Run(string source) => Run(Compile(Parse(source)));

    public static GeneratorRun Run(CSharpCompilation compilation, GeneratorDriver? driver = null)
    {
        driver = (driver ?? CreateDriver()).RunGenerators(compilation);
        var runResult = driver.GetRunResult();
        var result = Assert.Single(runResult.Results);
        var parseResults = result.TrackedSteps.TryGetValue(TrackingNames.Networks, out var steps)
            ? steps.SelectMany(s => s.Outputs).Select(o => (ParseResult)o.Value).ToList()
            : new List<ParseResult>();
        return new GeneratorRun(
            result.Diagnostics,
            result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString()),
            result.Exception is null ? Array.Empty<Exception>() : new[] { result.Exception },
            parseResults,
            driver,
            compilation);
    }
}
