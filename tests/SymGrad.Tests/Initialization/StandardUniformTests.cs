using System;
using System.Linq;

namespace SymGrad.Tests.Initialization;

/// <summary>Init.StandardUniform: U[-1/sqrt(fan_in), 1/sqrt(fan_in)] (Glorot and Bengio 2010, eq. 1), drawn deterministically.</summary>
public class StandardUniformTests
{
    [Theory]
    [InlineData(64, 64)]
    [InlineData(784, 64)]
    public void Draws_fill_the_bound_one_over_sqrt_fan_in_and_stay_inside_it(int fanIn, int fanOut)
    {
        var weights = new double[fanIn * fanOut];
        Initializers.Fill(Init.StandardUniform, weights, fanIn, fanOut, new SeededRandom(7));
        double bound = 1 / Math.Sqrt(fanIn);
        Assert.All(weights, w => Assert.InRange(w, -bound, bound));
        // Thousands of uniform draws come within 1 % of both ends, and their variance is near bound^2 / 3.
        Assert.True(weights.Max() > 0.99 * bound && weights.Min() < -0.99 * bound, $"range [{weights.Min()}, {weights.Max()}], bound {bound}");
        double variance = weights.Select(w => w * w).Average();
        Assert.InRange(variance, 0.9 * bound * bound / 3, 1.1 * bound * bound / 3);
        Assert.Equal(Math.Sqrt(bound * bound / 3), Initializers.StandardDeviation(Init.StandardUniform, fanIn, fanOut), 12);
    }

    [Fact]
    public void The_same_seed_gives_the_same_weights_and_another_seed_other_weights()
    {
        double[] Draw(ulong seed)
        {
            var w = new double[64 * 32];
            Initializers.Fill(Init.StandardUniform, w, 64, 32, new SeededRandom(seed));
            return w;
        }
        Assert.Equal(Draw(3), Draw(3));
        Assert.NotEqual(Draw(3), Draw(4));
    }

    [Fact]
    public void Is_appended_after_the_existing_members_so_their_values_do_not_move()
    {
        // The generator matches Init members by value, and (Init)5 in user code must keep meaning LeCunNormal.
        Assert.Equal(5, (int)Init.LeCunNormal);
        Assert.Equal(6, (int)Init.StandardUniform);
    }
}
