using System.Collections.Generic;
using SymGrad.Generators.Model;
using SymGrad.Ops;

namespace SymGrad.Generators;

// TEMPORARY stub: the emitter turns a NetworkSpec into C# source.
public sealed partial class NetworkGenerator
{
    /// <summary>The trainer for <paramref name="spec"/>; <paramref name="rules"/> replaces the op catalog (tests mutate a rule with it).</summary>
    internal static string Emit(NetworkSpec spec, IReadOnlyList<OpInfo>? rules = null) => "";

    /// <summary>The base-class partial emitted for a class whose definition has errors.</summary>
    internal static string EmitShell(ClassShell shell) => "";
}
