using System.Linq;
using SymGrad.Ops;

namespace SymGrad.Generators.Tests.Emitter;

/// <summary>
/// The acceptance point "a deliberately wrong derivative rule makes these tests fail": the same
/// spec emitted with one wrong rule must fail the finite-difference check that the right one passes.
/// </summary>
public class EmitterMutationTests
{
    private const int Batch = 4;

    private static GradientCheckResult CheckSigmoidMlp(OpInfo[]? rules, string suffix)
    {
        var network = TestNetworks.SigmoidMlp(isDouble: true).CreateDouble(seed: 2, rules, suffix);
        return GradientChecker.Check(network, GradientChecker.Values(Batch * 2, 31), GradientChecker.Values(Batch, 37));
    }

    private static OpInfo[] WithRule(OpKind kind, string backwardTemplate) =>
        OpCatalog.All.Select(op => op.Kind == kind ? op.WithBackwardTemplate(backwardTemplate) : op).ToArray();

    [Fact]
    public void CatalogRules_PassTheCheck()
    {
        var result = CheckSigmoidMlp(OpCatalog.All.ToArray(), "Catalog");

        Assert.True(result.Passed, result.FirstMismatch);
    }

    [Theory]
    [InlineData("{dy} * {y}")]                        // forgot the (1 - y) factor
    [InlineData("{dy} * {y} * ({L:1} + {y})")]        // wrong sign inside
    [InlineData("{dy} * {L:0.25}")]                   // the bound instead of the derivative
    public void WrongSigmoidDerivative_FailsTheCheck(string wrongTemplate)
    {
        var result = CheckSigmoidMlp(WithRule(OpKind.Sigmoid, wrongTemplate), "Mutant");

        Assert.False(result.Passed, "the finite-difference check did not notice a wrong sigmoid derivative");
        Assert.True(result.Mismatches > 10, $"only {result.Mismatches} mismatches");
    }

    [Fact]
    public void WrongRule_IsWhatTheEmitterWrites()
    {
        string emitted = NetworkGenerator.Emit(TestNetworks.SigmoidMlp(isDouble: true).Spec, WithRule(OpKind.Sigmoid, "{dy} * {y}"));

        Assert.Contains("dx[k] = dy[k] * y[k];", emitted);
        Assert.DoesNotContain("dy[k] * y[k] * (1.0 - y[k])", emitted);
        // The catalog's rule runs as the vectorized kernel (PointwiseKernelTests hold it to the same expression).
        Assert.Contains("global::SymGrad.Kernels.Activations.SigmoidBackward<double>(", NetworkGenerator.Emit(TestNetworks.SigmoidMlp(isDouble: true).Spec));
        Assert.DoesNotContain("global::SymGrad.Kernels.Activations.SigmoidBackward<double>(", emitted);
    }
}
