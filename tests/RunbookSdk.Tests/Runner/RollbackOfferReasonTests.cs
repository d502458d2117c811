using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;
using static RunbookSdk.Tests.Runner.RunnerEndedAtPromptLineTests;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// Under <c>run … &gt; run.log</c> the step that failed and what the run started before the stop went to the log alone,
/// and the engineer at the terminal was asked "Run the rollback section (1 step(s))? [y/n]" with no reason. The offer now
/// says why, in one line before the question, where the prompt asks (standard error, or <c>/dev/tty</c> under
/// <c>&gt; run.log 2&gt;&amp;1</c>); where the output is the terminal (no redirect, <c>| tee</c>) it is not said twice. A
/// real runner on a real terminal (<c>script</c>'s), at the rollback offer of a first step that fails (nothing listens on port 9).
/// </summary>
public sealed class RollbackOfferReasonTests
{
    private const string Why = "  Rollback offered: step 1.1 'Check health' failed: ";
    private const string WhatRan = ". Before the stop, this run started 1.1 'Check health' (none of them marked destructive).";

    [Theory]
    [InlineData("> run.log")] // the prompt on standard error
    [InlineData("> run.log 2>&1")] // the prompt on /dev/tty
    public async Task With_the_output_in_a_log_the_rollback_offer_says_why_on_the_line_before_its_question(string redirection)
    {
        if (!SandboxTerminal.Available) return;
        using var temp = new TempDirectory();
        var journalPath = temp.File("journal.jsonl");
        using var terminal = await StartAtTheOfferAsync(temp.Path, journalPath, redirection);
        var lines = terminal.Lines;
        var log = File.ReadAllText(temp.File("run.log"));
        await EndAsync(terminal, journalPath);

        var asked = lines.ToList().FindIndex(line => line.StartsWith(Offer, StringComparison.Ordinal));
        Assert.True(asked > 0, terminal.Shown);
        // Before, the line above the question was the run's header or nothing of the run: the reason was in the log alone.
        Assert.StartsWith(Why, lines[asked - 1], StringComparison.Ordinal);
        Assert.EndsWith(WhatRan, lines[asked - 1], StringComparison.Ordinal);
        Assert.Single(lines, line => line.Contains("Rollback offered", StringComparison.Ordinal));
        // The log keeps the run's own lines and is not given the terminal's copy.
        Assert.DoesNotContain("Rollback offered", log, StringComparison.Ordinal);
        Assert.Contains("Before the stop, this run started 1.1 'Check health'", log, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")] // the output on the terminal
    [InlineData("| tee run.log")] // the output on the terminal through tee, the prompt on standard error
    public async Task With_the_output_on_the_terminal_the_reason_is_not_said_twice(string redirection)
    {
        if (!SandboxTerminal.Available) return;
        using var temp = new TempDirectory();
        var journalPath = temp.File("journal.jsonl");
        using var terminal = await StartAtTheOfferAsync(temp.Path, journalPath, redirection);
        var shown = terminal.Shown;
        await EndAsync(terminal, journalPath);

        Assert.DoesNotContain("Rollback offered", shown, StringComparison.Ordinal);
        Assert.Single(terminal.Lines, line => line.Contains("Before the stop, this run started 1.1 'Check health'", StringComparison.Ordinal));
    }

    // Ends the runner waiting at the offer (SIGTERM), as the engineer's other terminal would.
    private static async Task EndAsync(SandboxTerminal terminal, string journalPath)
    {
        Assert.Null(PosixSignals.Send(LiveJournal.RunnerPid(journalPath), 15));
        await terminal.ExitedAsync();
    }
}
