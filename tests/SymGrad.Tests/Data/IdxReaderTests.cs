using System;
using System.IO;
using SymGrad.Data;

namespace SymGrad.Tests.Data;

/// <summary><see cref="IdxReader"/> on small files written here, plain and gzipped, well-formed and not.</summary>
public class IdxReaderTests : IDisposable
{
    private readonly IdxTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static byte[] Pattern(int length)
    {
        var data = new byte[length];
        for (int i = 0; i < length; i++)
        {
            data[i] = (byte)(i * 37 + 11);
        }
        return data;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ImagesRoundTrip(bool gzip)
    {
        var data = Pattern(3 * 2 * 4);
        var bytes = IdxTestFiles.Idx(0x00000803, new[] { 3, 2, 4 }, data);
        string path = _files.Write("images.idx", gzip ? IdxTestFiles.Gzip(bytes) : bytes);

        var images = IdxReader.ReadImages(path);
        Assert.Equal(3, images.Count);
        Assert.Equal(2, images.Rows);
        Assert.Equal(4, images.Columns);
        Assert.Equal(data, images.Pixels);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void LabelsRoundTripThroughAFileAndANonSeekableStream(bool gzip)
    {
        byte[] labels = { 7, 2, 1, 0, 4 };
        var bytes = IdxTestFiles.Idx(0x00000801, new[] { 5 }, labels);
        if (gzip)
        {
            bytes = IdxTestFiles.Gzip(bytes);
        }
        Assert.Equal(labels, IdxReader.ReadLabels(_files.Write("labels.idx", bytes)));
        Assert.Equal(labels, IdxReader.ReadLabels(new ForwardOnlyStream(bytes)));
    }

    [Fact]
    public void ALabelFileReadAsImagesNamesBothMagicNumbers()
    {
        string path = _files.Write("labels.idx", IdxTestFiles.Idx(0x00000801, new[] { 2 }, new byte[2]));
        var ex = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(path));
        Assert.Contains("0x00000801", ex.Message);
        Assert.Contains("0x00000803", ex.Message);
        Assert.Contains("label file", ex.Message);
        Assert.Contains(path, ex.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AnUnknownMagicNumberIsRejected(bool gzip)
    {
        var bytes = IdxTestFiles.Idx(0x12345678, new[] { 1, 1, 1 }, new byte[1]);
        string path = _files.Write("bad.idx", gzip ? IdxTestFiles.Gzip(bytes) : bytes);
        var ex = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(path));
        Assert.Contains("0x12345678", ex.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TruncatedDataIsReportedWithTheExpectedAndFoundSizes(bool gzip)
    {
        // The header announces 3 images of 2 x 2 (12 bytes), but only 10 follow.
        var bytes = IdxTestFiles.Idx(0x00000803, new[] { 3, 2, 2 }, Pattern(10));
        string path = _files.Write("short.idx", gzip ? IdxTestFiles.Gzip(bytes) : bytes);
        var ex = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(path));
        Assert.Contains("truncated", ex.Message);
        Assert.Contains("12", ex.Message);
        Assert.Contains("10", ex.Message);
    }

    [Fact]
    public void ATruncatedHeaderIsReported()
    {
        var bytes = IdxTestFiles.Idx(0x00000803, new[] { 3, 2, 2 }, Array.Empty<byte>())[..10];
        var ex = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(_files.Write("header.idx", bytes)));
        Assert.Contains("truncated header", ex.Message);
    }

    [Fact]
    public void ACutOffGzipStreamIsReportedAsInvalidData()
    {
        var gz = IdxTestFiles.Gzip(IdxTestFiles.Idx(0x00000803, new[] { 4, 16, 16 }, Pattern(4 * 256)));
        string path = _files.Write("cut.idx.gz", gz[..(gz.Length / 2)]);
        var ex = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(path));
        Assert.Contains("truncated", ex.Message);
        Assert.Contains(path, ex.Message);
    }

    [Fact]
    public void BytesAfterTheAnnouncedDataAreRejected()
    {
        var bytes = IdxTestFiles.Idx(0x00000801, new[] { 2 }, new byte[] { 1, 2, 3 });
        var ex = Assert.Throws<InvalidDataException>(() => IdxReader.ReadLabels(_files.Write("long.idx", bytes)));
        Assert.Contains("continues after", ex.Message);
    }

    [Fact]
    public void ANegativeDimensionIsRejected()
    {
        var bytes = IdxTestFiles.Idx(0x00000803, new[] { 1, -2, 2 }, Array.Empty<byte>());
        var ex = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(_files.Write("neg.idx", bytes)));
        Assert.Contains("negative", ex.Message);
    }

    /// <summary>A stream that cannot seek, as a network or pipe stream.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }
    }
}
