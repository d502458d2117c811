using System.Collections.Generic;
using System.Text;

namespace RunbookSdk.Hosting;

/// <summary>
/// The text form of a <see cref="PlanOutline"/> that generated code embeds as one UTF-8 literal. Compiling a
/// nested object expression per runbook cost more than the runbooks themselves (docs/performance.md); a literal
/// is nearly free, and <see cref="PlanOutline.Parse(System.ReadOnlySpan{byte})"/> reads it back when a test asks.
/// One record per line, fields separated by tabs:
/// <c>P name timebox</c> (a phase), <c>S title 0|1</c> (a step, 1 when it needs confirmation),
/// <c>A kind detail…</c> (an action), <c>T text</c> and <c>H expression</c> (the action's literal and hole segments).
/// Backslash, tab, CR and LF are escaped; <c>\0</c> stands for null. Shared with the generator as a linked file.
/// </summary>
internal static class OutlineEncoding
{
    public const char Phase = 'P', Step = 'S', Action = 'A', Text = 'T', Hole = 'H';

    /// <summary>Writes outline records; the generator's side of the format.</summary>
    public sealed class Writer
    {
        private readonly StringBuilder _text = new();

        public void WritePhase(string name, string? timeBox) => Record(Phase, name, timeBox);

        public void WriteStep(string title, bool requiresConfirmation) => Record(Step, title, requiresConfirmation ? "1" : "0");

        public void WriteAction(string kind, IEnumerable<string> details)
        {
            var fields = new List<string?> { kind };
            fields.AddRange(details);
            Record(Action, fields.ToArray());
        }

        public void WriteSegment(string text, bool isHole) => Record(isHole ? Hole : Text, text);

        public override string ToString() => _text.ToString();

        private void Record(char kind, params string?[] fields) => AppendRecord(_text, kind.ToString(), fields);
    }

    /// <summary>Appends one record: its name, each field tab-separated and escaped, a line feed.</summary>
    public static void AppendRecord(StringBuilder text, string record, IEnumerable<string?> fields)
    {
        text.Append(record);
        foreach (var field in fields) text.Append('\t').Append(Escape(field));
        text.Append('\n');
    }

    public static string Escape(string? value)
    {
        if (value is null) return "\\0";
        var escaped = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': escaped.Append("\\\\"); break;
                case '\t': escaped.Append("\\t"); break;
                case '\n': escaped.Append("\\n"); break;
                case '\r': escaped.Append("\\r"); break;
                default: escaped.Append(c); break;
            }
        }

        return escaped.ToString();
    }

    public static string? Unescape(string field)
    {
        if (field == "\\0") return null;
        if (field.IndexOf('\\') < 0) return field;
        var value = new StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            var c = field[i];
            if (c != '\\' || i + 1 == field.Length)
            {
                value.Append(c);
                continue;
            }

            value.Append(field[++i] switch { 't' => '\t', 'n' => '\n', 'r' => '\r', var other => other });
        }

        return value.ToString();
    }
}
