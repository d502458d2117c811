using RunbookSdk.Execution;

namespace RunbookSdk.Hosting;

/// <summary>
/// The one line a run prints when a secret was given as <c>Name=VALUE</c>: it still works (scripts rely on it), but on
/// a shared bastion every user sees the value in <c>ps</c> output and the shell keeps it in its history, so the
/// engineer is told which variable keeps it out of both.
/// </summary>
internal static class CommandLineSecretWarning
{
    /// <summary>The warning for the secrets given on the command line, or null when none was.</summary>
    public static string? For(IReadOnlyDictionary<string, SecretSource> sources)
    {
        var given = sources.Where(s => s.Value == SecretSource.CommandLine).Select(s => s.Key).Order(StringComparer.OrdinalIgnoreCase).ToArray();
        return given switch
        {
            [] => null,
            [var one] => $"warning: secret '{one}' was given on the command line, where other users see it in ps output and your shell history keeps it; set the environment variable {SecretEnvironment.VariableName(one)} instead.",
            var many => $"warning: secrets {string.Join(", ", many.Select(n => $"'{n}'"))} were given on the command line, where other users see them in ps output and your shell history keeps them; set the environment variables {string.Join(", ", many.Select(SecretEnvironment.VariableName))} instead.",
        };
    }
}
