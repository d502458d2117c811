namespace RunbookSdk.Execution;

/// <summary>
/// A shell command an earlier run started in a step it has no result for, with every attempt of it when the command
/// was retried (<c>Retry(n, …)</c>): the question to run the step again listed the same command once per attempt, which
/// read as that many different commands. It names the command once, how many attempts ran and how the last ended.
/// </summary>
/// <param name="Last">The last attempt: the one that says how the command ended.</param>
/// <param name="Attempts">How many attempts of it ran.</param>
internal sealed record CommandAttempts(StartedCommand Last, int Attempts)
{
    /// <summary>
    /// The commands in the order started, the attempts of a retried one together: an attempt after the first of the same
    /// command joins the one before it.
    /// </summary>
    public static IReadOnlyList<CommandAttempts> Group(IEnumerable<StartedCommand> started)
    {
        var grouped = new List<CommandAttempts>();
        foreach (var command in started)
        {
            if (command.Attempt > 1 && grouped.Count > 0 && grouped[^1].Last.Command == command.Command && grouped[^1].Last.Attempt < command.Attempt)
                grouped[^1] = new CommandAttempts(command, grouped[^1].Attempts + 1);
            else grouped.Add(new CommandAttempts(command, 1));
        }
        return grouped;
    }

    /// <summary>
    /// As the engineer reads it: one attempt as <see cref="StartedCommand"/> says it, several as
    /// <c>`./deploy.sh` (3 attempts; the last was interrupted: it did not finish)</c>.
    /// </summary>
    public override string ToString() => Attempts == 1 ? Last.ToString() : $"`{Last.Command}` ({Attempts} attempts; the last {Ending})";

    private string Ending => Last.Interrupted ? "was interrupted: it did not finish"
        : Last.ExitCode is { } code ? $"ended with exit code {code}"
        : "has no result recorded";
}
