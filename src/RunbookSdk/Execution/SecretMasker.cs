using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace RunbookSdk.Execution;

/// <summary>
/// Replaces every occurrence of a secret value with <see cref="Replacement"/> in text about to be shown: console
/// output, dry-run plans, the journal, command output. Longer secrets win over secrets they contain, empty values
/// are ignored, a secret's URL-encoded and URL-decoded forms are masked too because secrets often travel in query strings, and so are its
/// JSON-escaped forms, because servers echo what they refused in JSON error bodies. A secret of several lines is also
/// masked line by line, because output is shown and journaled a line at a time.
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
            .SelectMany(s => new[] { s! }.Concat(UrlForms(s!)).Concat(JsonForms(s!)).Concat(Lines(s!)))
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
    /// How the secret reads after a trip through a URL: percent-encoded (<c>%2B</c>, also with lower-case hex, as some
    /// clients write it), form-encoded (a blank as <c>+</c>), and decoded by a server from a query it was put into
    /// unencoded, where a <c>+</c> means a blank: <c>token=s3cr3t+key</c> comes back in a redirect or an error page as
    /// <c>s3cr3t key</c>.
    /// </summary>
    private static IEnumerable<string> UrlForms(string secret)
    {
        var escaped = Uri.EscapeDataString(secret);
        yield return escaped;
        yield return PercentHex().Replace(escaped, m => m.Value.ToLowerInvariant());
        yield return System.Net.WebUtility.UrlEncode(secret);
        if (secret.Contains('+', StringComparison.Ordinal)) yield return secret.Replace('+', ' ');
    }

    [GeneratedRegex(@"%[0-9A-F]{2}", RegexOptions.CultureInvariant)]
    private static partial Regex PercentHex();

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

    /// <summary>
    /// The lines of a secret of several lines (a PEM key, a service account's JSON key), each long enough to say
    /// something (<see cref="ShortestMaskedLine"/> characters or more). Output reaches the runner a line at a time, and
    /// the whole secret never stands in one line of it: a key printed by a failing command was shown and journaled line
    /// by line in clear. Masking a line that is not secret on its own (<c>-----END PRIVATE KEY-----</c>) hides nothing
    /// anyone needs; a line of a few characters (<c>{</c>, <c>},</c>) is left alone, or every brace would be masked.
    /// </summary>
    private static IEnumerable<string> Lines(string secret) =>
        secret.IndexOfAny(['\n', '\r']) < 0
            ? []
            : secret.Split(['\n', '\r'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Where(l => l.Length >= ShortestMaskedLine);

    /// <summary>The shortest line of a secret of several lines that is masked on its own.</summary>
    internal const int ShortestMaskedLine = 4;

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
