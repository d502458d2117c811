using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A SIGTERM, a SIGHUP or a second Ctrl+C while a prompt waits ends the runner through its exit path, which did not know
/// the prompt's line was open: <c>Run ENDED at once …</c> began on the <c>[y/n]</c> line, and so did the first Ctrl+C's
/// warning at the rollback offer. Each now ends the prompt's line first, on the writer the prompt used: the terminal,
/// standard error (<c>&gt; run.log</c>) or <c>/dev/tty</c> (<c>&gt; run.log 2&gt;&amp;1</c>), where the closing words are said
/// again. A real runner on a real terminal (<c>script</c>'s), really signalled, at the rollback offer of a first step
/// that fails (nothing listens on port 9).
/// </summary>
public sealed class RunnerEndedAtPromptLineTests
{
    private const int SigInt = 2; // Ctrl+C
    internal const string Offer = "Run the rollback section (1 step(s))? [y/n] ";

    [Theory]
    [InlineData(15, "")] // SIGTERM; the prompt on the terminal, as the output
    [InlineData(1, "> run.log")] // SIGHUP; the prompt on standard error
    [InlineData(15, "> run.log 2>&1")] // SIGTERM; the prompt on /dev/tty
    public async Task A_runner_ended_at_a_prompt_says_so_on_a_line_of_its_own(int signal, string redirection)
    {
        if (!SandboxTerminal.Available) return;
        using var temp = new TempDirectory();
        var journalPath = temp.File("journal.jsonl");
        using var terminal = await StartAtTheOfferAsync(temp.Path, journalPath, redirection);

        Assert.Null(PosixSignals.Send(LiveJournal.RunnerPid(journalPath), signal));
        await terminal.ExitedAsync();

        var lines = terminal.Lines;
        var asked = IndexOf(lines, Offer, terminal.Shown);
        Assert.Equal(Offer, lines[asked]);
        Assert.Equal(Ended(journalPath), lines[asked + 1]);
    }

    [Fact]
    public async Task A_first_and_a_second_ctrl_c_at_the_rollback_offer_each_say_so_on_a_line_of_their_own()
    {
        if (!SandboxTerminal.Available) return;
        using var temp = new TempDirectory();
        var journalPath = temp.File("journal.jsonl");
        using var terminal = await StartAtTheOfferAsync(temp.Path, journalPath, "");
        var runner = LiveJournal.RunnerPid(journalPath);

        Assert.Null(PosixSignals.Send(runner, SigInt));
        await Processes.WaitUntilAsync(() => terminal.Shown.Contains(SecondCtrlCEnds, StringComparison.Ordinal), "the first Ctrl+C's warning");
        Assert.Null(PosixSignals.Send(runner, SigInt));
        await terminal.ExitedAsync();

        var lines = terminal.Lines;
        var asked = IndexOf(lines, Offer, terminal.Shown);
        Assert.Equal([Offer, FirstCtrlCWarning, Ended(journalPath)], lines.Skip(asked).Take(3));
    }

    [Theory]
    [InlineData("> run.log")] // the prompt on standard error
    [InlineData("> run.log 2>&1")] // the prompt on /dev/tty
    public async Task A_first_ctrl_c_at_the_rollback_offer_warns_where_the_prompt_asks_and_in_the_log_with_the_output_in_a_log(string redirection)
    {
        if (!SandboxTerminal.Available) return;
        using var temp = new TempDirectory();
        var journalPath = temp.File("journal.jsonl");
        using var terminal = await StartAtTheOfferAsync(temp.Path, journalPath, redirection);
        var runner = LiveJournal.RunnerPid(journalPath);

        Assert.Null(PosixSignals.Send(runner, SigInt));
        // Before, the warning went only to the log: the terminal showed nothing until the second Ctrl+C ended the runner.
        await Processes.WaitUntilAsync(() => terminal.Shown.Contains(SecondCtrlCEnds, StringComparison.Ordinal), "the first Ctrl+C's warning on the terminal");
        Assert.Null(PosixSignals.Send(runner, SigInt));
        await terminal.ExitedAsync();

        var lines = terminal.Lines;
        var asked = IndexOf(lines, Offer, terminal.Shown);
        Assert.Equal([Offer, FirstCtrlCWarning, Ended(journalPath)], lines.Skip(asked).Take(3));
        // The log, the run's record for whoever reads it afterwards, keeps the warning too: the Ctrl+C happened at the offer.
        Assert.Contains(FirstCtrlCWarning, File.ReadAllLines(temp.File("run.log")));
    }

    private const string SecondCtrlCEnds = "A second Ctrl+C ends the runner at once";

    private const string FirstCtrlCWarning =
        "  Ctrl+C: the rollback and the verification are not interrupted, and go on. The rollback offer above still waits for your answer: "
        + "nothing goes on before it is given. A second Ctrl+C ends the runner at once: what it is running is killed, and what is left of "
        + "the rollback and verification does not run.";

    // The sandbox's bad deploy on the terminal, waiting at its rollback offer once its first step failed.
    internal static async Task<SandboxTerminal> StartAtTheOfferAsync(string folder, string journalPath, string redirection)
    {
        var terminal = await SandboxTerminal.StartAsync(folder, "", redirection,
            "run", "sandbox-bad-deploy", "BaseUrl=http://127.0.0.1:9", "--journal", journalPath);
        await Processes.WaitUntilAsync(() => terminal.Shown.Contains(Offer, StringComparison.Ordinal), "the rollback offer");
        return terminal;
    }

    private static int IndexOf(IReadOnlyList<string> lines, string prompt, string shown)
    {
        var index = lines.ToList().FindIndex(line => line.StartsWith(prompt, StringComparison.Ordinal));
        Assert.True(index >= 0, shown);
        return index;
    }

    private static string Ended(string journalPath) =>
        "  Run ENDED at once (a second Ctrl+C, SIGTERM or SIGHUP) at the rollback offer; the rollback did not start. Nothing more of the run "
        + $"starts: no further step, rollback or verification. The journal records what was done: {journalPath}";
}
