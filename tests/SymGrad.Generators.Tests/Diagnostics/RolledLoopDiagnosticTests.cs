using SymGrad.Generators.Tests.Parsing;

namespace SymGrad.Generators.Tests.Diagnostics;

/// <summary>Diagnostics of loops kept rolled above LoopRollThreshold (SG0350, SG0351, and SG0014 for the setting).</summary>
public sealed class RolledLoopDiagnosticTests
{
    private const string Cells = "readonly Gru gru = new(2, 3); readonly LayerNorm norm = new(3); readonly Linear head = new(3, 1);";

    [Fact]
    public void SG0350_step_index_that_is_not_a_time_step() =>
        DiagnosticAssert.Single("SG0350", NetworkSource.Create(Cells,
            "{ var h = Zeros(3); $$for (int t = 0; t < 4; t++) { h = gru.Step(x.Step(t * t, 2), h); } return head.Forward(h); }",
            "[Network(InputSize = 20, LoopRollThreshold = 0)]"),
            "'for (int t = 0; t < 4; t++)' runs 4 times", "LoopRollThreshold (0)", "'x.Step(t * t, 2)'");

    [Fact]
    public void SG0350_value_from_two_iterations_back() =>
        DiagnosticAssert.Single("SG0350", NetworkSource.Create(Cells,
            "{ var a = Zeros(3); var h = Zeros(3); $$for (int t = 0; t < 4; t++) { var g = gru.Step(x.Step(t, 2), h); h = a; a = g; } return head.Forward(h + a); }",
            "[Network(InputSize = 8, LoopRollThreshold = 3)]"),
            "runs 4 times", "neither the same node in every iteration nor a variable carried across them");

    [Fact]
    public void SG0351_layer_norm_in_a_rolled_loop() =>
        DiagnosticAssert.Single("SG0351", NetworkSource.Create(Cells,
            "{ var h = Zeros(3); $$for (int t = 0; t < 4; t++) { h = norm.Forward(gru.Step(x.Step(t, 2), h)); } return head.Forward(h); }",
            "[Network(InputSize = 8, LoopRollThreshold = 2)]"),
            "'norm.Forward(gru.Step(x.Step(t, 2), h))'", "saved statistics per call");

    [Fact]
    public void SG0014_negative_loop_roll_threshold() =>
        DiagnosticAssert.Single("SG0014", NetworkSource.Create(Cells,
            "{ var h = Zeros(3); for (int t = 0; t < 4; t++) { h = gru.Step(x.Step(t, 2), h); } return head.Forward(h); }",
            "[Network(InputSize = 8, LoopRollThreshold = $$-1)]"),
            "LoopRollThreshold", "at least 0");

    [Fact]
    public void Layer_norm_in_a_loop_below_the_threshold_is_unrolled_without_diagnostics()
    {
        string source = NetworkSource.Create(Cells,
            "{ var h = Zeros(3); for (int t = 0; t < 4; t++) { h = norm.Forward(gru.Step(x.Step(t, 2), h)); } return head.Forward(h); }",
            "[Network(InputSize = 8, LoopRollThreshold = 4)]");
        var run = GeneratorHarness.Run(GeneratorHarness.Compile(GeneratorHarness.Parse(source, "Net.cs")));
        Assert.Empty(run.Diagnostics);
        Assert.DoesNotContain("Rolled loop", Assert.Single(run.GeneratedSources).Value);
    }
}
