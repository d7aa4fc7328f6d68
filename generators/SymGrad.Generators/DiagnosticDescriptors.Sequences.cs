using Microsoft.CodeAnalysis;

namespace SymGrad.Generators;

// SG03xx: normalization layers, sequence inputs and recurrent cells.
internal static partial class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor SequenceWidthUnknown = Error("SG0300",
        "Sequence width unknown",
        "'{0}' slices a time step out of '{1}', whose width is not known here; set [Network(InputSize = T * F)] on the class");

    public static readonly DiagnosticDescriptor StepOutOfRange = Error("SG0301",
        "Time step out of range",
        "'{0}' takes columns [{1}, {2}) of a tensor with {3} features; the step lies outside the sequence");
}
