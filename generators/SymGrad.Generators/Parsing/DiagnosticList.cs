using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using SymGrad.Generators.Model;

namespace SymGrad.Generators.Parsing;

/// <summary>Collects diagnostics while parsing, already frozen into equatable <see cref="DiagnosticInfo"/>s.</summary>
internal sealed class DiagnosticList
{
    private readonly List<DiagnosticInfo> _items = new();

    public int Count => _items.Count;

    public void Add(DiagnosticDescriptor descriptor, Location? location, params string[] arguments) =>
        _items.Add(new DiagnosticInfo(descriptor.Id, LocationInfo.From(location), arguments.ToEquatableArray()));

    public EquatableArray<DiagnosticInfo> ToEquatableArray() => _items.ToEquatableArray();
}
