using System.Text.RegularExpressions;

namespace RunbookSdk.Execution;

/// <summary>
/// Fills a communication template's <c>{placeholders}</c> from the run's parameters (secrets as <c>***</c>) and
/// facts (<c>{runbook}</c>, <c>{title}</c>, <c>{severity}</c>, <c>{status}</c>, <c>{started}</c>, <c>{elapsed}</c>, ...).
/// Names are case-insensitive; a placeholder nobody knows stays as written, so the reader sees what is missing.
/// </summary>
internal static partial class CommunicationRenderer
{
    public static string Render(string template, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);

    // A name as C# spells a parameter's, in any script (Bölge, Süre, Şifre), not ASCII alone: a template naming a
    // Turkish or German parameter was posted to the channel with "{Bölge}" in it.
    [GeneratedRegex(@"\{([\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}.\-]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
