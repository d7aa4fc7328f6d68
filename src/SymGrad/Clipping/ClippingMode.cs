namespace SymGrad.Clipping;

/// <summary>How <see cref="GradientClipping"/> limits a gradient.</summary>
public enum ClippingMode
{
    /// <summary>Scale the whole gradient by max / (||g|| + 1e-6) when ||g|| &gt; max (PyTorch's clip_grad_norm_).</summary>
    GlobalNorm,
    /// <summary>The same rule applied to each layer's gradient (weight and bias together) on its own.</summary>
    PerLayerNorm,
    /// <summary>Clamp each element to [-max, max] (PyTorch's clip_grad_value_).</summary>
    ByValue,
}

/// <summary>What one clipping call did: the global gradient norm before and after, and whether it changed anything.</summary>
/// <param name="NormBefore">||g||_2 over the whole gradient before clipping.</param>
/// <param name="NormAfter">||g||_2 after clipping.</param>
/// <param name="Fired">Whether any value was changed.</param>
public readonly record struct ClipResult(double NormBefore, double NormAfter, bool Fired);
