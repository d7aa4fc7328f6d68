using System;
using System.Text;

namespace SymGrad.Generators.Emission;

/// <summary>
/// A string builder that indents every line by the current depth (four spaces a level) and ends
/// lines with '\n' on every platform, so that the generated text is identical everywhere.
/// </summary>
internal sealed class IndentedWriter
{
    private readonly StringBuilder _builder = new();

    /// <summary>Current indentation depth.</summary>
    public int Indent { get; set; }

    /// <summary>Writes one line at the current depth (an empty line carries no trailing spaces).</summary>
    public void WriteLine(string line = "")
    {
        if (line.Length > 0)
        {
            _builder.Append(' ', Indent * 4).Append(line);
        }
        _builder.Append('\n');
    }

    /// <summary>Writes a block of lines (separated by '\n'), each at the current depth.</summary>
    public void WriteLines(string text)
    {
        foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
        {
            WriteLine(line);
        }
    }

    public override string ToString() => _builder.ToString();

    /// <summary>
    /// Writes <paramref name="header"/> (when not null), an opening brace, and indents until the
    /// returned scope is disposed, which writes the closing brace: braces cannot be unbalanced.
    /// </summary>
    /// <param name="trailer">Text after the closing brace (";" for an initializer).</param>
    public static Block EmitBlock(IndentedWriter writer, string? header, string trailer = "")
    {
        if (header is not null)
        {
            writer.WriteLine(header);
        }
        writer.WriteLine("{");
        writer.Indent++;
        return new Block(writer, trailer);
    }

    /// <summary>The scope of one brace block.</summary>
    public readonly struct Block : IDisposable
    {
        private readonly IndentedWriter _writer;
        private readonly string _trailer;

        public Block(IndentedWriter writer, string trailer)
        {
            _writer = writer;
            _trailer = trailer;
        }

        public void Dispose()
        {
            _writer.Indent--;
            _writer.WriteLine("}" + _trailer);
        }
    }
}
