using System;
using SymGrad.Clipping;

namespace SymGrad.Tests.Clipping;

/// <summary>Each clipping mode on hand-computed gradients: pre and post norms and whether it fired.</summary>
public sealed class GradientClippingTests
{
    // Two layers of three values: a.Weight (2 values) and a.Bias, then b.Weight and b.Bias.
    private static readonly ParameterView[] s_views =
    {
        new("a.Weight", 0, 1, 2), new("a.Bias", 2, 1, 1), new("b.Weight", 3, 1, 2), new("b.Bias", 5, 1, 1),
    };

    // Layer a: (3, 4, 0) has norm 5; layer b: (0, 0, 12) has norm 12; together 13.
    private static float[] Gradients() => new float[] { 3, 4, 0, 0, 0, 12 };

    [Fact]
    public void Global_norm_scales_everything_by_max_over_the_norm()
    {
        var g = Gradients();
        var result = GradientClipping.GlobalNorm(6.5).Apply(g, s_views);
        // 13 > 6.5: factor 6.5 / (13 + 1e-6), as PyTorch's clip_grad_norm_.
        double factor = 6.5 / (13 + 1e-6);
        Assert.Equal(13, result.NormBefore, 6);
        Assert.Equal(13 * factor, result.NormAfter, 5);
        Assert.True(result.Fired);
        Assert.Equal(3 * factor, g[0], 5);
        Assert.Equal(12 * factor, g[5], 5);
    }

    [Fact]
    public void Global_norm_below_the_maximum_changes_nothing()
    {
        var g = Gradients();
        var clipping = GradientClipping.GlobalNorm(20);
        var result = clipping.Apply(g, s_views);
        Assert.Equal(new ClipResult(13, 13, false), result);
        Assert.Equal(Gradients(), g);
        Assert.Equal(0, clipping.FiredCount);
    }

    [Fact]
    public void Per_layer_norm_clips_only_the_layers_above_the_maximum()
    {
        var g = Gradients();
        var clipping = GradientClipping.PerLayerNorm(6);
        var result = clipping.Apply(g, s_views);
        // Layer a (norm 5) stays; layer b (norm 12) becomes 6 * 12 / (12 + 1e-6) ~ 6; global sqrt(25 + 36) = sqrt(61).
        Assert.Equal(new float[] { 3, 4, 0 }, g[..3]);
        Assert.Equal(12 * 6 / (12 + 1e-6), g[5], 5);
        Assert.Equal(13, result.NormBefore, 6);
        Assert.Equal(Math.Sqrt(61), result.NormAfter, 4);
        Assert.True(result.Fired);
        Assert.Equal(result, clipping.Last);
        Assert.Equal(1, clipping.FiredCount);
    }

    [Fact]
    public void By_value_clamps_each_element()
    {
        var g = new double[] { 3, -4, 0, 0.5, 0, -12 };
        var result = GradientClipping.ByValue(2).Apply(g, s_views);
        Assert.Equal(new double[] { 2, -2, 0, 0.5, 0, -2 }, g);
        Assert.Equal(Math.Sqrt(9 + 16 + 0.25 + 144), result.NormBefore, 10);
        Assert.Equal(Math.Sqrt(4 + 4 + 0.25 + 4), result.NormAfter, 10);
        Assert.True(result.Fired);
    }

    [Fact]
    public void A_non_finite_norm_is_reported_and_left_alone()
    {
        var g = Gradients();
        g[1] = float.NaN;
        var result = GradientClipping.GlobalNorm(1).Apply(g, s_views);
        Assert.True(double.IsNaN(result.NormBefore));
        Assert.False(result.Fired);
        Assert.Equal(3f, g[0]);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Thresholds_must_be_positive_and_finite(double max)
    {
        Assert.Equal("maxNorm", Assert.Throws<ArgumentOutOfRangeException>(() => GradientClipping.GlobalNorm(max)).ParamName);
        Assert.Equal("maxNorm", Assert.Throws<ArgumentOutOfRangeException>(() => GradientClipping.PerLayerNorm(max)).ParamName);
        Assert.Equal("maxValue", Assert.Throws<ArgumentOutOfRangeException>(() => GradientClipping.ByValue(max)).ParamName);
    }
}
