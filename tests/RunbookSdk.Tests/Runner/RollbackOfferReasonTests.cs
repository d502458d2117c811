using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;
using static RunbookSdk.Tests.Runner.RunnerEndedAtPromptLineTests;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// Under <c>run … &gt; run.log</c> the step that failed and what the run started before the stop went to the log alone,
/// and the engineer at the terminal was asked "Run the rollback section (1 step(s))? [y/n]" with no reason. The offer now
/// says why, in one line before the question, where the prompt asks (standard error, or <c>/dev/tty</c> under
/// <c>&gt; run.log 2&gt;&amp;1</c>); where the output is the terminal (no redirect, <c>| tee</c>) it is not said twice. A
/// real runner on a real terminal (<c>script</c>'s), at the rollback offer of a first step that fails (nothing listens on port 9),
/// or of a step a first Ctrl+C interrupted, whose <c>INTERRUPTED: …</c> line is the log's alone.
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

    [Theory]
    [InlineData("> run.log")] // the prompt on standard error
    [InlineData("> run.log 2>&1")] // the prompt on /dev/tty
    public async Task With_the_output_in_a_log_the_offer_after_a_first_ctrl_c_names_the_step_it_interrupted_and_what_the_ctrl_c_did(string redirection)
    {
        if (!SandboxTerminal.Available) return;
        await using var service = await SandboxService.StartAsync();
        using var temp = new TempDirectory();
        var journalPath = temp.File("journal.jsonl");
        // The deploy confirmed by --yes, the soak long enough to be interrupted in its command.
        using var terminal = await SandboxTerminal.StartAsync(temp.Path, "", redirection,
            "run", "sandbox-deploy", $"BaseUrl={service.BaseUrl}", "SoakChecks=600", "--yes", "--journal", journalPath);
        await Processes.WaitUntilAsync(() => LiveJournal.Shows(journalPath, e => e.Name == "command-starting" && e["command"]?.Contains("seq 1 600", StringComparison.Ordinal) == true), "the soak's command");
        Assert.Null(PosixSignals.Send(LiveJournal.RunnerPid(journalPath), 2)); // SIGINT: the engineer's first Ctrl+C
        await Processes.WaitUntilAsync(() => terminal.Shown.Contains(Offer, StringComparison.Ordinal), "the rollback offer");
        var lines = terminal.Lines;
        var log = File.ReadAllText(temp.File("run.log"));
        await EndAsync(terminal, journalPath);

        // The step's own INTERRUPTED line is the log's; the terminal has what it says in the offer's reason.
        const string Interrupted = "interrupted by the operator (Ctrl+C); its processes were killed";
        Assert.Contains($"INTERRUPTED: {Interrupted}", log, StringComparison.Ordinal);
        var asked = lines.ToList().FindIndex(line => line.StartsWith(Offer, StringComparison.Ordinal));
        Assert.True(asked > 0, terminal.Shown);
        Assert.StartsWith($"  Rollback offered: interrupted during step 1.2 'Soak: health holds': {Interrupted}. Before the stop, this run started 1.1 'Deploy the new version'",
            lines[asked - 1], StringComparison.Ordinal);
        Assert.Single(lines, line => line.Contains("Rollback offered", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("> run.log")] // the closing words on standard error
    [InlineData("> run.log 2>&1")] // the closing words on /dev/tty
    [InlineData("")] // the output on the terminal: the run's own line, not a copy
    [InlineData("| tee run.log")] // the output on the terminal through tee
    public async Task After_a_first_ctrl_c_with_no_rollback_to_offer_the_terminal_is_told_once_which_step_was_interrupted(string redirection)
    {
        if (!SandboxTerminal.Available) return;
        await using var service = await SandboxService.StartAsync();
        using var temp = new TempDirectory();
        var journalPath = temp.File("journal.jsonl");
        // NoRollback(…): no offer follows the stop to name the step; the Ctrl+C lands in the 30 seconds' settling wait.
        using var terminal = await SandboxTerminal.StartAsync(temp.Path, "", redirection,
            "run", "sandbox-watched-fault-fix", $"BaseUrl={service.BaseUrl}", "--journal", journalPath);
        await Processes.WaitUntilAsync(() => LiveJournal.Shows(journalPath, e => e.Name == "wait-started"), "the settling wait");
        Assert.Null(PosixSignals.Send(LiveJournal.RunnerPid(journalPath), 2)); // SIGINT: the engineer's first Ctrl+C
        await terminal.ExitedAsync();

        // Before, under '> run.log' the terminal read "Run INTERRUPTED." with no word of the step: its line was the log's alone.
        const string Stopped = "Interrupted during step 2.2 'Let health settle': interrupted by the operator (Ctrl+C)";
        Assert.True(terminal.Lines.Count(line => line.Contains(Stopped, StringComparison.Ordinal)) == 1, terminal.Shown);
        Assert.Contains("Run INTERRUPTED.", terminal.Shown, StringComparison.Ordinal);
        if (redirection.StartsWith('>'))
            Assert.Single(File.ReadAllLines(temp.File("run.log")), line => line.Contains(Stopped, StringComparison.Ordinal));
    }

    // Ends the runner waiting at the offer (SIGTERM), as the engineer's other terminal would.
    private static async Task EndAsync(SandboxTerminal terminal, string journalPath)
    {
        Assert.Null(PosixSignals.Send(LiveJournal.RunnerPid(journalPath), 15));
        await terminal.ExitedAsync();
    }
}
