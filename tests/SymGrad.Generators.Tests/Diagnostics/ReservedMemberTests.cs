using SymGrad.Generators.Tests.Parsing;

namespace SymGrad.Generators.Tests.Diagnostics;

/// <summary>SG0018: a user member named like a member the generator writes (found by the random-edit test: a method renamed MaxBatchSize).</summary>
public sealed class ReservedMemberTests
{
    private const string Fields = "readonly Linear fc = new(2, 1);";
    private const string Forward = "=> fc.Forward(x);";

    [Fact]
    public void SG0018_method_named_like_a_generated_constant() =>
        DiagnosticAssert.Single("SG0018", NetworkSource.Create(Fields + " int $$MaxBatchSize() => 3;", Forward),
            "'MaxBatchSize'", "a public member");

    [Fact]
    public void SG0018_property_named_like_a_generated_method() =>
        DiagnosticAssert.Single("SG0018", NetworkSource.Create(Fields + " int $$TrainStep => 3;", Forward),
            "'TrainStep'", "a public method");

    [Fact]
    public void SG0018_reserved_prefix() =>
        DiagnosticAssert.Single("SG0018", NetworkSource.Create(Fields + " int $$__sg_mine;", Forward),
            "'__sg_mine'", "__sg_ prefix");

    [Fact]
    public void Overloads_of_generated_methods_and_conditional_names_are_allowed()
    {
        // Predict(float[]) overloads the generated Predict(ReadOnlySpan, Span); Statistics and State are generated
        // only for instrumented networks and networks with modes, which this one is not.
        string source = NetworkSource.Create(Fields + " public float Predict(float[] x) => 0f; int Statistics => 1; int State => 2;", Forward);
        var run = GeneratorHarness.Run(GeneratorHarness.Compile(GeneratorHarness.Parse(source, "Net.cs")));
        Assert.Empty(run.Diagnostics);
    }
}
