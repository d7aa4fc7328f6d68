using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using SymGrad;

namespace GradientLab.Networks;

/// <summary>One sample network: its generated class and the source file that declares it.</summary>
/// <param name="Name">The class name, e.g. <c>MnistMlp</c> (what <c>train</c> and <c>inspect</c> take).</param>
/// <param name="Type">The class.</param>
/// <param name="SourcePath">The declaring file, relative to samples/GradientLab/ (e.g. <c>Networks/Depth/ReluDepth05.cs</c>).</param>
/// <param name="Source">That file's text (embedded in the app at build time).</param>
public sealed record SampleNetwork(string Name, Type Type, string SourcePath, string Source)
{
    /// <summary>Makes the network with <paramref name="seed"/> (the generated constructor: same seed, same weights).</summary>
    public INetwork<float> Create(int seed) => (INetwork<float>)Activator.CreateInstance(Type, seed)!;

    /// <summary>The SymGrad lints (SG01xx warnings) the generator reports for this network's file (<see cref="SampleLints"/>).</summary>
    public IReadOnlyList<string> Lints => SampleLints.For(SourcePath.StartsWith("Networks/", StringComparison.Ordinal) ? SourcePath["Networks/".Length..] : SourcePath);

    /// <summary>The comment line above the file's first <c>#pragma warning disable</c> (why a lint is accepted), or null.</summary>
    public string? LintReason
    {
        get
        {
            string[] lines = Source.Split('\n');
            int pragma = Array.FindIndex(lines, l => l.TrimStart().StartsWith("#pragma warning disable", StringComparison.Ordinal));
            return pragma > 0 && lines[pragma - 1].TrimStart().StartsWith("//", StringComparison.Ordinal) ? lines[pragma - 1].Trim().TrimStart('/').Trim() : null;
        }
    }

    /// <summary>The generated file's name: <c>Namespace.Type.g.cs</c>.</summary>
    public string GeneratedFileName => Type.FullName + ".g.cs";
}

/// <summary>The [Network] classes of GradientLab, found by reflection, with their embedded source files.</summary>
public static class NetworkCatalog
{
    private static readonly Lazy<SampleNetwork[]> _all = new(Discover);

    /// <summary>Every sample network, ordered by name.</summary>
    public static IReadOnlyList<SampleNetwork> All => _all.Value;

    /// <summary>The network named <paramref name="name"/> (case-insensitive), or null.</summary>
    public static SampleNetwork? Find(string name) => All.FirstOrDefault(n => string.Equals(n.Name, name, StringComparison.OrdinalIgnoreCase));

    private static SampleNetwork[] Discover()
    {
        var assembly = typeof(NetworkCatalog).Assembly;
        // %(RecursiveDir) gives the build machine's separator: normalize to '/'.
        var sources = assembly.GetManifestResourceNames().Where(r => r.Replace('\\', '/').StartsWith("Networks/", StringComparison.Ordinal))
            .ToDictionary(r => r.Replace('\\', '/'), r => Read(assembly, r), StringComparer.Ordinal);
        return assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<NetworkAttribute>() is not null && typeof(INetwork<float>).IsAssignableFrom(t) && t.GetConstructor(new[] { typeof(int) }) is not null)
            .Select(t =>
            {
                var declaration = new Regex(@"\bpartial\s+class\s+" + Regex.Escape(t.Name) + @"\b", RegexOptions.CultureInvariant);
                var file = sources.FirstOrDefault(s => declaration.IsMatch(s.Value));
                return new SampleNetwork(t.Name, t, file.Key ?? "", file.Value ?? "");
            })
            .OrderBy(n => n.Name, StringComparer.Ordinal).ToArray();
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
