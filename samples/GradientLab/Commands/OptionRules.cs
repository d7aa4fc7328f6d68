using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.IO;

namespace GradientLab.Commands;

/// <summary>
/// Value checks attached to options, so that a bad value is a parse error (exit code 2) naming the option.
/// Numbers are read by custom parsers rather than validators: System.CommandLine runs validators even
/// when the conversion failed, and reading the value there throws.
/// </summary>
internal static class OptionRules
{
    public static void RequirePositive(Option<int> option) =>
        option.CustomParser = result =>
        {
            string token = SingleToken(result);
            if (!int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) || value <= 0)
            {
                result.AddError($"{option.Name} must be a positive integer, but is '{token}'.");
            }
            return value;
        };

    public static void RequirePositiveFinite(Option<double> option) =>
        option.CustomParser = result =>
        {
            string token = SingleToken(result);
            if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
                || !(value > 0) || double.IsInfinity(value))
            {
                result.AddError($"{option.Name} must be a positive, finite number, but is '{token}'.");
            }
            return value;
        };

    /// <summary>Checked before training, so that a long run is not lost to a typo in the output path.</summary>
    public static void RequireExistingDirectory(Option<FileInfo> option) =>
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count != 1)
            {
                return; // the arity error is already reported
            }
            var file = new FileInfo(result.Tokens[0].Value);
            if (file.Directory is { Exists: false } directory)
            {
                result.AddError($"{option.Name}: the directory '{directory.FullName}' does not exist.");
            }
        });

    // Arity (exactly one value) is checked by the parser before a custom parser runs.
    private static string SingleToken(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
}
