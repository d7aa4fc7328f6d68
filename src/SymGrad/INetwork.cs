using System;
using System.Collections.Generic;
using SymGrad.Reference;

namespace SymGrad;

/// <summary>
/// What every generated network implements, so that training loops, studies and tests can handle
/// any network. <typeparamref name="T"/> is <see cref="float"/> or <see cref="double"/>.
/// Inputs are [batch, InputSize] and targets [batch, OutputSize], row-major; the batch is inferred
/// from the span lengths.
/// </summary>
public interface INetwork<T> where T : unmanaged
{
    int InputSize { get; }
    int OutputSize { get; }
    int ParameterCount { get; }
    int MaxBatchSize { get; }

    /// <summary>All parameters, one flat buffer (see <see cref="ParameterViews"/> for the layout).</summary>
    Span<T> Parameters { get; }

    /// <summary>Gradients of the last <see cref="ComputeGradients"/>, laid out as <see cref="Parameters"/>.</summary>
    Span<T> Gradients { get; }

    /// <summary>Named views (<c>fc1.Weight</c>, <c>fc1.Bias</c>, ...) in buffer order.</summary>
    IReadOnlyList<ParameterView> ParameterViews { get; }

    /// <summary>Forward pass in evaluation mode: writes [batch, OutputSize] outputs.</summary>
    void Predict(ReadOnlySpan<T> inputs, Span<T> outputs);

    /// <summary>Forward pass and loss, no gradients.</summary>
    T ComputeLoss(ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets);

    /// <summary>Forward and backward pass: returns the loss and overwrites <see cref="Gradients"/>.</summary>
    T ComputeGradients(ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets);

    /// <summary><see cref="ComputeGradients"/> followed by one optimizer update; returns the loss.</summary>
    T TrainStep(ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, Optimizer optimizer);

    /// <summary>
    /// The reference path: the definition's own <c>[Forward]</c> and <c>[Loss]</c> methods run on the
    /// tape in double precision, with the current parameters. Slow, allocating, independent of the generator.
    /// </summary>
    ReferenceResult ComputeReferenceGradients(ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets);
}
