using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace RunbookSdk.Generators.Emitting;

/// <summary>A minimal indented writer for generated C#.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

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

    public static string Literal(string? value) => value is null ? "null" : SymbolDisplay.FormatLiteral(value, quote: true);

    public override string ToString() => _builder.ToString();
}
