using System.Linq;

namespace SymGrad.Generators.Tests.Parsing;

/// <summary>The parser reads a layer's init by value, so every Init member, including the last added, is accepted.</summary>
public sealed class InitParsingTests
{
    private const string Source = """
        using SymGrad;

        [Network(MaxBatchSize = 4)]
        public partial class Net
        {
            readonly Linear fc1 = new(3, 4, Init.StandardUniform);
            readonly Linear fc2 = new(4, 2, (Init)6);

            [Forward]
            Tensor Forward(Tensor x) => fc2.Forward(Tanh(fc1.Forward(x)));

            [Loss]
            Tensor Loss(Tensor y, Tensor t) => MeanSquaredError(y, t);
        }
        """;

    [Fact]
    public void StandardUniform_by_name_and_by_value_parses_without_diagnostics()
    {
        var run = GeneratorHarness.Run(Source);
        Assert.Empty(run.Exceptions);
        Assert.Empty(run.Diagnostics);
        Assert.Equal(new[] { "StandardUniform", "StandardUniform" }, run.Spec.Layers.Select(l => l.Init).ToArray());
    }
}
