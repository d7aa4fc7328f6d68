using System;
using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;

namespace SymGrad.Checkpoints;

/// <summary>Constants of the file format (documented on <see cref="Checkpoint"/>) and the encodings shared by writer and reader.</summary>
internal static class CheckpointFormat
{
    /// <summary>The version this library writes, and the newest it reads.</summary>
    public const int CurrentVersion = 1;

    /// <summary>
    /// 8 bytes, in the manner of PNG's signature: a non-ASCII first byte (a text tool will not take the
    /// file for text), the name, then CR LF and Ctrl-Z, which a newline-translating copy would alter.
    /// </summary>
    public static ReadOnlySpan<byte> Magic => [0x89, (byte)'S', (byte)'G', (byte)'C', (byte)'K', 0x0D, 0x0A, 0x1A];

    /// <summary>
    /// Magic (8), format version (4), file length (8), CRC-32 of those 20 bytes (4): the part every
    /// format version keeps, so that any reader can tell a damaged preamble, a newer version and a
    /// truncated file apart before it knows the rest of the layout.
    /// </summary>
    public const int PreambleLength = 24;

    public const int VersionOffset = 8;
    public const int LengthOffset = 12;
    public const int PreambleChecksumOffset = 20;

    /// <summary>The CRC-64 at the end of the file.</summary>
    public const int ChecksumLength = 8;

    /// <summary>Element sizes, stored in the header, that identify the precision.</summary>
    public const byte FloatSize = 4;
    public const byte DoubleSize = 8;

    /// <summary>The bytes of one element of <typeparamref name="T"/>, or 0 when checkpoints cannot hold it.</summary>
    public static byte ElementSize<T>() where T : unmanaged =>
        typeof(T) == typeof(float) ? FloatSize : typeof(T) == typeof(double) ? DoubleSize : (byte)0;

    public static Precision PrecisionOf(byte elementSize) => elementSize == DoubleSize ? Precision.Double : Precision.Float;

    /// <summary>
    /// XxHash64 of a text that lists the network's sizes, precision and parameter views in buffer order:
    /// renaming a layer, changing a width or reordering layers changes the hash.
    /// </summary>
    public static ulong LayoutHash<T>(INetwork<T> network) where T : unmanaged
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"in={network.InputSize};out={network.OutputSize};count={network.ParameterCount};size={ElementSize<T>()}");
        foreach (var view in network.ParameterViews)
        {
            text.Append(CultureInfo.InvariantCulture, $";{view.Name}@{view.Offset}[{view.Rows}x{view.Columns}]");
        }
        if (network is IStatefulNetwork<T> stateful)
        {
            foreach (var view in stateful.StateViews)
            {
                text.Append(CultureInfo.InvariantCulture, $";state {view.Name}@{view.Offset}[{view.Rows}x{view.Columns}]");
            }
        }
        return XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(text.ToString()));
    }

    /// <summary>The CRC-32 that protects the magic, version and length.</summary>
    public static uint PreambleChecksum(ReadOnlySpan<byte> file) => Crc32.HashToUInt32(file.Slice(0, PreambleChecksumOffset));

    /// <summary>CRC-64 (ECMA-182): unlike a general hash it is guaranteed to detect any single changed byte.</summary>
    public static ulong Checksum(ReadOnlySpan<byte> content) => Crc64.HashToUInt64(content);

    /// <summary>Writes <paramref name="values"/> little-endian into <paramref name="destination"/>, on any host.</summary>
    public static void WriteElements<T>(ReadOnlySpan<T> values, Span<byte> destination) where T : unmanaged
    {
        if (typeof(T) == typeof(float))
        {
            var floats = MemoryMarshal.Cast<T, float>(values);
            for (int i = 0; i < floats.Length; i++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(destination.Slice(i * FloatSize), floats[i]);
            }
        }
        else
        {
            var doubles = MemoryMarshal.Cast<T, double>(values);
            for (int i = 0; i < doubles.Length; i++)
            {
                BinaryPrimitives.WriteDoubleLittleEndian(destination.Slice(i * DoubleSize), doubles[i]);
            }
        }
    }

    /// <summary>Reads little-endian elements from <paramref name="source"/> into <paramref name="values"/>, bit for bit.</summary>
    public static void ReadElements<T>(ReadOnlySpan<byte> source, Span<T> values) where T : unmanaged
    {
        if (typeof(T) == typeof(float))
        {
            var floats = MemoryMarshal.Cast<T, float>(values);
            for (int i = 0; i < floats.Length; i++)
            {
                floats[i] = BinaryPrimitives.ReadSingleLittleEndian(source.Slice(i * FloatSize));
            }
        }
        else
        {
            var doubles = MemoryMarshal.Cast<T, double>(values);
            for (int i = 0; i < doubles.Length; i++)
            {
                doubles[i] = BinaryPrimitives.ReadDoubleLittleEndian(source.Slice(i * DoubleSize));
            }
        }
    }
}
