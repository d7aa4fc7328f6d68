using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace SymGrad.Generators;

/// <summary>
/// Every diagnostic the generator reports. IDs are stable: never renumber, only append. Ranges:
/// SG00xx definition errors, SG01xx gradient-health lints, SG02xx [Differentiable] functions,
/// SG03xx normalization and recurrent layers, SG04xx packaging and runtime contracts.
/// </summary>
internal static partial class DiagnosticDescriptors
{
    private const string Category = "SymGrad";

    public static readonly DiagnosticDescriptor NotPartial = Error("SG0001",
        "Network class must be partial",
        "The [Network] class '{0}' must be declared 'partial' so that the generator can add its trainer");

    public static readonly DiagnosticDescriptor MissingForward = Error("SG0002",
        "Missing [Forward] method",
        "The [Network] class '{0}' has no [Forward] method; add 'Tensor Forward(Tensor x)' marked [Forward]");

    public static readonly DiagnosticDescriptor DuplicateForward = Error("SG0003",
        "Duplicate [Forward] method",
        "The [Network] class '{0}' has more than one [Forward] method; keep exactly one");

    public static readonly DiagnosticDescriptor MissingLoss = Error("SG0004",
        "Missing [Loss] method",
        "The [Network] class '{0}' has no [Loss] method; add 'Tensor Loss(Tensor prediction, Tensor target)' marked [Loss]");

    public static readonly DiagnosticDescriptor DuplicateLoss = Error("SG0005",
        "Duplicate [Loss] method",
        "The [Network] class '{0}' has more than one [Loss] method; keep exactly one");

    public static readonly DiagnosticDescriptor UnknownOp = Error("SG0006",
        "Unknown op",
        "'{0}' is not a SymGrad op; supported: {1}");

    public static readonly DiagnosticDescriptor UnsupportedConstruct = Error("SG0007",
        "Unsupported construct",
        "{0} '{1}' is not supported in a network definition: {2}");

    public static readonly DiagnosticDescriptor ShapeMismatch = Error("SG0008",
        "Shape mismatch",
        "Shape mismatch in '{0}': {1} versus {2}");

    public static readonly DiagnosticDescriptor NonConstantLayerArgument = Error("SG0009",
        "Layer argument is not a compile-time constant",
        "Argument '{0}' of layer '{1}' must be a compile-time constant (a literal, a const or an Init member) so that the generator can unroll the layer");

    public static readonly DiagnosticDescriptor NonConstantLoopBound = Error("SG0010",
        "Loop bound is not a compile-time constant",
        "The bounds of the for loop '{0}' must be compile-time constants so that the generator can unroll it");

    public static readonly DiagnosticDescriptor InvalidSignature = Error("SG0011",
        "Invalid [Forward] or [Loss] signature",
        "The {0} method '{1}' must have the signature '{2}'");

    public static readonly DiagnosticDescriptor UnsupportedClass = Error("SG0012",
        "Unsupported network class",
        "The [Network] class '{0}' cannot be generated: {1}");

    public static readonly DiagnosticDescriptor CannotInferInputSize = Error("SG0013",
        "Cannot infer the input size",
        "The input width of '{0}' cannot be inferred from its layers; set [Network(InputSize = n)]");

    public static readonly DiagnosticDescriptor InvalidSetting = Error("SG0014",
        "Invalid network setting",
        "{0} must be {1}, but is {2}");

    public static readonly DiagnosticDescriptor InvalidLoss = Error("SG0015",
        "Unsupported [Loss] body",
        "The [Loss] method must return one of {0} applied to the prediction and target parameters; found '{1}'");

    public static readonly DiagnosticDescriptor LoopTooLong = Error("SG0016",
        "Loop too long to unroll",
        "The for loop '{0}' unrolls to more than {1} graph nodes; shorten it or split the network");

    public static readonly DiagnosticDescriptor InternalError = Error("SG0017",
        "Internal generator error",
        "The SymGrad generator failed on this class ({0}); please report it with the class source");

    public static readonly DiagnosticDescriptor ReservedMemberName = Error("SG0018",
        "Member name taken by the generated trainer",
        "'{0}' is also the name of {1} that the generator writes into the [Network] class; rename the member");

    // Every public static DiagnosticDescriptor field of this partial class, in every file
    // (DiagnosticDescriptors.*.cs), by ID: a new descriptor needs no registration. Built on first
    // use, after all field initializers of every part have run (their order across files is undefined).
    private static Dictionary<string, DiagnosticDescriptor>? s_byId;

    private static Dictionary<string, DiagnosticDescriptor> Map => s_byId ??= typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(member => member.FieldType == typeof(DiagnosticDescriptor))
        .Select(member => (DiagnosticDescriptor)member.GetValue(null)!)
        .ToDictionary(descriptor => descriptor.Id, StringComparer.Ordinal);

    /// <summary>The descriptor with this ID (models carry IDs, not descriptors).</summary>
    public static DiagnosticDescriptor ById(string id) => Map[id];

    /// <summary>All descriptors, for tests that hold one test per ID.</summary>
    public static IEnumerable<DiagnosticDescriptor> All => Map.Values;

    private static DiagnosticDescriptor Warning(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    private static DiagnosticDescriptor Info(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Info, isEnabledByDefault: true);

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
