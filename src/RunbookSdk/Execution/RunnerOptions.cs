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

    /// <summary>
    /// A journal of an earlier run of the same runbook to continue after its last completed step (<c>--resume</c>). As
    /// on the command line, a non-secret parameter the run's <see cref="RunContext"/> was not given a value for
    /// (<see cref="RunContext.Bind"/>'s arguments) takes the value the journal's latest run had, not the runbook's
    /// default; one given with another value is taken, and said before anything runs. Secrets are never journaled:
    /// give them again. A journaled value that held a secret's value (masked) must be given again: the run does not start.
    /// A runbook with a required parameter is bound with <see cref="RunContext.BindForResume"/>, which takes it from the
    /// journal as the command line does (<see cref="RunContext.Bind"/> refuses it as missing).
    /// </summary>
    public string? ResumeJournal { get; init; }

    /// <summary>Where notifications are POSTed; null to take the <c>WebhookUrl</c> parameter, or to print them only.</summary>
    public Uri? WebhookUrl { get; init; }

    /// <summary>
    /// The incident clock: elapsed time, time boxes, escalation, waits, monitors and retry back-off. Process and HTTP
    /// time-outs always use real time, because they bound real work.
    /// </summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// Time-out of an HTTP step that sets none (and of a notification's webhook): more than zero and at most about 49.7
    /// days, or <see cref="Timeout.InfiniteTimeSpan"/> for none.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Zero, negative (but infinite) or longer than a timer waits: every request would fail when sent.</exception>
    public TimeSpan DefaultHttpTimeout
    {
        get;
        init => field = TimerLimit(value, nameof(DefaultHttpTimeout), zeroMeans: null);
    } = TimeSpan.FromSeconds(30);

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

    /// <summary>
    /// Values masked as a <c>[Secret]</c> parameter's are, in everything the run shows, journals and tells observers:
    /// credentials the host itself holds, such as the GitHub token the <c>runbook</c> tool keeps the incident issue
    /// with. Shell steps inherit the host's environment, so a step that prints it (<c>env</c>, a tool's debug output,
    /// <c>set -x</c> over a command that reads it) would otherwise put it on the console, in the journal and in the
    /// incident issue. Null and empty values are ignored.
    /// </summary>
    /// <exception cref="ArgumentNullException">Null: give an empty collection for none.</exception>
    public IReadOnlyCollection<string> MaskedValues
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(MaskedValues), "MaskedValues must not be null: give an empty collection for none.");
    } = [];

    /// <summary>
    /// How long, after the run ended, the runner waits for observers to deliver (real time); then it journals what is
    /// left. Zero does not wait; <see cref="Timeout.InfiniteTimeSpan"/> waits as long as they take.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative (but infinite) or longer than a timer waits: the run would throw at its end.</exception>
    public TimeSpan ObserverTimeout
    {
        get;
        init => field = TimerLimit(value, nameof(ObserverTimeout), zeroMeans: "does not wait");
    } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// When the run ends, how long (real time) a process a shell step left running in the background gets to end
    /// after SIGTERM before it is killed (SIGKILL): long enough for a port-forward or a tail to exit cleanly.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative: zero kills at once.</exception>
    public TimeSpan BackgroundStopGrace
    {
        get;
        init => field = value >= TimeSpan.Zero
            ? value
            : throw new ArgumentOutOfRangeException(nameof(BackgroundStopGrace), value, $"BackgroundStopGrace must not be negative (zero kills at once); it is {Durations.Format(value)}.");
    } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The shell words that run a runbook, up to its id (<c>dotnet /srv/ops/Ops.dll run</c>): the hints at a run's end
    /// say <c>{RunCommand} {id} --resume "…"</c>, a command to paste. Null: <c>run {id} …</c>, as a host's subcommand.
    /// </summary>
    internal string? RunCommand { get; init; }

    /// <summary>
    /// The host's own options this run was given that a resume must be given again to do what the run does, as words
    /// (the <c>runbook</c> tool's <c>--incident-repo octo/ops</c>: without it a resume stops updating the incident
    /// issue). The journal's <c>run-started</c> records them (<c>resumeOptions</c>), and every resume command — the
    /// run's closing hint, <c>runs</c> — carries them. Never a credential: the journal and the console show them.
    /// </summary>
    internal IReadOnlyList<string> ResumeOptions { get; init; } = [];

    /// <summary>
    /// Where the run's closing words (how it ended, its journal, the command that resumes it) are said again, for the
    /// engineer at the terminal, when the run's output goes to a file (<c>run … &gt; run.log</c>): standard error when
    /// that is the terminal, else the terminal itself. Null when the output is the terminal (or a pipe, such as
    /// <c>| tee</c>, which shows it there), so they are said once. What a question is about — a manual instruction, a
    /// decision's options, a destructive step's commands, a monitor's watch, why the rollback is offered — is said there
    /// too, before the question.
    /// </summary>
    internal Spectre.Console.IAnsiConsole? Terminal { get; init; }

    /// <summary>Reads the runner's environment (<c>NO_PROXY</c>): a seam for tests, which must not change the process's.</summary>
    internal Func<string, string?> EnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>
    /// The proxy HTTP steps and webhooks would take, before <c>NO_PROXY</c> exempts a host; null for the system's
    /// (<see cref="HttpClient.DefaultProxy"/>: <c>HTTP_PROXY</c>, <c>HTTPS_PROXY</c>, <c>ALL_PROXY</c> on Linux). A seam for
    /// tests: .NET reads the system's once per process.
    /// </summary>
    internal System.Net.IWebProxy? Proxy { get; init; }

    /// <summary>How many last lines of a command's output the journal keeps (masked) beside the output's digest; zero or more.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative.</exception>
    public int JournalOutputTail
    {
        get;
        init => field = value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(JournalOutputTail), value, $"JournalOutputTail must be zero or more lines; it is {value}.");
    } = 10;

    /// <summary>The longest a .NET timer waits (<see cref="uint.MaxValue"/> − 1 milliseconds, about 49.7 days).</summary>
    private static readonly TimeSpan LongestTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    /// <summary>
    /// A time limit the runner hands to a timer, refused when set rather than when the run uses it: a zero HTTP
    /// time-out failed every request of the run as "no response within 0 minutes", and a negative observer time-out threw
    /// from the end of the run, after its steps, rollback and verification, without its <c>run-finished</c>.
    /// </summary>
    /// <param name="value">The limit.</param>
    /// <param name="name">The option's name, for the message.</param>
    /// <param name="zeroMeans">What zero does where it is allowed; null where it is not.</param>
    private static TimeSpan TimerLimit(TimeSpan value, string name, string? zeroMeans)
    {
        if (value == Timeout.InfiniteTimeSpan || value <= LongestTimer && (value > TimeSpan.Zero || value == TimeSpan.Zero && zeroMeans is not null))
            return value;
        var allowed = zeroMeans is null ? "more than zero" : $"zero or more (zero {zeroMeans})";
        throw new ArgumentOutOfRangeException(name, value,
            $"{name} must be {allowed} and at most about 49.7 days, or Timeout.InfiniteTimeSpan for no limit; it is {Durations.Format(value)}.");
    }
}
