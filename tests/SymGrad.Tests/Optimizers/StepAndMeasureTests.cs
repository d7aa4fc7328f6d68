using System;
using System.Collections.Generic;
using System.Linq;

namespace SymGrad.Tests.Optimizers;

/// <summary>
/// Optimizer.StepAndMeasure: the same update as Step, bit for bit, and per segment Σ (after − before)²
/// equal to the sum computed here in double from copies taken before the step.
/// </summary>
public class StepAndMeasureTests
{
    private const int Length = 1001;

    // Odd offsets and lengths, so that vector loops start mid-buffer and end in scalar tails; one empty segment.
    private static readonly ParameterSegment[] s_segments = { new(3, 500), new(503, 17), new(520, 0), new(700, 301) };

    /// <summary>An optimizer that does not override StepAndMeasure: the base class's snapshot path.</summary>
    private sealed class HalfStep : Optimizer
    {
        public HalfStep() : base(0.5) { }

        public override void Step(Span<float> parameters, ReadOnlySpan<float> gradients)
        {
            for (int i = 0; i < parameters.Length; i++)
            {
                parameters[i] -= 0.5f * gradients[i];
            }
        }

        public override void Step(Span<double> parameters, ReadOnlySpan<double> gradients)
        {
            for (int i = 0; i < parameters.Length; i++)
            {
                parameters[i] -= 0.5 * gradients[i];
            }
        }
    }

    public static IEnumerable<object[]> AllOptimizers() =>
        OptimizerBehaviorTests.AllOptimizers().Append(new object[] { "user optimizer (base implementation)", (Func<Optimizer>)(() => new HalfStep()) });

