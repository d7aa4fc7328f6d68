using System.IO;
using GradientLab.Commands;
using GradientLab.Networks;

namespace GradientLab.Tests;

/// <summary><c>inspect NETWORK</c> and the network argument of <c>train</c>.</summary>
public sealed class InspectAndTrainCommandTests
{
    private static (int Exit, string Output) Inspect(string arguments)
    {
        var command = new InspectCommand();
        var writer = new StringWriter();
        int exit = command.Run(command.Parse(arguments), writer);
        return (exit, writer.ToString());
    }

    [Fact]
    public void Inspect_shows_the_explanation_the_lints_and_the_generated_code_of_a_network()
    {
        var (exit, output) = Inspect("SigmoidDepth05");
        Assert.Equal(0, exit);
        Assert.Contains("Source: samples/GradientLab/Networks/Depth/SigmoidDepth05.cs", output);
        Assert.Contains("SG0101:", output);
        // The remarks of the generated class, as text: the first layer and the sigmoid's derivative bound.
        Assert.Contains("- fc1 (line 12): dense 784 -> 64", output);
        Assert.Contains("its derivative is at most 0.25", output);
        Assert.Matches(@"GradientLab\.Networks\.Depth\.SigmoidDepth05\.g\.cs \(forward at line \d+, backward at line \d+\)", output);
    }

    [Fact]
    public void Inspect_points_at_the_committed_golden_file_when_there_is_one()
    {
        var (exit, output) = Inspect("mnistmlp");
        Assert.Equal(0, exit);
        Assert.Contains("tests/SymGrad.Generators.Tests/Baselines/MnistMlp/GradientLab.Networks.MnistMlp.g.cs.txt", output);
        Assert.Contains("Lints:" + System.Environment.NewLine + "  none", output);
    }

    [Fact]
    public void Inspect_refuses_an_unknown_network_with_a_usage_error()
    {
        Assert.Equal(CommandLineRunner.UsageError, Inspect("NoSuchNet").Exit);
    }

    [Fact]
    public void The_catalog_finds_every_network_source_and_the_lint_table_rows_name_real_files()
    {
        Assert.Contains(NetworkCatalog.All, n => n.Name == "MnistMlp");
        Assert.All(NetworkCatalog.All, n => Assert.StartsWith("Networks/", n.SourcePath));
        Assert.Equal(new[] { "SG0102" }, NetworkCatalog.Find("ReluXavierNet")!.Lints);
    }

    [Fact]
    public void Train_refuses_a_network_that_does_not_fit_mnist_and_an_unknown_name()
    {
        var command = new TrainCommand();
        Assert.Equal(CommandLineRunner.UsageError, command.Parse("MemoryRnnT10 --epochs 1").Invoke());
        Assert.Equal(CommandLineRunner.UsageError, command.Parse("NoSuchNet --epochs 1").Invoke());
    }
}
