using System;
using SymGrad;
using SymGrad.Reference;

namespace SymGrad.Tests.Reference;

public sealed class ReferenceSessionTests
{
    [Fact]
    public void BeginMakesTheSessionCurrentAndDisposeClearsIt()
    {
        Assert.Null(ReferenceSession.Current);
        using (var session = ReferenceSession.Begin(new double[3]))
        {
            Assert.Same(session, ReferenceSession.Current);
            Assert.Throws<InvalidOperationException>(() => ReferenceSession.Begin(new double[3]));
            Assert.Same(session, ReferenceSession.Current);
        }
        Assert.Null(ReferenceSession.Current);
    }

    [Fact]
    public void ParameterReturnsTheSameLeafForTheSameViewAndCopiesTheBuffer()
    {
        var buffer = new[] { 1.0, 2.0, 3.0, 4.0, 5.0 };
        using var session = ReferenceSession.Begin(buffer);
        buffer[1] = 99;
        var view = new ParameterView("w", 1, 2, 2);
        var leaf = session.Parameter(view);
        Assert.Same(leaf, session.Parameter(view));
        Assert.True(leaf.RequiresGradient);
        Assert.Equal(new[] { 2.0, 3.0, 4.0, 5.0 }, leaf.Data);
        Assert.Throws<ArgumentOutOfRangeException>(() => session.Parameter(new ParameterView("x", 3, 1, 3)));
    }

    [Fact]
    public void InputValidatesLengthAndWidensFloats()
    {
        using var session = ReferenceSession.Begin(new double[1]);
        Assert.Throws<ArgumentException>(() => session.Input(new float[5], 2, 3));
        Assert.Throws<ArgumentException>(() => session.Input(new double[7], 2, 3));
        var input = session.Input(new[] { 0.1f, -2f }, 1, 2);
        Assert.False(input.RequiresGradient);
        Assert.Equal(new[] { (double)0.1f, -2.0 }, input.Data);
    }

    [Fact]
    public void LinearBoundAtAnOffsetGetsGradientsAtItsFlatPositions()
    {
        // Buffer: 3 unrelated values, then fc (W [2, 3], b [2]) at offset 3, then 2 more unrelated values.
        var fc = new Linear(3, 2);
        fc.Bind("fc", 3);
        var parameters = new double[3 + fc.ParameterCount + 2];
        var random = new Random(5);
        for (int i = 0; i < parameters.Length; i++)
        {
            parameters[i] = random.NextDouble() - 0.5;
        }
        double[] inputs = { 0.5, -1.0, 2.0, 1.5, 0.25, -0.75 };
        double[] targets = { 1.0, -1.0, 0.0, 0.5 };

        var result = Run(fc, parameters, inputs, targets);

        // Hand-derived: Y = X W^T + b, L = mean((Y - T)^2) over 4 elements,
        // dW[o, i] = sum_n 2 (Y[n, o] - T[n, o]) / 4 * X[n, i], db[o] = sum_n 2 (Y[n, o] - T[n, o]) / 4.
        var expected = new double[parameters.Length];
        for (int n = 0; n < 2; n++)
        {
            for (int o = 0; o < 2; o++)
            {
                double y = parameters[3 + 6 + o];
                for (int i = 0; i < 3; i++)
                {
                    y += inputs[n * 3 + i] * parameters[3 + o * 3 + i];
                }
                Assert.Equal(y, result.Outputs[n * 2 + o], 1e-14);
                double dy = 2 * (y - targets[n * 2 + o]) / 4;
                for (int i = 0; i < 3; i++)
                {
                    expected[3 + o * 3 + i] += dy * inputs[n * 3 + i];
                }
                expected[3 + 6 + o] += dy;
            }
        }
        Assert.Equal(parameters.Length, result.Gradients.Length);
        for (int k = 0; k < parameters.Length; k++)
        {
            Assert.Equal(expected[k], result.Gradients[k], 1e-14);
        }
        Assert.Equal(new[] { 0.0, 0.0, 0.0 }, result.Gradients[..3]);
        Assert.Equal(new[] { 0.0, 0.0 }, result.Gradients[^2..]);
    }

    [Fact]
    public void LayerUsedTwiceAccumulatesAndMatchesFiniteDifferencesOfTheSession()
    {
        var fc = new Linear(3, 3);
        fc.Bind("fc", 2);
        var parameters = new double[2 + fc.ParameterCount];
        var random = new Random(11);
        for (int i = 0; i < parameters.Length; i++)
        {
            parameters[i] = random.NextDouble() - 0.5;
        }
        double[] inputs = { 0.5, -1.0, 2.0 };
        double[] targets = { 0.2, 0.1, -0.3 };

        var result = Run(fc, parameters, inputs, targets, twice: true);

        const double step = 1e-6;
        for (int k = 0; k < parameters.Length; k++)
        {
            var plus = (double[])parameters.Clone();
            var minus = (double[])parameters.Clone();
            plus[k] += step;
            minus[k] -= step;
            double numeric = (Run(fc, plus, inputs, targets, true).Loss - Run(fc, minus, inputs, targets, true).Loss) / (2 * step);
            Assert.True(Math.Abs(result.Gradients[k] - numeric) <= Math.Max(1e-6 * Math.Abs(numeric), 1e-8), $"parameter {k}: {result.Gradients[k]} vs {numeric}");
        }
        Assert.NotEqual(0.0, result.Gradients[2]);
    }

    [Fact]
    public void LossThatReachesNoParameterGivesZeroGradients()
    {
        using var session = ReferenceSession.Begin(new[] { 1.0, 2.0 });
        var x = session.Input(new[] { 3.0 }, 1, 1);
        var loss = Tensor.MeanSquaredError(x, session.Input(new[] { 1.0 }, 1, 1));
        var result = session.Complete(loss, x);
        Assert.Equal(4.0, result.Loss);
        Assert.Equal(new[] { 0.0, 0.0 }, result.Gradients);
        Assert.Equal(new[] { 3.0 }, result.Outputs);
    }

    [Fact]
    public void CompleteRejectsANonScalarLoss()
    {
        using var session = ReferenceSession.Begin(new double[1]);
        var x = session.Input(new double[2], 1, 2);
        Assert.Throws<InvalidOperationException>(() => session.Complete(x, x));
    }

    [Fact]
    public void LinearForwardOutsideASessionThrows()
    {
        var fc = new Linear(2, 1);
        fc.Bind("fc", 0);
        Assert.Throws<InvalidOperationException>(() => fc.Forward(Tensor.Constant(new double[2], 1, 2)));
    }

    private static ReferenceResult Run(Linear fc, double[] parameters, double[] inputs, double[] targets, bool twice = false)
    {
        using var session = ReferenceSession.Begin(parameters);
        int batch = inputs.Length / fc.Inputs;
        var x = session.Input(inputs, batch, fc.Inputs);
        var output = twice ? fc.Forward(Tensor.Tanh(fc.Forward(x))) : fc.Forward(x);
        var loss = Tensor.MeanSquaredError(output, session.Input(targets, batch, fc.Outputs));
        return session.Complete(loss, output);
    }
}
