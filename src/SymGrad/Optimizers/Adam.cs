namespace SymGrad;

/// <summary>
/// Adam (Kingma and Ba 2015), as <c>torch.optim.Adam</c>, with t the step number from 1:
/// <c>g' = g + weightDecay * p</c> (an L2 penalty, coupled to the adaptive scaling);
/// <c>m = beta1 m + (1 - beta1) g'</c>; <c>v = beta2 v + (1 - beta2) g'^2</c>;
/// <c>p = p - (learningRate / (1 - beta1^t)) * m / (sqrt(v) / sqrt(1 - beta2^t) + epsilon)</c>.
/// </summary>
public sealed class Adam : AdaptiveMomentOptimizer
{
    /// <param name="learningRate">Step size (&gt; 0).</param>
    /// <param name="beta1">Decay of the first-moment average, in [0, 1).</param>
    /// <param name="beta2">Decay of the second-moment average, in [0, 1).</param>
    /// <param name="epsilon">Added to the denominator (&gt; 0).</param>
    /// <param name="weightDecay">L2 penalty added to the gradient (&gt;= 0); see <see cref="AdamW"/> for decoupled decay.</param>
    /// <exception cref="System.ArgumentOutOfRangeException">An argument is out of its range.</exception>
    public Adam(double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8, double weightDecay = 0)
        : base(learningRate, beta1, beta2, epsilon, weightDecay)
    {
    }

    private protected override (double L2Decay, double DecoupledDecay) DecayTerms => (WeightDecay, 0);
}
