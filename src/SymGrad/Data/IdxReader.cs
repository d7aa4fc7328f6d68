using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;

namespace SymGrad.Data;

/// <summary>
/// Reads the IDX files of MNIST (and of datasets that copy its format): a big-endian int32 magic number
/// (0x00000803 for unsigned-byte images [count, rows, columns], 0x00000801 for unsigned-byte labels
/// [count]), the dimension sizes as big-endian int32, then the bytes. Gzipped files are recognized by
/// their 0x1f 0x8b signature and decompressed on the fly. Malformed input raises
/// <see cref="InvalidDataException"/> with a message naming the file and what is wrong.
/// </summary>
public static class IdxReader
{
    /// <summary>The magic number of an IDX file of unsigned bytes with three dimensions (images).</summary>
    public const int ImagesMagic = 0x00000803;

    /// <summary>The magic number of an IDX file of unsigned bytes with one dimension (labels).</summary>
    public const int LabelsMagic = 0x00000801;

    /// <summary>Reads an image file, gzipped or not.</summary>
    /// <exception cref="InvalidDataException">The file is not a well-formed IDX image file.</exception>
    public static IdxImages ReadImages(string path)
    {
        using var file = File.OpenRead(path);
        return ReadImages(file, path);
    }

    /// <summary>Reads an image file from <paramref name="stream"/> (left open), gzipped or not; <paramref name="sourceName"/> names it in errors.</summary>
    /// <exception cref="InvalidDataException">The data is not a well-formed IDX image file.</exception>
    public static IdxImages ReadImages(Stream stream, string sourceName = "stream") =>
        Read(stream, sourceName, ImagesMagic, "image", (data, dims) => new IdxImages(dims[0], dims[1], dims[2], data));

    /// <summary>Reads a label file, gzipped or not: one byte per item.</summary>
    /// <exception cref="InvalidDataException">The file is not a well-formed IDX label file.</exception>
    public static byte[] ReadLabels(string path)
    {
        using var file = File.OpenRead(path);
        return ReadLabels(file, path);
    }

    /// <summary>Reads a label file from <paramref name="stream"/> (left open), gzipped or not; <paramref name="sourceName"/> names it in errors.</summary>
    /// <exception cref="InvalidDataException">The data is not a well-formed IDX label file.</exception>
    public static byte[] ReadLabels(Stream stream, string sourceName = "stream") =>
        Read(stream, sourceName, LabelsMagic, "label", (data, _) => data);

    private static TResult Read<TResult>(Stream stream, string source, int expectedMagic, string kind, Func<byte[], int[], TResult> create)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Stream input = Decompressed(stream, out bool compressed);
        try
        {
            int magic = ReadInt32(input, source, "the magic number");
            if (magic != expectedMagic)
            {
                string found = magic switch
                {
                    ImagesMagic => " (that of an image file)",
                    LabelsMagic => " (that of a label file)",
                    _ => "",
                };
                throw new InvalidDataException(
                    $"{source}: magic number 0x{magic:X8}{found} is not the IDX {kind} file's 0x{expectedMagic:X8}.");
            }
            var dims = new int[magic & 0xFF];
            long total = 1;
            for (int d = 0; d < dims.Length; d++)
            {
                dims[d] = ReadInt32(input, source, $"dimension {d} of the header");
                if (dims[d] < 0)
                {
                    throw new InvalidDataException($"{source}: dimension {d} of the header is negative ({dims[d]}).");
                }
                total *= dims[d];
                if (total > Array.MaxLength)
                {
                    throw new InvalidDataException($"{source}: the header's dimensions ({string.Join(" x ", dims[..(d + 1)])}) describe more bytes than an array can hold.");
                }
            }

            var data = new byte[total];
            int read = input.ReadAtLeast(data, data.Length, throwOnEndOfStream: false);
            if (read < data.Length)
            {
                throw new InvalidDataException(
                    $"{source}: truncated: the header ({string.Join(" x ", dims)}) announces {data.Length} bytes of data, but only {read} follow.");
            }
            if (input.ReadByte() >= 0)
            {
                throw new InvalidDataException(
                    $"{source}: the file continues after the {data.Length} bytes of data that its header ({string.Join(" x ", dims)}) announces.");
            }
            return create(data, dims);
        }
        catch (InvalidDataException ex) when (compressed && !ex.Message.StartsWith(source + ":", StringComparison.Ordinal))
        {
            // GZipStream's own error (bad or cut-off deflate data): say which file it was.
            throw new InvalidDataException($"{source}: the gzip data is corrupt or truncated ({ex.Message})", ex);
        }
        finally
        {
            if (compressed)
            {
                input.Dispose();
            }
        }
    }

    /// <summary>Wraps <paramref name="stream"/> in a <see cref="GZipStream"/> when it starts with the gzip signature 0x1f 0x8b.</summary>
    private static Stream Decompressed(Stream stream, out bool compressed)
    {
        if (!stream.CanSeek)
        {
            // Peeking needs to rewind: buffer the (compressed) bytes.
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.Position = 0;
            stream = copy;
        }
        long start = stream.Position;
        Span<byte> signature = stackalloc byte[2];
        int read = stream.ReadAtLeast(signature, 2, throwOnEndOfStream: false);
        stream.Position = start;
        compressed = read == 2 && signature[0] == 0x1f && signature[1] == 0x8b;
        return compressed ? new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true) : stream;
    }

    private static int ReadInt32(Stream input, string source, string what)
    {
        Span<byte> bytes = stackalloc byte[4];
        int read = input.ReadAtLeast(bytes, 4, throwOnEndOfStream: false);
        if (read < 4)
        {
            throw new InvalidDataException($"{source}: truncated header: expected 4 bytes for {what}, found {read}.");
        }
        return BinaryPrimitives.ReadInt32BigEndian(bytes);
    }
}
