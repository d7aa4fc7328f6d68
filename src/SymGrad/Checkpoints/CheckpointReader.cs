using System;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace SymGrad.Checkpoints;

/// <summary>Everything a checkpoint holds, decoded and validated, not yet applied to anything.</summary>
internal sealed record CheckpointContent<T>(
    CheckpointInfo Info,
    T[] Parameters,
    T[][] OptimizerBuffers,
    T[] NetworkState,
    long DropoutStep,
    ulong DropoutSeed,
    double LearningRate,
    (ulong S0, ulong S1, ulong S2, ulong S3) RandomState) where T : unmanaged;

/// <summary>
/// Decodes a checkpoint in the order that names the real problem: magic, format version, length
/// (truncation), checksum (corruption), then whether it fits the network, optimizer and generator.
/// </summary>
internal static class CheckpointReader
{
    /// <summary>The header of a file, after the magic, version, length and checksum checks.</summary>
    public static CheckpointInfo ReadInfo(ReadOnlySpan<byte> file, string source) => ReadHeader(file, source, out _);

    public static CheckpointContent<T> Read<T>(ReadOnlySpan<byte> file, string source, INetwork<T> network, Optimizer? optimizer, SeededRandom? random)
        where T : unmanaged
    {
        var header = ReadHeader(file, source, out var fields);
        CheckNetwork(header, source, network);
        int stateLength = network is IStatefulNetwork<T> stateful ? stateful.State.Length : 0;
        if (fields.StateLength != stateLength)
        {
            throw new CheckpointException(CheckpointError.LayoutMismatch, string.Create(CultureInfo.InvariantCulture,
                $"Checkpoint {source} holds {fields.StateLength} values of network state (running statistics); {header.NetworkType} keeps {stateLength}."));
        }
        if (optimizer is not null)
        {
            CheckOptimizer(header, source, optimizer, fields.BufferCount, fields.LearningRate);
        }
        if (random is not null && !header.HasRandomState)
        {
            throw new CheckpointException(CheckpointError.MissingRandomState,
                $"Checkpoint {source} holds no random generator state, but a SeededRandom was passed to restore. Pass random: null, or save the generator with the checkpoint.");
        }

        // Every check passed; the data section's size was validated against the header in ReadHeader.
        var reader = new Reader(file, fields.DataOffset, source);
        var parameters = new T[header.ParameterCount];
        CheckpointFormat.ReadElements(reader.Take(parameters.Length * fields.ElementSize), parameters.AsSpan());
        var buffers = new T[fields.BufferCount][];
        for (int i = 0; i < buffers.Length; i++)
        {
            buffers[i] = new T[fields.BufferLength];
            CheckpointFormat.ReadElements(reader.Take(fields.BufferLength * fields.ElementSize), buffers[i].AsSpan());
        }
        var networkState = new T[fields.StateLength];
        CheckpointFormat.ReadElements(reader.Take(networkState.Length * fields.ElementSize), networkState.AsSpan());
        return new CheckpointContent<T>(header, parameters, buffers, networkState, fields.DropoutStep, fields.DropoutSeed, fields.LearningRate, fields.Random);
    }

    private readonly record struct Fields(int ElementSize, int BufferCount, int BufferLength, int StateLength, long DropoutStep, ulong DropoutSeed, double LearningRate, (ulong, ulong, ulong, ulong) Random, int DataOffset);

