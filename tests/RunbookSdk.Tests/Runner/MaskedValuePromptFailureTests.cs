using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A resume's prompt for a value its journal holds masked (<c>DbUrl</c> journaled <c>postgres://app:***@db:5432/orders</c>)
/// interrupted or left without input, before anything ran: Ctrl+C ends the resume cancelled, and a prompt whose input
/// ended (the terminal hung up, standard input failed) refuses it naming every way to give the value. Either way nothing
/// runs and the journal gains no run.
/// </summary>
public sealed class MaskedValuePromptFailureTests
{
    private static async Task<DbUrlMigrationRunbook> FailedFirstRunAsync()
    {
        var migration = new DbUrlMigrationRunbook();
        var run = migration.Run;
        Assert.Equal(1, (await Host.RunAsync(run.Catalog(), "run", run.Id, $"DbUrl={DbUrlMigrationRunbook.DbUrl}", "--non-interactive", "--journal", run.JournalPath)).ExitCode);
        migration.Heal();
        return migration;
    }

    private static Task<RunOutcome> ResumeAsync(TestRun run, IOperatorPrompts prompts, CancellationToken cancellationToken) =>
        new RunbookRunner(new PlainConsole().Console,
                TestRun.Interactive with { Clock = run.Clock, JournalPath = run.JournalPath, ResumeJournal = run.JournalPath, EnvironmentVariable = _ => null }, prompts)
            .ExecuteAsync(run.Bind(), cancellationToken);

    private static int RunsJournaled(TestRun run) => Journal.Read(run.JournalPath).Count(e => e.Name == "run-started");

    [Fact]
    public async Task Ctrl_C_at_the_masked_value_prompt_ends_the_resume_cancelled_with_nothing_run()
    {
        using var migration = await FailedFirstRunAsync();
        using var interrupt = new CancellationTokenSource();

        // The prompt ignores the Ctrl+C and still answers: the interruption wins.
        var outcome = await ResumeAsync(migration.Run, new InterruptingPrompts(interrupt), interrupt.Token);

        Assert.Equal(RunStatus.Cancelled, outcome.Status);
        Assert.Equal(130, outcome.ExitCode);
        Assert.Equal("the resume was cancelled at the prompt for parameter 'DbUrl': nothing was run.", outcome.Reason);
        Assert.Equal([DbUrlMigrationRunbook.DbUrl], migration.Urls);
        Assert.DoesNotContain(InterruptingPrompts.ValueAfterInterruption, migration.Urls);
        Assert.Equal(1, RunsJournaled(migration.Run));
    }

    [Fact]
    public async Task Ctrl_C_that_cancels_the_masked_value_prompt_ends_the_resume_cancelled_naming_the_parameter()
    {
        using var migration = await FailedFirstRunAsync();
        using var interrupt = new CancellationTokenSource();
        // The console's own prompt, waiting for a key when the operator's Ctrl+C cancels the run's token.
        var console = new KeyedConsole("") { WhenWaitingForKey = interrupt.Cancel };

        var outcome = await ResumeAsync(migration.Run, new ConsoleOperatorPrompts(console), interrupt.Token);

        Assert.Equal(RunStatus.Cancelled, outcome.Status);
        Assert.Equal("the resume was cancelled at the prompt for parameter 'DbUrl': nothing was run.", outcome.Reason);
        Assert.Equal([DbUrlMigrationRunbook.DbUrl], migration.Urls);
        Assert.Equal(1, RunsJournaled(migration.Run));
    }

    public static TheoryData<string> EndedInputs => new() { "the terminal hung up", "standard input failed" };

    [Theory]
    [MemberData(nameof(EndedInputs))]
    public async Task A_masked_value_prompt_whose_input_ended_refuses_the_resume_naming_the_ways_to_give_the_value(string how)
    {
        using var migration = await FailedFirstRunAsync();
        IOperatorPrompts prompts = how == "the terminal hung up" ? new ConsoleOperatorPrompts(new KeyedConsole("\u0004")) : new FailingPrompts();

        var outcome = await ResumeAsync(migration.Run, prompts, CancellationToken.None);

        Assert.Equal(RunStatus.NotStarted, outcome.Status);
        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith($"parameter 'DbUrl': the journal holds its value masked (it contained a secret's value or a URL's password: {DbUrlMigrationRunbook.Masked})", outcome.Reason, StringComparison.Ordinal);
        Assert.Contains("set the environment variable RUNBOOK_SECRET_DBURL to it, or pass DbUrl=VALUE", outcome.Reason, StringComparison.Ordinal);
        Assert.Contains("a resume on a terminal asks for it", outcome.Reason, StringComparison.Ordinal);
        Assert.Contains("The prompt for 'DbUrl' could not be answered (IOException: ", outcome.Reason, StringComparison.Ordinal);
        Assert.Contains(how == "the terminal hung up" ? "the terminal hung up" : "Input/output error", outcome.Reason, StringComparison.Ordinal);
        Assert.Equal([DbUrlMigrationRunbook.DbUrl], migration.Urls);
        Assert.Equal(1, RunsJournaled(migration.Run));
    }
}
