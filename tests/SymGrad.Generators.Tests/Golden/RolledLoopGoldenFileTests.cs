using System.Linq;

namespace SymGrad.Generators.Tests.Golden;

/// <summary>Golden file of a loop kept rolled (a static tape): a T = 4 LSTM made rolled by LoopRollThreshold = 2, so the file stays short.</summary>
public sealed class RolledLoopGoldenFileTests
{
    private const string RolledLstm = """
        using SymGrad;

        namespace Samples;

        [Network(InputSize = T * F, MaxBatchSize = 4, LoopRollThreshold = 2)]
        public partial class RolledLstm
        {
            const int T = 4, F = 2, H = 2;
            readonly Lstm lstm = new(F, H);
            readonly Linear head = new(H, 1);

            [Forward]
            Tensor Forward(Tensor x)
            {
                var h = Zeros(H);
                var c = Zeros(H);
                for (int t = 0; t < T; t++)
                {
                    (h, c) = lstm.Step(x.Step(t, F), h, c);
                }
                return head.Forward(h);
            }

            [Loss]
            Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
        }
        """;

    [Fact]
    public void GeneratedCodeMatchesBaseline()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.Compile(GeneratorHarness.Parse(RolledLstm, "RolledLstm.cs")));

        Assert.Empty(run.Exceptions);
        Assert.Empty(run.Diagnostics);
        var (hintName, text) = Assert.Single(run.GeneratedSources.Select(s => (s.Key, s.Value)));
        Assert.Contains("for (int __sg_t = 3; __sg_t >= 0; __sg_t--)", text); // the backward loop, independently of the baseline
        Baselines.AssertMatches("RolledLstm", hintName, text);
    }
}
