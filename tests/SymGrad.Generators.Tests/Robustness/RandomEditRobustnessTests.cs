extern alias SymGradRuntime;

using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SymGrad.Generators.Tests.Robustness;

/// <summary>
/// Robustness at scale: 1,000 seeded random token edits (deletion, duplication, swap of two tokens) of
/// the sample definitions. Every edited file may get diagnostics, never a generator exception; and when
/// a well-formed edited definition still generates a trainer, that trainer compiles.
/// </summary>
public sealed class RandomEditRobustnessTests
{
    private const int Edits = 1000;
    private const ulong Seed = 20261130;
    private static readonly string[] s_samples = { "MnistMlp.cs", "TinySigmoidMlp.cs", "ResidualMlp.cs" };

    [Fact]
    public void A_thousand_random_token_edits_of_the_samples_never_make_the_generator_throw()
    {
        var random = new SymGradRuntime::SymGrad.SeededRandom(Seed);
        var samples = s_samples.Select(name => (Name: name, Tokens: Tokens(GeneratorHarness.ReadSample(name)))).ToArray();
        var failures = new List<string>();
        int generated = 0, rejected = 0, compiled = 0;
        for (int edit = 0; edit < Edits; edit++)
        {
            var (name, tokens) = samples[random.NextInt(samples.Length)];
            string description;
            string source = Edit(tokens, random, out description);
            var run = GeneratorHarness.Run(source);
            string where = "edit " + edit + " (" + name + ", " + description + ")";
            if (run.Exceptions.Count > 0)
            {
                failures.Add(where + ": " + run.Exceptions[0]);
                continue;
            }
            // SG0017 is the generator's last-resort guard reporting a caught exception: a bug all the same.
            failures.AddRange(run.Diagnostics.Where(d => d.Id == "SG0017").Select(d => where + ": " + d));
            if (run.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                rejected++;
                failures.AddRange(run.Diagnostics.Where(d => d.Location == Location.None).Select(d => where + ": no location: " + d));
                continue;
            }
            if (run.ParseResults.Any(r => r.Spec is not null))
            {
                generated++;
                // With a syntax error in the user's file (a deleted class name, say) the compiler already
                // reports the user's error; the generated half is only held to compiling for well-formed files.
                if (!run.Compilation.SyntaxTrees.Any(t => t.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error)))
                {
                    compiled++;
                    failures.AddRange(GeneratedCodeErrors(run).Select(e => where + ": generated code does not compile: " + e));
                }
            }
        }
        Assert.True(failures.Count == 0, failures.Count + " failures:\n" + string.Join("\n", failures.Take(20)));
        // The edits exercised both outcomes: some definitions broke, some still produced a trainer.
        Assert.True(rejected > Edits / 10, "only " + rejected + " edits were rejected with a diagnostic");
        Assert.True(generated > Edits / 10, "only " + generated + " edits still generated a trainer");
        Assert.True(compiled > 0, "no edit left a well-formed file that generated a trainer");
    }

    [Fact]
    public void A_duplicate_layer_field_is_left_to_the_compiler_not_the_generator_guard()
    {
        // Found by the random edits (a swap of two field names): it once made the parser throw, caught as SG0017.
        string source = GeneratorHarness.ReadSample("TinySigmoidMlp.cs").Replace("readonly Linear hidden1", "readonly Linear output");
        var run = GeneratorHarness.Run(source);
        Assert.Empty(run.Exceptions);
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "SG0017");
        Assert.Contains(run.Compilation.GetDiagnostics(), d => d.Id == "CS0102");
    }

    /// <summary>Errors the compiler reports inside generated files (the user's half may have its own, from the edit).</summary>
    private static IEnumerable<string> GeneratedCodeErrors(GeneratorRun run)
    {
        run.Driver.RunGeneratorsAndUpdateCompilation(run.Compilation, out var output, out _);
        // Only the generated trees are bound (the semantic model of one tree): much faster than the whole compilation.
        return output.SyntaxTrees.Except(run.Compilation.SyntaxTrees)
            .SelectMany(tree => output.GetSemanticModel(tree).GetDiagnostics())
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.ToString());
    }

    private static SyntaxToken[] Tokens(string source) =>
        GeneratorHarness.Parse(source).GetRoot().DescendantTokens().Where(t => !t.IsKind(SyntaxKind.EndOfFileToken)).ToArray();

    /// <summary>One random edit of the token sequence, with each token's own trivia kept (so comments and line breaks stay).</summary>
    private static string Edit(SyntaxToken[] tokens, SymGradRuntime::SymGrad.SeededRandom random, out string description)
    {
        var texts = tokens.Select(t => t.ToFullString()).ToList();
        int i = random.NextInt(texts.Count);
        switch (random.NextInt(3))
        {
            case 0:
                description = "delete token " + i + " '" + tokens[i].Text + "'";
                texts.RemoveAt(i);
                break;
            case 1:
                description = "duplicate token " + i + " '" + tokens[i].Text + "'";
                texts.Insert(i, " " + tokens[i].Text + " ");
                break;
            default:
                int j = random.NextInt(texts.Count);
                description = "swap tokens " + i + " '" + tokens[i].Text + "' and " + j + " '" + tokens[j].Text + "'";
                (texts[i], texts[j]) = (" " + tokens[j].Text + " ", " " + tokens[i].Text + " ");
                break;
        }
        var builder = new StringBuilder();
        texts.ForEach(t => builder.Append(t));
        return builder.ToString();
    }
}
