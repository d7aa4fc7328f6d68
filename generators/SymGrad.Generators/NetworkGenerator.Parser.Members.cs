using System;
using Microsoft.CodeAnalysis;
using SymGrad.Generators.Parsing;

namespace SymGrad.Generators;

// The parser, the user's own members: a member named like one the generator writes would make the generated half
// fail to compile (CS0102 inside a file the user cannot edit), so it is reported at the user's member instead.
public sealed partial class NetworkGenerator
{
    /// <summary>Properties and constants every trainer has.</summary>
    private static readonly string[] s_generatedProperties =
        { "InputSize", "OutputSize", "ParameterCount", "MaxBatchSize", "Parameters", "Gradients", "ParameterViews", "Clipping" };

    /// <summary>Public methods every trainer has: a user method of the same name is an overload, anything else a clash.</summary>
    private static readonly string[] s_generatedMethods =
        { "Predict", "ComputeLoss", "ComputeGradients", "TrainStep", "ComputeReferenceGradients" };

    /// <summary>The members of a trainer with train and eval modes (batch norm or dropout).</summary>
    private static readonly string[] s_modeMembers = { "IsTraining", "State", "StateViews", "DropoutStep", "DropoutSeed" };

    /// <summary>SG0018 for each user member whose name a generated member of this network also has.</summary>
    private static void CheckReservedMembers(INamedTypeSymbol symbol, bool instrumented, bool hasModes, DiagnosticList diagnostics)
    {
        foreach (var member in symbol.GetMembers())
        {
            if (member.IsImplicitlyDeclared || member.Locations.Length == 0 || !member.Locations[0].IsInSource)
            {
                continue;
            }
            string? generated = GeneratedMemberKind(member, instrumented, hasModes);
            if (generated is not null)
            {
                diagnostics.Add(DiagnosticDescriptors.ReservedMemberName, member.Locations[0], member.Name, generated);
            }
        }
    }

    private static string? GeneratedMemberKind(ISymbol member, bool instrumented, bool hasModes)
    {
        string name = member.Name;
        if (name.StartsWith("__sg_", StringComparison.Ordinal))
        {
            return "the generator's private members (the __sg_ prefix is reserved)";
        }
        if (Array.IndexOf(s_generatedProperties, name) >= 0)
        {
            return "a public member";
        }
        if (member.Kind != SymbolKind.Method && Array.IndexOf(s_generatedMethods, name) >= 0)
        {
            return "a public method";
        }
        if (instrumented && name == "Statistics")
        {
            return "the instrumentation's public property";
        }
        return hasModes && Array.IndexOf(s_modeMembers, name) >= 0 ? "a member of the train/eval modes" : null;
    }
}
