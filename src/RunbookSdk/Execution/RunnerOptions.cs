namespace RunbookSdk.Execution;

/// <summary>How <see cref="RunbookRunner"/> carries out a run: the command-line switches of <c>run</c>, and seams for tests.</summary>
public sealed record RunnerOptions
{
    /// <summary>Accept every confirmation of a destructive step (<c>--yes</c>), for automation.</summary>
    public bool AssumeYes { get; init; }

    /// <summary>Never wait for input (<c>--non-interactive</c>): a step that needs a person fails, and failures roll back without asking.</summary>
    public bool NonInteractive { get; init; }

    /// <summary>With <see cref="NonInteractive"/>, skip manual instructions (recorded as skipped) instead of failing (<c>--skip-manual</c>).</summary>
    public bool SkipManual { get; init; }

    /// <summary>
    /// Who answers, before a step written with <c>OnlyIf(condition)</c>, whether its condition holds: the operator
    /// (<see cref="ConditionAnswer.Ask"/>, the default; a <see cref="NonInteractive"/> run with such a step then
    /// refuses to start), or a flag for every such step: <c>--conditions-hold</c> runs them all, <c>--skip-conditional</c>
    /// skips them all. Journaled as <c>by</c> of the step's <c>choice</c>.
    /// </summary>
    public ConditionAnswer Conditions { get; init; }

    /// <summary>
    /// Answers to <c>OneOf</c> decisions given in advance (<c>--choose "Mitigation strategy=Cache clear"</c>): by the
    /// decision's title (case-insensitive), the option's title or number from 1, or <c>none</c>. A decision without an
    /// answer is asked of the operator; a <see cref="NonInteractive"/> run with one refuses to start. An answer that
    /// names no decision of the runbook, or no option of its decision, refuses the run before anything runs.
    /// </summary>
    public IReadOnlyDictionary<string, string> Choices { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// On resume, run again without asking (<c>--resend-requests</c>) a step the earlier run recorded no result for
    /// after it sent there a request that is not idempotent (POST, PATCH), started a command that sends one or a
    /// command of a destructive step, or started a command or C# code that did not finish: any may have taken effect.
    /// Without it an interactive run asks, and a non-interactive one refuses to start. A step written with
    /// <c>Idempotent()</c> runs again without it: its author promised that doing so does no harm.
    /// </summary>
    public bool ResendRequests { get; init; }

    /// <summary>Where the JSON-lines journal is appended; null for the resumed journal, else a new file under <c>.runbook-journals/</c>.</summary>
    public string? JournalPath { get; init; }

    /// <summary>A journal of an earlier run of the same runbook to continue after its last completed step (<c>--resume</c>).</summary>
    public string? ResumeJournal { get; init; }

    /// <summary>Where notifications are POSTed; null to take the <c>WebhookUrl</c> parameter, or to print them only.</summary>
    public Uri? WebhookUrl { get; init; }

    /// <summary>
    /// The incident clock: elapsed time, time boxes, escalation, waits, monitors and retry back-off. Process and HTTP
    /// time-outs always use real time, because they bound real work.
    /// </summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Time-out of an HTTP step that sets none.</summary>
    public TimeSpan DefaultHttpTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Time limit (real time) of C# code (<c>Execute</c>) that sets none with <c>.Timeout(...)</c>: five minutes, long
    /// enough for an SDK call or a short poll, short enough that a stuck call cannot hold the on-call engineer for the
    /// rest of the incident. <see cref="Timeout.InfiniteTimeSpan"/> waits as long as the code runs.
    /// </summary>
    public TimeSpan DefaultDelegateTimeout
    {
        get;
        init
        {
            if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
                throw new ArgumentOutOfRangeException(nameof(DefaultDelegateTimeout), value, "DefaultDelegateTimeout must be more than zero, or Timeout.InfiniteTimeSpan for no limit.");
            field = value;
        }
    } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Watch the live run (an incident issue, a chat thread): told when the run starts, after each step and when it
    /// ends. They can never stop or slow the run: see <see cref="IRunObserver"/>.
    /// </summary>
    public IReadOnlyList<IRunObserver> Observers { get; init; } = [];

    /// <summary>How long, after the run ended, the runner waits for observers to deliver (real time); then it journals what is left.</summary>
    public TimeSpan ObserverTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// When the run ends, how long (real time) a process a shell step left running in the background gets to end
    /// after SIGTERM before it is killed (SIGKILL): long enough for a port-forward or a tail to exit cleanly.
    /// </summary>
    public TimeSpan BackgroundStopGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The shell words that run a runbook, up to its id (<c>dotnet /srv/ops/Ops.dll run</c>): the hints at a run's end
    /// say <c>{RunCommand} {id} --resume "…"</c>, a command to paste. Null: <c>run {id} …</c>, as a host's subcommand.
    /// </summary>
    internal string? RunCommand { get; init; }

    /// <summary>How many last lines of a command's output the journal keeps (masked) beside the output's digest.</summary>
    public int JournalOutputTail { get; init; } = 10;
}
