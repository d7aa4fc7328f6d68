using System;
using System.IO;
using System.Runtime.InteropServices;

namespace SymGrad.IntegrationTests.Checkpoints;

/// <summary>A temporary directory per test, and a bit-for-bit comparison of parameter buffers.</summary>
internal sealed class CheckpointFiles : IDisposable
{
    public CheckpointFiles() => Directory = System.IO.Directory.CreateTempSubdirectory("symgrad-checkpoints-").FullName;

    public string Directory { get; }

    public string PathOf(string name) => Path.Combine(Directory, name);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    /// <summary>Equal bits (not merely equal values: -0 vs 0 and NaN payloads count), with the first difference in the message.</summary>
    public static void AssertBitEqual<T>(ReadOnlySpan<T> expected, ReadOnlySpan<T> actual) where T : unmanaged
    {
        Assert.Equal(expected.Length, actual.Length);
        var a = MemoryMarshal.AsBytes(expected);
        var b = MemoryMarshal.AsBytes(actual);
        int first = a.CommonPrefixLength(b);
        Assert.True(first == a.Length, $"first differing byte at {first} (element {first / Marshal.SizeOf<T>()})");
    }
}
