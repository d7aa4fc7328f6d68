using System;
using System.Collections.Generic;
using SymGrad.Reference;

namespace SymGrad;

/// <summary>
/// Inverted dropout, as PyTorch's <c>Dropout(p)</c>: in training mode each element is zeroed with
/// probability p and the survivors are scaled by 1 / (1 - p); in evaluation mode (<c>Predict</c>)
/// it is the identity.
/// </summary>
/// <remarks>
/// The mask is counter-based rather than drawn from a stateful generator: element i of the batch
/// is kept when <see cref="Kernels.DropoutMask.Keep"/>(seed, step, stream, i, p) is true, where seed is
/// the network's constructor seed, stream the dropout layer's index in declaration order and step the
/// network's <c>DropoutStep</c>, which <c>TrainStep</c> advances once per call. So the mask is
/// reproducible, costs no allocation, and stays fixed between two TrainSteps: ComputeLoss and
/// ComputeGradients (and the reference path) at one step see the same mask, which is what makes
/// gradient checks of a dropout network meaningful.
/// </remarks>
public sealed class Dropout : Layer
{
    /// <param name="probability">Probability of zeroing an element, in [0, 1).</param>
    public Dropout(double probability)
    {
        if (!(probability >= 0 && probability < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "Expected a dropout probability in [0, 1).");
        }
        Probability = probability;
    }

    public double Probability { get; }

    /// <summary>The layer's index among the network's dropout layers, which decorrelates their masks.</summary>
    public int Stream { get; private set; }

    /// <inheritdoc/>
    public override int ParameterCount => 0;

    /// <inheritdoc/>
    public override IReadOnlyList<ParameterView> Views => Array.Empty<ParameterView>();

    /// <inheritdoc/>
    protected override void OnBind()
    {
    }

    /// <summary>Sets the layer's mask stream (the generated constructor numbers the dropout layers 0, 1, ...).</summary>
    public void BindStream(int stream)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(stream);
        Stream = stream;
    }

    /// <inheritdoc/>
    public override void Initialize(Span<double> parameters, SeededRandom random)
    {
    }

    /// <summary>The reference path: the session's mask in training mode, the identity in evaluation mode.</summary>
    public Tensor Forward(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var session = ReferenceSession.Current
            ?? throw new InvalidOperationException($"Layer '{Name}' runs on the tape only inside ComputeReferenceGradients.");
        if (!session.Training || Probability == 0)
        {
            return x;
        }
        var scale = new double[x.Length];
        double kept = 1.0 / (1.0 - Probability);
        for (int i = 0; i < scale.Length; i++)
        {
            scale[i] = Kernels.DropoutMask.Keep(session.DropoutSeed, session.DropoutStep, Stream, i, Probability) ? kept : 0.0;
        }
        return Tensor.ScaleElements(x, scale);
    }
}
