using System;
using SymGrad;

namespace SymGrad.Tests.Reference;

public sealed class LinearAndLossGradientTests
{
    [Theory]
    [InlineData(3, 5, 4)]
    [InlineData(1, 7, 2)]
    [InlineData(5, 1, 3)]
    public void LinearGradientMatchesFiniteDifferencesForInputWeightAndBias(int batch, int inputs, int outputs)
    {
        var random = new Random(batch * 100 + inputs * 10 + outputs);
        GradientCheck.AssertMatchesFiniteDifferences(
            t => Tensor.Linear(t[0], t[1], t[2]),
            GradientCheck.Random(random, batch, inputs),
            GradientCheck.Random(random, outputs, inputs),
            GradientCheck.Random(random, 1, outputs));
    }

    [Theory]
    [InlineData(3, 5)]
    [InlineData(1, 7)]
    public void MeanSquaredErrorGradientMatchesFiniteDifferences(int rows, int columns)
    {
        var random = new Random(rows + columns);
        GradientCheck.AssertMatchesFiniteDifferences(
            t => Tensor.MeanSquaredError(t[0], t[1]),
            GradientCheck.Random(random, rows, columns),
            GradientCheck.Random(random, rows, columns));
    }

    [Theory]
    [InlineData(3, 5)]
    [InlineData(1, 7)]
    public void SoftmaxCrossEntropyGradientMatchesFiniteDifferencesWithOneHotTargets(int rows, int columns)
    {
        var random = new Random(rows * 3 + columns);
        var logits = GradientCheck.Random(random, rows, columns, 4.0);
        var target = Tensor.Constant(OneHot(random, rows, columns), rows, columns);
        GradientCheck.AssertMatchesFiniteDifferences(t => Tensor.SoftmaxCrossEntropy(t[0], target), logits);
    }

    [Theory]
    [InlineData(3, 5)]
    [InlineData(1, 7)]
    public void SoftmaxCrossEntropyGradientMatchesFiniteDifferencesWithSoftTargets(int rows, int columns)
    {
        var random = new Random(rows * 5 + columns);
        var logits = GradientCheck.Random(random, rows, columns, 4.0);
        var target = new Operand(SoftRows(random, rows, columns), rows, columns);
        // The targets are leaves too, so both partial derivatives are checked.
        GradientCheck.AssertMatchesFiniteDifferences(t => Tensor.SoftmaxCrossEntropy(t[0], t[1]), logits, target);
    }

    [Theory]
    [InlineData(3, 5)]
    [InlineData(1, 7)]
    public void BinaryCrossEntropyWithLogitsGradientMatchesFiniteDifferences(int rows, int columns)
    {
        var random = new Random(rows * 7 + columns);
        var logits = GradientCheck.Random(random, rows, columns, 5.0);
        var target = new Operand(SoftRows(random, rows, columns), rows, columns);
        GradientCheck.AssertMatchesFiniteDifferences(t => Tensor.BinaryCrossEntropyWithLogits(t[0], t[1]), logits, target);
    }

    [Fact]
    public void TwoLayerNetworkWithLossGradientMatchesFiniteDifferences()
    {
        var random = new Random(2024);
        GradientCheck.AssertMatchesFiniteDifferences(
            t =>
            {
                var hidden = Tensor.Tanh(Tensor.Linear(t[0], t[1], t[2]));
                var logits = Tensor.Linear(hidden, t[3], t[4]) + 0.5 * hidden * hidden;
                return Tensor.SoftmaxCrossEntropy(logits, t[5]);
            },
            GradientCheck.Random(random, 3, 5),
            GradientCheck.Random(random, 4, 5),
            GradientCheck.Random(random, 1, 4),
            GradientCheck.Random(random, 4, 4),
            GradientCheck.Random(random, 1, 4),
            new Operand(SoftRows(random, 3, 4), 3, 4));
    }

    private static double[] OneHot(Random random, int rows, int columns)
    {
        var values = new double[rows * columns];
        for (int r = 0; r < rows; r++)
        {
            values[r * columns + random.Next(columns)] = 1.0;
        }
        return values;
    }

    // Rows of positive values summing to 1.
    private static double[] SoftRows(Random random, int rows, int columns)
    {
        var values = new double[rows * columns];
        for (int r = 0; r < rows; r++)
        {
            double sum = 0;
            for (int j = 0; j < columns; j++)
            {
                values[r * columns + j] = 0.1 + random.NextDouble();
                sum += values[r * columns + j];
            }
            for (int j = 0; j < columns; j++)
            {
                values[r * columns + j] /= sum;
            }
        }
        return values;
    }
}
