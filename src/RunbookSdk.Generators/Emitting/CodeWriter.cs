using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace RunbookSdk.Generators.Emitting;

/// <summary>A minimal indented writer for generated C#.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _builder;
    private int _indent;

    /// <param name="capacity">What the file is expected to hold, so a page-sized part is not copied as it grows.</param>
    public CodeWriter(int capacity = 1024) => _builder = new StringBuilder(capacity);

    /// <summary>Writes into <paramref name="builder"/> (cleared first), e.g. one reused part after part.</summary>
    public CodeWriter(StringBuilder builder) => _builder = builder.Clear();

    public CodeWriter Line(string text = "")
    {
        if (text.Length > 0) _builder.Append(' ', _indent * 4).Append(text);
        _builder.Append('\n');
        return this;
    }

    public CodeWriter Open(string text)
    {
        Line(text).Line("{");
        _indent++;
        return this;
    }

    public CodeWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    /// <summary>
    /// One line: <paramref name="prefix"/>, <paramref name="text"/> as a verbatim literal (<c>@"…"</c>, quotes doubled
    /// as it is appended, so a page is copied once; the verbatim form keeps a page readable here), and
    /// <paramref name="suffix"/>.
    /// </summary>
    public CodeWriter VerbatimLine(string prefix, string text, string suffix)
    {
        _builder.Append(' ', _indent * 4).Append(prefix).Append("@\"");
        var start = 0;
        for (var quote = text.IndexOf('"'); quote >= 0; quote = text.IndexOf('"', start))
        {
            _builder.Append(text, start, quote + 1 - start).Append('"');
            start = quote + 1;
        }

        _builder.Append(text, start, text.Length - start).Append('"').Append(suffix).Append('\n');
        return this;
    }

    public static string Literal(string? value) => value is null ? "null" : SymbolDisplay.FormatLiteral(value, quote: true);

    public override string ToString() => _builder.ToString();
}
