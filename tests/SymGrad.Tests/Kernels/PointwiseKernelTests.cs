using System;
using SymGrad.Kernels;

namespace SymGrad.Tests.Kernels;

/// <summary>
/// The vectorized ReLU, leaky ReLU, backward and element-wise arithmetic kernels against the scalar form of OpCatalog's templates, written
/// out here by hand: bit-identical results (the kernels must not change a single gradient), over values that
/// include NaN, infinities, +0 and -0, with counts that leave scalar tails, overwrite and accumulate.
/// </summary>
public class PointwiseKernelTests
{
    private delegate T Rule<T>(T value, T dy);

    private static double[] Values(int n, int seed)
    {
        var random = new Random(seed);
        var values = new double[n];
        for (int k = 0; k < n; k++)
        {
            values[k] = (random.NextDouble() - 0.5) * 8;
        }
        double[] special = { double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.0, -0.0, 1e-320, -1e-320, 1.0, -1.0 };
        for (int k = 0; k < special.Length && k < n; k++)
        {
            values[(k * 7) % n] = special[k];
        }
        return values;
    }

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (string op in new[] { "relu", "leaky", "relu'", "leaky'", "sigmoid'", "tanh'", "add", "sub", "mul", "pass'", "negpass'", "mul'" })
        {
            foreach (int count in new[] { 0, 1, 7, 16, 33, 203 })
            {
                data.Add(op, count);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void DoubleKernelsEqualTheScalarRuleBitForBit(string op, int count)
    {
        const double slope = 0.01;
        Rule<double> rule = op switch
        {
            "relu" => (x, _) => x > 0.0 ? x : 0.0,
            "leaky" => (x, _) => x > 0.0 ? x : slope * x,
            "relu'" => (z, dy) => z > 0.0 ? dy : 0.0,
            "leaky'" => (z, dy) => z > 0.0 ? dy : slope * dy,
            "sigmoid'" => (y, dy) => dy * y * (1.0 - y),
            "tanh'" => (y, dy) => dy * (1.0 - y * y),
            "add" => (x, x2) => x + x2,
            "sub" => (x, x2) => x - x2,
            "mul" => (x, x2) => x * x2,
            "pass'" => (_, dy) => dy,
            "negpass'" => (_, dy) => -dy,
            _ => (other, dy) => dy * other,
        };
        void Kernel(double[] a, double[] b, double[] d, bool accumulate)
        {
            switch (op)
            {
                case "relu": Activations.Relu<double>(a, d, count); break;
                case "leaky": Activations.LeakyRelu<double>(a, d, count, slope); break;
                case "relu'": Activations.ReluBackward<double>(a, b, d, count, accumulate); break;
                case "leaky'": Activations.LeakyReluBackward<double>(a, b, d, count, slope, accumulate); break;
                case "sigmoid'": Activations.SigmoidBackward<double>(a, b, d, count, accumulate); break;
                case "tanh'": Activations.TanhBackward<double>(a, b, d, count, accumulate); break;
                case "add": Elementwise.Add<double>(a, b, d, count); break;
                case "sub": Elementwise.Subtract<double>(a, b, d, count); break;
                case "mul": Elementwise.Multiply<double>(a, b, d, count); break;
                case "pass'": Elementwise.PassGradient<double>(b, d, count, accumulate); break;
                case "negpass'": Elementwise.PassNegatedGradient<double>(b, d, count, accumulate); break;
                default: Elementwise.MultiplyGradient<double>(b, a, d, count, accumulate); break;
            }
        }
        Check(op, count, Values(count + 3, 1), Values(count + 3, 2), rule, Kernel);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void FloatKernelsEqualTheScalarRuleBitForBit(string op, int count)
    {
        const float slope = 0.01f;
        Rule<float> rule = op switch
        {
            "relu" => (x, _) => x > 0f ? x : 0f,
            "leaky" => (x, _) => x > 0f ? x : slope * x,
            "relu'" => (z, dy) => z > 0f ? dy : 0f,
            "leaky'" => (z, dy) => z > 0f ? dy : slope * dy,
            "sigmoid'" => (y, dy) => dy * y * (1f - y),
            "tanh'" => (y, dy) => dy * (1f - y * y),
            "add" => (x, x2) => x + x2,
            "sub" => (x, x2) => x - x2,
            "mul" => (x, x2) => x * x2,
            "pass'" => (_, dy) => dy,
            "negpass'" => (_, dy) => -dy,
            _ => (other, dy) => dy * other,
        };
        void Kernel(float[] a, float[] b, float[] d, bool accumulate)
        {
            switch (op)
            {
                case "relu": Activations.Relu<float>(a, d, count); break;
                case "leaky": Activations.LeakyRelu<float>(a, d, count, slope); break;
                case "relu'": Activations.ReluBackward<float>(a, b, d, count, accumulate); break;
                case "leaky'": Activations.LeakyReluBackward<float>(a, b, d, count, slope, accumulate); break;
                case "sigmoid'": Activations.SigmoidBackward<float>(a, b, d, count, accumulate); break;
                case "tanh'": Activations.TanhBackward<float>(a, b, d, count, accumulate); break;
                case "add": Elementwise.Add<float>(a, b, d, count); break;
                case "sub": Elementwise.Subtract<float>(a, b, d, count); break;
                case "mul": Elementwise.Multiply<float>(a, b, d, count); break;
                case "pass'": Elementwise.PassGradient<float>(b, d, count, accumulate); break;
                case "negpass'": Elementwise.PassNegatedGradient<float>(b, d, count, accumulate); break;
                default: Elementwise.MultiplyGradient<float>(b, a, d, count, accumulate); break;
            }
        }
        Check(op, count, Array.ConvertAll(Values(count + 3, 1), v => (float)v), Array.ConvertAll(Values(count + 3, 2), v => (float)v), rule, Kernel);
    }

    private static void Check<T>(string op, int count, T[] a, T[] b, Rule<T> rule, Action<T[], T[], T[], bool> kernel)
        where T : struct, System.Numerics.IFloatingPointIeee754<T>
    {
        bool backward = op.EndsWith('\'');
        foreach (bool accumulate in backward ? new[] { false, true } : new[] { false })
        {
            var destination = (T[])b.Clone();  // arbitrary prior contents: overwritten, or added to
            Array.Reverse(destination);
            var expected = (T[])destination.Clone();
            for (int k = 0; k < count; k++)
            {
                T value = rule(a[k], b[k]);
                expected[k] = accumulate ? expected[k] + value : value;
            }
            kernel(a, b, destination, accumulate);
            for (int k = 0; k < destination.Length; k++)
            {
                // Bit patterns, so that NaN equals NaN and -0 differs from +0.
                Assert.True(Bits(expected[k]) == Bits(destination[k]),
                    $"{op} (accumulate {accumulate}) at {k}: a = {a[k]}, b = {b[k]}: expected {expected[k]}, got {destination[k]}");
            }
        }
    }

    private static long Bits<T>(T value) => value is float f ? BitConverter.SingleToInt32Bits(f) : BitConverter.DoubleToInt64Bits(Convert.ToDouble(value));

    [Fact]
    public void ShortSpansAreRejectedWithTheArgumentName()
    {
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => Activations.Relu<float>(new float[4], new float[3], 4)).ParamName);
        Assert.Equal("dy", Assert.Throws<ArgumentException>(() => Activations.ReluBackward<float>(new float[4], new float[3], new float[4], 4, false)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => Activations.TanhBackward<float>(new float[2], new float[4], new float[4], 4, true)).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => Activations.LeakyRelu<float>(new float[4], new float[4], -1, 0.1f)).ParamName);
    }
}
