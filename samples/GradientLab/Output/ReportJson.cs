using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;
using GradientLab.Training;

namespace GradientLab.Output;

/// <summary>Writes a <see cref="TrainingReport"/> as indented, camelCase JSON.</summary>
public static class ReportJson
{
    public static void Write(TrainingReport report, string path)
    {
        using var stream = File.Create(path);
        JsonSerializer.Serialize(stream, report, ReportJsonContext.Default.TrainingReport);
    }

    public static string ToJson(TrainingReport report) =>
        JsonSerializer.Serialize(report, ReportJsonContext.Default.TrainingReport);
}

// A diverged run has NaN or infinite losses: write them as "NaN"/"Infinity" rather than failing.
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(TrainingReport))]
internal sealed partial class ReportJsonContext : JsonSerializerContext
{
}
