using System.Collections.Generic;
using System.Linq;

namespace SymGrad.Generators.Tests.Robustness;

/// <summary>A half-typed definition is normal input in an IDE: every prefix of the sample must yield diagnostics only.</summary>
public sealed class PrefixRobustnessTests
{
    [Fact]
    public void Every_prefix_of_the_sample_runs_without_a_generator_exception()
    {
        string sample = GeneratorHarness.ReadSample("MnistMlp.cs");
        var failures = new List<string>();
        int withClass = 0;
        for (int length = 0; length <= sample.Length; length++)
        {
            var run = GeneratorHarness.Run(sample.Substring(0, length));
            if (run.Exceptions.Count > 0)
            {
                failures.Add(length + ": " + run.Exceptions[0]);
            }
            // SG0017 would mean the guard caught an exception: just as much a bug.
            failures.AddRange(run.Diagnostics.Where(d => d.Id == "SG0017").Select(d => length + ": " + d));
            // Never silent: a class that reached the parser yields a trainer or says why not.
            failures.AddRange(run.ParseResults
                .Where(r => r.Spec is null && r.Diagnostics.Count == 0)
                .Select(r => length + ": neither a spec nor a diagnostic"));
            withClass += run.ParseResults.Count;
        }
        Assert.Empty(failures);
        // The prefixes that contain the [Network] class were parsed (the loop did exercise the parser).
        Assert.True(withClass > sample.Length / 2, "only " + withClass + " prefixes reached the parser");
        Assert.NotNull(GeneratorHarness.Run(sample).Result.Spec);
    }
}
