using System.Collections.Immutable;

namespace RunbookSdk.Analyzers.Commands;

/// <summary>
/// What the "make it a parameter" fix should create, carried in the diagnostic's properties so the fix does not
/// re-run the patterns: the property name, its description, and whether it is a [Secret].
/// </summary>
internal static class ParameterSuggestion
{
    public const string NameKey = "ParameterName";
    public const string DescriptionKey = "ParameterDescription";
    public const string SecretKey = "ParameterIsSecret";

    public static ImmutableDictionary<string, string?> Create(string name, string description, bool secret) =>
        ImmutableDictionary<string, string?>.Empty
            .Add(NameKey, name)
            .Add(DescriptionKey, description)
            .Add(SecretKey, secret ? "true" : "false");

    /// <summary>
    /// The secret parameter for the credential of a <c>Header(name, value)</c>, named as the same header's credential
    /// in a command is (<c>curl -H 'Authorization: Bearer …'</c>): <c>ApiToken</c> for an Authorization header, so a
    /// runbook's existing API token is reused, <c>SessionCookie</c> for a Cookie, <c>ApiKey</c> for an API-key header.
    /// </summary>
    public static ImmutableDictionary<string, string?> ForCredentialHeader(string header)
    {
        var name = header.ToUpperInvariant() switch
        {
            "AUTHORIZATION" or "PROXY-AUTHORIZATION" => "ApiToken",
            "COOKIE" => "SessionCookie",
            _ => "ApiKey",
        };
        return Create(name, Humanize(name), secret: true);
    }

    /// <summary>
    /// <c>AwsAccessKeyId</c> reads "AWS access key id"; <c>ApiToken</c> reads "API token"; <c>PgPassword</c> reads
    /// "PostgreSQL password"; <c>GitHubToken</c> reads "GitHub token".
    /// </summary>
    public static string Humanize(string name)
    {
        var words = System.Text.RegularExpressions.Regex.Split(name.Replace("GitHub", "Github"), "(?<=[a-z0-9])(?=[A-Z])");
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            words[i] = word switch
            {
                "Api" or "Aws" or "Db" or "Jwt" or "Url" => word.ToUpperInvariant(),
                "Mysql" => "MySQL",
                "Pg" => "PostgreSQL",
                "Github" => "GitHub",
                _ => i == 0 ? word : word.ToLowerInvariant(),
            };
        }

        return string.Join(" ", words);
    }
}
