namespace SymGrad.Instrumentation;

/// <summary>
/// One parameterized layer's statistics for one step (see <see cref="GradientStatistics"/> for
/// definitions). A statistic that does not apply is NaN: the dead fraction of a sigmoid layer, the
/// update ratio before any optimizer step.
/// </summary>
/// <param name="Name">The layer field's name.</param>
/// <param name="Activation">The activation on the layer's output.</param>
/// <param name="WeightGradientNorm">||dL/dW||_2.</param>
/// <param name="WeightGradientMax">max |dL/dW|.</param>
/// <param name="BiasGradientNorm">||dL/db||_2.</param>
/// <param name="BiasGradientMax">max |dL/db|.</param>
/// <param name="WeightNorm">||W||_2 (before the step's update).</param>
/// <param name="UpdateRatio">||W_after - W_before||_2 / ||W_before||_2 of the last optimizer step; NaN when no step ran.</param>
/// <param name="OutputGradientNorm">||dL/dZ||_2 over the batch, Z = X W^T + b the layer's output (summed in squares over every call of the layer).</param>
/// <param name="DeadFraction">Fraction of the ReLU units that are zero for every sample of the batch; NaN unless <see cref="Activation"/> is ReLU.</param>
/// <param name="SaturatedFraction">Fraction of sigmoid/tanh outputs (sample x unit) whose derivative is below the saturation threshold times its maximum; NaN unless sigmoid or tanh.</param>
/// <param name="NonFiniteCount">NaN and infinite values among the layer's parameters, output, output gradient and parameter gradients.</param>
public readonly record struct LayerStatistics(
    string Name,
    ActivationKind Activation,
    double WeightGradientNorm,
    double WeightGradientMax,
    double BiasGradientNorm,
    double BiasGradientMax,
    double WeightNorm,
    double UpdateRatio,
    double OutputGradientNorm,
    double DeadFraction,
    double SaturatedFraction,
    int NonFiniteCount);
