using System.Text.RegularExpressions;

namespace RunbookSdk.Execution;

/// <summary>
/// Replaces every occurrence of a secret value with <see cref="Replacement"/> in text about to be shown: console
/// output, dry-run plans, the journal, command output. Longer secrets win over secrets they contain, empty values
/// are ignored, and a secret's URL-encoded form is masked too because secrets often travel in query strings.
/// </summary>
public sealed class SecretMasker
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Replacement = "***";

    private readonly Regex? _pattern;

    /// <summary>Creates a masker for the given secret values.</summary>
    /// <param name="secrets">Secret values; null and empty ones are ignored.</param>
    public SecretMasker(IEnumerable<string?> secrets)
    {
        var values = secrets
            .Where(s => !string.IsNullOrEmpty(s))
            .SelectMany(s => new[] { s!, Uri.EscapeDataString(s!) })
            .Distinct(StringComparer.Ordinal)
            // One pass over the text with the longest alternatives first: a secret containing another is masked
            // whole, and a replacement is never scanned again.
            .OrderByDescending(s => s.Length)
            .ThenBy(s => s, StringComparer.Ordinal)
            .ToArray();
        if (values.Length > 0)
            _pattern = new Regex(string.Join('|', values.Select(Regex.Escape)), RegexOptions.CultureInvariant);
    }

    /// <summary>A masker with no secrets: text passes through unchanged.</summary>
    public static SecretMasker None { get; } = new([]);

    /// <summary>Whether there is anything to mask.</summary>
    public bool IsEmpty => _pattern is null;

    /// <summary>Returns <paramref name="text"/> with every secret value replaced by <see cref="Replacement"/>.</summary>
    /// <param name="text">Text to show.</param>
    public string Mask(string text) => _pattern is null || text.Length == 0 ? text : _pattern.Replace(text, Replacement);
}
