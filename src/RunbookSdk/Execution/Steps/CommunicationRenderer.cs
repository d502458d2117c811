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

    [GeneratedRegex(TemplatePlaceholders.Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
