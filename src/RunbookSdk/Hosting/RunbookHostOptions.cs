using RunbookSdk.Execution;

namespace RunbookSdk.Hosting;

/// <summary>
/// What a host adds to the <c>run</c> command beyond the command line: for example the <c>runbook</c> tool's
/// <c>--incident-repo</c>, which passes a GitHub incident observer without the runbook app depending on GitHub.
/// </summary>
public sealed record RunbookHostOptions
{
    /// <summary>Observers of every live run (not of dry runs); see <see cref="IRunObserver"/>.</summary>
    public IReadOnlyList<IRunObserver> Observers { get; init; } = [];

    /// <summary>
    /// Values masked in every live run as a <c>[Secret]</c> parameter's are: the host's own credentials, such as the
    /// token its observers use; see <see cref="RunnerOptions.MaskedValues"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException">Null: give an empty collection for none.</exception>
    public IReadOnlyCollection<string> MaskedValues
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(MaskedValues), "MaskedValues must not be null: give an empty collection for none.");
    } = [];

    /// <summary>
    /// Reads an environment variable (null when unset): where a <c>[Secret]</c> parameter not given on the command
    /// line is read from (<c>RUNBOOK_SECRET_&lt;NAME&gt;</c>). The process's environment; tests give their own, as
    /// they run in parallel in one process.
    /// </summary>
    internal Func<string, string?> EnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>
    /// The shell words that run a runbook of this host, up to its id (<c>dotnet /srv/ops/Ops.dll run</c>,
    /// <c>runbook run /srv/ops/Ops</c>): the hints at a run's end put the id and <c>--resume "…"</c> after them, so the
    /// engineer can paste them. Null: this process followed by <c>run</c> (<see cref="ProgramCommand.OfThisProcess"/>).
    /// </summary>
    internal string? RunCommand { get; init; }

    /// <summary>
    /// The host's own options a resume must be given again, as words (the <c>runbook</c> tool's <c>--incident-repo
    /// octo/ops</c>): a run journals them and its resume commands carry them (<see cref="RunnerOptions.ResumeOptions"/>);
    /// <c>runs</c> gives them to the resume command of a journal that records none (one written before they were).
    /// </summary>
    internal IReadOnlyList<string> ResumeOptions { get; init; } = [];
}
