namespace SymGrad.Generators.Tests.Parsing;

/// <summary>Builds a small [Network] class from its parts, so that each test shows only what it is about.</summary>
internal static class NetworkSource
{
    /// <param name="fields">Layer (and other) field declarations.</param>
    /// <param name="forward">The [Forward] method's body, starting with "=>" or "{".</param>
    /// <param name="attribute">The attribute, with its arguments.</param>
    /// <param name="loss">The [Loss] method's body.</param>
    public static string Create(string fields, string forward, string attribute = "[Network]",
        string loss = "=> MeanSquaredError(prediction, target);") => $$"""
        using SymGrad;

        namespace Tests;

        {{attribute}}
        public partial class Net : NetworkDefinition
        {
            {{fields}}

            [Forward]
            Tensor Forward(Tensor x)
            {{forward}}

            [Loss]
            Tensor Loss(Tensor prediction, Tensor target)
            {{loss}}
        }
        """;
}
