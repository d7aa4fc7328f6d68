using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using SymGrad.Generators.Emission;
using SymGrad.Generators.Model;
using SymGrad.Ops;

namespace SymGrad.Generators.Analysis;

/// <summary>A lint finding: the descriptor, what it is anchored to (a layer field, else a source line) and the message arguments.</summary>
internal sealed record LintFinding(DiagnosticDescriptor Descriptor, string? Layer, int Line, string[] Arguments);

/// <summary>
/// Compile-time gradient-health lints over a finished <see cref="NetworkSpec"/> (SG0101-SG0104).
/// Pure: no syntax, so the rules can be read and tested on their own; the parser turns the anchors
/// into source locations.
/// </summary>
internal static class GradientLints
{
    /// <summary>
    /// SG0101 fires when the derivative bound of a sigmoid/tanh chain falls below this: 1e-3, three
    /// orders of magnitude, the same threshold as the runtime's vanishing verdict. With sigmoid's
    /// bound 0.25 per layer that is a chain of five (0.25^5 = 9.8e-4).
    /// </summary>
    public const double ChainBoundThreshold = 1e-3;

    public static List<LintFinding> Run(NetworkSpec spec, CancellationToken cancellationToken)
    {
        var findings = new List<LintFinding>();
        SaturatingChains(spec, findings, cancellationToken);
        InitMismatches(spec, findings);
        SoftmaxBeforeFusedLoss(spec, findings);
        LayersWithoutGradient(spec, findings);
        return findings;
    }

    /// <summary>SG0101: maximal chains Linear -> sigmoid/tanh -> Linear -> ... with nothing in between.</summary>
    private static void SaturatingChains(NetworkSpec spec, List<LintFinding> findings, CancellationToken cancellationToken)
    {
        var consumers = Consumers(spec);
        var continued = new HashSet<int>(); // linear nodes that are the continuation of a chain
        var next = new Dictionary<int, int>();
        foreach (var node in spec.Nodes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int activation = SaturatingActivation(spec, node);
            // The chain goes on only when the activation's single consumer is the next layer: a
            // residual add (or any other op, such as a normalization) between them breaks it.
            if (activation >= 0 && consumers[activation].Count == 1 && spec.Nodes[consumers[activation][0]].Op == OpKind.Linear)
            {
                next[node.Id] = consumers[activation][0];
                continued.Add(consumers[activation][0]);
            }
        }
        foreach (var node in spec.Nodes)
        {
            if (SaturatingActivation(spec, node) < 0 || continued.Contains(node.Id))
            {
                continue;
            }
            var layers = new List<string>();
            int sigmoids = 0;
            int tanhs = 0;
            for (int id = node.Id; id >= 0; id = next.TryGetValue(id, out int n) ? n : -1)
            {
                int activation = SaturatingActivation(spec, spec.Nodes[id]);
                if (activation < 0)
                {
                    break;
                }
                layers.Add(spec.Nodes[id].Layer ?? "?");
                if (spec.Nodes[activation].Op == OpKind.Sigmoid)
                {
                    sigmoids++;
                }
                else
                {
                    tanhs++;
                }
            }
            double bound = Math.Pow(0.25, sigmoids);
            if (bound < ChainBoundThreshold)
            {
                findings.Add(new LintFinding(DiagnosticDescriptors.SaturatingChain, null, spec.Nodes[SaturatingActivation(spec, node)].Line, new[]
                {
                    (sigmoids + tanhs).ToString(CultureInfo.InvariantCulture),
                    string.Join(" -> ", layers),
                    bound.ToString("G3", CultureInfo.InvariantCulture),
                    sigmoids.ToString(CultureInfo.InvariantCulture),
                    ChainBoundThreshold.ToString("G3", CultureInfo.InvariantCulture),
                }));
            }
        }
    }

