using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;
using GradientLab.Networks;

namespace GradientLab.Commands;

/// <summary>
/// <c>inspect NETWORK</c>: a sample network's explanation (the generated class's remarks), the lints it
/// triggers, and where its source and its generated forward and backward code are.
/// </summary>
internal sealed class InspectCommand : Command
{
    // What each lint means, in one line (the full messages are the generator's; see AnalyzerReleases.Unshipped.md).
    private static readonly Dictionary<string, string> LintMeanings = new(StringComparer.Ordinal)
    {
        ["SG0101"] = "a chain of sigmoid/tanh layers without normalization or skip connection: the gradient bound (0.25^L for sigmoid) falls below the threshold",
        ["SG0102"] = "an activation paired with the wrong init (ReLU with Xavier, sigmoid/tanh with He)",
        ["SG0103"] = "softmax followed by a separate log/cross-entropy instead of the fused stable op",
        ["SG0104"] = "a parameter that receives no gradient",
    };

    private readonly Argument<string> _network = new("NETWORK") { Description = "A sample network's class name (see 'inspect --list').", Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<bool> _list = new("--list") { Description = "List the sample networks." };

    public InspectCommand()
        : base("inspect", "Explain a sample network: its layers and ops (the generated remarks), the lints it triggers, and where its generated forward and backward code is.")
    {
        Arguments.Add(_network);
        Options.Add(_list);
        SetAction(parseResult => Run(parseResult, Console.Out));
    }

    internal int Run(ParseResult parseResult, TextWriter output)
    {
        string? name = parseResult.GetValue(_network);
        if (parseResult.GetValue(_list) || name is null)
        {
            output.WriteLine("Sample networks: " + string.Join(", ", NetworkCatalog.All.Select(n => n.Name)));
            return name is null && !parseResult.GetValue(_list) ? CommandLineRunner.ReportUsageError(Name, "name a NETWORK, or pass --list.") : 0;
        }
        var network = NetworkCatalog.Find(name);
        if (network is null)
        {
            return CommandLineRunner.ReportUsageError(Name, $"no sample network named '{name}'; choose among {string.Join(", ", NetworkCatalog.All.Select(n => n.Name))}.");
        }
        Write(network, output);
        return 0;
    }

    internal static void Write(SampleNetwork network, TextWriter output)
    {
        var instance = network.Create(0);
        output.WriteLine($"{network.Name}: {instance.InputSize} inputs -> {instance.OutputSize} outputs, {instance.ParameterCount:N0} parameters, MaxBatchSize {instance.MaxBatchSize}.");
        string? root = RepositoryRoot();
        output.WriteLine($"Source: samples/GradientLab/{network.SourcePath}");

        output.WriteLine();
        output.WriteLine("Lints:");
        if (network.Lints.Count == 0)
        {
            output.WriteLine("  none");
        }
        foreach (string id in network.Lints)
        {
            output.WriteLine($"  {id}: {LintMeanings.GetValueOrDefault(id, "see AnalyzerReleases.Unshipped.md")}");
        }
        if (network.Lints.Count > 0 && network.LintReason is string reason)
        {
            output.WriteLine($"  suppressed in the source because: {reason}");
        }

        output.WriteLine();
        output.WriteLine("Generated code (forward pass: __sg_RunForward; backward pass: __sg_RunBackward):");
        var files = GeneratedFiles(network, root);
        if (files.Count == 0)
        {
            output.WriteLine($"  {network.GeneratedFileName} is written to samples/GradientLab/obj/<Configuration>/net10.0/generated/ by a build of the repository (not found: run from a clone after building).");
        }
        foreach (string file in files)
        {
            output.WriteLine($"  {Path.GetRelativePath(root!, file).Replace('\\', '/')}{MethodLines(file)}");
        }

        output.WriteLine();
        output.WriteLine("Explanation (the generated class's remarks):");
        string? explanation = files.Count > 0 ? Remarks(File.ReadAllText(files[0])) : null;
        output.WriteLine(explanation ?? "  (the generated file is not available here)");
    }

    /// <summary>The committed golden file first (readable without building), then the build outputs found.</summary>
    private static List<string> GeneratedFiles(SampleNetwork network, string? root)
    {
        var files = new List<string>();
        if (root is null)
        {
            return files;
        }
        string golden = Path.Combine(root, "tests", "SymGrad.Generators.Tests", "Baselines", network.Name, network.GeneratedFileName + ".txt");
        if (File.Exists(golden))
        {
            files.Add(golden);
        }
        foreach (string configuration in new[] { "Release", "Debug" })
        {
            string built = Path.Combine(root, "samples", "GradientLab", "obj", configuration, "net10.0", "generated",
                "SymGrad.Generators", "SymGrad.Generators.NetworkGenerator", network.GeneratedFileName);
            if (File.Exists(built))
            {
                files.Add(built);
            }
        }
        return files;
    }

    private static string MethodLines(string file)
    {
        string[] lines = File.ReadAllLines(file);
        int forward = Array.FindIndex(lines, l => l.Contains("void __sg_RunForward(", StringComparison.Ordinal)) + 1;
        int backward = Array.FindIndex(lines, l => l.Contains("void __sg_RunBackward(", StringComparison.Ordinal)) + 1;
        return forward > 0 && backward > 0 ? $" (forward at line {forward}, backward at line {backward})" : "";
    }

    /// <summary>The class's <c>&lt;remarks&gt;</c> as plain text: one line per paragraph or list item.</summary>
    internal static string? Remarks(string generated)
    {
        var match = Regex.Match(generated, @"/// <remarks>(.*?)/// </remarks>", RegexOptions.Singleline | RegexOptions.CultureInvariant);
        if (!match.Success)
        {
            return null;
        }
        var lines = new List<string>();
        foreach (string raw in match.Groups[1].Value.Split('\n'))
        {
            string line = raw.Trim();
            line = line.StartsWith("///", StringComparison.Ordinal) ? line[3..].Trim() : line;
            if (line.Length == 0 || line.StartsWith("<list", StringComparison.Ordinal) || line.StartsWith("</list", StringComparison.Ordinal))
            {
                continue;
            }
            bool item = line.StartsWith("<item>", StringComparison.Ordinal);
            string text = WebUtility.HtmlDecode(Regex.Replace(line, "<[^>]+>", ""));
            lines.Add(item ? "  - " + text : text);
        }
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>The clone's root (the folder with SymGrad.sln) above the current or the application directory, or null.</summary>
    private static string? RepositoryRoot()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "SymGrad.sln")))
                {
                    return directory.FullName;
                }
            }
        }
        return null;
    }
}
