using System.Text;
using RunbookSdk.Model;

namespace RunbookSdk.Execution;

/// <summary>
/// The <c>base64(user:password)</c> a run's HTTP steps send as Basic credentials built from a secret: the user and
/// password of a URL (<c>https://ops:{Password}@lb/admin</c>, which the runner sends so) and an <c>Authorization</c>
/// or <c>Proxy-Authorization</c> header of scheme <c>Basic</c> the runbook built itself. The secret is masked, but this
/// form of it is no form of the secret alone — the user comes first and shifts its Base64 — so a server echoing the
/// request's headers (a debug endpoint, an error page) showed it in clear, for anyone to decode. Each is masked as a
/// secret of its own. Credentials that hold no secret (a public demo login) are left as they are.
/// </summary>
internal static class BasicCredentialForms
{
    /// <summary>The Basic credentials <paramref name="plan"/>'s requests send that hold a secret <paramref name="secrets"/> masks.</summary>
    public static IEnumerable<string> Of(RunbookPlan plan, SecretMasker secrets)
    {
        if (secrets.IsEmpty) return [];
        var steps = plan.Phases.SelectMany(p => p.Steps)
            .Concat(plan.Rollback?.Steps ?? [])
            .Concat(plan.Verification?.Steps ?? []);
        return steps.SelectMany(s => s.Actions).OfType<HttpRequestAction>()
            .SelectMany(http => Sent(http, secrets))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
    }

    private static IEnumerable<string> Sent(HttpRequestAction http, SecretMasker secrets)
    {
        if (Uri.TryCreate(http.Url, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0 && HoldsSecret(Uri.UnescapeDataString(uri.UserInfo), secrets))
            yield return UrlCredentials.Basic(uri).Parameter!;
        foreach (var (name, value) in http.Headers)
        {
            if (!string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase) && !string.Equals(name, "Proxy-Authorization", StringComparison.OrdinalIgnoreCase)) continue;
            var parts = value.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts is [var scheme, var token] && string.Equals(scheme, "Basic", StringComparison.OrdinalIgnoreCase) &&
                Decoded(token) is { } credentials && HoldsSecret(credentials, secrets))
                yield return token;
        }
    }

    private static bool HoldsSecret(string text, SecretMasker secrets) => secrets.Mask(text) != text;

    private static string? Decoded(string token)
    {
        var bytes = new byte[token.Length];
        return Convert.TryFromBase64String(token, bytes, out var length) ? Encoding.UTF8.GetString(bytes, 0, length) : null;
    }
}
