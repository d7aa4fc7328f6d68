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
    private static readonly Regex Suppression = new(@"^\s*#pragma\s+warning\s+disable\s+([^\r\n/]+)", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    /// <summary>Makes the network with <paramref name="seed"/> (the generated constructor: same seed, same weights).</summary>
    public INetwork<float> Create(int seed) => (INetwork<float>)Activator.CreateInstance(Type, seed)!;

    /// <summary>
    /// The SymGrad lints (SG01xx) this network triggers. The samples build with warnings as errors, so
    /// every lint a sample triggers is suppressed in its file with <c>#pragma warning disable</c>, next to
    /// a comment saying why; these are those IDs (a generator test checks that they are exactly the lints
    /// the generator reports for the file).
    /// </summary>
    public IReadOnlyList<string> Lints =>
        Suppression.Matches(Source).SelectMany(m => m.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Where(id => id.StartsWith("SG01", StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal).ToArray();

    /// <summary>The comment line above the first suppression (why the lint is accepted), or null.</summary>
    public string? LintReason
    {
        get
        {
            string[] lines = Source.Split('\n');
            int pragma = Array.FindIndex(lines, l => Suppression.IsMatch(l));
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
