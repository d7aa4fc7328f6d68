using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using SymGrad.Instrumentation;
using SymGrad.Reports;

namespace SymGrad.IntegrationTests.Instrumentation;

/// <summary>The CSV, JSON, console and plot reports of a monitor over three training steps of a real network.</summary>
public sealed class ReportTests
{
    private static GradientMonitor Monitor(int steps = 3)
    {
        var net = new MixedActivations(4);
        var random = new Random(4);
        var inputs = Enumerable.Range(0, 8 * MixedActivations.InputSize).Select(_ => (float)random.NextDouble()).ToArray();
        var targets = Enumerable.Range(0, 8 * MixedActivations.OutputSize).Select(_ => (float)random.NextDouble()).ToArray();
        var monitor = new GradientMonitor();
        var optimizer = new Sgd(0.1);
        for (int i = 0; i < steps; i++)
        {
            net.TrainStep(inputs, targets, optimizer);
            monitor.Observe(net.Statistics);
        }
        return monitor;
    }

    [Fact]
    public void Csv_has_one_row_per_step_and_layer_with_the_recorded_values()
    {
        var monitor = Monitor();
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        GradientReport.WriteCsv(monitor, writer);
        var lines = writer.ToString().TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal(1 + 3 * 4, lines.Length);
        var header = lines[0].Split(',');
        var row = lines[1 + 4 + 2].Split(','); // step 2, fc3
        Assert.Equal(header.Length, row.Length);
        Assert.Equal("fc3", row[Array.IndexOf(header, "layer")]);
        Assert.Equal("Tanh", row[Array.IndexOf(header, "activation")]);
        var expected = monitor.Steps[1].Layers[2];
        Assert.Equal(expected.OutputGradientNorm, double.Parse(row[Array.IndexOf(header, "output_grad_norm")], CultureInfo.InvariantCulture));
        Assert.Equal("", row[Array.IndexOf(header, "dead_fraction")]); // not a ReLU layer
    }

    [Fact]
    public void Json_holds_the_verdict_and_every_step_and_writes_null_for_statistics_that_do_not_apply()
    {
        var monitor = Monitor();
        var stream = new MemoryStream();
        GradientReport.WriteJson(monitor, stream);
        using var document = JsonDocument.Parse(stream.ToArray());
        var root = document.RootElement;
        Assert.Equal(monitor.Verdict().Health.ToString(), root.GetProperty("verdict").GetProperty("health").GetString());
        Assert.Equal(1e-3, root.GetProperty("thresholds").GetProperty("vanishingRatio").GetDouble());
        var steps = root.GetProperty("steps");
        Assert.Equal(3, steps.GetArrayLength());
        var fc1 = steps[2].GetProperty("layers")[0];
        Assert.Equal(monitor.Steps[2].Layers[0].WeightGradientNorm, fc1.GetProperty("weightGradientNorm").GetDouble());
        Assert.Equal(JsonValueKind.Null, fc1.GetProperty("saturatedFraction").ValueKind);
    }

    [Fact]
    public void Console_table_lists_every_layer_with_its_verdict()
    {
        var monitor = Monitor();
        string text = GradientConsoleReport.ToPlainText(monitor, 200, "MixedActivations");
        foreach (string layer in new[] { "fc1", "fc2", "fc3", "fc4" })
        {
            Assert.Contains(layer, text);
        }
        Assert.Contains("MixedActivations", text);
        Assert.Contains(monitor.Verdict().Health.ToString(), text);
        // Plain text, no escape codes (a char search: a culture-aware string search ignores control characters).
        Assert.False(text.Contains('\u001b'));
        Assert.Contains(monitor.Steps[2].Layers[1].WeightNorm.ToString("0.00e+00", CultureInfo.InvariantCulture), text);
    }

    [Fact]
    public void Plots_are_written_as_png_and_svg_and_other_extensions_are_refused()
    {
        var monitor = Monitor(5);
        string directory = Path.Combine(Path.GetTempPath(), "symgrad-plots-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(directory);
        try
        {
            string png = Path.Combine(directory, "layers.png");
            string svg = Path.Combine(directory, "steps.svg");
            GradientPlots.SaveNormPerLayer(monitor, png);
            GradientPlots.SaveNormOverSteps(monitor, svg);
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, File.ReadAllBytes(png).Take(4).ToArray());
            string svgText = File.ReadAllText(svg);
            Assert.Contains("<svg", svgText);
            Assert.Contains("fc4", svgText); // the legend names the layers
            var e = Assert.Throws<ArgumentException>(() => GradientPlots.SaveNormPerLayer(monitor, Path.Combine(directory, "x.jpg")));
            Assert.Equal("path", e.ParamName);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
