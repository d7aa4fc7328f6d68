using SymGrad.IntegrationTests.Support;
using SymGrad.IntegrationTests.Zoo;

namespace SymGrad.IntegrationTests;

/// <summary>Seeded initialization: same seed, same bits; another seed, other values; float = double rounded once.</summary>
public sealed class DeterminismTests
{
    [Theory]
    [MemberData(nameof(ZooCatalog.Networks), MemberType = typeof(ZooCatalog))]
    public void SameSeedGivesBitIdenticalParameters(string name)
    {
        var entry = ZooCatalog.Get(name);

        Assert.Equal(entry.CreateDouble(42).Parameters.ToArray(), entry.CreateDouble(42).Parameters.ToArray());
        Assert.Equal(entry.CreateFloat(42).Parameters.ToArray(), entry.CreateFloat(42).Parameters.ToArray());
    }

    [Theory]
    [MemberData(nameof(ZooCatalog.Networks), MemberType = typeof(ZooCatalog))]
    public void DifferentSeedGivesDifferentParameters(string name)
    {
        var entry = ZooCatalog.Get(name);

        Assert.NotEqual(entry.CreateDouble(42).Parameters.ToArray(), entry.CreateDouble(43).Parameters.ToArray());
        Assert.NotEqual(entry.CreateFloat(42).Parameters.ToArray(), entry.CreateFloat(43).Parameters.ToArray());
    }

    /// <summary>Layers initialize in double (Layer.Initialize), so a float network holds the double network's values rounded once.</summary>
    [Theory]
    [MemberData(nameof(ZooCatalog.Networks), MemberType = typeof(ZooCatalog))]
    public void FloatNetworkStartsFromTheDoubleNetworkRounded(string name)
    {
        var entry = ZooCatalog.Get(name);

        float[] rounded = TestData.ToFloat(entry.CreateDouble(5).Parameters);

        Assert.Equal(rounded, entry.CreateFloat(5).Parameters.ToArray());
    }

    /// <summary>The generated buffer views must be the layers' layout: contiguous, in order, covering every parameter.</summary>
    [Theory]
    [MemberData(nameof(ZooCatalog.Networks), MemberType = typeof(ZooCatalog))]
    public void ParameterViewsTileTheBuffer(string name)
    {
        var network = ZooCatalog.Get(name).CreateDouble(0);

        int next = 0;
        foreach (var view in network.ParameterViews)
        {
            Assert.True(view.Offset == next, $"{view.Name} starts at {view.Offset}, expected {next}.");
            next += view.Length;
        }
        Assert.Equal(network.ParameterCount, next);
    }
}
