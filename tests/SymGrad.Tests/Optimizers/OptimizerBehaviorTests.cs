using System;
using System.Collections.Generic;

namespace SymGrad.Tests.Optimizers;

/// <summary>Precision agreement, the distinctions between variants, state handling, validation and allocation.</summary>
public class OptimizerBehaviorTests
{
    public static IEnumerable<object[]> AllOptimizers()
    {
        yield return new object[] { "Sgd", (Func<Optimizer>)(() => new Sgd(0.05, 0.01)) };
        yield return new object[] { "Momentum", (Func<Optimizer>)(() => new Momentum(0.05, 0.9, weightDecay: 0.01)) };
        yield return new object[] { "Nesterov", (Func<Optimizer>)(() => new Momentum(0.05, 0.9, nesterov: true)) };
        yield return new object[] { "Adam", (Func<Optimizer>)(() => new Adam(0.01, weightDecay: 0.01)) };
        yield return new object[] { "AdamW", (Func<Optimizer>)(() => new AdamW(0.01)) };
    }

    [Theory]
    [MemberData(nameof(AllOptimizers))]
    public void FloatAndDoubleAgree(string name, Func<Optimizer> create)
    {
        var d = OptimizerTestProblem.RunDouble(create(), 5);
        var f = OptimizerTestProblem.RunFloat(create(), 5);
        OptimizerTestProblem.AssertClose(d, Array.ConvertAll(f, v => (double)v), 1e-6);
        Assert.NotEmpty(name);
    }

    [Theory]
    [MemberData(nameof(AllOptimizers))]
    public void StepAllocatesNothingAfterTheFirst(string name, Func<Optimizer> create)
    {
        AssertNoAllocation(create(), new double[1000], new double[1000]);
        AssertNoAllocation(create(), new float[1001], new float[1001]);
        Assert.NotEmpty(name);

        static void AssertNoAllocation<T>(Optimizer optimizer, T[] p, T[] g)
        {
            Action step = typeof(T) == typeof(float)
                ? () => optimizer.Step((float[])(object)p, (float[])(object)g)
                : () => optimizer.Step((double[])(object)p, (double[])(object)g);
            step(); // first step: allocates the state
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100; i++)
            {
                step();
            }
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(0, allocated);
        }
    }

    [Fact]
    public void NesterovDiffersFromPlainMomentum()
    {
        var plain = OptimizerTestProblem.RunDouble(new Momentum(0.05, 0.9), 3);
        var nesterov = OptimizerTestProblem.RunDouble(new Momentum(0.05, 0.9, nesterov: true), 3);
        Assert.True(MaxDifference(plain, nesterov) > 1e-3);
    }

    [Fact]
    public void AdamWDiffersFromAdamWithL2Decay()
    {
        var coupled = OptimizerTestProblem.RunDouble(new Adam(0.01, weightDecay: 0.1), 3);
        var decoupled = OptimizerTestProblem.RunDouble(new AdamW(0.01, weightDecay: 0.1), 3);
        var none = OptimizerTestProblem.RunDouble(new Adam(0.01), 3);
        Assert.True(MaxDifference(coupled, decoupled) > 1e-4);
        // Decoupled decay still changes the trajectory.
        Assert.True(MaxDifference(none, decoupled) > 1e-5);
    }

    [Fact]
    public void MismatchedParameterAndGradientLengthsNameBoth()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Adam().Step(new double[5], new double[4]));
        Assert.Contains("5", ex.Message);
        Assert.Contains("4", ex.Message);
    }

    [Fact]
    public void AStepWithAnotherLengthThanTheFirstNamesTheExpectedLength()
    {
        var optimizer = new Momentum(0.1);
        optimizer.Step(new float[7], new float[7]);
        var ex = Assert.Throws<ArgumentException>(() => optimizer.Step(new float[8], new float[8]));
        Assert.Contains("length 7", ex.Message);
        Assert.Contains("8", ex.Message);
        // The state is untouched by the failed call and still works for the original length.
        optimizer.Step(new float[7], new float[7]);
        Assert.Equal(2, optimizer.StepCount);
    }

    [Fact]
    public void StateIsExposedAfterTheFirstStep()
    {
        var adam = new Adam(0.1, beta1: 0.5, beta2: 0.75);
        Assert.True(adam.GetFirstMoment<double>().IsEmpty);
        adam.Step(new[] { 1.0, 2.0 }, new[] { 2.0, -4.0 });
        Assert.Equal(new[] { 1.0, -2.0 }, adam.GetFirstMoment<double>().ToArray());
        Assert.Equal(new[] { 1.0, 4.0 }, adam.GetSecondMoment<double>().ToArray());
        Assert.True(adam.GetFirstMoment<float>().IsEmpty);
    }

    [Fact]
    public void InvalidConstructorArgumentsAreNamed()
    {
        AssertNamed("learningRate", () => new Sgd(0));
        AssertNamed("learningRate", () => new Sgd(double.NaN));
        AssertNamed("weightDecay", () => new Sgd(0.1, -1));
        AssertNamed("momentum", () => new Momentum(0.1, 1.0));
        AssertNamed("momentum", () => new Momentum(0.1, -0.1));
        AssertNamed("momentum", () => new Momentum(0.1, 0, nesterov: true));
        AssertNamed("beta1", () => new Adam(beta1: 1));
        AssertNamed("beta2", () => new AdamW(beta2: -0.5));
        AssertNamed("epsilon", () => new Adam(epsilon: 0));
        AssertNamed("weightDecay", () => new AdamW(weightDecay: double.PositiveInfinity));
        AssertNamed("learningRate", () => new Adam().LearningRate = -1);

        static void AssertNamed(string parameter, Action create) =>
            Assert.Equal(parameter, Assert.Throws<ArgumentOutOfRangeException>(create).ParamName);
    }

    private static double MaxDifference(double[] a, double[] b)
    {
        double max = 0;
        for (int i = 0; i < a.Length; i++)
        {
            max = Math.Max(max, Math.Abs(a[i] - b[i]));
        }
        return max;
    }
}
