using System;

namespace SymGrad;

/// <summary>Scalar functions that <see cref="Math"/> lacks, used by generated code and the reference path.</summary>
public static class ScalarMath
{
    // W. J. Cody, "Rational Chebyshev approximations for the error function", Math. Comp. 23 (1969),
    // pp. 631-638, with the coefficients of his CALERF routine (netlib specfun). Three intervals:
    // erf itself on |x| <= 0.46875, erfc on (0.46875, 4], and erfc in powers of 1/x^2 beyond 4.
    private const double SmallThreshold = 0.46875;
    private const double MiddleLimit = 4.0;
    // Below this, x*x may underflow and erf(x) = 2x/sqrt(pi) to machine precision.
    private const double Tiny = 1.11e-16;
    // At and beyond this, erfc(x) underflows to zero in double precision.
    private const double ErfcUnderflow = 26.543;
    private const double InverseSqrtPi = 0.56418958354775628695;

    private static readonly double[] A =
    {
        3.16112374387056560e00, 1.13864154151050156e02, 3.77485237685302021e02,
        3.20937758913846947e03, 1.85777706184603153e-1,
    };
    private static readonly double[] B =
    {
        2.36012909523441209e01, 2.44024637934444173e02, 1.28261652607737228e03,
        2.84423683343917062e03,
    };
    private static readonly double[] C =
    {
        5.64188496988670089e-1, 8.88314979438837594e00, 6.61191906371416295e01,
        2.98635138197400131e02, 8.81952221241769090e02, 1.71204761263407058e03,
        2.05107837782607147e03, 1.23033935479799725e03, 2.15311535474403846e-8,
    };
    private static readonly double[] D =
    {
        1.57449261107098347e01, 1.17693950891312499e02, 5.37181101862009858e02,
        1.62138957456669019e03, 3.29079923573345963e03, 4.36261909014324716e03,
        3.43936767414372164e03, 1.23033935480374942e03,
    };
    private static readonly double[] P =
    {
        3.05326634961232344e-1, 3.60344899949804439e-1, 1.25781726111229246e-1,
        1.60837851487422766e-2, 6.58749161529837803e-4, 1.63153871373020978e-2,
    };
    private static readonly double[] Q =
    {
        2.56852019228982242e00, 1.87295284992346047e00, 5.27905102951428412e-1,
        6.05183413124413191e-2, 2.33520497626869185e-3,
    };

    /// <summary>
    /// The error function, to double precision (W. J. Cody's rational Chebyshev approximations,
    /// relative error about 1e-16). erf(±∞) = ±1; erf(NaN) = NaN.
    /// </summary>
    public static double Erf(double x)
    {
        double y = Math.Abs(x);
        if (y <= SmallThreshold)
        {
            double ysq = y > Tiny ? y * y : 0.0;
            double numerator = A[4] * ysq;
            double denominator = ysq;
            for (int i = 0; i < 3; i++)
            {
                numerator = (numerator + A[i]) * ysq;
                denominator = (denominator + B[i]) * ysq;
            }
            return x * (numerator + A[3]) / (denominator + B[3]);
        }

        // erf(|x|) = 1 - erfc(|x|); written (0.5 - erfc) + 0.5 as Cody does, to round once.
        double result = 0.5 - ErfcAbove(y) + 0.5;
        return x < 0 ? -result : result;
    }

    /// <summary>The error function in single precision (computed in double, rounded once).</summary>
    public static float Erf(float x) => (float)Erf((double)x);

    /// <summary>
    /// The complementary error function 1 - erf(x), accurate in relative terms also where it is tiny
    /// (x up to 26.5, beyond which it underflows). Internal: only tests need it today.
    /// </summary>
    internal static double Erfc(double x)
    {
        double y = Math.Abs(x);
        double upper = y <= SmallThreshold ? 1.0 - Erf(y) : ErfcAbove(y);
        return x < 0 ? 2.0 - upper : upper;
    }

    // erfc(y) for y > 0.46875 (or NaN).
    private static double ErfcAbove(double y)
    {
        double scaled; // exp(y^2) * erfc(y)
        if (y <= MiddleLimit)
        {
            double numerator = C[8] * y;
            double denominator = y;
            for (int i = 0; i < 7; i++)
            {
                numerator = (numerator + C[i]) * y;
                denominator = (denominator + D[i]) * y;
            }
            scaled = (numerator + C[7]) / (denominator + D[7]);
        }
        else
        {
            if (y >= ErfcUnderflow)
            {
                return 0.0;
            }
            double inverseSquare = 1.0 / (y * y);
            double numerator = P[5] * inverseSquare;
            double denominator = inverseSquare;
            for (int i = 0; i < 4; i++)
            {
                numerator = (numerator + P[i]) * inverseSquare;
                denominator = (denominator + Q[i]) * inverseSquare;
            }
            double correction = inverseSquare * (numerator + P[4]) / (denominator + Q[4]);
            scaled = (InverseSqrtPi - correction) / y;
        }

        // exp(-y^2) computed as exp(-r^2) * exp(-(y - r)(y + r)) with r = y rounded down to 1/16,
        // so that r^2 is exact and the rounding error of y*y is not amplified by exp.
        double rounded = Math.Truncate(y * 16.0) / 16.0;
        double delta = (y - rounded) * (y + rounded);
        return Math.Exp(-rounded * rounded) * Math.Exp(-delta) * scaled;
    }
}
