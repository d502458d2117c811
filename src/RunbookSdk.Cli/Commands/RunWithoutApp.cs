using System.Reflection;
using Spectre.Console.Cli;

namespace RunbookSdk.Cli.Commands;

/// <summary>
/// <c>runbook run payments-api-outage --dry-run</c>: the runbook's id without the app before it, as the app's own
/// command line (<c>dotnet run -- run ID</c>) takes it. The parser took the id for the app and answered "Command 'run'
/// is missing required argument 'ID'", which named as missing the one argument that was given; with a parameter after
/// the id it tried to build a project named like the runbook.
/// </summary>
internal static class RunWithoutApp
{
    /// <summary>
    /// The error for a <c>run</c> command line whose first argument is no path but reads as a runbook id and is followed
    /// by nothing, or by a <c>name=value</c> parameter, where the id belongs; null for any other command line.
    /// </summary>
    /// <param name="args">The tool's arguments, the command first.</param>
    public static string? Problem(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] != "run" || args.Any(a => a is "-h" or "--help" or "-?")) return null;
        var positionals = Positionals(args.Skip(1));
        if (positionals.Count == 0) return null;
        var first = positionals[0];
        var secondIsParameter = positionals.Count > 1 && positionals[1].Contains('=', StringComparison.Ordinal);
        if (positionals.Count > 1 && !secondIsParameter) return null;
        if (!LooksLikeId(first)) return null;

        return $"'{first}' is not a runbook project, its folder or a built .dll, but reads like a runbook id: 'runbook run' takes the "
            + $"runbook app first, then the id (runbook run <APP> <ID>). In the app's folder: runbook run . {first}";
    }

    // A path the user meant as the app (a mistyped one too) is left to the app's own error.
    private static bool LooksLikeId(string argument) =>
        argument.Length > 0
        && argument.IndexOfAny(['/', '\\', '=']) < 0
        && !argument.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)
        && !argument.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
        && argument != "."
        && !File.Exists(argument)
        && !Directory.Exists(argument);

    // The arguments that are no option and no option's value, as the parser reads them.
    private static List<string> Positionals(IEnumerable<string> arguments)
    {
        var positionals = new List<string>();
        var skipValue = false;
        foreach (var argument in arguments)
        {
            if (skipValue)
            {
                skipValue = false;
                continue;
            }

            if (argument.StartsWith('-'))
            {
                // --journal=PATH and --journal:PATH carry their value.
                skipValue = argument.IndexOfAny(['=', ':']) < 0 && OptionsWithValue.Contains(argument);
                continue;
            }

            positionals.Add(argument);
        }

        return positionals;
    }

    // Read from the command's settings, so an option added later is known here too.
    private static readonly HashSet<string> OptionsWithValue = typeof(RunCommand.Settings)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.PropertyType != typeof(bool))
        .Select(p => p.GetCustomAttribute<CommandOptionAttribute>())
        .OfType<CommandOptionAttribute>()
        .SelectMany(o => o.LongNames.Select(n => "--" + n).Concat(o.ShortNames.Select(n => "-" + n)))
        .ToHashSet(StringComparer.Ordinal);
}
