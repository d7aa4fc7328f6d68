using System.Globalization;
using System.Text;

namespace SymGrad.Generators.Emission;

/// <summary>The C# expressions that an element-wise op template's placeholders stand for at one element.</summary>
/// <param name="X">The (first) operand element, <c>{x}</c>.</param>
/// <param name="X2">The second operand element, <c>{x2}</c>.</param>
/// <param name="Y">The result element, <c>{y}</c>.</param>
/// <param name="Dy">The adjoint of the result element, <c>{dy}</c>.</param>
/// <param name="Constant">The op's constant argument, <c>{c}</c>.</param>
/// <param name="IsDouble">Precision of <c>{M}</c>, <c>{c}</c> and <c>{L:v}</c>.</param>
internal sealed record TemplateArguments(string X, string X2, string Y, string Dy, double Constant, bool IsDouble);

/// <summary>
/// Expands the element-wise templates of <c>OpCatalog</c> (placeholders documented there) into C#.
/// An unknown placeholder is copied as written: the generator must not throw, and the compiler
/// then points at the bad rule.
/// </summary>
internal static class TemplateExpander
{
    public static string Expand(string template, TemplateArguments arguments)
    {
        var builder = new StringBuilder(template.Length * 2);
        int i = 0;
        while (i < template.Length)
        {
            int open = template.IndexOf('{', i);
            int close = open < 0 ? -1 : template.IndexOf('}', open);
            if (open < 0 || close < 0)
            {
                builder.Append(template, i, template.Length - i);
                break;
            }
            builder.Append(template, i, open - i);
            string name = template.Substring(open + 1, close - open - 1);
            builder.Append(Resolve(name, arguments) ?? template.Substring(open, close - open + 1));
            i = close + 1;
        }
        return builder.ToString();
    }

    private static string? Resolve(string name, TemplateArguments a)
    {
        switch (name)
        {
            case "x": return a.X;
            case "x2": return a.X2;
            case "y": return a.Y;
            case "dy": return a.Dy;
            case "c": return Literals.Real(a.Constant, a.IsDouble);
            case "M": return a.IsDouble ? "global::System.Math" : "global::System.MathF";
            case "Erf": return "global::SymGrad.ScalarMath.Erf";
        }
        if (name.StartsWith("L:", System.StringComparison.Ordinal)
            && double.TryParse(name.Substring(2), NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            return Literals.Real(value, a.IsDouble);
        }
        return null;
    }
}
