using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace SymGrad.Checkpoints;

/// <summary>Encodes a network, optimizer state, step count and random state as one checkpoint (format: <see cref="Checkpoint"/>).</summary>
internal static class CheckpointWriter
{
    public static byte[] Write<T>(INetwork<T> network, Optimizer? optimizer, SeededRandom? random, long? step) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(network);
        byte elementSize = CheckpointFormat.ElementSize<T>();
        if (elementSize == 0)
        {
            throw new ArgumentException($"Checkpoints hold float or double parameters; this network's parameters are {typeof(T).Name}.", nameof(network));
        }
        ReadOnlySpan<T> parameters = network.Parameters;
        if (parameters.Length != network.ParameterCount)
        {
            throw new ArgumentException(
                $"Expected Parameters of length ParameterCount ({network.ParameterCount}), but the network's buffer has {parameters.Length} values.", nameof(network));
        }
        long savedStep = step ?? optimizer?.StepCount ?? 0;
        if (savedStep < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(step), savedStep, "Expected a step count >= 0.");
        }
        var state = optimizer is null ? null : OptimizerStateOf(optimizer, typeof(T), parameters.Length);
        int bufferCount = state?.ElementType is null ? 0 : state.BufferCount;
        int bufferLength = bufferCount == 0 ? 0 : state!.Length;
        // Batch norm's running statistics and the dropout counter: not parameters, but a resumed run needs them.
        var stateful = network as IStatefulNetwork<T>;
        ReadOnlySpan<T> networkState = stateful is null ? default : stateful.State;

        var output = new ArrayBufferWriter<byte>();
        output.Write(CheckpointFormat.Magic);
        WriteInt32(output, CheckpointFormat.CurrentVersion);
        WriteInt64(output, 0); // the file length and the preamble's CRC-32, patched below once known
        WriteInt32(output, 0);
        WriteString(output, network.GetType().FullName ?? network.GetType().Name);
        output.Write([elementSize]);
        WriteInt32(output, parameters.Length);
        WriteUInt64(output, CheckpointFormat.LayoutHash(network));
        WriteInt64(output, savedStep);
        var (s0, s1, s2, s3) = random?.State ?? default;
        output.Write([random is null ? (byte)0 : (byte)1]);
        WriteUInt64(output, s0);
        WriteUInt64(output, s1);
        WriteUInt64(output, s2);
        WriteUInt64(output, s3);
        WriteString(output, optimizer is null ? "" : optimizer.GetType().FullName!);
        WriteInt64(output, BitConverter.DoubleToInt64Bits(optimizer?.LearningRate ?? 0));
        WriteInt64(output, optimizer?.StepCount ?? 0);
        WriteInt32(output, bufferCount);
        WriteInt32(output, bufferLength);
        WriteInt32(output, networkState.Length);
        WriteInt64(output, stateful?.DropoutStep ?? 0);
        WriteUInt64(output, stateful?.DropoutSeed ?? 0);
        WriteElements(output, parameters);
        for (int i = 0; i < bufferCount; i++)
        {
            WriteElements(output, state!.View<T>(i));
        }
        WriteElements(output, networkState);

        byte[] file = new byte[output.WrittenCount + CheckpointFormat.ChecksumLength];
        output.WrittenSpan.CopyTo(file);
        BinaryPrimitives.WriteInt64LittleEndian(file.AsSpan(CheckpointFormat.LengthOffset), file.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(CheckpointFormat.PreambleChecksumOffset), CheckpointFormat.PreambleChecksum(file));
        ulong checksum = CheckpointFormat.Checksum(file.AsSpan(0, file.Length - CheckpointFormat.ChecksumLength));
        BinaryPrimitives.WriteUInt64LittleEndian(file.AsSpan(file.Length - CheckpointFormat.ChecksumLength), checksum);
        return file;
    }

    /// <summary>The optimizer's state buffers, after checking that a checkpoint can hold them for this network.</summary>
    private static OptimizerState? OptimizerStateOf(Optimizer optimizer, Type elementType, int parameterCount)
    {
        if (optimizer.GetType().Assembly != typeof(Optimizer).Assembly)
        {
            // A custom optimizer keeps its state where a checkpoint cannot see it: refusing is better than a resume that silently differs.
            throw new ArgumentException(
                $"Checkpoints hold the state of SymGrad's optimizers (Sgd, Momentum, Adam, AdamW); {optimizer.GetType().FullName} is not one of them. Pass optimizer: null and save its state yourself.",
                nameof(optimizer));
        }
        var state = optimizer.CheckpointState;
        if (state?.ElementType is { } stateType && (stateType != elementType || state.Length != parameterCount))
        {
            throw new ArgumentException(
                $"The optimizer's state holds {state.Length} {stateType.Name} values per buffer; expected {parameterCount} {elementType.Name} values, one per parameter of this network. Use one optimizer per network.",
                nameof(optimizer));
        }
        return state;
    }

    private static void WriteElements<T>(ArrayBufferWriter<byte> output, ReadOnlySpan<T> values) where T : unmanaged
    {
        int bytes = values.Length * CheckpointFormat.ElementSize<T>();
        CheckpointFormat.WriteElements(values, output.GetSpan(bytes));
        output.Advance(bytes);
    }

    private static void WriteString(ArrayBufferWriter<byte> output, string value)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(value);
        WriteInt32(output, utf8.Length);
        output.Write(utf8);
    }

    private static void WriteInt32(ArrayBufferWriter<byte> output, int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(output.GetSpan(4), value);
        output.Advance(4);
    }

    private static void WriteInt64(ArrayBufferWriter<byte> output, long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(output.GetSpan(8), value);
        output.Advance(8);
    }

    private static void WriteUInt64(ArrayBufferWriter<byte> output, ulong value)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(output.GetSpan(8), value);
        output.Advance(8);
    }
}
