using System;
using SymGrad.Benchmarks.Generic;

namespace SymGrad.Benchmarks.Suite;

/// <summary>The implementations compared on one network, each ready to run one training step on the same batch.</summary>
public sealed class StepRunner
{
    /// <summary>The implementations, in report order.</summary>
    public static readonly string[] Implementations = { "generated", "generic", "generic_kernels", "reference" };

    private readonly INetwork<float> _generated;
    private readonly INetwork<float> _referenceNetwork;
    private readonly GenericNetwork _generic;
    private readonly GenericNetwork _genericKernels;
    private readonly float[] _inputs;
    private readonly float[] _targets;
    private readonly float[] _referenceGradients;
    // One optimizer per implementation (generated, generic, generic_kernels, reference), all with the case's settings.
    private readonly Optimizer[] _optimizers;

    public StepRunner(IStepCase benchmark)
    {
        Case = benchmark;
        _generated = benchmark.CreateGenerated(seed: 1);
        _referenceNetwork = benchmark.CreateGenerated(seed: 1);
        _generic = benchmark.CreateGeneric(_generated, useKernels: false);
        _genericKernels = benchmark.CreateGeneric(_generated, useKernels: true);
        (_inputs, _targets) = benchmark.CreateBatch(seed: 2);
        _referenceGradients = new float[_generated.ParameterCount];
        _optimizers = Array.ConvertAll(Implementations, _ => benchmark.CreateOptimizer());
    }

    public IStepCase Case { get; }

    public float Step(string implementation) => implementation switch
    {
        "generated" => Generated(),
        "generic" => Generic(),
        "generic_kernels" => GenericKernels(),
        "reference" => Reference(),
        _ => throw new ArgumentException($"Unknown implementation '{implementation}'.", nameof(implementation)),
    };

    public float Generated() => _generated.TrainStep(_inputs, _targets, _optimizers[0]);

    public float Generic() => _generic.TrainStep(_inputs, _targets, _optimizers[1]);

    public float GenericKernels() => _genericKernels.TrainStep(_inputs, _targets, _optimizers[2]);

    /// <summary>The reference tape's gradients (double), then the same update on the float parameters.</summary>
    public float Reference()
    {
        float loss = ReferenceGradients();
        _optimizers[3].Step(_referenceNetwork.Parameters, _referenceGradients);
        return loss;
    }

    /// <summary>The reference tape's loss and gradients alone, without the update.</summary>
    public float ReferenceGradients()
    {
        var result = _referenceNetwork.ComputeReferenceGradients(_inputs, _targets);
        for (int k = 0; k < _referenceGradients.Length; k++)
        {
            _referenceGradients[k] = (float)result.Gradients[k];
        }
        return (float)result.Loss;
    }
}
