using System;
using System.Linq;
using SymGrad.Instrumentation;

namespace SymGrad.Tests.Instrumentation;

/// <summary>
/// The float fast paths of the reductions (float lanes per block, widened to double) against sums taken
/// here in double, element by element: lengths with SIMD tails and several blocks, and magnitudes whose
/// float squares underflow or overflow.
/// </summary>
public class BlockedReductionTests
{
    private static float[] Values(int length, int seed, double scale)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length).Select(_ => (float)((random.NextDouble() * 2 - 1) * scale)).ToArray();
    }

    private static double Squares(float[] values) => values.Sum(v => (double)v * v);

    private static void AssertRelative(double expected, double actual, string what)
    {
        Assert.True(Math.Abs(actual - expected) <= 1e-6 * Math.Abs(expected), $"{what}: expected {expected:R}, got {actual:R}");
    }

    [Theory]
    [InlineData(1, 1.0)]
    [InlineData(7, 1.0)]
    [InlineData(513, 1.0)]
    [InlineData(100357, 1.0)]
    [InlineData(100357, 1e-21)]  // x^2 ~ 1e-42: below float's normal range
    [InlineData(1500, 1e24)]     // x^2 ~ 1e48: above float's range
    public void SquaresAndGradientMax_matches_double_sums(int length, double scale)
    {
        float[] w = Values(length, 1, scale);
        float[] g = Values(length, 2, scale * 3);
        var (ws, gs, max) = Reductions.SquaresAndGradientMax<float>(w, g);
        AssertRelative(Squares(w), ws, "sum w^2");
        AssertRelative(Squares(g), gs, "sum g^2");
        Assert.Equal(g.Max(v => Math.Abs(v)), max);
        AssertRelative(Squares(w), Reductions.SumOfSquares<float>(w), "SumOfSquares");
    }

    [Fact]
    public void Zero_blocks_between_large_ones_and_a_single_tiny_block_are_summed_exactly()
    {
        float[] w = new float[2000];
        w[1999] = 1e-30f;    // the only value: its block's float square underflows
        float[] g = new float[2000];
        g[5] = 2f;
        var (ws, gs, max) = Reductions.SquaresAndGradientMax<float>(w, g);
        double tiny = 1e-30f;
        AssertRelative(tiny * tiny, ws, "tiny w");
        Assert.Equal(4, gs);
        Assert.Equal(2, max);
    }

    [Fact]
    public void A_NaN_gradient_makes_the_sum_and_the_max_NaN_and_an_infinity_the_sum_infinite()
    {
        float[] w = Values(1000, 3, 1);
        float[] g = Values(1000, 4, 1);
        g[600] = float.NaN;
        var (_, gs, max) = Reductions.SquaresAndGradientMax<float>(w, g);
        Assert.True(double.IsNaN(gs) && double.IsNaN(max));

        g[600] = float.PositiveInfinity;
        w[3] = float.NegativeInfinity;
        var (ws, gs2, max2) = Reductions.SquaresAndGradientMax<float>(w, g);
        Assert.Equal(double.PositiveInfinity, ws);
        Assert.Equal(double.PositiveInfinity, gs2);
        Assert.Equal(double.PositiveInfinity, max2);
    }

    [Fact]
    public void Spans_of_different_lengths_are_rejected_naming_the_gradients()
    {
        var ex = Assert.Throws<ArgumentException>(() => Reductions.SquaresAndGradientMax<float>(new float[5], new float[4]));
        Assert.Equal("gradients", ex.ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(5000)]
    [InlineData(50174)]   // the last element, in the scalar tail
    public void IndexOfNonFinite_finds_the_first_NaN_or_infinity_anywhere(int index)
    {
        float[] values = Values(50176 - 1, 5, 1e30);
        Assert.Equal(-1, Reductions.IndexOfNonFinite<float>(values));
        values[index] = float.NegativeInfinity;
        Assert.Equal(index, Reductions.IndexOfNonFinite<float>(values));
        values[values.Length - 1] = float.NaN;
        Assert.Equal(index, Reductions.IndexOfNonFinite<float>(values));
        double[] doubles = values.Select(v => (double)v).ToArray();
        Assert.Equal(index, Reductions.IndexOfNonFinite<double>(doubles));
    }
}
