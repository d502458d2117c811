using RunbookSdk.Execution;

namespace RunbookSdk.Hosting;

/// <summary>
/// Where a <c>[Secret]</c> parameter not given on the command line is read from: the environment variable
/// <c>RUNBOOK_SECRET_&lt;NAME&gt;</c>, NAME the parameter's name upper-cased (<c>ApiToken</c> →
/// <c>RUNBOOK_SECRET_APITOKEN</c>). A token on the command line is in <c>ps</c> output and shell history; one in the
/// environment is in neither. One name per parameter, so the lookup is deterministic: the prefix keeps a runbook from
/// picking up a variable set for something else (<c>TOKEN</c>, <c>PASSWORD</c>), and plain upper-casing (no guessed
/// word breaks: <c>APIToken</c> and <c>ApiToken</c> read the same variable) is a rule an engineer can apply by eye.
/// </summary>
internal static class SecretEnvironment
{
    /// <summary>What every secret's variable name starts with.</summary>
    public const string Prefix = "RUNBOOK_SECRET_";

    /// <summary>
    /// The variable a secret parameter is read from: <c>RUNBOOK_SECRET_</c> and its name upper-cased (invariant
    /// culture) in ASCII, accents dropped and ı, ß spelt I, SS (<c>Şifre</c> → <c>RUNBOOK_SECRET_SIFRE</c>): a shell
    /// sets only variables named in ASCII, and bash refused <c>export RUNBOOK_SECRET_ŞIFRE=…</c> as not a valid
    /// identifier, which left the command line, in everyone's <c>ps</c>, as the only way to give the secret.
    /// </summary>
    public static string VariableName(string parameterName) => Prefix + AsciiLetters.Spell(parameterName).ToUpperInvariant();

    /// <summary>The name <see cref="VariableName"/> gave before it was spelt in ASCII, still read when set.</summary>
    private static string FormerVariableName(string parameterName) => Prefix + parameterName.ToUpperInvariant();

    private static string? Read(Func<string, string?> environment, string parameterName)
    {
        var value = environment(VariableName(parameterName));
        var former = FormerVariableName(parameterName);
        return !string.IsNullOrWhiteSpace(value) || former == VariableName(parameterName) ? value : environment(former);
    }

    /// <summary>
    /// <paramref name="given"/> with every secret parameter of <paramref name="runbook"/> that has no value there
    /// (absent, empty or blank: an empty secret is a missing one) taken from its variable when that holds a non-blank
    /// value; and where each secret that has a value came from. The command line wins over the environment.
    /// </summary>
    public static (IReadOnlyDictionary<string, string> Values, IReadOnlyDictionary<string, SecretSource> Sources) Fill(
        IReadOnlyDictionary<string, string> given, RunbookDescriptor runbook, Func<string, string?> environment)
    {
        var values = new Dictionary<string, string>(given, StringComparer.OrdinalIgnoreCase);
        var sources = new Dictionary<string, SecretSource>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in runbook.Parameters.Where(p => p.IsSecret))
        {
            if (values.TryGetValue(parameter.Name, out var text) && !string.IsNullOrWhiteSpace(text))
                sources[parameter.Name] = SecretSource.CommandLine;
            else if (Read(environment, parameter.Name) is { } fromEnvironment && !string.IsNullOrWhiteSpace(fromEnvironment))
            {
                values[parameter.Name] = fromEnvironment;
                sources[parameter.Name] = SecretSource.Environment;
            }
        }
        return (values, sources);
    }
}
