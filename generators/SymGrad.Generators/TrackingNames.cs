namespace SymGrad.Generators;

/// <summary>Names of the pipeline's tracked steps, so tests can assert that a rerun was cached.</summary>
internal static class TrackingNames
{
    public const string Networks = nameof(Networks);
    public const string Specs = nameof(Specs);
    public const string Shells = nameof(Shells);
    public const string Diagnostics = nameof(Diagnostics);
    public const string Functions = nameof(Functions);
    public const string FunctionSpecs = nameof(FunctionSpecs);
    public const string FunctionDiagnostics = nameof(FunctionDiagnostics);
}
