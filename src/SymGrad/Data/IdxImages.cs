using System;

namespace SymGrad.Data;

/// <summary>The contents of an IDX image file: <see cref="Count"/> images of <see cref="Rows"/> x <see cref="Columns"/> bytes, row-major, image after image.</summary>
public sealed class IdxImages
{
    public IdxImages(int count, int rows, int columns, byte[] pixels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        if ((long)count * rows * columns != pixels.Length)
        {
            throw new ArgumentException($"Expected {count} x {rows} x {columns} = {(long)count * rows * columns} pixels, got {pixels.Length}.", nameof(pixels));
        }
        Count = count;
        Rows = rows;
        Columns = columns;
        Pixels = pixels;
    }

    public int Count { get; }
    public int Rows { get; }
    public int Columns { get; }

    /// <summary>Values per image, <see cref="Rows"/> x <see cref="Columns"/>.</summary>
    public int PixelsPerImage => Rows * Columns;

    /// <summary>The raw bytes (0 to 255), <see cref="Count"/> x <see cref="PixelsPerImage"/>.</summary>
    public byte[] Pixels { get; }
}
