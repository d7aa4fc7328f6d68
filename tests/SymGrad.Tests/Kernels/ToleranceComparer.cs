using System;
using System.Collections.Generic;

namespace SymGrad.Tests.Kernels;

/// <summary>Element equality within an absolute tolerance, for comparing short arrays with Assert.Equal.</summary>
internal sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
{
    public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

    public int GetHashCode(double obj) => 0;
}