    private static double[] Random(int seed, double scale)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, Length).Select(_ => (random.NextDouble() * 2 - 1) * scale).ToArray();
    }

    private static double SquaredDifference<T>(T[] after, T[] before, ParameterSegment segment) where T : struct, IConvertible
    {
        double sum = 0;
        for (int i = segment.Offset; i < segment.Offset + segment.Length; i++)
        {
            double d = after[i].ToDouble(null) - before[i].ToDouble(null);
            sum += d * d;
        }
        return sum;
    }

    private static void AssertRelative(double expected, double actual, double tolerance, string what)
    {
        Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Abs(expected), $"{what}: expected {expected:R}, got {actual:R}");
    }

    [Theory]
    [MemberData(nameof(AllOptimizers))]
    public void Float_steps_match_Step_bit_for_bit_and_the_measured_squares_match_a_double_sum(string name, Func<Optimizer> create)
    {
        float[] measured = Random(1, 1).Select(v => (float)v).ToArray();
        float[] plain = (float[])measured.Clone();
        Optimizer a = create();
        Optimizer b = create();
        var squares = new double[s_segments.Length];
        for (int step = 0; step < 3; step++)
        {
            float[] gradients = Random(10 + step, 1).Select(v => (float)v).ToArray();
            float[] before = (float[])measured.Clone();
            a.StepAndMeasure(measured, gradients, s_segments, squares);
            b.Step(plain, gradients);
            Assert.Equal(plain, measured);
            for (int s = 0; s < s_segments.Length; s++)
            {
                double expected = SquaredDifference(measured, before, s_segments[s]);
                if (s_segments[s].Length == 0)
                {
                    Assert.Equal(0, squares[s]);
                    continue;
                }
                Assert.True(expected > 0, name);
                // The float difference is rounded to half an ulp: 1e-6 relative is ample and would catch a missed element.
                AssertRelative(expected, squares[s], 1e-6, $"{name}, step {step}, segment {s}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(AllOptimizers))]
    public void Double_steps_match_Step_bit_for_bit_and_the_measured_squares_match(string name, Func<Optimizer> create)
    {
        double[] measured = Random(2, 1);
        double[] plain = (double[])measured.Clone();
        Optimizer a = create();
        Optimizer b = create();
        var squares = new double[s_segments.Length];
        for (int step = 0; step < 3; step++)
        {
            double[] gradients = Random(20 + step, 1);
            double[] before = (double[])measured.Clone();
            a.StepAndMeasure(measured, gradients, s_segments, squares);
            b.Step(plain, gradients);
            Assert.Equal(plain, measured);
            AssertRelative(SquaredDifference(measured, before, s_segments[0]), squares[0], 1e-12, name);
            AssertRelative(SquaredDifference(measured, before, s_segments[3]), squares[3], 1e-12, name);
        }
    }

    [Theory]
    [InlineData(1e-20)]   // squares below float's range: must not underflow to 0
    [InlineData(1e19)]    // squares above float's range: must not overflow to infinity
    public void Updates_whose_squares_leave_float_range_are_summed_in_double(double scale)
    {
        float[] parameters = Random(3, scale).Select(v => (float)v).ToArray();
        float[] before = (float[])parameters.Clone();
        float[] gradients = Random(4, scale).Select(v => (float)v).ToArray();
        var squares = new double[s_segments.Length];
        new Sgd(0.5).StepAndMeasure(parameters, gradients, s_segments, squares);
        double expected = SquaredDifference(parameters, before, s_segments[0]);
        Assert.True(double.IsFinite(expected) && expected > 0);
        AssertRelative(expected, squares[0], 1e-6, "scale " + scale);
    }

    [Fact]
    public void A_NaN_update_gives_a_NaN_sum_for_its_segment_only()
    {
        float[] parameters = Random(5, 1).Select(v => (float)v).ToArray();
        float[] gradients = new float[Length];
        gradients[710] = float.NaN;
        var squares = new double[s_segments.Length];
        new Momentum(0.1).StepAndMeasure(parameters, gradients, s_segments, squares);
        Assert.True(double.IsNaN(squares[3]));
        Assert.Equal(0, squares[0]);
    }

    [Theory]
    [MemberData(nameof(AllOptimizers))]
    public void StepAndMeasure_allocates_nothing_after_the_first_step(string name, Func<Optimizer> create)
    {
        Optimizer optimizer = create();
        var parameters = new float[Length];
        var gradients = Random(6, 1).Select(v => (float)v).ToArray();
        var squares = new double[s_segments.Length];
        optimizer.StepAndMeasure(parameters, gradients, s_segments, squares); // state and snapshot
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20; i++)
        {
            optimizer.StepAndMeasure(parameters, gradients, s_segments, squares);
        }
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before == 0, name);
    }

    public static IEnumerable<object[]> BadSegments()
    {
        yield return new object[] { new ParameterSegment[] { new(10, 5), new(12, 5) }, "segments" };       // overlap
        yield return new object[] { new ParameterSegment[] { new(100, 5), new(10, 5) }, "segments" };      // out of order
        yield return new object[] { new ParameterSegment[] { new(Length - 2, 5) }, "segments" };           // past the end
        yield return new object[] { new ParameterSegment[] { new(-1, 5) }, "segments" };
        yield return new object[] { new ParameterSegment[] { new(0, -1) }, "segments" };
    }

    [Theory]
    [MemberData(nameof(BadSegments))]
    public void Bad_segments_are_rejected_naming_the_argument_before_any_update(ParameterSegment[] segments, string argument)
    {
        foreach (Optimizer optimizer in new Optimizer[] { new Sgd(0.1), new Adam(), new HalfStep() })
        {
            var parameters = new float[Length];
            var ex = Assert.Throws<ArgumentException>(() => optimizer.StepAndMeasure(parameters, new float[Length].Select(_ => 1f).ToArray(), segments, new double[segments.Length]));
            Assert.Equal(argument, ex.ParamName);
            Assert.All(parameters, p => Assert.Equal(0f, p));
        }
    }

    [Fact]
    public void A_result_span_of_the_wrong_length_is_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Sgd(0.1).StepAndMeasure(new float[Length], new float[Length], s_segments, new double[2]));
        Assert.Equal("updateSquares", ex.ParamName);
        Assert.Contains("4", ex.Message);
    }
}
