// Written by tools/make_study_networks.py: edit the script and rerun it rather than this file.
using System;
using GradientLab.Studies;

namespace GradientLab.Networks.Depth;

/// <summary>The depth study's networks by activation (Sigmoid, Tanh, Relu) and depth (2 to 20 hidden layers).</summary>
public static class DepthNetworks
{
    public const int MinDepth = 2;

    public const int MaxDepth = 20;

    /// <summary>The network with <paramref name="depth"/> hidden layers of <paramref name="activation"/>.</summary>
    public static InstrumentedNetwork Create(string activation, int depth, int seed)
    {
        switch (activation, depth)
        {
            case ("Sigmoid", 2): { var n = new SigmoidDepth02(seed); return new(n, n.Statistics); }
            case ("Sigmoid", 3): { var n = new SigmoidDepth03(seed); return new(n, n.Statistics); }
            case ("Sigmoid", 4): { var n = new SigmoidDepth04(seed); return new(n, n.Statistics); }
            case ("Sigmoid", 5): { var n = new SigmoidDepth05(seed); return new(n, n.Statistics); }
            case ("Sigmoid", 6): { var n = new SigmoidDepth06(seed); return new(n, n.Statistics); }
            case ("Sigmoid", 7): { var n = new SigmoidDepth07(seed); return new(n, n.Statistics); }
            case ("Sigmoid", 8): { var n = new SigmoidDepth08(seed); return new(n, n.Statistics); }
            case ("Sigmoid", 9): { var n = new SigmoidDepth09(seed); return new(n, n.Statistics); }
            case ("Sigmoid", 10): { var n = new SigmoidDepth10(seed); return new(n, n.Statistics); }
            case ("Sigmoid", 11): { var n = new SigmoidDepth11(seed); return new(n, n.Statistics); }
            case ("Sigmoid", 12): { var n = new SigmoidDepth12(seed); return new(n, n.Statistics); }
            case ("Sigmoid", 13): { var n = new SigmoidDepth13(seed); return new(n, n.Statistics); }
            case ("Sigmoid", 14): { var n = new SigmoidDepth14(seed); return new(n, n.Statistics); }
            case ("Sigmoid", 15): { var n = new SigmoidDepth15(seed); return new(n, n.Statistics); }
            case ("Sigmoid", 16): { var n = new SigmoidDepth16(seed); return new(n, n.Statistics); }
            case ("Sigmoid", 17): { var n = new SigmoidDepth17(seed); return new(n, n.Statistics); }
            case ("Sigmoid", 18): { var n = new SigmoidDepth18(seed); return new(n, n.Statistics); }
            case ("Sigmoid", 19): { var n = new SigmoidDepth19(seed); return new(n, n.Statistics); }
            case ("Sigmoid", 20): { var n = new SigmoidDepth20(seed); return new(n, n.Statistics); }
            case ("Tanh", 2): { var n = new TanhDepth02(seed); return new(n, n.Statistics); }
            case ("Tanh", 3): { var n = new TanhDepth03(seed); return new(n, n.Statistics); }
            case ("Tanh", 4): { var n = new TanhDepth04(seed); return new(n, n.Statistics); }
            case ("Tanh", 5): { var n = new TanhDepth05(seed); return new(n, n.Statistics); }
            case ("Tanh", 6): { var n = new TanhDepth06(seed); return new(n, n.Statistics); }
            case ("Tanh", 7): { var n = new TanhDepth07(seed); return new(n, n.Statistics); }
            case ("Tanh", 8): { var n = new TanhDepth08(seed); return new(n, n.Statistics); }
            case ("Tanh", 9): { var n = new TanhDepth09(seed); return new(n, n.Statistics); }
            case ("Tanh", 10): { var n = new TanhDepth10(seed); return new(n, n.Statistics); }
            case ("Tanh", 11): { var n = new TanhDepth11(seed); return new(n, n.Statistics); }
            case ("Tanh", 12): { var n = new TanhDepth12(seed); return new(n, n.Statistics); }
            case ("Tanh", 13): { var n = new TanhDepth13(seed); return new(n, n.Statistics); }
            case ("Tanh", 14): { var n = new TanhDepth14(seed); return new(n, n.Statistics); }
            case ("Tanh", 15): { var n = new TanhDepth15(seed); return new(n, n.Statistics); }
            case ("Tanh", 16): { var n = new TanhDepth16(seed); return new(n, n.Statistics); }
            case ("Tanh", 17): { var n = new TanhDepth17(seed); return new(n, n.Statistics); }
            case ("Tanh", 18): { var n = new TanhDepth18(seed); return new(n, n.Statistics); }
            case ("Tanh", 19): { var n = new TanhDepth19(seed); return new(n, n.Statistics); }
            case ("Tanh", 20): { var n = new TanhDepth20(seed); return new(n, n.Statistics); }
            case ("Relu", 2): { var n = new ReluDepth02(seed); return new(n, n.Statistics); }
            case ("Relu", 3): { var n = new ReluDepth03(seed); return new(n, n.Statistics); }
            case ("Relu", 4): { var n = new ReluDepth04(seed); return new(n, n.Statistics); }
            case ("Relu", 5): { var n = new ReluDepth05(seed); return new(n, n.Statistics); }
            case ("Relu", 6): { var n = new ReluDepth06(seed); return new(n, n.Statistics); }
            case ("Relu", 7): { var n = new ReluDepth07(seed); return new(n, n.Statistics); }
            case ("Relu", 8): { var n = new ReluDepth08(seed); return new(n, n.Statistics); }
            case ("Relu", 9): { var n = new ReluDepth09(seed); return new(n, n.Statistics); }
            case ("Relu", 10): { var n = new ReluDepth10(seed); return new(n, n.Statistics); }
            case ("Relu", 11): { var n = new ReluDepth11(seed); return new(n, n.Statistics); }
            case ("Relu", 12): { var n = new ReluDepth12(seed); return new(n, n.Statistics); }
            case ("Relu", 13): { var n = new ReluDepth13(seed); return new(n, n.Statistics); }
            case ("Relu", 14): { var n = new ReluDepth14(seed); return new(n, n.Statistics); }
            case ("Relu", 15): { var n = new ReluDepth15(seed); return new(n, n.Statistics); }
            case ("Relu", 16): { var n = new ReluDepth16(seed); return new(n, n.Statistics); }
            case ("Relu", 17): { var n = new ReluDepth17(seed); return new(n, n.Statistics); }
            case ("Relu", 18): { var n = new ReluDepth18(seed); return new(n, n.Statistics); }
            case ("Relu", 19): { var n = new ReluDepth19(seed); return new(n, n.Statistics); }
            case ("Relu", 20): { var n = new ReluDepth20(seed); return new(n, n.Statistics); }
            default: throw new ArgumentOutOfRangeException(nameof(depth), depth, $"Expected Sigmoid, Tanh or Relu and a depth in [{MinDepth}, {MaxDepth}], but got {activation} at {depth}.");
        }
    }
}
