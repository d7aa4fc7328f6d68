using System;
using System.IO;

namespace SymGrad.Checkpoints;

/// <summary>
/// Saves and restores training: a network's parameters and, for networks with batch norm or dropout,
/// its running statistics and dropout step, its optimizer's state (step count, learning
/// rate, velocity or moments), the training step count and a <see cref="SeededRandom"/> state (the
/// trainer's shuffling generator), so that a run resumed from a checkpoint continues bit for bit as
/// the uninterrupted run would.
/// </summary>
/// <remarks>
/// <para><b>Format, version 1.</b> Little-endian throughout; strings are an int32 byte count and UTF-8.</para>
/// <code>
/// offset  bytes  field
///  0       8     magic 89 53 47 43 4B 0D 0A 1A ("\x89SGCK\r\n\x1A", in the manner of PNG's signature)
///  8       4     format version (int32) = 1
/// 12       8     file length in bytes, checksum included (int64)
/// 20       4     CRC-32 of bytes [0, 20)
/// 24       .     network type (string, the full type name)
///          1     element size: 4 = float, 8 = double
///          4     parameter count (int32)
///          8     layout hash (uint64): XxHash64 of the sizes, precision and ParameterViews
///          8     training step count (int64)
///          1     1 if a random state follows with meaning, else 0
///         32     SeededRandom state: four uint64 (zero when absent)
///          .     optimizer type (string, the full type name; empty when none was saved)
///          8     optimizer learning rate (float64)
///          8     optimizer step count (int64)
///          4     optimizer buffer count (int32): 0 (none, or before the first step), 1 (Momentum) or 2 (Adam, AdamW)
///          4     optimizer buffer length (int32): 0 or the parameter count
///          4     network state length (int32): batch norm's running statistics (IStatefulNetwork.State), else 0
///          8     dropout step (int64): IStatefulNetwork.DropoutStep, else 0
///          8     dropout seed (uint64): IStatefulNetwork.DropoutSeed, else 0
///          .     parameters: parameter count elements
///          .     optimizer buffers, one after the other (Momentum: velocity; Adam, AdamW: first, then second moment)
///          .     network state: network state length elements
/// end-8    8     CRC-64 (ECMA-182) of every byte before it
/// </code>
/// <para>Loading checks, in this order, and throws <see cref="CheckpointException"/> with the matching
/// <see cref="CheckpointException.Error"/>: the magic (<see cref="CheckpointError.NotACheckpoint"/>), the
/// preamble's CRC-32 (<see cref="CheckpointError.Corrupted"/>), the version
/// (<see cref="CheckpointError.NewerFormatVersion"/>), the length (<see cref="CheckpointError.Truncated"/>),
/// the CRC-64 (<see cref="CheckpointError.Corrupted"/>), then the network type, precision and layout, the
/// optimizer type and the random state. All checks run before anything is written, so a failed load
/// changes nothing. Later format versions keep the 24-byte preamble, so this reader can always say
/// that a file is newer rather than damaged.</para>
/// <para>Only SymGrad's own optimizers (<see cref="Sgd"/>, <see cref="Momentum"/>, <see cref="Adam"/>,
/// <see cref="AdamW"/>) can be saved: their constructor settings (betas, momentum, weight decay) are not
/// stored, so restore into an optimizer constructed with the same settings. The learning rate is
/// stored and restored, as PyTorch's <c>load_state_dict</c> does, so a schedule's current value survives.</para>
/// </remarks>
public static class Checkpoint
{
    /// <summary>The file extension the README and samples use.</summary>
    public const string FileExtension = ".sgckpt";

