namespace SymGrad.Generators.Model;

/// <summary>
/// A [Differentiable] function used element-wise by a network (<c>Map(x, F)</c>, or
/// <c>ElementwiseMean(prediction, target, F)</c> in [Loss]): what the emitter needs to call F and the
/// derivative the [Differentiable] pipeline emits beside it.
/// </summary>
/// <param name="Type">The containing class, <c>global::</c>-qualified.</param>
/// <param name="Name">The function's name.</param>
/// <param name="IsDouble">Whether F takes and returns double (else float).</param>
/// <param name="Inputs">How many leading parameters take tensor elements (1 for Map, 2 for a loss).</param>
/// <param name="Constants">The default values of the remaining parameters, passed as constants.</param>
/// <param name="DifferentiatedCount">How many parameters F's derivative differentiates (1: FDerivative; more: FGradient).</param>
internal sealed record ElementFunction(string Type, string Name, bool IsDouble, int Inputs, EquatableArray<double> Constants, int DifferentiatedCount)
{
    /// <summary>The source form, <c>MyMath.Swish</c>, for comments.</summary>
    public string Display => (Type.StartsWith("global::", System.StringComparison.Ordinal) ? Type.Substring(8) : Type) + "." + Name;
}
