extern alias Generators;

using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SymGrad.Benchmarks.Suite;

/// <summary>
/// The generator on a 20-layer network definition, from a fresh driver each time (nothing cached), as a
/// build or an IDE's first pass over the file sees it. The compilation is built once outside the timing.
/// </summary>
public sealed class GeneratorWorkload
{
    public const int Layers = 20;

    private readonly CSharpCompilation _compilation;
    private readonly CSharpParseOptions _parseOptions = new(LanguageVersion.Latest);

    public GeneratorWorkload()
    {
        var tree = CSharpSyntaxTree.ParseText(Source(Layers), _parseOptions, "Deep.cs");
        var references = Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(Tensor).Assembly.Location));
        _compilation = CSharpCompilation.Create("GeneratorBenchmark", new[] { tree }, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>A [Network] with <paramref name="layers"/> Linear layers (784 -> 64, then 64 -> 64, then 64 -> 10) and ReLU between them.</summary>
    public static string Source(int layers)
    {
        var text = new StringBuilder();
        text.AppendLine("using SymGrad;");
        text.AppendLine("namespace Bench;");
        text.AppendLine("[Network(MaxBatchSize = 64)]");
        text.AppendLine("public partial class Deep");
        text.AppendLine("{");
        for (int k = 0; k < layers; k++)
        {
            int inputs = k == 0 ? 784 : 64;
            int outputs = k == layers - 1 ? 10 : 64;
            text.AppendLine($"    readonly Linear fc{k} = new({inputs}, {outputs}, Init.HeNormal);");
        }
        text.AppendLine("    [Forward]");
        text.AppendLine("    Tensor Forward(Tensor x)");
        text.AppendLine("    {");
        text.AppendLine("        var h = Relu(fc0.Forward(x));");
        for (int k = 1; k < layers - 1; k++)
        {
            text.AppendLine($"        h = Relu(fc{k}.Forward(h));");
        }
        text.AppendLine($"        return fc{layers - 1}.Forward(h);");
        text.AppendLine("    }");
        text.AppendLine("    [Loss]");
        text.AppendLine("    Tensor Loss(Tensor logits, Tensor target) => SoftmaxCrossEntropy(logits, target);");
        text.AppendLine("}");
        return text.ToString();
    }

    /// <summary>Runs the generator once and returns the length of the generated text (so the work cannot be skipped).</summary>
    public int Run()
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new Generators::SymGrad.Generators.NetworkGenerator().AsSourceGenerator() }, parseOptions: _parseOptions);
        driver = driver.RunGenerators(_compilation);
        var result = driver.GetRunResult();
        if (result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) || result.GeneratedTrees.Length != 1)
        {
            throw new InvalidOperationException("The generator did not produce the 20-layer network: "
                + string.Join("; ", result.Diagnostics.Select(d => d.ToString())));
        }
        return result.GeneratedTrees[0].Length;
    }
}
