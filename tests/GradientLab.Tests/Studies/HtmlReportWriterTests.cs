using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;
using GradientLab.Studies;

namespace GradientLab.Tests.Studies;

public sealed record SampleData(string Name, double Value);

[JsonSerializable(typeof(SampleData))]
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
internal sealed partial class SampleJsonContext : JsonSerializerContext
{
}

/// <summary>The report folder: HTML with escaped text, both plot formats, and the JSON envelope.</summary>
public sealed class HtmlReportWriterTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "gradientlab-report-test-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static StudyReport Sample()
    {
        var report = new StudyReport("A <title>", "Intro & more", new SampleData("x", double.NaN), SampleJsonContext.Default.SampleData);
        report.Tables.Add(new ResultTable("T", new[] { "network", "ratio", "verdict" },
            new List<IReadOnlyList<string>> { new[] { "a<b", "1.00e-05", "vanishing" } }, "caption"));
        report.Plots.Add(new StudyPlot("line", "A line", plot => plot.Add.Scatter(new double[] { 1, 2, 3 }, new double[] { 1, 4, 9 })));
        report.Findings.Add("a finding");
        return report;
    }

    [Fact]
    public void Writes_index_plots_and_json_with_escaped_text()
    {
        string index = HtmlReportWriter.Write(_directory, "sample", Sample(), seed: 7, seconds: 1.5);

        Assert.Equal(Path.Combine(_directory, "index.html"), index);
        string html = File.ReadAllText(index);
        Assert.Contains("<title>A &lt;title&gt;</title>", html, StringComparison.Ordinal);
        Assert.Contains("Intro &amp; more", html, StringComparison.Ordinal);
        Assert.Contains("<td>a&lt;b</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"yellow\">vanishing</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">1.00e-05</td>", html, StringComparison.Ordinal);
        Assert.Contains("<img src=\"line.png\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"line.svg\"", html, StringComparison.Ordinal);

        byte[] png = File.ReadAllBytes(Path.Combine(_directory, "line.png"));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        Assert.Contains("<svg", File.ReadAllText(Path.Combine(_directory, "line.svg")), StringComparison.Ordinal);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_directory, "results.json")));
        var root = json.RootElement;
        Assert.Equal("sample", root.GetProperty("study").GetString());
        Assert.Equal(7, root.GetProperty("seed").GetInt32());
        Assert.Equal(1.5, root.GetProperty("seconds").GetDouble());
        Assert.Equal("a finding", root.GetProperty("findings")[0].GetString());
        Assert.Equal("x", root.GetProperty("results").GetProperty("Name").GetString());
        Assert.Equal("NaN", root.GetProperty("results").GetProperty("Value").GetString());
    }

    [Fact]
    public void Report_rejects_type_info_of_another_type()
    {
        var e = Assert.Throws<ArgumentException>(() => new StudyReport("t", "i", "not sample data", SampleJsonContext.Default.SampleData));
        Assert.Equal("dataType", e.ParamName);
    }
}
