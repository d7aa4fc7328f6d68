using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SymGrad.Generators.Parsing;

namespace SymGrad.Generators;

// The [Network(...)] attribute's named arguments.
public sealed partial class NetworkGenerator
{
    /// <summary>The attribute's settings, with NetworkAttribute's defaults for those not given.</summary>
    private sealed class NetworkSettings
    {
        public int MaxBatchSize { get; set; } = 64;
        public bool IsDouble { get; set; }
        /// <summary>0 means infer.</summary>
        public int InputSize { get; set; }
        /// <summary>Loops of more iterations stay rolled (NetworkAttribute.DefaultLoopRollThreshold).</summary>
        public int LoopRollThreshold { get; set; } = 16;
        /// <summary>Dense layers of at most this many weights are unrolled (NetworkAttribute.DefaultUnrollThreshold).</summary>
        public int UnrollThreshold { get; set; } = 64;
        public bool Instrumented { get; set; }
    }

    /// <summary>MaxBatchSize (at least 1), Precision (Float or Double), InputSize (at least 0); SG0014 otherwise.</summary>
    private static NetworkSettings ReadSettings(AttributeData? attribute, DiagnosticList diagnostics, CancellationToken cancellationToken)
    {
        var settings = new NetworkSettings();
        if (attribute is null)
        {
            return settings;
        }
        var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        foreach (var argument in attribute.NamedArguments)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (argument.Key == "Instrumentation" && argument.Value.Value is bool instrumented)
            {
                settings.Instrumented = instrumented;
                continue;
            }
            if (argument.Value.Kind == TypedConstantKind.Error || argument.Value.Value is not int value)
            {
                continue; // the compiler reports a mistyped argument
            }
            var location = ArgumentLocation(syntax, argument.Key);
            string text = value.ToString(CultureInfo.InvariantCulture);
            switch (argument.Key)
            {
                case "MaxBatchSize" when value < 1:
                    diagnostics.Add(DiagnosticDescriptors.InvalidSetting, location, "MaxBatchSize", "at least 1", text);
                    break;
                case "MaxBatchSize":
                    settings.MaxBatchSize = value;
                    break;
                case "InputSize" when value < 0:
                    diagnostics.Add(DiagnosticDescriptors.InvalidSetting, location, "InputSize", "at least 0 (0 infers it)", text);
                    break;
                case "InputSize":
                    settings.InputSize = value;
                    break;
                case "LoopRollThreshold" when value < 0:
                    diagnostics.Add(DiagnosticDescriptors.InvalidSetting, location, "LoopRollThreshold", "at least 0 (0 rolls every loop)", text);
                    break;
                case "LoopRollThreshold":
                    settings.LoopRollThreshold = value;
                    break;
                case "UnrollThreshold" when value < 0:
                    diagnostics.Add(DiagnosticDescriptors.InvalidSetting, location, "UnrollThreshold", "at least 0 (0 unrolls no layer)", text);
                    break;
                case "UnrollThreshold":
                    settings.UnrollThreshold = value;
                    break;
                case "Precision" when value is 0 or 1:
                    settings.IsDouble = value == 1;
                    break;
                case "Precision":
                    diagnostics.Add(DiagnosticDescriptors.InvalidSetting, location, "Precision", "Precision.Float or Precision.Double", text);
                    break;
            }
        }
        return settings;
    }

    /// <summary>The value of the named argument in the attribute's syntax, or the attribute itself.</summary>
    private static Location? ArgumentLocation(AttributeSyntax? syntax, string name)
    {
        var argument = syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);
        return argument?.Expression.GetLocation() ?? syntax?.GetLocation();
    }
}
