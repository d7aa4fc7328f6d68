using System.Linq;

namespace SymGrad.Generators.Tests.Golden;

/// <summary>Golden files of a batch norm network and a T = 3 LSTM network (issue 5's layers).</summary>
public sealed class SequenceGoldenFileTests
{
    private const string BatchNormMlp = """
        using SymGrad;

        namespace Samples;

        [Network(MaxBatchSize = 32)]
        public partial class BatchNormMlp
        {
            readonly Linear fc1 = new(8, 16, Init.XavierUniform);
            readonly BatchNorm bn = new(16);
            readonly Dropout drop = new(0.1);
            readonly Linear fc2 = new(16, 4, Init.XavierUniform);

            [Forward]
            Tensor Forward(Tensor x)
            {
                var h = Sigmoid(bn.Forward(fc1.Forward(x)));
                h = drop.Forward(h);
                return fc2.Forward(h);
            }

            [Loss]
            Tensor Loss(Tensor logits, Tensor target) => SoftmaxCrossEntropy(logits, target);
        }
        """;

    private const string LstmT3 = """
        using SymGrad;

        namespace Samples;

        [Network(InputSize = T * F, MaxBatchSize = 16)]
        public partial class LstmT3
        {
            const int T = 3, F = 2, H = 3;
            readonly Lstm lstm = new(F, H);
            readonly LayerNorm norm = new(H);
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
                return head.Forward(norm.Forward(h));
            }

            [Loss]
            Tensor Loss(Tensor prediction, Tensor target) => MeanSquaredError(prediction, target);
        }
        """;

    public static TheoryData<string> Networks => new() { "BatchNormMlp", "LstmT3" };

    [Theory]
    [MemberData(nameof(Networks))]
    public void GeneratedCodeMatchesBaseline(string name)
    {
        string source = name == "BatchNormMlp" ? BatchNormMlp : LstmT3;
        var run = GeneratorHarness.Run(GeneratorHarness.Compile(GeneratorHarness.Parse(source, name + ".cs")));

        Assert.Empty(run.Exceptions);
        Assert.Empty(run.Diagnostics);
        var (hintName, text) = Assert.Single(run.GeneratedSources.Select(s => (s.Key, s.Value)));
        Baselines.AssertMatches(name, hintName, text);
    }
}
