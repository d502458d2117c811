namespace RunbookSdk.Execution;

/// <summary>
/// The password a parameter's URL carries (<c>DbUrl=postgres://app:pw@db:5432/orders</c>, a connection string handed over
/// whole; a <c>WebhookUrl</c>'s <c>https://bot:pw@hooks.example/…</c>): masked in everything a run shows and journals, as
/// a secret is, the rest of the URL left readable (<c>postgres://app:***@db:5432/orders</c>). Such a parameter is rarely
/// declared <c>[Secret]</c> — its value is "just a URL" — and it was shown whole in the console's commands, the dry
/// run's parameters, the journal's <c>run-started</c> and so <c>runs</c>. Only the password is masked: the host, the
/// database and the user are what the engineer needs to read.
/// </summary>
internal static class ParameterUrlPasswords
{
    /// <summary>
    /// What is masked of the URL each non-secret parameter among <paramref name="parameters"/> holds
    /// (<see cref="WebhookCredentials.Masked(string)"/>: the password as written and decoded, and its Basic credentials);
    /// nothing for a value that is no URL with a password. A secret is masked whole already.
    /// </summary>
    public static IEnumerable<string> Masked(IEnumerable<BoundParameter> parameters) =>
        parameters.Where(p => !p.Parameter.IsSecret && p.Value.Length > 0).SelectMany(p => WebhookCredentials.Masked(p.Value));

    /// <summary>As <see cref="Masked(IEnumerable{BoundParameter})"/>, of values given by parameter name, before they are bound.</summary>
    public static IEnumerable<string> Masked(IEnumerable<string> values) =>
        values.Where(v => !string.IsNullOrEmpty(v)).SelectMany(WebhookCredentials.Masked);
}
