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
    public void DoubleKernelsEqualTheScalarRuleBitForBit(string op, int count) => CheckOp<double>(op, count);

    [Theory]
    [MemberData(nameof(Cases))]
    public void FloatKernelsEqualTheScalarRuleBitForBit(string op, int count) => CheckOp<float>(op, count);

    private static void CheckOp<T>(string op, int count)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        T slope = T.CreateChecked(0.01);
        T zero = T.Zero, one = T.One;
        // The scalar rules, as OpCatalog's templates read (same operations, same order).
        Rule<T> rule = op switch
        {
            "relu" => (x, _) => x > zero ? x : zero,
            "leaky" => (x, _) => x > zero ? x : slope * x,
            "relu'" => (z, dy) => z > zero ? dy : zero,
            "leaky'" => (z, dy) => z > zero ? dy : slope * dy,
            "sigmoid'" => (y, dy) => dy * y * (one - y),
            "tanh'" => (y, dy) => dy * (one - y * y),
            "add" => (x, x2) => x + x2,
            "sub" => (x, x2) => x - x2,
            "mul" => (x, x2) => x * x2,
            "pass'" => (_, dy) => dy,
            "negpass'" => (_, dy) => -dy,
            _ => (other, dy) => dy * other,
        };
        void Kernel(T[] a, T[] b, T[] d, bool accumulate)
        {
            switch (op)
            {
                case "relu": Activations.Relu<T>(a, d, count); break;
                case "leaky": Activations.LeakyRelu<T>(a, d, count, slope); break;
                case "relu'": Activations.ReluBackward<T>(a, b, d, count, accumulate); break;
                case "leaky'": Activations.LeakyReluBackward<T>(a, b, d, count, slope, accumulate); break;
                case "sigmoid'": Activations.SigmoidBackward<T>(a, b, d, count, accumulate); break;
                case "tanh'": Activations.TanhBackward<T>(a, b, d, count, accumulate); break;
                case "add": Elementwise.Add<T>(a, b, d, count); break;
                case "sub": Elementwise.Subtract<T>(a, b, d, count); break;
                case "mul": Elementwise.Multiply<T>(a, b, d, count); break;
                case "pass'": Elementwise.PassGradient<T>(b, d, count, accumulate); break;
                case "negpass'": Elementwise.PassNegatedGradient<T>(b, d, count, accumulate); break;
                default: Elementwise.MultiplyGradient<T>(b, a, d, count, accumulate); break;
            }
        }
        Check(op, count, Array.ConvertAll(Values(count + 3, 1), T.CreateChecked), Array.ConvertAll(Values(count + 3, 2), T.CreateChecked), rule, Kernel);
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
