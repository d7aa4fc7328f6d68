namespace SymGrad.Kernels;

/// <summary>
/// The counter-based dropout mask shared by generated code and the reference path: whether element
/// <c>index</c> survives is a pure function of (seed, step, stream, index), so masks need no
/// generator state, no allocation, and are the same wherever they are computed.
/// </summary>
public static class DropoutMask
{
    /// <summary>True when the element is kept: a SplitMix64 hash of the four counters, as a uniform in [0, 1), is at least <paramref name="probability"/>.</summary>
    public static bool Keep(ulong seed, long step, int stream, int index, double probability)
    {
        ulong h = Mix(seed ^ 0x9E3779B97F4A7C15UL);
        h = Mix(h ^ (ulong)step);
        h = Mix(h ^ ((ulong)(uint)stream << 32 | (uint)index));
        double uniform = (h >> 11) * (1.0 / 9007199254740992.0);
        return uniform >= probability;
    }

    // SplitMix64's finalizer: a bijective mix with full avalanche.
    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
