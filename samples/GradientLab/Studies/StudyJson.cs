using System.IO;
using System.Text.Json;

namespace GradientLab.Studies;

/// <summary>
/// The JSON of a study run: <c>{ "study", "title", "seed", "seconds", "findings", "results" }</c>, where
/// <c>results</c> is the study's own data, serialized by its source-generated type info. NaN and
/// infinities (a diverged run) are written as the strings "NaN" and "Infinity" rather than failing.
/// </summary>
public static class StudyJson
{
    public static void Write(Stream stream, string study, StudyReport report, int seed, double seconds)
    {
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteString("study", study);
        writer.WriteString("title", report.Title);
        writer.WriteNumber("seed", seed);
        writer.WriteNumber("seconds", System.Math.Round(seconds, 3));
        writer.WriteStartArray("findings");
        foreach (string finding in report.Findings)
        {
            writer.WriteStringValue(finding);
        }
        writer.WriteEndArray();
        writer.WritePropertyName("results");
        JsonSerializer.Serialize(writer, report.Data, report.DataType);
        writer.WriteEndObject();
    }

    public static void Write(string path, string study, StudyReport report, int seed, double seconds)
    {
        using var stream = File.Create(path);
        Write(stream, study, report, seed, seconds);
    }
}