    private static CheckpointInfo ReadHeader(ReadOnlySpan<byte> file, string source, out Fields fields)
    {
        var magic = CheckpointFormat.Magic;
        if (file.Length == 0 || (file.Length < magic.Length && file.SequenceEqual(magic.Slice(0, file.Length))))
        {
            throw Truncated(source, file.Length, CheckpointFormat.PreambleLength + CheckpointFormat.ChecksumLength);
        }
        if (!file.StartsWith(magic))
        {
            throw new CheckpointException(CheckpointError.NotACheckpoint,
                $"{Capitalized(source)} is not a SymGrad checkpoint: it does not start with the checkpoint signature 89 53 47 43 4B 0D 0A 1A (another kind of file, or its first bytes are damaged).");
        }
        if (file.Length < CheckpointFormat.PreambleLength + CheckpointFormat.ChecksumLength)
        {
            throw Truncated(source, file.Length, CheckpointFormat.PreambleLength + CheckpointFormat.ChecksumLength);
        }
        uint preamble = BinaryPrimitives.ReadUInt32LittleEndian(file.Slice(CheckpointFormat.PreambleChecksumOffset));
        if (preamble != CheckpointFormat.PreambleChecksum(file))
        {
            throw new CheckpointException(CheckpointError.Corrupted, string.Create(CultureInfo.InvariantCulture,
                $"Checkpoint {source} is corrupted: the CRC-32 of its first {CheckpointFormat.PreambleChecksumOffset} bytes (version and length) is {CheckpointFormat.PreambleChecksum(file):X8} but the file says {preamble:X8}. Restore it from a good copy."));
        }
        // The version is checked before the file's checksum: a newer format may place or compute that checksum differently.
        int version = BinaryPrimitives.ReadInt32LittleEndian(file.Slice(CheckpointFormat.VersionOffset));
        if (version < 1)
        {
            throw new CheckpointException(CheckpointError.Corrupted,
                $"Checkpoint {source} is corrupted: it has format version {version.ToString(CultureInfo.InvariantCulture)}; versions start at 1.");
        }
        if (version > CheckpointFormat.CurrentVersion)
        {
            throw new CheckpointException(CheckpointError.NewerFormatVersion,
                $"Checkpoint {source} has format version {version.ToString(CultureInfo.InvariantCulture)}; this version of SymGrad reads format versions 1 to {CheckpointFormat.CurrentVersion}. Update SymGrad to load it.");
        }
        long declared = BinaryPrimitives.ReadInt64LittleEndian(file.Slice(CheckpointFormat.LengthOffset));
        if (declared > file.Length)
        {
            throw Truncated(source, file.Length, declared);
        }
        ulong stored = BinaryPrimitives.ReadUInt64LittleEndian(file.Slice(file.Length - CheckpointFormat.ChecksumLength));
        ulong actual = CheckpointFormat.Checksum(file.Slice(0, file.Length - CheckpointFormat.ChecksumLength));
        if (declared != file.Length || stored != actual)
        {
            throw new CheckpointException(CheckpointError.Corrupted, string.Create(CultureInfo.InvariantCulture,
                $"Checkpoint {source} is corrupted: its CRC-64 is {actual:X16} but the file says {stored:X16} (length {file.Length} bytes, header says {declared}). Restore it from a good copy."));
        }

        var reader = new Reader(file.Slice(0, file.Length - CheckpointFormat.ChecksumLength), CheckpointFormat.PreambleLength, source);
        string networkType = reader.String();
        int elementSize = reader.Byte();
        int parameterCount = reader.Int32();
        ulong layoutHash = reader.UInt64();
        long step = reader.Int64();
        bool hasRandom = reader.Byte() != 0;
        var randomState = (reader.UInt64(), reader.UInt64(), reader.UInt64(), reader.UInt64());
        string optimizerType = reader.String();
        double learningRate = BitConverter.Int64BitsToDouble(reader.Int64());
        long optimizerSteps = reader.Int64();
        int bufferCount = reader.Int32();
        int bufferLength = reader.Int32();
        int stateLength = reader.Int32();
        long dropoutStep = reader.Int64();
        ulong dropoutSeed = reader.UInt64();
        long dataBytes = ((long)parameterCount + (long)bufferCount * bufferLength + stateLength) * elementSize;
        bool consistent = (elementSize == CheckpointFormat.FloatSize || elementSize == CheckpointFormat.DoubleSize)
            && parameterCount >= 0 && bufferCount is >= 0 and <= 2 && bufferLength >= 0 && stateLength >= 0 && dropoutStep >= 0
            && (bufferCount == 0 || bufferLength == parameterCount) && dataBytes == reader.Remaining;
        if (!consistent)
        {
            // Only a faulty writer produces this: the checksum matched, so the bytes are as written.
            throw new CheckpointException(CheckpointError.Corrupted,
                $"Checkpoint {source} is corrupted: its header is inconsistent ({parameterCount.ToString(CultureInfo.InvariantCulture)} parameters of {elementSize.ToString(CultureInfo.InvariantCulture)} bytes, {bufferCount.ToString(CultureInfo.InvariantCulture)} optimizer buffers of {bufferLength.ToString(CultureInfo.InvariantCulture)}, {reader.Remaining.ToString(CultureInfo.InvariantCulture)} data bytes).");
        }
        fields = new Fields(elementSize, bufferCount, bufferLength, stateLength, dropoutStep, dropoutSeed, learningRate, randomState, reader.Position);
        return new CheckpointInfo(version, networkType, parameterCount, CheckpointFormat.PrecisionOf((byte)elementSize), layoutHash, step,
            optimizerType.Length == 0 ? null : optimizerType, optimizerSteps, hasRandom);
    }

