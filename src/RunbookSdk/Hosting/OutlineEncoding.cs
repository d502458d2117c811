using System.Collections.Generic;
using System.Text;

namespace RunbookSdk.Hosting;

/// <summary>
/// The text form of a <see cref="PlanOutline"/> that generated code embeds as one string of a
/// <see cref="GeneratedRunbookAttribute"/>. Compiling a nested object expression per runbook cost more than the
/// runbooks themselves (docs/performance.md); text is nearly free, and <see cref="PlanOutline.Parse(string)"/>
/// reads it back when a test asks.
/// One record per line, fields separated by tabs:
/// <c>P name timebox</c> (a phase), <c>S title 0|1 [condition [idempotent [decision option/options]]]</c> (a step, 1
/// when it needs confirmation, with its <c>OnlyIf</c> condition when it has one or a later field does (<c>\0</c> if
/// none), then 1 when it is <c>Idempotent()</c> (0 if not, when a decision follows), and for an option of a
/// <c>OneOf</c> decision the decision's title and the option's place, <c>2/3</c>),
/// <c>A kind detail…</c> (an action), <c>T text</c> and <c>H expression</c> (the action's literal and hole segments).
/// Backslash, tab, CR and LF are escaped; <c>\0</c> stands for null. Shared with the generator as a linked file.
/// </summary>
internal static class OutlineEncoding
{
    public const char Phase = 'P', Step = 'S', Action = 'A', Text = 'T', Hole = 'H';

    private static readonly char[] s_escaped = { '\\', '\t', '\n', '\r' };

    /// <summary>
    /// Writes outline records; the generator's side of the format. Appends straight into one buffer: the generator
    /// writes an outline per runbook on every build, and its garbage is about half of a warm generator run.
    /// </summary>
    public sealed class Writer
    {
        private readonly StringBuilder _text = new(4096);

        public void WritePhase(string name, string? timeBox) => Begin(Phase).Field(name).Field(timeBox).End();

        public void WriteStep(string title, bool requiresConfirmation, string? condition = null, bool idempotent = false,
            string? decision = null, int option = 0, int options = 0)
        {
            Begin(Step).Field(title).Field(requiresConfirmation ? "1" : "0");
            // Only when there is one: outlines of steps without a condition, the mark or a decision stay as they were.
            if (condition is not null || idempotent || decision is not null) Field(condition);
            if (idempotent || decision is not null) Field(idempotent ? "1" : "0");
            if (decision is not null) Field(decision).Field(option.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/" + options.ToString(System.Globalization.CultureInfo.InvariantCulture));
            End();
        }

        public void WriteAction(string kind, IEnumerable<string> details)
        {
            Begin(Action).Field(kind);
            foreach (var detail in details) Field(detail);
            End();
        }

        public void WriteSegment(string text, bool isHole) => Begin(isHole ? Hole : Text).Field(text).End();

        public override string ToString() => _text.ToString();

        private Writer Begin(char kind)
        {
            _text.Append(kind);
            return this;
        }

        private Writer Field(string? value)
        {
            AppendEscaped(_text.Append('\t'), value);
            return this;
        }

        private void End() => _text.Append('\n');
    }

    /// <summary>Appends one record: its name, each field tab-separated and escaped, a line feed.</summary>
    public static void AppendRecord(StringBuilder text, string record, IEnumerable<string?> fields)
    {
        text.Append(record);
        foreach (var field in fields) AppendEscaped(text.Append('\t'), field);
        text.Append('\n');
    }

    /// <summary>Appends <paramref name="value"/> escaped; a value with nothing to escape is appended as one piece.</summary>
    public static StringBuilder AppendEscaped(StringBuilder text, string? value)
    {
        if (value is null) return text.Append("\\0");
        if (value.IndexOfAny(s_escaped) < 0) return text.Append(value);
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': text.Append("\\\\"); break;
                case '\t': text.Append("\\t"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                default: text.Append(c); break;
            }
        }

        return text;
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
