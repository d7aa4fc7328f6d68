using SymGrad.Generators.Tests.Parsing;

namespace SymGrad.Generators.Tests.Diagnostics;

/// <summary>Diagnostics about the class, its attribute, its layer fields and its methods (SG0001-SG0005, SG0009, SG0011-SG0014).</summary>
public sealed class ClassDiagnosticTests
{
    private const string Members = """
        readonly Linear fc = new(4, 2);
        [Forward] Tensor Forward(Tensor x) => fc.Forward(x);
        [Loss] Tensor Loss(Tensor p, Tensor t) => MeanSquaredError(p, t);
    """;

    [Fact]
    public void SG0001_class_not_partial()
    {
        DiagnosticAssert.Single("SG0001", "using SymGrad;\n[Network]\npublic class $$Net\n{\n" + Members + "\n}", "'Net'", "partial");
        var run = GeneratorHarness.Run("using SymGrad;\n[Network]\npublic class Net\n{\n" + Members + "\n}");
        Assert.Null(run.Result.Shell); // a class that is not partial cannot take a generated partial
    }

    [Fact]
    public void SG0002_missing_forward() =>
        DiagnosticAssert.Single("SG0002", """
            using SymGrad;
            [Network]
            partial class $$Net
            {
                readonly Linear fc = new(4, 2);
                Tensor Forward(Tensor x) => fc.Forward(x);
                [Loss] Tensor Loss(Tensor p, Tensor t) => MeanSquaredError(p, t);
            }
            """, "'Net'", "[Forward]");

    [Fact]
    public void SG0003_duplicate_forward_at_the_second() =>
        DiagnosticAssert.Single("SG0003", """
            using SymGrad;
            [Network]
            partial class Net
            {
                readonly Linear fc = new(4, 2);
                [Forward] Tensor Forward(Tensor x) => fc.Forward(x);
                [Forward] Tensor $$Other(Tensor x) => fc.Forward(x);
                [Loss] Tensor Loss(Tensor p, Tensor t) => MeanSquaredError(p, t);
            }
            """, "'Net'", "more than one [Forward]");

    [Fact]
    public void SG0004_missing_loss() =>
        DiagnosticAssert.Single("SG0004", """
            using SymGrad;
            [Network]
            partial class $$Net
            {
                readonly Linear fc = new(4, 2);
                [Forward] Tensor Forward(Tensor x) => fc.Forward(x);
            }
            """, "'Net'", "[Loss]");

    [Fact]
    public void SG0005_duplicate_loss_at_the_second() =>
        DiagnosticAssert.Single("SG0005", """
            using SymGrad;
            [Network]
            partial class Net
            {
                readonly Linear fc = new(4, 2);
                [Forward] Tensor Forward(Tensor x) => fc.Forward(x);
                [Loss] Tensor Loss(Tensor p, Tensor t) => MeanSquaredError(p, t);
                [Loss] Tensor $$Loss2(Tensor p, Tensor t) => MeanSquaredError(p, t);
            }
            """, "more than one [Loss]");

    [Theory]
    [InlineData("static int n = 4; readonly Linear fc = new($$n, 2);", "'inputs'")]
    [InlineData("static int n = 4; readonly Linear fc = new(4, outputs: $$n);", "'outputs'")]
    [InlineData("static Init init = Init.HeNormal; readonly Linear fc = new(4, 2, $$init);", "'init'")]
    [InlineData("static float b = 1; readonly Linear fc = new(4, 2, bias: $$b);", "'bias'")]
    [InlineData("readonly Linear $$fc;", "'initializer'")]
    [InlineData("readonly Linear $$fc = Make();\n static Linear Make() => new(4, 2);", "'initializer'")]
    public void SG0009_layer_argument_not_constant(string fields, string argument) =>
        DiagnosticAssert.Single("SG0009", NetworkSource.Create(fields, "=> fc.Forward(x);"), argument, "layer 'fc'");

    [Theory]
    [InlineData("Tensor $$Forward(Tensor x, int steps)", "[Forward]")]
    [InlineData("double $$Forward(Tensor x)", "[Forward]")]
    [InlineData("Tensor $$Forward(ref Tensor x)", "[Forward]")]
    public void SG0011_invalid_forward_signature(string signature, string kind) =>
        DiagnosticAssert.Single("SG0011", """
            using SymGrad;
            [Network(InputSize = 2)]
            partial class Net
            {
                [Forward] SIGNATURE => throw null!;
                [Loss] Tensor Loss(Tensor p, Tensor t) => MeanSquaredError(p, t);
            }
            """.Replace("SIGNATURE", signature), kind, "'Forward'", "'Tensor Forward(Tensor x)'");

    [Fact]
    public void SG0011_invalid_loss_signature() =>
        DiagnosticAssert.Single("SG0011", """
            using SymGrad;
            [Network(InputSize = 2)]
            partial class Net
            {
                [Forward] Tensor Forward(Tensor x) => Relu(x);
                [Loss] Tensor $$Loss(Tensor p) => p;
            }
            """, "[Loss]", "'Tensor Loss(Tensor prediction, Tensor target)'");

    [Theory]
    [InlineData("class Outer\n{\n[Network]\npublic partial class $$Net\n{\nMEMBERS\n}\n}", "nested in 'Outer'")]
    [InlineData("[Network]\npublic partial class $$Net<T>\n{\nMEMBERS\n}", "generic")]
    [InlineData("public class Base { }\n[Network]\npublic partial class $$Net : Base\n{\nMEMBERS\n}", "derives from 'Base'")]
    public void SG0012_unsupported_class(string declaration, string reason) =>
        DiagnosticAssert.Single("SG0012", "using SymGrad;\n" + declaration.Replace("MEMBERS", Members), "'Net'", reason);

    [Fact]
    public void SG0013_input_width_cannot_be_inferred() =>
        DiagnosticAssert.Single("SG0013", """
            using SymGrad;
            [Network]
            partial class $$Net
            {
                [Forward] Tensor Forward(Tensor x) => Relu(x) + x;
                [Loss] Tensor Loss(Tensor p, Tensor t) => MeanSquaredError(p, t);
            }
            """, "'Net'", "InputSize");

    [Theory]
    [InlineData("[Network(MaxBatchSize = $$0)]", "", "MaxBatchSize must be at least 1, but is 0")]
    [InlineData("[Network(InputSize = $$-1)]", "", "InputSize must be at least 0")]
    [InlineData("[Network(Precision = $$(Precision)5)]", "", "Precision must be Precision.Float or Precision.Double, but is 5")]
    [InlineData("[Network]", "const int Zero = 0; readonly Linear fc = new(4, $$Zero);", "Argument 'outputs' of layer 'fc' must be at least 1, but is 0")]
    [InlineData("[Network]", "readonly Linear fc = new(4, 2, $$(Init)42);", "a member of SymGrad.Init")]
    public void SG0014_invalid_setting(string attribute, string fields, string message) =>
        DiagnosticAssert.Single("SG0014",
            NetworkSource.Create(fields.Length == 0 ? "readonly Linear fc = new(4, 2);" : fields, "=> fc.Forward(x);", attribute), message);
}