    /// <summary>
    /// Writes a checkpoint to <paramref name="path"/> atomically: the bytes go to a temporary file in the
    /// same directory, which is flushed to disk and then renamed over <paramref name="path"/>, so a crash
    /// or a full disk leaves either the previous file or the complete new one, never a partial file.
    /// </summary>
    /// <param name="path">The file to write (replaced if it exists).</param>
    /// <param name="network">The network whose parameters are saved.</param>
    /// <param name="optimizer">The optimizer whose state is saved, or null to save the parameters only.</param>
    /// <param name="random">The trainer's random generator whose state is saved, or null.</param>
    /// <param name="step">The training step count to save; by default the optimizer's <see cref="Optimizer.StepCount"/> (0 without one).</param>
    /// <exception cref="ArgumentException">The optimizer is not one of SymGrad's, or its state belongs to another network or precision.</exception>
    /// <exception cref="IOException">The file could not be written; <paramref name="path"/> is unchanged.</exception>
    public static void Save<T>(string path, INetwork<T> network, Optimizer? optimizer = null, SeededRandom? random = null, long? step = null)
        where T : unmanaged
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] file = CheckpointWriter.Write(network, optimizer, random, step);
        string target = Path.GetFullPath(path);
        string temporary = Path.Combine(Path.GetDirectoryName(target)!, "." + Path.GetFileName(target) + "." + Path.GetRandomFileName() + ".tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(file);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, target, overwrite: true);
        }
        catch
        {
            File.Delete(temporary); // no-op when it was never created or already renamed
            throw;
        }
    }

    /// <summary>Writes a checkpoint to <paramref name="destination"/> (not atomic: the stream's owner decides where the bytes go).</summary>
    /// <inheritdoc cref="Save{T}(string, INetwork{T}, Optimizer?, SeededRandom?, long?)"/>
    public static void Save<T>(Stream destination, INetwork<T> network, Optimizer? optimizer = null, SeededRandom? random = null, long? step = null)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(destination);
        destination.Write(CheckpointWriter.Write(network, optimizer, random, step));
    }

    /// <summary>
    /// Restores <paramref name="network"/>'s parameters and, when passed, <paramref name="optimizer"/>'s
    /// state and <paramref name="random"/>'s state from the checkpoint at <paramref name="path"/>.
    /// </summary>
    /// <param name="path">The checkpoint file.</param>
    /// <param name="network">The network to restore; must be of the type, precision and layout that was saved.</param>
    /// <param name="optimizer">The optimizer to restore (of the type that was saved), or null to leave optimizers alone.</param>
    /// <param name="random">The generator to restore, or null.</param>
    /// <returns>The checkpoint's header, including the saved training step count.</returns>
    /// <exception cref="CheckpointException">The file is not a checkpoint, is truncated, corrupted, of a newer format, or does not fit the arguments; nothing was changed.</exception>
    /// <exception cref="IOException">The file could not be read.</exception>
    public static CheckpointInfo Load<T>(string path, INetwork<T> network, Optimizer? optimizer = null, SeededRandom? random = null)
        where T : unmanaged
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(network);
        return Apply(File.ReadAllBytes(path), "'" + path + "'", network, optimizer, random);
    }

    /// <summary>Restores from a checkpoint read to the end of <paramref name="source"/>.</summary>
    /// <inheritdoc cref="Load{T}(string, INetwork{T}, Optimizer?, SeededRandom?)"/>
    public static CheckpointInfo Load<T>(Stream source, INetwork<T> network, Optimizer? optimizer = null, SeededRandom? random = null)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(network);
        return Apply(ReadToEnd(source), "from the stream", network, optimizer, random);
    }

    /// <summary>Reads a checkpoint's header (after checking its magic, version, length and checksums) without loading it.</summary>
    /// <exception cref="CheckpointException">The file is not a readable checkpoint.</exception>
    public static CheckpointInfo ReadInfo(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return CheckpointReader.ReadInfo(File.ReadAllBytes(path), "'" + path + "'");
    }

    private static CheckpointInfo Apply<T>(byte[] file, string source, INetwork<T> network, Optimizer? optimizer, SeededRandom? random)
        where T : unmanaged
    {
        if (CheckpointFormat.ElementSize<T>() == 0)
        {
            throw new ArgumentException($"Checkpoints hold float or double parameters; this network's parameters are {typeof(T).Name}.", nameof(network));
        }
        // Decode and validate everything first; only then change the network, optimizer and generator.
        var content = CheckpointReader.Read(file, source, network, optimizer, random);
        content.Parameters.CopyTo(network.Parameters);
        if (network is IStatefulNetwork<T> stateful)
        {
            content.NetworkState.CopyTo(stateful.State);
            stateful.DropoutStep = content.DropoutStep;
            stateful.DropoutSeed = content.DropoutSeed;
        }
        if (optimizer is not null)
        {
            optimizer.CheckpointState?.Restore(content.OptimizerBuffers);
            optimizer.StepCount = content.Info.OptimizerStepCount;
            optimizer.LearningRate = content.LearningRate;
        }
        if (random is not null)
        {
            random.State = content.RandomState;
        }
        return content.Info;
    }

    private static byte[] ReadToEnd(Stream source)
    {
        using var copy = new MemoryStream();
        source.CopyTo(copy);
        return copy.ToArray();
    }
}
