using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A front end's secret prompt (<see cref="IOperatorPrompts.AskSecretAsync"/>) that fails or is interrupted, before
/// anything ran: the run ends naming the secret, and nothing runs. Before, Ctrl+C at the prompt (an
/// <see cref="OperationCanceledException"/> with the run's token cancelled) escaped <c>RunbookRunner.ExecuteAsync</c>
/// to the caller as a raw exception.
/// </summary>
public sealed class SecretPromptFailureTests
{
    [Fact]
    public async Task Ctrl_C_at_a_secret_prompt_ends_the_run_cancelled_naming_the_secret_with_nothing_run()
    {
        var seen = new List<string>();
        using var run = SecretUsingRunbook.Create(seen);
        using var interrupt = new CancellationTokenSource();

        var outcome = await RunAsync(run, new SecretPrompt(_ =>
        {
            interrupt.Cancel(); // the operator's Ctrl+C while the prompt waits
            interrupt.Token.ThrowIfCancellationRequested();
            return Task.FromResult("");
        }), interrupt.Token);

        Assert.Equal(RunStatus.Cancelled, outcome.Status);
        Assert.Equal(130, outcome.ExitCode);
        Assert.Equal("the run was cancelled at the prompt for secret 'ApiToken': nothing was run, and no journal was written.", outcome.Reason);
        Assert.Empty(seen);
        Assert.False(File.Exists(run.JournalPath));
    }

    [Fact]
    public async Task Ctrl_C_at_a_secret_prompt_that_still_answers_ends_the_run_cancelled_with_nothing_run()
    {
        var seen = new List<string>();
        using var run = SecretUsingRunbook.Create(seen);
        using var interrupt = new CancellationTokenSource();

        var outcome = await RunAsync(run, new SecretPrompt(_ =>
        {
            interrupt.Cancel(); // the operator's Ctrl+C, which this front end's prompt ignores
            return Task.FromResult("typed-after-ctrl-c");
        }), interrupt.Token);

        Assert.Equal(RunStatus.Cancelled, outcome.Status);
        Assert.Equal("the run was cancelled at the prompt for secret 'ApiToken': nothing was run, and no journal was written.", outcome.Reason);
        Assert.Empty(seen);
        Assert.False(File.Exists(run.JournalPath));
    }

    public static TheoryData<string> Failures => new() { "thrown before a task", "thrown by the task", "a null task", "cancelled by the front end itself", "a null answer" };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_secret_prompt_that_fails_refuses_the_run_naming_the_secret(string how)
    {
        var seen = new List<string>();
        using var run = SecretUsingRunbook.Create(seen);

        var outcome = await RunAsync(run, new SecretPrompt(_ => how switch
        {
            "thrown before a task" => throw new InvalidOperationException("vault down"),
            "thrown by the task" => Task.FromException<string>(new HttpRequestException("vault down")),
            "a null task" => null!,
            "cancelled by the front end itself" => throw new OperationCanceledException(),
            _ => Task.FromResult<string>(null!),
        }), CancellationToken.None);

        Assert.Equal(RunStatus.NotStarted, outcome.Status);
        Assert.Contains("Missing secret parameter 'ApiToken': set the environment variable RUNBOOK_SECRET_APITOKEN", outcome.Reason);
        Assert.Empty(seen);
        Assert.False(File.Exists(run.JournalPath));
    }

    private static Task<RunOutcome> RunAsync(TestRun run, IOperatorPrompts prompts, CancellationToken cancellationToken) =>
        new RunbookRunner(new PlainConsole().Console, new RunnerOptions { JournalPath = run.JournalPath, Clock = run.Clock }, prompts)
            .ExecuteAsync(run.Bind(), cancellationToken);

    private sealed class SecretPrompt(Func<string, Task<string>> ask) : IOperatorPrompts
    {
        public Task<bool> ConfirmAsync(string question, CancellationToken cancellationToken) => Task.FromResult(false);
        public Task<ManualAcknowledgement> AcknowledgeAsync(string instruction, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<string> AskSecretAsync(string parameter, string environmentVariable, CancellationToken cancellationToken) => ask(parameter);
    }
}
