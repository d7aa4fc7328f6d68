using System.IO;
using System.Runtime.CompilerServices;

namespace SymGrad.IntegrationTests.Support;

/// <summary>Locates the test project's sources on disk, for the tests that read the zoo's definition text.</summary>
public static class SourceFiles
{
    /// <summary>The Zoo/ directory of this project (from the compile-time path of this file).</summary>
    public static string ZooDirectory => Path.Combine(ProjectDirectory(), "Zoo");

    private static string ProjectDirectory([CallerFilePath] string path = "") =>
        Path.GetDirectoryName(Path.GetDirectoryName(path))!;
}
