using System;
using System.Collections.Generic;
using SymGrad.Reference;

namespace SymGrad.IntegrationTests.HelperTests;

/// <summary>
/// A hand-written INetwork whose loss has a known derivative, to test the finite-difference helper
/// on its own: L(p) = sum_i (sin(p_i) x_i + |p_i - kink|) with x the first input row. The |.| term
/// puts a kink at p_i = kink.
/// </summary>
internal sealed class KinkedScalarNetwork(double[] parameters, double kink) : INetwork<double>
{
    private readonly double[] _gradients = new double[parameters.Length];

    public int InputSize => parameters.Length;
    public int OutputSize => 1;
    public int ParameterCount => parameters.Length;
    public int MaxBatchSize => 1;
    public Span<double> Parameters => parameters;
    public Span<double> Gradients => _gradients;
    public IReadOnlyList<ParameterView> ParameterViews { get; } = new[] { new ParameterView("p.Weight", 0, 1, parameters.Length) };

    public double Derivative(int i, ReadOnlySpan<double> inputs) =>
        Math.Cos(parameters[i]) * inputs[i] + Math.Sign(parameters[i] - kink);

    public double ComputeLoss(ReadOnlySpan<double> inputs, ReadOnlySpan<double> targets)
    {
        double loss = 0;
        for (int i = 0; i < parameters.Length; i++)
        {
            loss += Math.Sin(parameters[i]) * inputs[i] + Math.Abs(parameters[i] - kink);
        }
        return loss;
    }

    public void Predict(ReadOnlySpan<double> inputs, Span<double> outputs) => throw new NotSupportedException();
    public double ComputeGradients(ReadOnlySpan<double> inputs, ReadOnlySpan<double> targets) => throw new NotSupportedException();
    public double TrainStep(ReadOnlySpan<double> inputs, ReadOnlySpan<double> targets, Optimizer optimizer) => throw new NotSupportedException();
    public ReferenceResult ComputeReferenceGradients(ReadOnlySpan<double> inputs, ReadOnlySpan<double> targets) => throw new NotSupportedException();
}
