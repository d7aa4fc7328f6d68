using System;
using System.Text.Json;

namespace SymGrad.Benchmarks.Suite;

public static partial class QuickRunner
{
    /// <summary>
    /// One <c>lstm[]</c> entry. The generated step, and for <see cref="LstmCase.HasGeneric"/> entries the two generic
    /// ones, are timed round-robin (Adam steps); the reference tape's gradient alone, with fewer rounds. With the
    /// default LoopRollThreshold (16) T = 10 is unrolled and T >= 20 rolled; the *Rolled and *Unrolled variants force
    /// the other mode, so that the two can be compared at equal T.
    /// </summary>
    private static void WriteLstm(Utf8JsonWriter json, LstmCase lstm, QuickSettings settings)
    {
        var runner = new StepRunner(lstm);
        json.WriteStartObject();
        json.WriteString("name", lstm.Name);
        json.WriteNumber("steps", lstm.Steps);
        json.WriteNumber("batch", lstm.Batch);
        if (lstm.HasGeneric)
        {
            // Every implementation starts from the same parameters: equal first losses show they compute the same thing.
            json.WriteStartObject("first_step_loss");
            foreach (string implementation in StepRunner.Implementations)
            {
                json.WriteNumber(implementation, runner.Step(implementation));
            }
            json.WriteEndObject();
        }
        string[] timed = lstm.HasGeneric ? new[] { "generated", "generic", "generic_kernels" } : new[] { "generated" };
        var timings = Measure.RunInterleaved(Array.ConvertAll(timed, i => (Action)(() => runner.Step(i))),
            settings.WarmupSeconds, settings.RoundSeconds, settings.Rounds);
        for (int k = 0; k < timed.Length; k++)
        {
            json.WriteNumber(timed[k] + "_us_per_step", Round(timings[k].MedianMicroseconds));
            json.WriteNumber(timed[k] + "_allocated_bytes_per_step", Math.Round(timings[k].AllocatedBytesPerCall));
        }
        var tape = Measure.Run(() => runner.ReferenceGradients(), 0, settings.RoundSeconds, settings.ReferenceRounds);
        json.WriteNumber("reference_us_per_gradient", Round(tape.MedianMicroseconds));
        json.WriteEndObject();
    }
}
