using System;
using System.Collections.Generic;

namespace GradientLab.Networks;

/// <summary>
/// The SymGrad lints (SG01xx warnings) the generator reports for each sample file under Networks/,
/// which <c>inspect</c> shows. A table rather than a guess from the files' <c>#pragma</c> lines, because
/// some files suppress a lint that only their deeper siblings trigger. SampleLintTests (in
/// SymGrad.Generators.Tests, which links this file) runs the generator on every sample file and
/// checks it against this table, so a new sample or a changed lint fails that test until the row is updated.
/// </summary>
public static class SampleLints
{
    // Files not listed trigger no lint.
    private static readonly Dictionary<string, string[]> ByFile = new(StringComparer.Ordinal)
    {
        ["DeepSigmoidMlp.cs"] = new[] { "SG0101" },
        ["Depth/SigmoidDepth05.cs"] = new[] { "SG0101" },
        ["Depth/SigmoidDepth06.cs"] = new[] { "SG0101" },
        ["Depth/SigmoidDepth07.cs"] = new[] { "SG0101" },
        ["Depth/SigmoidDepth08.cs"] = new[] { "SG0101" },
        ["Depth/SigmoidDepth09.cs"] = new[] { "SG0101" },
        ["Depth/SigmoidDepth10.cs"] = new[] { "SG0101" },
        ["Depth/SigmoidDepth11.cs"] = new[] { "SG0101" },
        ["Depth/SigmoidDepth12.cs"] = new[] { "SG0101" },
        ["Depth/SigmoidDepth13.cs"] = new[] { "SG0101" },
        ["Depth/SigmoidDepth14.cs"] = new[] { "SG0101" },
        ["Depth/SigmoidDepth15.cs"] = new[] { "SG0101" },
        ["Depth/SigmoidDepth16.cs"] = new[] { "SG0101" },
        ["Depth/SigmoidDepth17.cs"] = new[] { "SG0101" },
        ["Depth/SigmoidDepth18.cs"] = new[] { "SG0101" },
        ["Depth/SigmoidDepth19.cs"] = new[] { "SG0101" },
        ["Depth/SigmoidDepth20.cs"] = new[] { "SG0101" },
        ["Initialization/ReluXavierNet.cs"] = new[] { "SG0102" },
        ["Vanishing/SigmoidNet.cs"] = new[] { "SG0101" },
    };

    /// <summary>The lint IDs of the sample file <paramref name="path"/>, relative to Networks/ (e.g. <c>Depth/SigmoidDepth05.cs</c>), in ordinal order.</summary>
    public static IReadOnlyList<string> For(string path) => ByFile.TryGetValue(path.Replace('\\', '/'), out var ids) ? ids : Array.Empty<string>();
}
