using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace RunbookSdk.Execution;

/// <summary>
/// Replaces every occurrence of a secret value with <see cref="Replacement"/> in text about to be shown: console
/// output, dry-run plans, the journal, command output. Longer secrets win over secrets they contain, empty values
/// are ignored, a secret's URL-encoded and URL-decoded forms are masked too because secrets often travel in query strings (also the form the
/// runner's own HTTP client sends), and so are the JSON-escaped forms of each, once and twice, because servers echo what
/// they refused or received in JSON bodies, and gateways echo such a body inside a JSON string; and so is the form bash
/// quotes it in when it traces a command (<c>set -x</c>). A secret of several lines is also
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
            .SelectMany(s => Forms(s!))
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
    /// Every form of the secret that is masked: the secret, how it reads after a trip through a URL, each of those as a
    /// server writes it inside JSON, and the lines of a secret of several lines. A server that echoes a query it decoded
    /// does so in JSON as often as in text (<c>{"args": {"token": "s3cr3t key\"x"}}</c>), so the JSON forms are
    /// those of every URL form, not of the secret alone. A JSON form is also masked as JSON writes it once more: an API
    /// gateway refusing a request echoes the JSON body it got inside a JSON string of its own error
    /// (<c>{"message": "Invalid request body: {\"password\": \"s3cr\\\"et\"}"}</c>), which escapes the body's escapes
    /// again. Such a form holds the secret exactly (each escape undoes to it), so masking it hides nothing else.
    /// </summary>
    private static IEnumerable<string> Forms(string secret)
    {
        var plain = new[] { secret, AsUtf8Carries(secret) }.Concat(UrlForms(secret)).Distinct(StringComparer.Ordinal).ToArray();
        var json = plain.SelectMany(JsonForms).Distinct(StringComparer.Ordinal).ToArray();
        // Only the forms escaping changed (a secret of letters and digits has none): the others' JSON forms are in json.
        var echoedTwice = json.Where(form => !plain.Contains(form, StringComparer.Ordinal)).SelectMany(JsonForms);
        return plain.Concat(json).Concat(echoedTwice).Concat(ShellQuoted(secret)).Concat(Lines(secret));
    }

    /// <summary>
    /// The secret as a shell command's text holds it, where bash prints that text: a script traced with <c>set -x</c>
    /// (<c>set -euxo pipefail</c>) prints each command it runs with its words in single quotes, a <c>'</c> written
    /// <c>'\''</c> — which is also how the runner quotes a hole; <c>set -v</c> and a syntax error print the text as the
    /// runner wrote it, where a hole in double quotes has its <c>\</c>, <c>"</c>, <c>$</c> and backticks escaped with a
    /// backslash (in a here-document's body all but <c>"</c>). <c>+ curl -u 'admin:p'\''ss'</c> and
    /// <c>"Bearer p\$ss"</c> showed the secret in clear. A secret without such characters reads as itself there.
    /// </summary>
    private static IEnumerable<string> ShellQuoted(string secret)
    {
        if (secret.Contains('\'')) yield return secret.Replace("'", "'\\''", StringComparison.Ordinal);
        if (secret.IndexOfAny(['\\', '"', '$', '`']) < 0) yield break;
        yield return Commands.ShellQuoting.Quote(secret, Commands.ShellQuoteState.DoubleQuoted);
        yield return string.Concat(secret.Select(c => c is '\\' or '$' or '`' ? "\\" + c : c.ToString()));
    }

    /// <summary>
    /// How the secret reads after a trip through a URL: as <see cref="Uri"/> sends it when it stands in a URL's query
    /// unencoded (what a server writes back of the request it got: <c>"</c> and a blank escaped, <c>+</c>,
    /// <c>$</c> and <c>/</c> not), percent-encoded (<c>%2B</c>, also with lower-case hex, as some
    /// clients write it), form-encoded (a blank as <c>+</c>), and decoded by a server from a query it was put into
    /// unencoded, where a <c>+</c> means a blank: <c>token=s3cr3t+key</c> comes back in a redirect or an error page as
    /// <c>s3cr3t key</c>.
    /// </summary>
    private static IEnumerable<string> UrlForms(string secret)
    {
        foreach (var sent in AsUriSendsIt(secret)) yield return sent;
        var escaped = Uri.EscapeDataString(secret);
        yield return escaped;
        yield return PercentHex().Replace(escaped, m => m.Value.ToLowerInvariant());
        yield return System.Net.WebUtility.UrlEncode(secret);
        if (secret.Contains('+', StringComparison.Ordinal)) yield return secret.Replace('+', ' ');
    }

    /// <summary>
    /// The secret as <see cref="Uri"/> escapes it in a URL's query, which is what the runner's own HTTP client puts on
    /// the wire for an HTTP step whose URL holds the secret: a server's 404 page or error body that echoes the request
    /// line (<c>no route for /fail?token=s3cr3t+k/ey%22x</c>) showed it in clear, since that form is neither the secret
    /// nor any of its fully encoded ones. (In a path the client sends the same form, except that it turns <c>\</c>
    /// into <c>/</c>.)
    /// </summary>
    private static IEnumerable<string> AsUriSendsIt(string secret)
    {
        const string prefix = "http://h/?";
        // AbsoluteUri keeps a '#' and what follows it, so the form is the whole secret's, also where the client sends
        // only the part before it. Escaping only lengthens; Uri also decodes an escaped letter (%41 to A), and a
        // form shorter than the secret would mask text that merely resembles a piece of it.
        if (Uri.TryCreate(prefix + secret, UriKind.Absolute, out var uri) &&
            uri.AbsoluteUri is { } sent && sent.Length >= prefix.Length + secret.Length && sent.StartsWith(prefix, StringComparison.Ordinal))
            yield return sent[prefix.Length..];
    }

    [GeneratedRegex(@"%[0-9A-F]{2}", RegexOptions.CultureInvariant)]
    private static partial Regex PercentHex();

    /// <summary>
    /// How a server writes the secret back inside JSON (an error body echoing the key it refused): System.Text.Json's
    /// default escaping (<c>\u0022</c>, <c>\u00E4</c>), the relaxed one (<c>\"</c>), ASCII-only with lower-case hex
    /// (Python), each also with <c>\/</c> (PHP); and as the runner's own JSON body sends it (<see cref="Requests.JsonText"/>,
    /// through <c>Body($"…")</c>), which leaves every character but <c>"</c>, <c>\</c> and the control characters as
    /// it is: even the relaxed encoder writes an emoji, DEL, U+0085, U+2028 or U+FEFF as <c>\uXXXX</c>, so a secret
    /// holding one and a <c>"</c> was shown in clear where the body was (the dry run's <c>body:</c>, a server echoing
    /// the body it refused).
    /// </summary>
    private static IEnumerable<string> JsonForms(string secret)
    {
        // The encoders refuse a lone surrogate (ArgumentException: the masker, and with it the run, could not be made);
        // a server echoes what reached it, where UTF-8 carried it as U+FFFD.
        var strict = JsonEncodedText.Encode(AsUtf8Carries(secret)).Value;
        var relaxed = JsonEncodedText.Encode(AsUtf8Carries(secret), JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value;
        var ascii = string.Concat(relaxed.Select(c => c > 0x7e ? $"\\u{(int)c:x4}" : c.ToString()));
        var sent = Requests.JsonText.Escaped(secret);
        foreach (var form in new[] { strict, LowerHex().Replace(strict, m => m.Value.ToLowerInvariant()), relaxed, ascii, sent })
        {
            yield return form;
            yield return form.Replace("/", "\\/", StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// The secret as UTF-8 carries it to a command or a server and back: a lone surrogate (a value handed to the runner
    /// through its API, cut from a longer string) becomes U+FFFD. Any other secret is returned as it is.
    /// </summary>
    private static string AsUtf8Carries(string secret) =>
        System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(secret));

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
