namespace RunbookSdk.Execution;

/// <summary>
/// The password a webhook's URL carries (<c>https://bot:password@hooks.example/…</c>), given with <c>--webhook</c> or
/// as the runbook's <c>WebhookUrl</c> parameter: masked in everything a run shows and journals, as a secret is. A
/// <c>WebhookUrl</c> parameter is rarely declared <c>[Secret]</c> (its value is "just a URL"), and its value was shown
/// whole in the dry run's parameters and the journal's <c>run-started</c>, password and all.
/// </summary>
internal static class WebhookCredentials
{
    /// <summary>The name of the parameter a runbook names its webhook with.</summary>
    public const string ParameterName = "WebhookUrl";

    /// <summary>The <see cref="ParameterName"/> parameter's value among <paramref name="parameters"/>, or null.</summary>
    public static BoundParameter? Parameter(IEnumerable<BoundParameter> parameters) =>
        parameters.FirstOrDefault(p => string.Equals(p.Parameter.Name, ParameterName, StringComparison.OrdinalIgnoreCase));

    /// <summary>What is masked of the <see cref="ParameterName"/> parameter's URL (<see cref="Masked(Uri?)"/>).</summary>
    public static IEnumerable<string> Masked(IEnumerable<BoundParameter> parameters) =>
        Parameter(parameters) is { Value.Length: > 0 } webhook && Uri.TryCreate(webhook.Value.Trim(), UriKind.Absolute, out var uri) ? Masked(uri) : [];

    /// <summary>
    /// The password of <paramref name="webhook"/>'s URL as written and decoded (<c>p%40ss</c>, <c>p@ss</c>), and the
    /// Basic credentials the runner sends for it; none for a URL without one.
    /// </summary>
    public static IEnumerable<string> Masked(Uri? webhook)
    {
        if (webhook is null) return [];
        var colon = webhook.UserInfo.IndexOf(':');
        if (colon < 0 || colon == webhook.UserInfo.Length - 1) return [];
        var written = webhook.UserInfo[(colon + 1)..];
        return [written, Uri.UnescapeDataString(written), UrlCredentials.Basic(webhook).Parameter!];
    }
}
