using Microsoft.CodeAnalysis;

namespace SymGrad.Generators;

// SG02xx: [Differentiable] scalar functions and their use in Map and ElementwiseMean.
internal static partial class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor InvalidDifferentiableFunction = Error("SG0200",
        "Unsupported [Differentiable] function",
        "The [Differentiable] function '{0}' cannot be differentiated: {1}");

    public static readonly DiagnosticDescriptor UnsupportedDifferentiableConstruct = Error("SG0201",
        "Unsupported construct in a [Differentiable] function",
        "{0} '{1}' is not supported in a [Differentiable] function: {2}");

    public static readonly DiagnosticDescriptor LoopInDifferentiable = Error("SG0202",
        "Loop in a [Differentiable] function",
        "The loop '{0}' is not supported in a [Differentiable] function; write the steps out, or split the function into [Differentiable] helpers");

    public static readonly DiagnosticDescriptor ParameterAssignment = Error("SG0203",
        "Assignment to a parameter of a [Differentiable] function",
        "'{0}' assigns to the parameter '{1}'; declare a local instead (var {1}2 = ...)");

    public static readonly DiagnosticDescriptor NoKnownDerivative = Error("SG0204",
        "Call without a known derivative",
        "'{0}' has no known derivative; use Math/MathF {1}, or call another [Differentiable] function");

    public static readonly DiagnosticDescriptor IntegerArithmetic = Error("SG0205",
        "Integer arithmetic in a [Differentiable] function",
        "'{0}' is integer arithmetic ({1}), which truncates and has no derivative; write floating-point operands (1f / 2f)");

    public static readonly DiagnosticDescriptor Recursion = Error("SG0206",
        "Recursive [Differentiable] function",
        "'{0}' calls '{1}' recursively; a [Differentiable] function cannot recurse");

    public static readonly DiagnosticDescriptor Kink = Info("SG0207",
        "Kink in a [Differentiable] function",
        "'{0}' is not differentiable at {1}; the derivative there is {2}");

    public static readonly DiagnosticDescriptor InvalidElementFunction = Error("SG0208",
        "Element function is not a [Differentiable] method",
        "The function '{0}' passed to {1} must be a [Differentiable] method group {2}");
}
