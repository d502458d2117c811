using System.Collections.Generic;
using System.Text;

namespace RunbookSdk.Hosting;

/// <summary>
/// The text form of what a descriptor says about its runbook or handbook — id, title, severity, handbook, page file
/// and parameters — that generated code embeds as a UTF-8 literal beside the outline and the page. Binding a few
/// object expressions per runbook cost the compiler more than the runbook itself (docs/performance.md); a literal
/// costs next to nothing. One record per line: its name, then tab-separated fields escaped as in
/// <see cref="OutlineEncoding"/> (<c>\0</c> stands for null). A parameter record holds name, type as written,
/// description, secret (0|1), required (0|1) and the default as written. The generator writes it, the runtime and
/// the validator read it: shared as a linked file.
/// </summary>
internal static class DescriptorEncoding
{
    public const string IdRecord = "id", TitleRecord = "title", SeverityRecord = "severity", HandbookRecord = "handbook",
        FileRecord = "file", ParameterRecord = "parameter";

    /// <summary>
    /// A handbook's escalation level (who, the delay in ticks or null, the delay as written, contact) and severity
    /// level (key, name, the response time in ticks or null, as written). Another project's generator reads them from
    /// the handbook's part to show an inherited escalation on its runbooks' pages.
    /// </summary>
    public const string EscalationRecord = "escalation", SeverityLevelRecord = "severity-level";

    /// <summary>
    /// A handbook's communication template (name, text, channel), one record each for those named by a constant, and
    /// whether that is all of them (<c>1</c>, else <c>0</c>): another project's analyzers judge a runbook's
    /// <c>Notify(...)</c> against them (RB0023), and its IDE completes their names. A handbook part written before
    /// these records says nothing of its templates, and nothing is judged against it.
    /// </summary>
    public const string CommunicationRecord = "communication", CommunicationsKnownRecord = "communications-known";

    /// <summary>Writes descriptor records; the generator's side of the format.</summary>
    public sealed class Writer
    {
        private readonly StringBuilder _text = new();

        public Writer Value(string record, string? value) => Record(record, value);

        public Writer Parameter(string name, string type, string? description, bool isSecret, bool isRequired, string? defaultText) =>
            Record(ParameterRecord, name, type, description, isSecret ? "1" : "0", isRequired ? "1" : "0", defaultText);

        public Writer Escalation(string who, System.TimeSpan? after, string afterSource, string? contact) =>
            Record(EscalationRecord, who, Ticks(after), afterSource, contact);

        public Writer SeverityLevel(string key, string name, System.TimeSpan? response, string? responseSource) =>
            Record(SeverityLevelRecord, key, name, Ticks(response), responseSource);

        public Writer Communication(string name, string? template, string? channel) =>
            Record(CommunicationRecord, name, template, channel);

        public override string ToString() => _text.ToString();

        private static string? Ticks(System.TimeSpan? value) => value?.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture);

        private Writer Record(string record, params string?[] fields)
        {
            OutlineEncoding.AppendRecord(_text, record, fields);
            return this;
        }
    }

    /// <summary>The records of an encoded text, in order: each record's name and its unescaped fields.</summary>
    public static IEnumerable<(string Record, string?[] Fields)> Records(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0) continue;
            var parts = line.Split('\t');
            var fields = new string?[parts.Length - 1];
            for (var i = 1; i < parts.Length; i++) fields[i - 1] = OutlineEncoding.Unescape(parts[i]);
            yield return (parts[0], fields);
        }
    }

    /// <summary>A duration written by <see cref="Writer"/> as ticks; null when it was not known.</summary>
    public static System.TimeSpan? ReadTicks(string? ticks) =>
        long.TryParse(ticks, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? System.TimeSpan.FromTicks(value)
            : null;

    /// <summary>
    /// The first field of every single-value record (id, title, …), by record name, in one pass; the fields of each
    /// parameter record go to <paramref name="parameters"/> when given.
    /// </summary>
    public static Dictionary<string, string?> Values(string text, List<string?[]>? parameters = null)
    {
        var values = new Dictionary<string, string?>(System.StringComparer.Ordinal);
        foreach (var (record, fields) in Records(text))
        {
            if (record == ParameterRecord) parameters?.Add(fields);
            else if (record is EscalationRecord or SeverityLevelRecord or CommunicationRecord) continue;
            else if (fields.Length > 0) values[record] = fields[0];
        }

        return values;
    }
}
