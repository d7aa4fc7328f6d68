using System.IO;

namespace SymGrad.Checkpoints;

/// <summary>Why a checkpoint could not be loaded (<see cref="CheckpointException.Error"/>).</summary>
public enum CheckpointError
{
    /// <summary>The data does not start with the checkpoint magic: not a SymGrad checkpoint.</summary>
    NotACheckpoint,

    /// <summary>The file is shorter than its header says (an interrupted copy or download).</summary>
    Truncated,

    /// <summary>The checksum does not match the content: a byte changed after writing.</summary>
    Corrupted,

    /// <summary>The file was written by a newer SymGrad in a format version this one cannot read.</summary>
    NewerFormatVersion,

    /// <summary>The file belongs to another network type.</summary>
    NetworkMismatch,

    /// <summary>The network type matches but its layers (names, shapes, order, sizes) changed since the file was written.</summary>
    LayoutMismatch,

    /// <summary>The file holds float parameters and the network is double, or the reverse.</summary>
    PrecisionMismatch,

    /// <summary>The file's optimizer state belongs to another optimizer type, or the file has none for the optimizer passed.</summary>
    OptimizerMismatch,

    /// <summary>A random generator was passed but the file holds no random state.</summary>
    MissingRandomState,
}

/// <summary>
/// A checkpoint could not be loaded; <see cref="Error"/> says why and the message names the file,
/// what was expected and what was found. When it is thrown, nothing was changed: the network, the
/// optimizer and the random generator keep the state they had before the call.
/// </summary>
public sealed class CheckpointException : IOException
{
    public CheckpointException(CheckpointError error, string message)
        : base(message)
    {
        Error = error;
    }

    /// <summary>Which check failed.</summary>
    public CheckpointError Error { get; }
}
