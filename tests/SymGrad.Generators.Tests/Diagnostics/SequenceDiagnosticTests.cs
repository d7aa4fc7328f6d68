using SymGrad.Generators.Tests.Parsing;

namespace SymGrad.Generators.Tests.Diagnostics;

/// <summary>Diagnostics of normalization layers, sequence inputs and recurrent cells (SG0300, SG0301 and the shared IDs they use).</summary>
public sealed class SequenceDiagnosticTests
{
    private const string Cells = "readonly Lstm lstm = new(2, 3); readonly Gru gru = new(2, 3); readonly Linear head = new(3, 1);";

    [Fact]
    public void SG0300_step_of_an_input_whose_width_is_unknown() =>
        DiagnosticAssert.Single("SG0300", NetworkSource.Create(Cells,
            "{ var h = Zeros(3); for (int t = 0; t < 4; t++) { h = gru.Step($$x.Step(t, 2), h); } return head.Forward(h); }"),
            "'x.Step(t, 2)'", "InputSize = T * F");

    [Fact]
    public void SG0301_step_outside_the_sequence() =>
        DiagnosticAssert.Single("SG0301", NetworkSource.Create(Cells,
            "{ var h = Zeros(3); for (int t = 0; t <= 4; t++) { h = gru.Step($$x.Step(t, 2), h); } return head.Forward(h); }",
            "[Network(InputSize = 8)]"),
            "columns [8, 10)", "8 features");

    [Theory]
    [InlineData("{ var h = Zeros(3); h = $$lstm.Step(x.Step(0, 2), h, h); return head.Forward(h); }", "Recurrent cell call")]
    [InlineData("{ var h = Zeros(3); $$(h, h) = gru.Step(x.Step(0, 2), h); return head.Forward(h); }", "Tuple assignment")]
    [InlineData("{ var h = Zeros(3); h = $$gru.Forward(x.Step(0, 2)); return head.Forward(h); }", "Recurrent cell call")]
    [InlineData("{ var h = $$Zeros(0); return head.Forward(h); }", "Op call")]
    public void SG0007_misused_cells_and_zeros(string forward, string construct) =>
        DiagnosticAssert.Single("SG0007", NetworkSource.Create(Cells, forward, "[Network(InputSize = 2)]"), construct);

    [Fact]
    public void SG0008_cell_state_of_the_wrong_width() =>
        DiagnosticAssert.Single("SG0008", NetworkSource.Create(Cells,
            "{ var h = Zeros(4); h = gru.Step(x.Step(0, 2), $$h); return head.Forward(h); }", "[Network(InputSize = 2)]"),
            "[B, 4] versus [B, 3]");

    [Theory]
    [InlineData("readonly BatchNorm bn = new(4, momentum: $$1.5);", "'momentum'", "in [0, 1]")]
    [InlineData("readonly BatchNorm bn = new(4, 0.1, $$0);", "'epsilon'", "greater than 0")]
    [InlineData("readonly Dropout bn = new($$1.0);", "'probability'", "in [0, 1)")]
    [InlineData("readonly LayerNorm bn = new($$0);", "'features'", "at least 1")]
    public void SG0014_invalid_normalization_arguments(string field, string argument, string rule) =>
        DiagnosticAssert.Single("SG0014", NetworkSource.Create(field + " readonly Linear fc = new(4, 4);", "=> fc.Forward(x);"), argument, rule);

    [Fact]
    public void SG0008_batch_norm_of_the_wrong_width() =>
        DiagnosticAssert.Single("SG0008", NetworkSource.Create("readonly Linear fc = new(4, 5); readonly BatchNorm bn = new(4);",
            "=> $$bn.Forward(fc.Forward(x));"), "[B, 5] versus [B, 4]");
}
