using System.Text;

namespace RunbookSdk.Import.Writing;

/// <summary>A small indented writer for generated C# ("\n" line endings, four-space indents).</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _builder = new();

    public int Indent { get; set; }

    public string Pad => new(' ', Indent * 4);

    public CodeWriter Line(string text = "")
    {
        if (text.Length == 0) { _builder.Append('\n'); return this; }
        foreach (var line in text.Split('\n')) _builder.Append(line.Length == 0 ? "" : Pad).Append(line).Append('\n');
        return this;
    }

    /// <summary>Appends text that is already indented (e.g. a raw string literal whose lines carry their own indent).</summary>
    public CodeWriter Raw(string text)
    {
        _builder.Append(text);
        return this;
    }

    /// <summary>Appends text to the last line written (closing parentheses of a nested call).</summary>
    public CodeWriter Close(string text)
    {
        if (_builder.Length > 0 && _builder[^1] == '\n') _builder.Insert(_builder.Length - 1, text);
        return this;
    }

    /// <summary>Ends the statement on the last line written (a fluent chain ends with its last call).</summary>
    public CodeWriter Terminate()
    {
        if (_builder.Length > 0 && _builder[^1] == '\n') _builder.Insert(_builder.Length - 1, ';');
        return this;
    }

    public override string ToString() => _builder.ToString();
}
