namespace RunbookSdk.Hosting;

/// <summary>
/// Reads the <c>--choose "DECISION=OPTION"</c> arguments of <c>run</c>: split at the first <c>=</c> (a decision's title
/// holds none; an option's may). Whether the decision and option exist is the runner's to say, against the runbook.
/// </summary>
internal static class ChoiceArguments
{
    public static (IReadOnlyDictionary<string, string> Choices, string? Error) Parse(IReadOnlyList<string> arguments)
    {
        var choices = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var argument in arguments)
        {
            var equals = argument.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || argument[..equals].Trim().Length == 0 || argument[(equals + 1)..].Trim().Length == 0)
                return (choices, $"--choose '{argument}' is not DECISION=OPTION: write --choose \"Mitigation strategy=Cache clear\" (the option's title or number, or none).");
            var decision = argument[..equals].Trim();
            if (choices.TryGetValue(decision, out var earlier))
                return (choices, $"--choose answers '{decision}' twice ('{earlier}' and '{argument[(equals + 1)..].Trim()}'): pass one answer per decision.");
            choices[decision] = argument[(equals + 1)..].Trim();
        }
        return (choices, null);
    }
}
