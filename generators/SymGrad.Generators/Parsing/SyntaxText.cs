using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SymGrad.Generators.Parsing;

/// <summary>How the parser quotes user code in node sources and diagnostic messages.</summary>
internal static class SyntaxText
{
    /// <summary>Longest quoted text; longer text ends in "...".</summary>
    public const int MaxLength = 80;

    /// <summary>The node's text on one line: runs of whitespace become one space, cut to <see cref="MaxLength"/> characters.</summary>
    public static string Quote(SyntaxNode node) => Collapse(node.ToString());

    /// <inheritdoc cref="Quote(SyntaxNode)"/>
    public static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        bool pendingSpace = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }
            builder.Append(c);
        }
        return builder.Length <= MaxLength ? builder.ToString() : builder.ToString(0, MaxLength - 3) + "...";
    }

    /// <summary>1-based line where the node starts.</summary>
    public static int Line(SyntaxNode node) => node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;

    /// <summary>The construct's kind in words: <c>WhileStatement</c> becomes "while statement".</summary>
    public static string KindName(SyntaxNode node)
    {
        string kind = node.Kind().ToString();
        var builder = new StringBuilder(kind.Length + 8);
        for (int i = 0; i < kind.Length; i++)
        {
            if (i > 0 && char.IsUpper(kind[i]))
            {
                builder.Append(' ');
            }
            builder.Append(char.ToLowerInvariant(kind[i]));
        }
        return builder.ToString();
    }

    /// <summary>The same words with a capital first letter, to start a message.</summary>
    public static string Capitalize(string words) =>
        words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words.Substring(1);

    /// <summary>A shape as messages show it: <c>[B, 784]</c>, or <c>[B, ?]</c> while unknown.</summary>
    public static string Shape(int? width) => "[B, " + (width.HasValue ? width.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?") + "]";

    /// <summary>File name without directories, without throwing on odd paths.</summary>
    public static string FileName(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "";
        }
        int slash = path!.LastIndexOfAny(new[] { '/', '\\' });
        return slash < 0 ? path : path.Substring(slash + 1);
    }
}
