using System.Text.RegularExpressions;

namespace RunbookSdk.Execution;

/// <summary>
/// The password a webhook's URL carries (<c>https://bot:password@hooks.example/…</c>), given with <c>--webhook</c> or
/// as the runbook's <c>WebhookUrl</c> parameter: masked in everything a run shows and journals, as a secret is. A
/// <c>WebhookUrl</c> parameter is rarely declared <c>[Secret]</c> (its value is "just a URL"), and its value was shown
/// whole in the dry run's parameters and the journal's <c>run-started</c>, password and all.
/// </summary>
internal static partial class WebhookCredentials
{
    /// <summary>The name of the parameter a runbook names its webhook with.</summary>
    public const string ParameterName = "WebhookUrl";

    /// <summary>The <see cref="ParameterName"/> parameter's value among <paramref name="parameters"/>, or null.</summary>
    public static BoundParameter? Parameter(IEnumerable<BoundParameter> parameters) =>
        parameters.FirstOrDefault(p => string.Equals(p.Parameter.Name, ParameterName, StringComparison.OrdinalIgnoreCase));

    /// <summary>What is masked of <paramref name="webhook"/> (<see cref="Masked(string)"/>).</summary>
    public static IEnumerable<string> Masked(Uri? webhook) => webhook is null ? [] : Masked(webhook.OriginalString);

    /// <summary>
    /// The password of a webhook's URL (or any URL: <see cref="ParameterUrlPasswords"/>) as written and decoded (<c>p%40ss</c>, <c>p@ss</c>), and the Basic credentials
    /// the runner sends for it; none for a URL without one. Also of text that is no URL (<c>https://bot:pw@hooks
    /// example/</c>, with a blank): the refusal of such a URL names it, and must not name its password.
    /// </summary>
    public static IEnumerable<string> Masked(string webhook)
    {
        if (UserInfo().Match(webhook) is not { Success: true } match || match.Groups["password"].Value is not { Length: > 0 } written) return [];
        string[] forms = [written, Uri.UnescapeDataString(written)];
        return Uri.TryCreate(webhook.Trim(), UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
            ? [.. forms, UrlCredentials.Basic(uri).Parameter!]
            : forms;
    }

    // scheme://user:password@host: the password runs to the last '@' before the path, as a URL parser reads it.
    [GeneratedRegex(@"^\s*[A-Za-z][A-Za-z0-9+.\-]*://[^/?#:@]*:(?<password>[^/?#]*)@", RegexOptions.CultureInvariant)]
    private static partial Regex UserInfo();
}