    /// <summary>SG0102: ReLU after a Xavier-initialized layer, sigmoid/tanh after a He-initialized one.</summary>
    private static void InitMismatches(NetworkSpec spec, List<LintFinding> findings)
    {
        foreach (var layer in spec.Layers)
        {
            int activation = -1;
            foreach (var node in spec.Nodes)
            {
                if (node.Op == OpKind.Linear && node.Layer == layer.Name)
                {
                    activation = NetworkGenerator.ActivationNode(spec, node.Id);
                    break;
                }
            }
            if (activation < 0)
            {
                continue;
            }
            var op = spec.Nodes[activation].Op;
            bool xavier = layer.Init.StartsWith("Xavier", StringComparison.Ordinal);
            bool he = layer.Init.StartsWith("He", StringComparison.Ordinal);
            if (op == OpKind.Relu && xavier)
            {
                findings.Add(new LintFinding(DiagnosticDescriptors.InitMismatch, layer.Name, layer.Line, new[]
                {
                    layer.Name, "ReLU", layer.Init, "sigmoid and tanh (variance 2 / (fan_in + fan_out)); ReLU zeroes half the signal, so it shrinks layer by layer",
                    layer.Init == "XavierNormal" ? "HeNormal" : "HeUniform",
                }));
            }
            else if (op is OpKind.Sigmoid or OpKind.Tanh && he)
            {
                findings.Add(new LintFinding(DiagnosticDescriptors.InitMismatch, layer.Name, layer.Line, new[]
                {
                    layer.Name, op.ToString(), layer.Init, "ReLU (variance 2 / fan_in); it drives sigmoid and tanh into saturation",
                    layer.Init == "HeNormal" ? "XavierNormal" : "XavierUniform",
                }));
            }
        }
    }

    /// <summary>SG0103: the prediction is a Softmax and the loss applies its own softmax or log.</summary>
    private static void SoftmaxBeforeFusedLoss(NetworkSpec spec, List<LintFinding> findings)
    {
        int prediction = spec.Loss.PredictionNode;
        if (prediction < 0 || prediction >= spec.Nodes.Count || spec.Nodes[prediction].Op != OpKind.Softmax
            || spec.Loss.Kind is not (LossKind.SoftmaxCrossEntropy or LossKind.BinaryCrossEntropyWithLogits))
        {
            return;
        }
        findings.Add(new LintFinding(DiagnosticDescriptors.SoftmaxBeforeCrossEntropy, null, spec.Nodes[prediction].Line, new[]
        {
            spec.Nodes[prediction].Source, OpCatalog.LossName(spec.Loss.Kind),
        }));
    }

    /// <summary>SG0104: a layer that [Forward] never calls, or whose output never reaches the loss.</summary>
    private static void LayersWithoutGradient(NetworkSpec spec, List<LintFinding> findings)
    {
        var plan = GraphPlan.Create(spec);
        foreach (var layer in spec.Layers)
        {
            // Only layers that own parameters can fail to train: dropout has none, and a recurrent
            // cell's parameters belong to its input-hidden and hidden-hidden parts, checked on their own.
            if (layer.ParameterCount == 0)
            {
                continue;
            }
            bool called = false;
            bool reached = false;
            foreach (var node in spec.Nodes)
            {
                if (node.Layer == layer.Name)
                {
                    called = true;
                    reached |= plan.HasAdjoint(node.Id);
                }
            }
            if (!reached)
            {
                findings.Add(new LintFinding(DiagnosticDescriptors.NoGradient, layer.Name, layer.Line, new[]
                {
                    layer.Name, called ? "its output never reaches the loss" : "[Forward] never calls it",
                }));
            }
        }
    }

    /// <summary>The sigmoid or tanh node applied to a Linear node's output, else -1.</summary>
    private static int SaturatingActivation(NetworkSpec spec, NodeSpec node)
    {
        if (node.Op != OpKind.Linear)
        {
            return -1;
        }
        int activation = NetworkGenerator.ActivationNode(spec, node.Id);
        return activation >= 0 && spec.Nodes[activation].Op is OpKind.Sigmoid or OpKind.Tanh ? activation : -1;
    }

    private static List<int>[] Consumers(NetworkSpec spec)
    {
        var consumers = new List<int>[spec.Nodes.Count];
        for (int i = 0; i < consumers.Length; i++)
        {
            consumers[i] = new List<int>();
        }
        foreach (var node in spec.Nodes)
        {
            foreach (int operand in node.Operands)
            {
                if (operand >= 0 && operand < consumers.Length)
                {
                    consumers[operand].Add(node.Id);
                }
            }
        }
        return consumers;
    }
}
