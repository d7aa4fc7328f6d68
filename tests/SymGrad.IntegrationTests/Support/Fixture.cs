using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace SymGrad.IntegrationTests.Support;

/// <summary>One evaluation stored by tools/make_fixtures.py: parameters in SymGrad's buffer order, data, loss and gradients.</summary>
internal sealed record FixtureCase(double[] Parameters, double[] Inputs, double[] Targets, double Loss, double[] Gradients)
{
    public static FixtureCase Read(JsonElement element) => new(
        Numbers(element.GetProperty("parameters")),
        Numbers(element.GetProperty("inputs")),
        Numbers(element.GetProperty("targets")),
        element.GetProperty("loss").GetDouble(),
        Numbers(element.GetProperty("gradients")));

    public static double[] Numbers(JsonElement array) => array.EnumerateArray().Select(v => v.GetDouble()).ToArray();

    public static float[] Single(double[] values) => values.Select(v => (float)v).ToArray();
}

/// <summary>Reads the committed PyTorch fixtures (copied next to the test assembly).</summary>
internal static class Fixtures
{
    public static JsonElement Load(string name)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Fixtures", name + ".json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    }

    /// <summary>Loads the case's parameters, computes the gradients and compares loss and gradients with PyTorch's.</summary>
    public static void AssertMatches(INetwork<double> network, FixtureCase fixture, double relative)
    {
        Assert.Equal(fixture.Parameters.Length, network.ParameterCount);
        fixture.Parameters.CopyTo(network.Parameters);
        double loss = network.ComputeGradients(fixture.Inputs, fixture.Targets);
        GradientAssert.ScalarEqual(fixture.Loss, loss, relative, "loss");
        int compared = GradientAssert.Equal(fixture.Gradients, network.Gradients, network.ParameterViews, relative, "PyTorch", "generated");
        Assert.True(compared > network.ParameterCount / 3, $"only {compared} entries compared relatively");
    }

    /// <summary>The same in float: 1e-4 relative on entries above 1e-6.</summary>
    public static void AssertMatches(INetwork<float> network, FixtureCase fixture)
    {
        Assert.Equal(fixture.Parameters.Length, network.ParameterCount);
        FixtureCase.Single(fixture.Parameters).CopyTo(network.Parameters);
        float loss = network.ComputeGradients(FixtureCase.Single(fixture.Inputs), FixtureCase.Single(fixture.Targets));
        GradientAssert.ScalarEqual(fixture.Loss, loss, 1e-4, "loss");
        double[] gradients = network.Gradients.ToArray().Select(v => (double)v).ToArray();
        int compared = GradientAssert.Equal(fixture.Gradients, gradients, network.ParameterViews, 1e-4, "PyTorch", "generated (float)");
        Assert.True(compared > network.ParameterCount / 3, $"only {compared} entries compared relatively");
    }
}
