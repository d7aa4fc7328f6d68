using SymGrad.Kernels;

namespace SymGrad.Tests.Kernels;

/// <summary>
/// Every vector width of the register-blocked <see cref="Dense"/> kernels (512, 256, 128 bits and scalar, each
/// that this machine accelerates) against <see cref="NaiveDense"/>, on sizes that hit the 4 x 4 blocks, the
/// one-vector column tail, the scalar column tail and the row tail at once. Same tolerances as DenseKernelTests.
/// </summary>
public class DenseKernelWidthTests
{
    private const double FloatTolerance = 1e-5;
    private const double DoubleTolerance = 1e-12;

    public static TheoryData<int, int, int, int> Cases()
    {
        var data = new TheoryData<int, int, int, int>(); // width in bits (1 = scalar): SimdWidth is internal
        foreach (int width in new[] { 512, 256, 128, 1 })
        {
            // 150 inputs = 2 blocks of 4 x 16 floats + 1 vector + 6 scalars at 512 bits; 9 and 70 leave row tails.
            data.Add(width, 9, 150, 70);
            data.Add(width, 4, 64, 8);
            data.Add(width, 1, 3, 1);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void AllThreeProductsMatchTheTripleLoop(int bits, int batch, int inputs, int outputs)
    {
        var width = (SimdWidth)bits;
        Assert.True(width == SimdWidth.Scalar || SimdLanes.IsAccelerated<float>(SimdWidth.Bits128), "this machine has no SIMD at all");
        if (!SimdLanes.IsAccelerated<float>(width))
        {
            return; // a width this machine does not accelerate would run as software emulation, not the code users get
        }
        var x = NaiveDense.RoundedToFloat(NaiveDense.Random(batch * inputs, 21));
        var w = NaiveDense.RoundedToFloat(NaiveDense.Random(outputs * inputs, 22));
        var bias = NaiveDense.RoundedToFloat(NaiveDense.Random(outputs, 23));
        var dy = NaiveDense.RoundedToFloat(NaiveDense.Random(batch * outputs, 24));
        var dw0 = NaiveDense.RoundedToFloat(NaiveDense.Random(outputs * inputs, 25));
        var db0 = NaiveDense.RoundedToFloat(NaiveDense.Random(outputs, 26));
        var dx0 = NaiveDense.RoundedToFloat(NaiveDense.Random(batch * inputs, 27));

        var (y, yScale) = NaiveDense.Forward(x, w, bias, batch, inputs, outputs);
        var (dw, dwScale, db, dbScale) = NaiveDense.BackwardWeights(dy, x, dw0, db0, batch, inputs, outputs);
        var (dx, dxScale) = NaiveDense.BackwardInput(dy, w, dx0, batch, inputs, outputs);

        var yf = new float[batch * outputs];
        Dense.ForwardAt<float>(NaiveDense.ToFloat(x), NaiveDense.ToFloat(w), NaiveDense.ToFloat(bias), yf, batch, inputs, outputs, width);
        NaiveDense.AssertClose(y, yScale, yf, FloatTolerance, $"y (float, {width})");

        var yd = new double[batch * outputs];
        Dense.ForwardAt<double>(x, w, bias, yd, batch, inputs, outputs, width);
        NaiveDense.AssertClose(y, yScale, yd, DoubleTolerance, $"y (double, {width})");

        // The packed form: W^T packed once, then the broadcast product.
        var packedF = new float[inputs * outputs];
        Dense.PackTransposed<float>(NaiveDense.ToFloat(w), packedF, inputs, outputs);
        Dense.ForwardPackedAt<float>(NaiveDense.ToFloat(x), packedF, NaiveDense.ToFloat(bias), yf, batch, inputs, outputs, width);
        NaiveDense.AssertClose(y, yScale, yf, FloatTolerance, $"y packed (float, {width})");
        var packedD = new double[inputs * outputs];
        Dense.PackTransposed<double>(w, packedD, inputs, outputs);
        Dense.ForwardPackedAt<double>(x, packedD, bias, yd, batch, inputs, outputs, width);
        NaiveDense.AssertClose(y, yScale, yd, DoubleTolerance, $"y packed (double, {width})");

        var dwf = NaiveDense.ToFloat(dw0);
        var dbf = NaiveDense.ToFloat(db0);
        Dense.BackwardWeightsAt<float>(NaiveDense.ToFloat(dy), NaiveDense.ToFloat(x), dwf, dbf, batch, inputs, outputs, width);
        NaiveDense.AssertClose(dw, dwScale, dwf, FloatTolerance, $"dW (float, {width})");
        NaiveDense.AssertClose(db, dbScale, dbf, FloatTolerance, $"db (float, {width})");

        var dwd = (double[])dw0.Clone();
        var dbd = (double[])db0.Clone();
        Dense.BackwardWeightsAt<double>(dy, x, dwd, dbd, batch, inputs, outputs, width);
        NaiveDense.AssertClose(dw, dwScale, dwd, DoubleTolerance, $"dW (double, {width})");

        var dxf = NaiveDense.ToFloat(dx0);
        Dense.BackwardInputAt<float>(NaiveDense.ToFloat(dy), NaiveDense.ToFloat(w), dxf, batch, inputs, outputs, accumulate: true, width);
        NaiveDense.AssertClose(dx, dxScale, dxf, FloatTolerance, $"dX (float, {width})");

        var dxd = (double[])dx0.Clone();
        Dense.BackwardInputAt<double>(dy, w, dxd, batch, inputs, outputs, accumulate: true, width);
        NaiveDense.AssertClose(dx, dxScale, dxd, DoubleTolerance, $"dX (double, {width})");
    }
}
