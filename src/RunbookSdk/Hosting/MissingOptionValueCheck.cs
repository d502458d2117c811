using System.Reflection;
using Spectre.Console.Cli;

namespace RunbookSdk.Hosting;

/// <summary>
/// Refuses an option that takes a value but was given none. Spectre.Console.Cli binds such an option (last on the
/// command line, or followed by another option) to its own internal name for the default command instead of reporting
/// it: <c>docs --out</c> wrote the pages into a folder named <c>__default_command</c>, and
/// <c>runbook validate . --json</c> a report file of that name. The interceptor of the app's and the tool's command lines.
/// </summary>
internal sealed class MissingOptionValueCheck : ICommandInterceptor
{
    /// <summary>What the parser binds to an option given without its value.</summary>
    internal const string ParserPlaceholder = "__default_command";

    /// <summary>
    /// Whether a failure of a command line is a usage error (a wrong command line: the parser's own errors and an
    /// option without its value) rather than a failure of the command; one answer for the app's and the tool's.
    /// </summary>
    internal static bool IsUsageError(Exception exception) => exception is CommandAppException or MissingOptionValueException;

    /// <summary>Throws <see cref="MissingOptionValueException"/> for the first option bound to the placeholder.</summary>
    public void Intercept(CommandContext context, CommandSettings settings)
    {
        foreach (var property in settings.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<CommandOptionAttribute>() is not { } option) continue;
            var placeholder = property.GetValue(settings) switch
            {
                string value => value == ParserPlaceholder,
                IEnumerable<string> values => values.Contains(ParserPlaceholder),
                _ => false,
            };
            if (!placeholder) continue;

            var name = option.LongNames.Count > 0 ? "--" + option.LongNames[0] : "-" + option.ShortNames[0];
            throw new MissingOptionValueException($"Option '{name}' was given without its value: {name} <{option.ValueName}>.");
        }
    }

    /// <summary>Leaves the exit code as the command returned it.</summary>
    public void InterceptResult(CommandContext context, CommandSettings settings, ref int result)
    {
    }
}

/// <summary>A command line names an option that takes a value without giving one; a usage error.</summary>
/// <param name="message">Which option, and what it takes.</param>
internal sealed class MissingOptionValueException(string message) : Exception(message);
