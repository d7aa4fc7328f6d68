using System;
using System.Globalization;
using System.Text;

namespace SymGrad.Generators.Emission;

/// <summary>
/// C# literals for generated code, always in the invariant culture: a culture whose minus sign is
/// U+2212 or whose decimal separator is a comma must not change a single byte of the output.
/// </summary>
internal static class Literals
{
    /// <summary>An int literal.</summary>
    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// <paramref name="value"/> as a literal of the network's precision: round-trip ("R") digits,
    /// an <c>f</c> suffix for float, a <c>.0</c> for a double with no decimal point or exponent.
    /// </summary>
    public static string Real(double value, bool isDouble)
    {
        string type = isDouble ? "double" : "float";
        if (double.IsNaN(value))
        {
            return type + ".NaN";
        }
        if (double.IsInfinity(value))
        {
            return type + (value > 0 ? ".PositiveInfinity" : ".NegativeInfinity");
        }
        if (!isDouble)
        {
            float single = (float)value;
            if (float.IsInfinity(single))
            {
                return single > 0 ? "float.PositiveInfinity" : "float.NegativeInfinity";
            }
            return single.ToString("R", CultureInfo.InvariantCulture) + "f";
        }
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.IndexOf('.') >= 0 || text.IndexOf('E') >= 0 ? text : text + ".0";
    }

    /// <summary>A C# string literal (quotes and escapes included).</summary>
    public static string String(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (char.IsControl(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }
                    break;
            }
        }
        return builder.Append('"').ToString();
    }

    /// <summary>Text safe inside an XML doc comment (escaped, on one line).</summary>
    public static string Xml(string text) =>
        OneLine(text).Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>Text safe inside a <c>//</c> comment: one line, no line breaks.</summary>
    public static string OneLine(string text)
    {
        var builder = new StringBuilder(text.Length);
        bool lastWasSpace = false;
        foreach (char c in text)
        {
            bool isSpace = char.IsWhiteSpace(c) || char.IsControl(c);
            if (isSpace)
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                }
            }
            else
            {
                builder.Append(c);
            }
            lastWasSpace = isSpace;
        }
        return builder.ToString().Trim();
    }
}
