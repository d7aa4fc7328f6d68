using System;
using System.Globalization;
using System.IO;
using System.Text.Json;

namespace SymGrad.Instrumentation;

/// <summary>
/// Machine-readable reports of a <see cref="GradientMonitor"/>: CSV (one row per step and layer) and
/// JSON (thresholds, verdict, then every step). Numbers use the invariant culture and round-trip
/// formatting; a statistic that does not apply (NaN) is an empty CSV field and a JSON null. The
/// console table and the plots live in SymGrad.Reports (they need Spectre.Console and ScottPlot).
/// </summary>
public static class GradientReport
{
    private static readonly string[] s_columns =
    {
        "step", "layer", "activation", "weight_grad_norm", "weight_grad_max", "bias_grad_norm", "bias_grad_max", "weight_norm",
        "update_ratio", "output_grad_norm", "dead_fraction", "saturated_fraction", "non_finite", "global_norm_before_clip",
        "global_norm_after_clip", "clipped",
    };

    /// <summary>Writes the CSV: a header, then one row per observed step and layer (declaration order).</summary>
    public static void WriteCsv(GradientMonitor monitor, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(string.Join(",", s_columns));
        foreach (var step in monitor.Steps)
        {
            foreach (var l in step.Layers)
            {
                writer.WriteLine(string.Join(",",
                    step.Step.ToString(CultureInfo.InvariantCulture), l.Name, l.Activation.ToString(),
                    Number(l.WeightGradientNorm), Number(l.WeightGradientMax), Number(l.BiasGradientNorm), Number(l.BiasGradientMax),
                    Number(l.WeightNorm), Number(l.UpdateRatio), Number(l.OutputGradientNorm), Number(l.DeadFraction),
                    Number(l.SaturatedFraction), l.NonFiniteCount.ToString(CultureInfo.InvariantCulture),
                    Number(step.GlobalNormBeforeClipping), Number(step.GlobalNormAfterClipping), step.ClippingFired ? "true" : "false"));
            }
        }
    }

    /// <summary>Writes the JSON document: thresholds, the verdict (when a step was observed) and the steps.</summary>
    public static void WriteJson(GradientMonitor monitor, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        ArgumentNullException.ThrowIfNull(stream);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteStartObject("thresholds");
        Write(json, "vanishingRatio", monitor.Thresholds.VanishingRatio);
        Write(json, "explodingRatio", monitor.Thresholds.ExplodingRatio);
        Write(json, "deadFraction", monitor.Thresholds.DeadFraction);
        Write(json, "saturatedFraction", monitor.Thresholds.SaturatedFraction);
        json.WriteEndObject();
        if (monitor.Steps.Count > 0)
        {
            var verdict = monitor.Verdict();
            json.WriteStartObject("verdict");
            json.WriteString("health", verdict.Health.ToString());
            json.WriteString("reason", verdict.Reason);
            Write(json, "firstToLastRatio", verdict.FirstToLastRatio);
            Write(json, "growthPerLayer", verdict.GrowthPerLayer);
            json.WriteString("nonFiniteOriginLayer", verdict.NonFiniteOriginLayer);
            json.WriteNumber("steps", verdict.Steps);
            json.WriteStartArray("layers");
            foreach (var layer in verdict.Layers)
            {
                json.WriteStartObject();
                json.WriteString("layer", layer.Layer);
                json.WriteString("health", layer.Health.ToString());
                json.WriteString("reason", layer.Reason);
                Write(json, "outputGradientNorm", layer.OutputGradientNorm);
                Write(json, "ratioToOutputLayer", layer.RatioToOutputLayer);
                Write(json, "deadFraction", layer.DeadFraction);
                Write(json, "saturatedFraction", layer.SaturatedFraction);
                json.WriteNumber("nonFiniteCount", layer.NonFiniteCount);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteStartArray("steps");
        foreach (var step in monitor.Steps)
        {
            json.WriteStartObject();
            json.WriteNumber("step", step.Step);
            Write(json, "globalNormBeforeClipping", step.GlobalNormBeforeClipping);
            Write(json, "globalNormAfterClipping", step.GlobalNormAfterClipping);
            json.WriteBoolean("clipped", step.ClippingFired);
            json.WriteNumber("nonFiniteCount", step.NonFiniteCount);
            json.WriteNumber("firstNonFiniteLayer", step.FirstNonFiniteLayer);
            json.WriteNumber("nonFiniteOriginLayer", step.NonFiniteOriginLayer);
            json.WriteStartArray("layers");
            foreach (var l in step.Layers)
            {
                json.WriteStartObject();
                json.WriteString("name", l.Name);
                json.WriteString("activation", l.Activation.ToString());
                Write(json, "weightGradientNorm", l.WeightGradientNorm);
                Write(json, "weightGradientMax", l.WeightGradientMax);
                Write(json, "biasGradientNorm", l.BiasGradientNorm);
                Write(json, "biasGradientMax", l.BiasGradientMax);
                Write(json, "weightNorm", l.WeightNorm);
                Write(json, "updateRatio", l.UpdateRatio);
                Write(json, "outputGradientNorm", l.OutputGradientNorm);
                Write(json, "deadFraction", l.DeadFraction);
                Write(json, "saturatedFraction", l.SaturatedFraction);
                json.WriteNumber("nonFiniteCount", l.NonFiniteCount);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string Number(double value) => double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : double.IsNaN(value) ? "" : value > 0 ? "inf" : "-inf";

    // JSON has no NaN or infinity: a statistic that does not apply, or overflowed, is null.
    private static void Write(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
