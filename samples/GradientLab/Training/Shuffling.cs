using System;
using SymGrad;

namespace GradientLab.Training;

/// <summary>In-place random permutations.</summary>
public static class Shuffling
{
    /// <summary>
    /// The Fisher-Yates (Durstenfeld) shuffle: every permutation equally likely (up to the generator),
    /// in place, no allocation, and reproducible for a given <see cref="SeededRandom"/> state.
    /// </summary>
    public static void FisherYates(Span<int> items, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = random.NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
