using System;
using System.Collections.Generic;
using SymGrad.Generators.Emission;
using static SymGrad.Generators.Emission.IndentedWriter;

namespace SymGrad.Generators;

// Splitting long passes into several methods. The JIT gives up optimizing a method that is too
// large (it compiles it with MinOpts, for good): measured with DOTNET_JitDisasmSummary=1 on the
// benchmark LSTMs (F = 8, H = 32), the T = 10 passes (about 170 nodes) reach Tier1, while the T = 20
// and T = 50 ones (about 340 and 850 nodes) are "Tier-0 switched MinOpts". So a pass of more than
// NodesPerMethod nodes becomes a method that calls parts of at most NodesPerMethod nodes each.
public sealed partial class NetworkGenerator
{
    /// <summary>Most nodes per generated method (the T = 10 benchmark LSTM's 170-node passes still reach Tier1).</summary>
    internal const int NodesPerMethod = 100;

    /// <summary>
    /// Writes <c>private void {name}({parameters})</c> running <paramref name="prologue"/> then every item,
    /// directly when they fit one method, else through <c>{name}Part0</c>, <c>{name}Part1</c>, ...
    /// </summary>
    private static void WritePass(EmitContext c, string summary, string name, string parameters, string arguments, IReadOnlyList<int> items,
        Action prologue, Action<int> writeItem)
    {
        var w = c.Writer;
        w.WriteLine("/// <summary>" + summary + "</summary>");
        WriteFullyOptimized(w);
        using (EmitBlock(w, "private void " + name + "(" + parameters + ")"))
        {
            prologue();
            if (items.Count <= NodesPerMethod)
            {
                WriteItems(w, items, 0, items.Count, writeItem);
                return;
            }
            for (int part = 0; part * NodesPerMethod < items.Count; part++)
            {
                w.WriteLine(name + "Part" + Literals.Int(part) + "(" + arguments + ");");
            }
        }
        for (int part = 0; part * NodesPerMethod < items.Count; part++)
        {
            int start = part * NodesPerMethod;
            int end = Math.Min(items.Count, start + NodesPerMethod);
            w.WriteLine();
            w.WriteLine("/// <summary>Part " + Literals.Int(part) + " of " + name + ": steps " + Literals.Int(start) + " to " + Literals.Int(end - 1) + " of the pass.</summary>");
            WriteFullyOptimized(w);
            using (EmitBlock(w, "private void " + name + "Part" + Literals.Int(part) + "(" + parameters + ")"))
            {
                WriteItems(w, items, start, end, writeItem);
            }
        }
    }

    private static void WriteItems(IndentedWriter w, IReadOnlyList<int> items, int start, int end, Action<int> writeItem)
    {
        for (int k = start; k < end; k++)
        {
            if (k > start)
            {
                w.WriteLine();
            }
            writeItem(items[k]);
        }
    }
}
