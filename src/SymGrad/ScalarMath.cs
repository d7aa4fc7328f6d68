using System;

namespace SymGrad;

/// <summary>Scalar functions that <see cref="Math"/> lacks, used by generated code and the reference path.</summary>
public static class ScalarMath
{
    /// <summary>The error function, to double precision (W. J. Cody's rational approximations).</summary>
    public static double Erf(double x) => throw new NotImplementedException();

    /// <summary>The error function in single precision (computed in double, rounded once).</summary>
    public static float Erf(float x) => (float)Erf((double)x);
}