    private static void CheckNetwork<T>(CheckpointInfo header, string source, INetwork<T> network) where T : unmanaged
    {
        string type = network.GetType().FullName ?? network.GetType().Name;
        if (!string.Equals(header.NetworkType, type, StringComparison.Ordinal))
        {
            throw new CheckpointException(CheckpointError.NetworkMismatch,
                $"Checkpoint {source} was written from network {header.NetworkType} ({header.ParameterCount.ToString(CultureInfo.InvariantCulture)} parameters); it cannot be loaded into {type} ({network.ParameterCount.ToString(CultureInfo.InvariantCulture)} parameters).");
        }
        var precision = CheckpointFormat.ElementSize<T>() == CheckpointFormat.DoubleSize ? Precision.Double : Precision.Float;
        if (header.Precision != precision)
        {
            throw new CheckpointException(CheckpointError.PrecisionMismatch,
                $"Checkpoint {source} holds {header.Precision} parameters; network {type} has {precision} parameters.");
        }
        ulong layout = CheckpointFormat.LayoutHash(network);
        if (header.ParameterCount != network.ParameterCount || header.LayoutHash != layout)
        {
            throw new CheckpointException(CheckpointError.LayoutMismatch, string.Create(CultureInfo.InvariantCulture,
                $"Checkpoint {source} was written from {type} with another layer layout: {header.ParameterCount} parameters, layout hash {header.LayoutHash:X16}; the network now has {network.ParameterCount} parameters, layout hash {layout:X16}. Its layers changed since the checkpoint was saved."));
        }
    }

    private static void CheckOptimizer(CheckpointInfo header, string source, Optimizer optimizer, int bufferCount, double learningRate)
    {
        string type = optimizer.GetType().FullName!;
        if (header.OptimizerType is null)
        {
            throw new CheckpointException(CheckpointError.OptimizerMismatch,
                $"Checkpoint {source} holds no optimizer state, but an optimizer ({type}) was passed to restore. Pass optimizer: null to load the parameters only.");
        }
        if (!string.Equals(header.OptimizerType, type, StringComparison.Ordinal))
        {
            throw new CheckpointException(CheckpointError.OptimizerMismatch,
                $"Checkpoint {source} holds the state of optimizer {header.OptimizerType}; it cannot be restored into {type}.");
        }
        int expected = optimizer.CheckpointState?.BufferCount ?? 0;
        if (bufferCount != 0 && bufferCount != expected)
        {
            throw new CheckpointException(CheckpointError.OptimizerMismatch, string.Create(CultureInfo.InvariantCulture,
                $"Checkpoint {source} holds {bufferCount} state buffers for {type}, which keeps {expected}."));
        }
        if (!(learningRate > 0) || double.IsInfinity(learningRate) || header.OptimizerStepCount < 0)
        {
            throw new CheckpointException(CheckpointError.Corrupted, string.Create(CultureInfo.InvariantCulture,
                $"Checkpoint {source} is corrupted: its optimizer has learning rate {learningRate:R} and step count {header.OptimizerStepCount}."));
        }
    }

    private static CheckpointException Truncated(string source, long length, long expected) =>
        new(CheckpointError.Truncated, string.Create(CultureInfo.InvariantCulture,
            $"Checkpoint {source} is truncated: it has {length} bytes, expected {expected}. The file was cut short (an interrupted copy or write)."));

    private static string Capitalized(string source) => source.Length > 0 ? char.ToUpperInvariant(source[0]) + source.Substring(1) : source;

    /// <summary>Sequential little-endian reads; running out of bytes here means an inconsistent header.</summary>
    private ref struct Reader
    {
        private readonly ReadOnlySpan<byte> _data;
        private readonly string _source;

        public Reader(ReadOnlySpan<byte> data, int position, string source)
        {
            _data = data;
            Position = position;
            _source = source;
        }

        public int Position { get; private set; }

        public readonly int Remaining => _data.Length - Position;

        public ReadOnlySpan<byte> Take(int count)
        {
            if (count < 0 || count > Remaining)
            {
                throw new CheckpointException(CheckpointError.Corrupted,
                    $"Checkpoint {_source} is corrupted: a header field runs past the end of the data.");
            }
            var span = _data.Slice(Position, count);
            Position += count;
            return span;
        }

        public byte Byte() => Take(1)[0];
        public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));
        public long Int64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));
        public ulong UInt64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));
        public string String() => Encoding.UTF8.GetString(Take(Int32()));
    }
}
