using System;
using SymGrad;
using SymGrad.Instrumentation;

namespace GradientLab.Studies;

/// <summary>A generated, instrumented network and its statistics (which no interface exposes: each generated class has its own <c>Statistics</c>).</summary>
/// <param name="Network">The network.</param>
/// <param name="Statistics">Its <c>Statistics</c> property, filled by every ComputeGradients and TrainStep.</param>
public sealed record InstrumentedNetwork(INetwork<float> Network, GradientStatistics Statistics);

/// <summary>One network of a study: a display name, what it is, and how to make it from a seed.</summary>
/// <param name="Name">Short name for tables and legends, e.g. <c>ReLU+He</c>.</param>
/// <param name="Description">One line: architecture and initialization.</param>
/// <param name="Create">Makes the network with the given seed (generated constructor: same seed, same weights).</param>
public sealed record StudyNetwork(string Name, string Description, Func<int, InstrumentedNetwork> Create);
