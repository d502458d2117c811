using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A Ctrl+C at a prompt — a destructive step's <c>[y/n]</c>, a manual step's <c>d/s/a</c>, a decision — ends the
/// prompt's line before the runner says anything more. Before, the console's cursor was left after the question, and
/// the next line the runner printed (the interruption, the rollback, the summary) started on the prompt's line:
/// <c>Run it now? [y/n] INTERRUPTED: …</c>. The run's output and its questions share one console here, as on a terminal.
/// </summary>
public sealed class CtrlCAtPromptLineTests
{
    public static TheoryData<string, string> Prompts => new()
    {
        { "confirmation", "'Drop the table' is destructive. Run it now? [y/n]" },
        { "manual", "Done? [d]one / [s]kip / [a]bort" },
        { "decision", "which one? [1-2, or 0 for none of these]" },
    };

    [Theory]
    [MemberData(nameof(Prompts))]
    public async Task A_ctrl_c_at_a_prompt_ends_the_prompt_s_line_before_the_runner_goes_on(string kind, string prompt)
    {
        using var run = new TestRun(rb => rb
            .Phase("Act", p =>
            {
                switch (kind)
                {
                    case "confirmation": p.Step("Drop the table", s => s.Run("true").RequiresConfirmation()); break;
                    case "manual": p.Step("Check the dashboard", s => s.Instruction("Look at the dashboard")); break;
                    default: p.OneOf("Mitigation strategy", o => o.Step("Restart", s => s.Run("true")).Step("Cache clear", s => s.Run("true"))); break;
                }
            })
            .NoRollback("test"));
        using var ctrlC = new CancellationTokenSource();
        // The console's own prompt waits for a key when the operator's Ctrl+C cancels the run's token.
        var console = new KeyedConsole("") { WhenWaitingForKey = ctrlC.Cancel };
        var options = TestRun.Interactive with { Clock = run.Clock, JournalPath = run.JournalPath };

        var outcome = await new RunbookRunner(console, options, new ConsoleOperatorPrompts(console)).ExecuteAsync(run.Bind(), ctrlC.Token);

        Assert.Equal(RunStatus.Cancelled, outcome.Status);
        var output = console.Output;
        var asked = output.IndexOf(prompt, StringComparison.Ordinal);
        Assert.True(asked >= 0, output);
        var end = output.IndexOf('\n', asked);
        Assert.True(end >= 0, output);
        // Nothing after the question on its line but what the prompt leaves before the answer (a space, a colon).
        Assert.Equal("", output[(asked + prompt.Length)..end].Trim(' ', ':'));
        Assert.Contains("Run INTERRUPTED.", output[end..], StringComparison.Ordinal);
    }
}
