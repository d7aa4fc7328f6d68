using System;

namespace SymGrad;

/// <summary>Numeric precision of a generated network.</summary>
public enum Precision
{
    /// <summary>32-bit <see cref="float"/> buffers and arithmetic (the default).</summary>
    Float,
    /// <summary>64-bit <see cref="double"/> buffers and arithmetic (gradient checks).</summary>
    Double,
}

/// <summary>
/// Marks a <c>partial</c> class as a network definition. The SymGrad generator reads its layer fields,
/// its <see cref="ForwardAttribute"/> method and its <see cref="LossAttribute"/> method and emits an
/// unrolled, allocation-free trainer into the other half of the partial class.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class NetworkAttribute : Attribute
{
    /// <summary>Largest batch the generated workspaces are allocated for (default 64).</summary>
    public int MaxBatchSize { get; set; } = 64;

    /// <summary>Precision of the generated code (default <see cref="SymGrad.Precision.Float"/>).</summary>
    public Precision Precision { get; set; } = Precision.Float;

    /// <summary>
    /// Input width, when it cannot be inferred from the first layer that reads the input
    /// (0, the default, means infer).
    /// </summary>
    public int InputSize { get; set; }

    /// <summary>
    /// Generate per-layer gradient statistics into the backward pass (default false): the network gets a
    /// <c>Statistics</c> property (<see cref="Instrumentation.GradientStatistics"/>), rejects non-finite
    /// inputs and targets, and records clipping and update/weight ratios in <c>TrainStep</c>. Off, the
    /// generated file contains none of this code.
    /// </summary>
    public bool Instrumentation { get; set; }

    /// <summary>
    /// Trip count above which a constant-bound <c>for</c> loop in <c>[Forward]</c> stays a loop over
    /// preallocated per-step storage (a static tape) instead of being unrolled (default
    /// <see cref="DefaultLoopRollThreshold"/>). 0 rolls every loop of two or more iterations;
    /// <see cref="int.MaxValue"/> unrolls every loop. Gradients are the same either way (to rounding).
    /// </summary>
    public int LoopRollThreshold { get; set; } = DefaultLoopRollThreshold;

    /// <summary>The default of <see cref="LoopRollThreshold"/>, from the measurements in the README ("Long loops").</summary>
    public const int DefaultLoopRollThreshold = 16;

    /// <summary>
    /// Largest dense layer, in weights, that is unrolled into scalar statements (one multiply per weight,
    /// indices as constants, so that a reader sees every term of the chain rule); larger layers call the
    /// runtime's SIMD kernels (default <see cref="DefaultUnrollThreshold"/>). Raise it (e.g. to 256 for
    /// 16 x 16 layers) to read a small network's backward pass term by term; 0 unrolls nothing.
    /// Gradients are the same either way (to rounding).
    /// </summary>
    public int UnrollThreshold { get; set; } = DefaultUnrollThreshold;

    /// <summary>
    /// The default of <see cref="UnrollThreshold"/>: above about 64 weights the vector kernels beat scalar
    /// statements (README, "Reading the generated code": a 16 x 16 layer unrolled ran the 2-16-16-1 step 2.5 times slower).
    /// </summary>
    public const int DefaultUnrollThreshold = 64;
}

/// <summary>Marks the method <c>Tensor Forward(Tensor x)</c> that defines the network's computation.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class ForwardAttribute : Attribute
{
}

/// <summary>Marks the method <c>Tensor Loss(Tensor prediction, Tensor target)</c> that defines the training loss.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class LossAttribute : Attribute
{
}

/// <summary>Marks a static scalar function that the generator differentiates symbolically.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class DifferentiableAttribute : Attribute
{
}
