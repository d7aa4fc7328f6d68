using System;
using System.Reflection;

namespace SymGrad;

/// <summary>
/// The base class of every network definition. The generator adds it to the <c>[Network]</c> partial
/// class, so that the ops below are callable unqualified inside <c>[Forward]</c> and <c>[Loss]</c>.
/// At run time these are the reference path's tape ops; in generated code the generator replaces
/// each call with unrolled code.
/// </summary>
public abstract partial class NetworkDefinition
{
    /// <summary>max(0, x), element-wise.</summary>
    protected static Tensor Relu(Tensor x) => Tensor.Relu(x);

    /// <summary>x for x &gt; 0, slope * x otherwise (PyTorch's default slope 0.01).</summary>
    protected static Tensor LeakyRelu(Tensor x, double slope = 0.01) => Tensor.LeakyRelu(x, slope);

    /// <summary>x for x &gt; 0, alpha * (e^x - 1) otherwise.</summary>
    protected static Tensor Elu(Tensor x, double alpha = 1.0) => Tensor.Elu(x, alpha);

    /// <summary>1 / (1 + e^-x), element-wise.</summary>
    protected static Tensor Sigmoid(Tensor x) => Tensor.Sigmoid(x);

    /// <summary>tanh(x), element-wise.</summary>
    protected static Tensor Tanh(Tensor x) => Tensor.Tanh(x);

    /// <summary>x * Phi(x) (exact erf form), element-wise.</summary>
    protected static Tensor Gelu(Tensor x) => Tensor.Gelu(x);

    /// <summary>x * sigmoid(x), element-wise.</summary>
    protected static Tensor Silu(Tensor x) => Tensor.Silu(x);

    /// <summary>Softmax over the features of each row.</summary>
    protected static Tensor Softmax(Tensor x) => Tensor.Softmax(x);

    /// <summary>Mean over all elements of (prediction - target)^2.</summary>
    protected static Tensor MeanSquaredError(Tensor prediction, Tensor target) => Tensor.MeanSquaredError(prediction, target);

    /// <summary>Fused, stable softmax cross-entropy; <paramref name="target"/> rows are one-hot (or soft) distributions; mean over rows.</summary>
    protected static Tensor SoftmaxCrossEntropy(Tensor logits, Tensor target) => Tensor.SoftmaxCrossEntropy(logits, target);

    /// <summary>Fused, stable sigmoid + binary cross-entropy on logits; mean over all elements.</summary>
    protected static Tensor BinaryCrossEntropyWithLogits(Tensor logits, Tensor target) => Tensor.BinaryCrossEntropyWithLogits(logits, target);

    /// <summary>
    /// f(x) element-wise for a <c>[Differentiable]</c> function f (an activation). Generated code calls f and
    /// its emitted derivative; here (the reference path) the derivative is taken by central differences,
    /// independently of the generator. A float function is evaluated in float, so its reference derivative
    /// is accurate to about 1e-5 relative; a double function to about 1e-10.
    /// </summary>
    protected static Tensor Map(Tensor x, Func<float, float> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Tensor.Map(x, v => function((float)v), CentralDifference.FloatStep);
    }

    /// <inheritdoc cref="Map(Tensor, Func{float, float})"/>
    protected static Tensor Map(Tensor x, Func<double, double> function) => Tensor.Map(x, function);

    /// <summary>As <see cref="Map(Tensor, Func{float, float})"/>, for a function whose second parameter has a default value (a constant).</summary>
    protected static Tensor Map(Tensor x, Func<float, float, float> function)
    {
        float c = (float)UserFunctions.Default(function, 1);
        return Tensor.Map(x, v => function((float)v, c), CentralDifference.FloatStep);
    }

    /// <inheritdoc cref="Map(Tensor, Func{float, float, float})"/>
    protected static Tensor Map(Tensor x, Func<double, double, double> function)
    {
        double c = UserFunctions.Default(function, 1);
        return Tensor.Map(x, v => function(v, c));
    }

    /// <summary>
    /// The per-element loss: the mean over all B x F elements of f(prediction, target) for a
    /// <c>[Differentiable]</c> function f, such as a Huber loss. Generated code calls f's emitted gradient;
    /// the reference path differentiates f by central differences (see <see cref="Map(Tensor, Func{float, float})"/>).
    /// </summary>
    protected static Tensor ElementwiseMean(Tensor prediction, Tensor target, Func<float, float, float> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Tensor.ElementwiseMean(prediction, target, (p, t) => function((float)p, (float)t), CentralDifference.FloatStep);
    }

    /// <inheritdoc cref="ElementwiseMean(Tensor, Tensor, Func{float, float, float})"/>
    protected static Tensor ElementwiseMean(Tensor prediction, Tensor target, Func<double, double, double> function) =>
        Tensor.ElementwiseMean(prediction, target, function);

    /// <summary>As <see cref="ElementwiseMean(Tensor, Tensor, Func{float, float, float})"/>, for a function whose third parameter has a default value (Huber's delta).</summary>
    protected static Tensor ElementwiseMean(Tensor prediction, Tensor target, Func<float, float, float, float> function)
    {
        float c = (float)UserFunctions.Default(function, 2);
        return Tensor.ElementwiseMean(prediction, target, (p, t) => function((float)p, (float)t, c), CentralDifference.FloatStep);
    }

    /// <inheritdoc cref="ElementwiseMean(Tensor, Tensor, Func{float, float, float, float})"/>
    protected static Tensor ElementwiseMean(Tensor prediction, Tensor target, Func<double, double, double, double> function)
    {
        double c = UserFunctions.Default(function, 2);
        return Tensor.ElementwiseMean(prediction, target, (p, t) => function(p, t, c));
    }
}

/// <summary>Reads the constant parameters (those with default values) of a user function passed as a method group.</summary>
internal static class UserFunctions
{
    /// <summary>The default value of parameter <paramref name="index"/> of the method behind <paramref name="function"/>.</summary>
    /// <exception cref="ArgumentException">That parameter has no default value.</exception>
    public static double Default(Delegate function, int index)
    {
        ArgumentNullException.ThrowIfNull(function);
        ParameterInfo[] parameters = function.Method.GetParameters();
        if (index >= parameters.Length || !parameters[index].HasDefaultValue || parameters[index].DefaultValue is null)
        {
            string name = index < parameters.Length ? parameters[index].Name ?? "#" + index : "#" + index;
            throw new ArgumentException(
                $"Parameter '{name}' of {function.Method.Name} must have a default value: it is passed as a constant. " +
                "To use another value, write a one-line [Differentiable] wrapper.", nameof(function));
        }
        return Convert.ToDouble(parameters[index].DefaultValue, System.Globalization.CultureInfo.InvariantCulture);
    }
}
