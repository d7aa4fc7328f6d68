using System;
using SymGrad;

namespace SymGrad.IntegrationTests.Differentiable;

/// <summary>The README's example functions, in float as a user would write them.</summary>
public static partial class MyMath
{
    [Differentiable]
    public static float Swish(float x) => x / (1 + MathF.Exp(-x));

    [Differentiable]
    public static float Huber(float prediction, float target, float delta = 1f)
    {
        var r = prediction - target;
        return MathF.Abs(r) <= delta ? 0.5f * r * r : delta * (MathF.Abs(r) - 0.5f * delta);
    }
}
