using RunbookSdk.Execution;
using RunbookSdk.Tests.Runner;

namespace RunbookSdk.Tests.Support;

/// <summary>
/// The operator presses Ctrl+C while a prompt is open (a confirmation, a condition, a decision asked yes/no per option
/// by a front end without a ChooseAsync of its own, a manual instruction, a resume's prompt for a value its journal holds
/// masked), and the prompt, ignoring it, still answers (yes, or a value): the runner must honour the interruption, not
/// the answer.
/// </summary>
internal sealed class InterruptingPrompts(CancellationTokenSource interrupt) : IOperatorPrompts
{
    /// <summary>Runs <paramref name="run"/> until the operator presses Ctrl+C at its first question.</summary>
    public static async Task<RunOutcome> RunAsync(TestRun run)
    {
        using var interrupt = new CancellationTokenSource();
        return await new RunbookRunner(new PlainConsole().Console, new RunnerOptions { JournalPath = run.JournalPath, Clock = run.Clock },
            new InterruptingPrompts(interrupt)).ExecuteAsync(run.Bind(), interrupt.Token);
    }

    public Task<bool> ConfirmAsync(string question, CancellationToken cancellationToken)
    {
        interrupt.Cancel();
        return Task.FromResult(true);
    }

    /// <summary>The value the masked-value prompt answers after the interruption.</summary>
    public const string ValueAfterInterruption = "typed-after-ctrl-c";

    public Task<string> AskMaskedValueAsync(string parameter, string journaled, string environmentVariable, CancellationToken cancellationToken)
    {
        interrupt.Cancel();
        return Task.FromResult(ValueAfterInterruption);
    }

    public Task<ManualAcknowledgement> AcknowledgeAsync(string instruction, CancellationToken cancellationToken)
    {
        interrupt.Cancel();
        return Task.FromResult(new ManualAcknowledgement(ManualChoice.Done));
    }
}
