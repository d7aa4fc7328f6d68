using System.Threading;
using Microsoft.CodeAnalysis;
using SymGrad.Generators.Model;

namespace SymGrad.Generators;

// TEMPORARY stub: the parser turns a [Network] class into a ParseResult.
public sealed partial class NetworkGenerator
{
    internal static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken) =>
        new(null, null, EquatableArray<DiagnosticInfo>.Empty);
}
