using System.Collections.Generic;
using System.Linq;
using SymGrad.Generators.Model;
using SymGrad.Ops;

namespace SymGrad.Generators.Tests.Emitter;

/// <summary>
/// Builds a <see cref="NetworkSpec"/> by hand, as the parser would, so that the emitter can be
/// tested without it: layers get consecutive offsets, nodes consecutive ids, widths follow the ops.
/// </summary>
internal sealed class SpecBuilder
{
    private readonly string _name;
    private readonly int _inputSize;
    private readonly List<LayerSpec> _layers = new();
    private readonly List<NodeSpec> _nodes = new();
    private int _offset;

    public SpecBuilder(string name, int inputSize)
    {
        _name = name;
        _inputSize = inputSize;
        _nodes.Add(new NodeSpec(0, OpKind.Input, EquatableArray<int>.Empty, inputSize, null, 0, 10, "x", "x"));
    }

    public const int InputNode = 0;

    public SpecBuilder Layer(string name, int inputs, int outputs, string init = "XavierUniform")
    {
        var layer = new LayerSpec(name, LayerKind.Linear, inputs, outputs, _offset, init, 0, 5 + _layers.Count);
        _layers.Add(layer);
        _offset += layer.ParameterCount;
        return this;
    }

    /// <summary><c>layer.Forward(operand)</c>.</summary>
    public int Linear(string layer, int operand, string? variable = null)
    {
        var spec = _layers.Single(l => l.Name == layer);
        return Add(OpKind.Linear, new[] { operand }, spec.Outputs, layer, 0, layer + ".Forward(" + Text(operand) + ")", variable);
    }

    /// <summary>A unary op (activation, scale, negate) with its constant.</summary>
    public int Unary(OpKind op, int operand, double constant = 0, string? variable = null) =>
        Add(op, new[] { operand }, _nodes[operand].Features, null, constant, op + "(" + Text(operand) + ")", variable);

    /// <summary>A binary element-wise op.</summary>
    public int Binary(OpKind op, int left, int right, string? variable = null) =>
        Add(op, new[] { left, right }, _nodes[left].Features, null, 0, Text(left) + " " + OpCatalog.Get(op).Name + " " + Text(right), variable);

    public NetworkSpec Build(int outputNode, LossKind loss, bool isDouble, int maxBatchSize = 8, string ns = "EmitterTests") =>
        new(new ClassShell(ns, _name, "public"), isDouble, maxBatchSize, _inputSize, _nodes[outputNode].Features, _offset,
            _layers.ToEquatableArray(), _nodes.ToEquatableArray(), outputNode,
            new LossSpec(loss, outputNode, 40, OpCatalog.LossName(loss) + "(prediction, target)"),
            "Forward", "Loss", _name + ".cs");

    private int Add(OpKind op, int[] operands, int features, string? layer, double constant, string source, string? variable)
    {
        int id = _nodes.Count;
        _nodes.Add(new NodeSpec(id, op, operands.ToEquatableArray(), features, layer, constant, 20 + id, source, variable));
        return id;
    }

    private string Text(int node) => _nodes[node].Variable ?? _nodes[node].Source;
}
