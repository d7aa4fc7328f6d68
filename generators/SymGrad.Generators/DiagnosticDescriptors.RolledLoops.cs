using Microsoft.CodeAnalysis;

namespace SymGrad.Generators;

// SG035x: long loops kept rolled over a static tape.
internal static partial class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor LoopIterationsDiffer = Error("SG0350",
        "Rolled loop's iterations differ",
        "'{0}' runs {1} times, more than LoopRollThreshold ({2}), so it is kept as a loop, but its iterations do not apply the same ops: {3}; make every iteration the same (the counter may only move x.Step(t, F)), or raise [Network(LoopRollThreshold = n)] above {1} to unroll it");

    public static readonly DiagnosticDescriptor StatefulOpInRolledLoop = Error("SG0351",
        "Layer not supported in a rolled loop",
        "'{0}' runs {1} times, more than LoopRollThreshold ({2}), so it is kept as a loop, but '{3}' inside it keeps per-call state ({4}) that a rolled loop cannot hold per step; move it out of the loop, or raise [Network(LoopRollThreshold = n)] above {1} to unroll the loop");
}
