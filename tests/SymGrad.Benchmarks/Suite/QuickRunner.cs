using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text.Json;

namespace SymGrad.Benchmarks.Suite;

/// <summary>Settings of a quick run; <see cref="Smoke"/> shrinks every timing so that a test can check the JSON in seconds.</summary>
public sealed record QuickSettings(double WarmupSeconds, double RoundSeconds, int Rounds, int ReferenceRounds)
{
    public static QuickSettings Default { get; } = new(0.4, 0.02, 21, 3);
    public static QuickSettings Smoke { get; } = new(0.005, 0.001, 3, 1);
}

/// <summary>
/// The `--quick` mode: every benchmark network with every implementation, the dense products alone, the FMA
/// ceiling and the generator, written as one JSON object (schema in the README's performance section).
/// </summary>
public static partial class QuickRunner
{
    public static void Run(Stream output, QuickSettings settings)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        WriteMachine(json);

        long flops = Ceiling.Run(1000, out _);
        var ceiling = Measure.Run(() => Ceiling.Run(100_000, out _), settings.WarmupSeconds, settings.RoundSeconds * 5, settings.Rounds);
        json.WriteNumber("ceiling_gflops", Round(flops * 100.0 / ceiling.MedianMicroseconds / 1e3));

        json.WriteStartArray("networks");
        foreach (var benchmark in BenchmarkCase.All)
        {
            WriteNetwork(json, benchmark, settings);
        }
        json.WriteEndArray();

        json.WriteStartArray("lstm");
        foreach (var lstm in LstmCase.All)
        {
            WriteLstm(json, lstm, settings);
        }
        json.WriteEndArray();

        json.WriteStartArray("dense_products");
        foreach (var (batch, inputs, outputs) in new[] { (64, 784, 128), (64, 128, 64), (128, 784, 256), (128, 256, 256) })
        {
            var products = new DenseProducts(batch, inputs, outputs);
            foreach (var (name, run) in products.Products())
            {
                var timing = Measure.Run(run, settings.WarmupSeconds / 2, settings.RoundSeconds, settings.Rounds);
                json.WriteStartObject();
                json.WriteString("shape", products.Shape);
                json.WriteString("product", name);
                json.WriteNumber("us", Round(timing.MedianMicroseconds));
                json.WriteNumber("gflops", Round(products.FlopsPerProduct / timing.MedianMicroseconds / 1e3));
                json.WriteEndObject();
            }
        }
        json.WriteEndArray();

        var generator = new GeneratorWorkload();
        var cold = Stopwatch.StartNew();
        generator.Run();
        double coldMs = cold.Elapsed.TotalMilliseconds;
        var warm = Measure.Run(() => generator.Run(), settings.WarmupSeconds, settings.RoundSeconds, Math.Min(settings.Rounds, 7));
        json.WriteStartObject("generator");
        json.WriteNumber("layers", GeneratorWorkload.Layers);
        json.WriteNumber("first_run_ms", Round(coldMs));
        json.WriteNumber("median_ms", Round(warm.MedianMicroseconds / 1e3));
        json.WriteEndObject();

        json.WriteEndObject();
        json.Flush();
        output.Write("\n"u8);
    }

    private static void WriteMachine(Utf8JsonWriter json)
    {
        json.WriteStartObject("machine");
        json.WriteString("os", RuntimeInformation.OSDescription);
        json.WriteString("runtime", RuntimeInformation.FrameworkDescription);
        json.WriteString("cpu", CpuName());
        json.WriteNumber("logical_cores", Environment.ProcessorCount);
        json.WriteBoolean("vector512", Vector512.IsHardwareAccelerated);
        json.WriteEndObject();
    }

    private static void WriteNetwork(Utf8JsonWriter json, BenchmarkCase benchmark, QuickSettings settings)
    {
        var runner = new StepRunner(benchmark);
        json.WriteStartObject();
        json.WriteString("name", benchmark.Name);
        json.WriteNumber("batch", benchmark.Batch);
        json.WriteNumber("dense_mflop_per_step", Round(benchmark.DenseFlopsPerStep / 1e6));
        // The first step starts every implementation from the same parameters: equal losses show they compute the same thing.
        json.WriteStartObject("first_step_loss");
        foreach (string implementation in StepRunner.Implementations)
        {
            json.WriteNumber(implementation, runner.Step(implementation));
        }
        json.WriteEndObject();
        // The fast implementations are timed round-robin (same load for all); the reference tape, 30 to 60 times
        // slower, alone and with fewer rounds.
        string[] fast = Array.FindAll(StepRunner.Implementations, i => i != "reference");
        var timings = Measure.RunInterleaved(Array.ConvertAll(fast, i => (Action)(() => runner.Step(i))),
            settings.WarmupSeconds, settings.RoundSeconds, settings.Rounds);
        var referenceTiming = Measure.Run(() => runner.Step("reference"), 0, settings.RoundSeconds, settings.ReferenceRounds);
        json.WriteStartObject("implementations");
        foreach (string implementation in StepRunner.Implementations)
        {
            int index = Array.IndexOf(fast, implementation);
            var timing = index >= 0 ? timings[index] : referenceTiming;
            json.WriteStartObject(implementation);
            json.WriteNumber("us_per_step", Round(timing.MedianMicroseconds));
            json.WriteNumber("gflops", Round(benchmark.DenseFlopsPerStep / timing.MedianMicroseconds / 1e3));
            json.WriteNumber("allocated_bytes_per_step", Math.Round(timing.AllocatedBytesPerCall));
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static double Round(double value) => Math.Round(value, value >= 100 ? 1 : 3);

    private static string CpuName()
    {
        try
        {
            foreach (string line in File.ReadLines("/proc/cpuinfo"))
            {
                if (line.StartsWith("model name", StringComparison.Ordinal))
                {
                    return line[(line.IndexOf(':') + 1)..].Trim();
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return RuntimeInformation.ProcessArchitecture.ToString();
    }
}
