using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace SymGrad.Generators.Tests.Golden;

/// <summary>
/// Golden files of generated code under tests/SymGrad.Generators.Tests/Baselines/&lt;Test&gt;/&lt;Hint&gt;.txt.
/// A mismatch fails the test; setting SYMGRAD_UPDATE_BASELINES=1 rewrites the files instead, except
/// under CI=true, where rewriting is refused so that CI can never bless its own output.
/// </summary>
internal static class Baselines
{
    public const string UpdateVariable = "SYMGRAD_UPDATE_BASELINES";

    /// <summary>The committed baselines folder (found from this source file's path, so updates land in the repo, not in bin/).</summary>
    public static string Directory([CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(thisFile)!)!, "Baselines");

    public static void AssertMatches(string testName, string hintName, string actual)
    {
        string path = Path.Combine(Directory(), testName, hintName + ".txt");
        bool update = Environment.GetEnvironmentVariable(UpdateVariable) == "1";
        if (update)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail($"{UpdateVariable}=1 is refused when CI=true: baselines are updated by a developer and reviewed, never by CI.");
            }
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"No baseline at {path}. Run the tests with {UpdateVariable}=1 to create it, then review and commit it.");
        string expected = File.ReadAllText(path).Replace("\r\n", "\n");
        if (expected != actual)
        {
            Assert.Fail($"Generated {hintName} differs from {path} at {FirstDifference(expected, actual)}. "
                + $"If the change is intended, rerun with {UpdateVariable}=1 and review the diff before committing.");
        }
    }

    private static string FirstDifference(string expected, string actual)
    {
        string[] e = expected.Split('\n');
        string[] a = actual.Split('\n');
        for (int i = 0; i < Math.Min(e.Length, a.Length); i++)
        {
            if (e[i] != a[i])
            {
                return $"line {i + 1}:\n  expected: {e[i]}\n  actual:   {a[i]}";
            }
        }
        return $"line {Math.Min(e.Length, a.Length) + 1} (expected {e.Length} lines, got {a.Length})";
    }
}
