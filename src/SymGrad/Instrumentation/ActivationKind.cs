namespace SymGrad.Instrumentation;

/// <summary>The activation applied to a layer's output, which decides the unit statistics it gets.</summary>
public enum ActivationKind
{
    /// <summary>No recognized activation directly on the layer's output (a linear output, GELU, ...).</summary>
    None,
    /// <summary>ReLU: the dead-unit fraction is measured.</summary>
    Relu,
    /// <summary>Logistic sigmoid: the saturated-unit fraction is measured.</summary>
    Sigmoid,
    /// <summary>Hyperbolic tangent: the saturated-unit fraction is measured.</summary>
    Tanh,
}
