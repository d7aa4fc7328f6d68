namespace SymGrad;

/// <summary>
/// Weight initialization schemes. fan_in is the layer's input width, fan_out its output width.
/// Biases start at the layer's bias value (0 unless given).
/// </summary>
public enum Init
{
    /// <summary>All weights 0.</summary>
    Zeros,
    /// <summary>Glorot and Bengio (2010): U[-a, a], a = sqrt(6 / (fan_in + fan_out)). For sigmoid and tanh.</summary>
    XavierUniform,
    /// <summary>Glorot and Bengio (2010): N(0, 2 / (fan_in + fan_out)). For sigmoid and tanh.</summary>
    XavierNormal,
    /// <summary>He et al. (2015): U[-a, a], a = sqrt(6 / fan_in). For ReLU.</summary>
    HeUniform,
    /// <summary>He et al. (2015): N(0, 2 / fan_in). For ReLU.</summary>
    HeNormal,
    /// <summary>LeCun (1998): N(0, 1 / fan_in). For SELU and linear layers.</summary>
    LeCunNormal,
    /// <summary>
    /// The "standard" init of Glorot and Bengio (2010), eq. 1: U[-a, a], a = 1 / sqrt(fan_in), so variance 1 / (3 fan_in).
    /// Too small by sqrt(3) per layer for tanh; kept to reproduce their comparison with <see cref="XavierUniform"/>.
    /// </summary>
    StandardUniform,
}
