extern alias SymGradRuntime;

using System.Linq;
using SymGrad.Generators.Model;
using SymGradRuntime::SymGrad;

namespace SymGrad.Generators.Tests.Emitter;

/// <summary>The emitted trainer compiles next to the user's half as a strict consumer builds it.</summary>
public class EmitterCompileTests
{
    public static TheoryData<string> Networks => new() { "SigmoidFloat", "SigmoidDouble", "Residual", "Kernel", "EveryOp", "EveryOpFloat" };

    internal static TestNetwork ByName(string name) => name switch
    {
        "SigmoidFloat" => TestNetworks.SigmoidMlp(isDouble: false),
        "SigmoidDouble" => TestNetworks.SigmoidMlp(isDouble: true),
        "Residual" => TestNetworks.ResidualRelu(),
        "Kernel" => TestNetworks.KernelPath(),
        "EveryOp" => TestNetworks.EveryOp(includeGelu: true),
        _ => TestNetworks.EveryOp(includeGelu: true, isDouble: false),
    };

    [Theory]
    [MemberData(nameof(Networks))]
    public void EmittedCode_CompilesWithWarningsAsErrors(string name)
    {
        var network = ByName(name);
        string generated = NetworkGenerator.Emit(network.Spec);

        var diagnostics = InMemoryCompiler.Diagnostics(name,
            (network.Spec.SourceFile, network.Definition), (network.Spec.Class.HintName, generated));

        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics.Select(d => d.ToString())));
    }

    [Fact]
    public void UserMembersNamedLikeGeneratedLocalsOrTypes_ChangeNothing()
    {
        // The user's half declares members with the names the generated code uses for locals and
        // types (p, x, z, g, dz, k, b, batch, loss, Span, MathF, System): the generated code must
        // still compile, and still compute the same loss as without them.
        var plain = TestNetworks.SigmoidMlp(isDouble: true, "Clash");
        const string clashes = """
                    /// <summary>Clash.</summary> public int p, z, g, dz, k, b, i, o, batch, loss, seed;
                    /// <summary>Clash.</summary> public static int Span, MathF, Array;
                    /// <summary>Clash.</summary> public class System { }
            """;
        string definition = plain.Definition.Replace("    [Forward]", clashes + "\n        [Forward]");
        Assert.NotEqual(plain.Definition, definition);
        var clashing = plain with { Definition = definition };

        var a = clashing.CreateDouble(seed: 4, suffix: "Clashing");
        var reference = plain.CreateDouble(seed: 4, suffix: "Plain");

        double[] inputs = GradientChecker.Values(6, 3);
        double[] targets = GradientChecker.Values(3, 5);
        Assert.Equal(reference.ComputeGradients(inputs, targets), a.ComputeGradients(inputs, targets));
    }

    [Fact]
    public void EmittedCode_ImplementsTheInterfaceWithTheSpecSizes()
    {
        var network = TestNetworks.SigmoidMlp(isDouble: false).CreateFloat();

        Assert.Equal(2, network.InputSize);
        Assert.Equal(1, network.OutputSize);
        Assert.Equal(2 * 16 + 16 + 16 * 16 + 16 + 16 + 1, network.ParameterCount);
        Assert.Equal(8, network.MaxBatchSize);
        Assert.Equal(network.ParameterCount, network.Parameters.Length);
        Assert.Equal(
            new[] { "fc1.Weight", "fc1.Bias", "fc2.Weight", "fc2.Bias", "fc3.Weight", "fc3.Bias" },
            network.ParameterViews.Select(v => v.Name));
        Assert.Equal(new ParameterView("fc2.Bias", 48 + 256, 1, 16), network.ParameterViews[3]);
    }

    [Fact]
    public void Shell_CompilesAsTheBaseClassPartial()
    {
        const string definition = """
            namespace EmitterTests
            {
                /// <summary>A definition with errors: only the shell is generated.</summary>
                [SymGrad.Network]
                public partial class Broken
                {
                    SymGrad.Tensor Forward(SymGrad.Tensor x) => Relu(x);
                }
            }
            """;
        string shell = NetworkGenerator.EmitShell(new ClassShell("EmitterTests", "Broken", "public"));

        var diagnostics = InMemoryCompiler.Diagnostics("Shell", ("Broken.cs", definition), ("EmitterTests.Broken.g.cs", shell));

        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics.Select(d => d.ToString())));
        Assert.Contains("partial class Broken : global::SymGrad.NetworkDefinition", shell);
    }

    [Fact]
    public void Shell_InTheGlobalNamespace_HasNoNamespaceBlock()
    {
        string shell = NetworkGenerator.EmitShell(new ClassShell("", "Broken", "internal"));

        Assert.DoesNotContain("namespace", shell);
        Assert.Contains("partial class Broken : global::SymGrad.NetworkDefinition", shell);
    }
}
