using System.Text;
using RunbookSdk.Analyzers.Text;

namespace RunbookSdk.Import.Writing;

/// <summary>
/// A secret a document wrote outside its commands — a token in a handbook's snippet, in a step's title, in a note — has
/// no parameter to go into. The code gets a placeholder naming what goes there (<c>&lt;ApiToken&gt;</c>) instead of the
/// value, and the import warns where, without the value. Secrets are found with RB0006's patterns, so what the rule
/// would report in a command is not copied anywhere else either.
/// </summary>
/// <param name="source">The document, as warnings name it.</param>
internal sealed class SecretRedactor(string source)
{
    private readonly HashSet<string> _warned = new(StringComparer.Ordinal);

    /// <summary>One warning per secret and place, in the order they were written.</summary>
    public List<string> Warnings { get; } = [];

    /// <summary><paramref name="text"/> with every secret in it replaced by its placeholder.</summary>
    /// <param name="text">Text the code will carry as it is.</param>
    public string Redact(string text)
    {
        var secrets = CommandPatterns.Secrets(text).ToList();
        if (secrets.Count == 0) return text;

        var redacted = new StringBuilder(text);
        foreach (var secret in secrets.OrderByDescending(s => s.Start))
            redacted.Remove(secret.Start, secret.Length).Insert(secret.Start, Placeholder(secret));
        var result = redacted.ToString();

        foreach (var secret in secrets)
        {
            var placeholder = Placeholder(secret);
            var line = result.Split('\n').First(l => l.Contains(placeholder, StringComparison.Ordinal)).Trim();
            var warning = $"{source}: {char.ToLowerInvariant(secret.Detail[0])}{secret.Detail[1..]} is written outside a command "
                + $"(\"{Excerpt(line)}\") and is not copied: the code has {placeholder} in its place";
            if (_warned.Add(warning)) Warnings.Add(warning);
        }

        return result;
    }

    // RB0006's name for the secret, the property its fix would create (PgPassword, GitHubToken).
    private static string Placeholder(TextMatch secret) => $"<{secret.Name}>";

    private static string Excerpt(string line) => line.Length <= 100 ? line : line[..97] + "...";
}
