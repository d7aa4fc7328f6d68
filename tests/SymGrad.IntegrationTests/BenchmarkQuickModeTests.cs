using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace SymGrad.IntegrationTests;

/// <summary>
/// Runs the benchmark project's `--quick --smoke` mode (every network and implementation, with timings shrunk to
/// a few seconds) and checks its JSON: the shape the README and tools/side_by_side.py rely on, zero allocation
/// of the generated step, and equal first-step losses of the MLPs and the LSTMs (every implementation starts from the same parameters,
/// and the reference path computes in double, independently of the generator). No timing is asserted.
/// </summary>
public class BenchmarkQuickModeTests
{
    private static readonly string[] Networks = { "2-16-16-1", "64-32-10", "784-128-64-10", "784-256-256-10", "sigmoid-10x64" };
    private static readonly string[] Implementations = { "generated", "generic", "generic_kernels", "reference" };

    [Fact]
    public void QuickModePrintsOneJsonObjectCoveringEveryNetworkAndImplementation()
    {
        using var json = JsonDocument.Parse(RunSmoke());
        var root = json.RootElement;
        Assert.True(root.GetProperty("ceiling_gflops").GetDouble() > 0);
        var networks = root.GetProperty("networks").EnumerateArray().ToList();
        Assert.Equal(Networks, networks.Select(n => n.GetProperty("name").GetString()));
        foreach (var network in networks)
        {
            string name = network.GetProperty("name").GetString()!;
            var implementations = network.GetProperty("implementations");
            foreach (string implementation in Implementations)
            {
                var timing = implementations.GetProperty(implementation);
                Assert.True(timing.GetProperty("us_per_step").GetDouble() > 0, $"{name} {implementation}");
                Assert.True(timing.GetProperty("gflops").GetDouble() > 0, $"{name} {implementation}");
            }
            Assert.Equal(0, implementations.GetProperty("generated").GetProperty("allocated_bytes_per_step").GetDouble());
            Assert.True(implementations.GetProperty("reference").GetProperty("allocated_bytes_per_step").GetDouble() > 0, "the tape allocates");

            AssertLossesAgree(name, network.GetProperty("first_step_loss"));
        }
        var lstm = root.GetProperty("lstm").EnumerateArray().ToList();
        Assert.Equal(new[] { "LstmT10", "LstmT10Rolled", "LstmT20", "LstmT50", "LstmT50Unrolled", "LstmT100Rolled", "LstmT100Unrolled" }, lstm.Select(l => l.GetProperty("name").GetString()));
        Assert.All(lstm, l => Assert.Equal(0, l.GetProperty("generated_allocated_bytes_per_step").GetDouble()));
        Assert.All(lstm, l => Assert.True(l.GetProperty("reference_us_per_gradient").GetDouble() > 0));
        // The default-mode LSTMs also run the generic implementation (plain loops and kernels), from the same parameters.
        foreach (var entry in lstm.Where(l => l.GetProperty("name").GetString() is "LstmT10" or "LstmT20" or "LstmT50"))
        {
            string name = entry.GetProperty("name").GetString()!;
            foreach (string implementation in new[] { "generated", "generic", "generic_kernels" })
            {
                Assert.True(entry.GetProperty(implementation + "_us_per_step").GetDouble() > 0, $"{name} {implementation}");
            }
            AssertLossesAgree(name, entry.GetProperty("first_step_loss"));
        }
        Assert.Equal(12, root.GetProperty("dense_products").GetArrayLength());
        Assert.Equal(20, root.GetProperty("generator").GetProperty("layers").GetInt32());
        Assert.True(root.GetProperty("generator").GetProperty("median_ms").GetDouble() > 0);
    }

    private static void AssertLossesAgree(string name, JsonElement losses)
    {
        double reference = losses.GetProperty("reference").GetDouble();
        foreach (string implementation in Implementations)
        {
            double loss = losses.GetProperty(implementation).GetDouble();
            Assert.True(Math.Abs(loss - reference) <= 1e-4 * Math.Max(1, Math.Abs(reference)), $"{name}: {implementation} loss {loss}, reference {reference}");
        }
    }

    private static string RunSmoke()
    {
        // bin/<Configuration>/net10.0 of this project -> the same of tests/SymGrad.Benchmarks (built first: see the csproj).
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string framework = output.Name, configuration = output.Parent!.Name;
        string tests = output.Parent.Parent!.Parent!.Parent!.FullName;
        string dll = Path.Combine(tests, "SymGrad.Benchmarks", "bin", configuration, framework, "SymGrad.Benchmarks.dll");
        Assert.True(File.Exists(dll), "missing " + dll);

        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--quick");
        start.ArgumentList.Add("--smoke");
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), "the smoke run did not finish in 2 minutes");
        Assert.True(process.ExitCode == 0, $"exit code {process.ExitCode}: {stderr.Result}");
        return stdout;
    }
}
