using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace RunbookSdk.Execution;

/// <summary>
/// Replaces every occurrence of a secret value with <see cref="Replacement"/> in text about to be shown: console
/// output, dry-run plans, the journal, command output. Longer secrets win over secrets they contain, empty values
/// are ignored, a secret's URL-encoded form is masked too because secrets often travel in query strings, and so are its
/// JSON-escaped forms, because servers echo what they refused in JSON error bodies.
/// </summary>
public sealed partial class SecretMasker
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
            .SelectMany(s => new[] { s!, Uri.EscapeDataString(s!) }.Concat(JsonForms(s!)))
            .Distinct(StringComparer.Ordinal)
            // One pass over the text with the longest alternatives first: a secret containing another is masked
            // whole, and a replacement is never scanned again.
            .OrderByDescending(s => s.Length)
            .ThenBy(s => s, StringComparer.Ordinal)
            .ToArray();
        if (values.Length > 0)
            _pattern = new Regex(string.Join('|', values.Select(Regex.Escape)), RegexOptions.CultureInvariant);
    }

    /// <summary>
    /// How a server writes the secret back inside JSON (an error body echoing the key it refused): System.Text.Json's
    /// default escaping (<c>\u0022</c>, <c>\u00E4</c>), the relaxed one (<c>\"</c>), ASCII-only with lower-case hex
    /// (Python), each also with <c>\/</c> (PHP).
    /// </summary>
    private static IEnumerable<string> JsonForms(string secret)
    {
        var strict = JsonEncodedText.Encode(secret).Value;
        var relaxed = JsonEncodedText.Encode(secret, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value;
        var ascii = string.Concat(relaxed.Select(c => c > 0x7e ? $"\\u{(int)c:x4}" : c.ToString()));
        foreach (var form in new[] { strict, LowerHex().Replace(strict, m => m.Value.ToLowerInvariant()), relaxed, ascii })
        {
            yield return form;
            yield return form.Replace("/", "\\/", StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"\\u[0-9A-F]{4}", RegexOptions.CultureInvariant)]
    private static partial Regex LowerHex();

    /// <summary>A masker with no secrets: text passes through unchanged.</summary>
    public static SecretMasker None { get; } = new([]);

    /// <summary>Whether there is anything to mask.</summary>
    public bool IsEmpty => _pattern is null;

    /// <summary>Returns <paramref name="text"/> with every secret value replaced by <see cref="Replacement"/>.</summary>
    /// <param name="text">Text to show.</param>
    public string Mask(string text) => _pattern is null || text.Length == 0 ? text : _pattern.Replace(text, Replacement);
}
