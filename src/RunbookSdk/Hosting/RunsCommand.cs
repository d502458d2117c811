using System.ComponentModel;
using System.Globalization;
using RunbookSdk.Commands;
using RunbookSdk.Execution;
using Spectre.Console.Cli;

namespace RunbookSdk.Hosting;

/// <summary>
/// <c>runs [FOLDER] [--all]</c>: the runs journaled in a folder (default <c>.runbook-journals/</c>), newest first, one
/// line each — runbook, when and by whom it started, the last step it got to, and where it stands: finished, going on
/// now (with the runner's pid), or stopped, with the command that resumes it. The engineer taking over at shift change
/// had to know the folder the first engineer started in and read its journals by hand to find the run.
/// </summary>
internal sealed class RunsCommand(RunbookCatalog catalog, HostConsoles consoles, RunbookHostOptions hostOptions) : Command<RunsCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "[FOLDER]")]
        [Description("The folder of the journals (default: .runbook-journals in the current folder, where a run that names no journal writes one), or one journal.")]
        public string? Folder { get; set; }

        [CommandOption("--all")]
        [Description("List finished runs too (succeeded, or continued in another journal); by default only those still to finish.")]
        public bool All { get; set; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(settings.Folder ?? RunJournal.DefaultFolder);
        var masker = new SecretMasker(hostOptions.MaskedValues);
        if (!Directory.Exists(folder) && !File.Exists(folder))
        {
            if (settings.Folder is not null) return Fail(ExitCodes.Usage, $"'{masker.Mask(folder)}' does not exist.");
            // Not an error: no run was started here. Said so, with where a run writes, so the engineer looks in the right place.
            consoles.Out.WriteVerbatimLine(masker.Mask($"No runs here: '{folder}' does not exist. A run that names no journal writes one in "
                + $"{RunJournal.DefaultFolder}/ of the folder it was started in: give that folder (runs /path/{RunJournal.DefaultFolder})."));
            return ExitCodes.Success;
        }

        IReadOnlyList<ListedRun> runs;
        try
        {
            runs = RunListing.Read(folder);
        }
        catch (UnauthorizedAccessException)
        {
            // Not "no runs": it may hold the one the engineer is looking for.
            var owner = FileOwner.Of(folder);
            var whose = owner is { } known ? $"it is {known.Owner}'s (mode {known.Mode}), and " : "";
            return Fail(ExitCodes.Failure, masker.Mask($"cannot list the runs in '{folder}': {whose}you ({Environment.UserName}) may not list what it holds. "
                + $"List them as its owner{(owner is { } o ? $" (sudo -u {o.Owner} …)" : "")}, or have them share the folder (chmod g+rx, for a group you are in)."));
        }
        catch (IOException e)
        {
            return Fail(ExitCodes.Failure, masker.Mask($"cannot list the runs in '{folder}': {e.Message}"));
        }

        var shown = settings.All ? runs : runs.Where(r => r.IsUnfinished).ToArray();
        var hidden = runs.Count - shown.Count;
        if (shown.Count == 0)
        {
            var more = hidden > 0 ? $" ({hidden} finished or continued in another journal: --all lists them)" : "";
            consoles.Out.WriteVerbatimLine(masker.Mask($"No {(settings.All ? "" : "unfinished ")}runs in '{folder}'{more}."));
            return ExitCodes.Success;
        }

        var what = settings.All ? "Runs" : "Unfinished runs";
        var rest = hidden > 0 ? $"; {hidden} finished or continued in another journal not shown (--all)" : "";
        consoles.Out.WriteVerbatimLine(masker.Mask($"{what} in '{folder}', newest first{rest}:"));
        foreach (var run in shown) consoles.Out.WriteVerbatimLine(masker.Mask(Line(run, masker)));
        var webhooks = shown.Where(r => r.State is ListedRunState.Resumable && r.Journal?.WebhookHost is not null).Select(r => r.Journal!.WebhookHost!).ToArray();
        if (webhooks.Length > 0) consoles.Out.WriteVerbatimLine(masker.Mask(ResumeCommandLine.WebhookNote(webhooks)));
        if (shown.Any(r => r.State == ListedRunState.Unreadable))
            consoles.Out.WriteVerbatimLine("A journal you may not read is its run's user's alone (it holds every command's output): resume it as that user "
                + "(sudo -u USER …, with the same secrets set), or have them share it (chmod g+rx on its folder, g+r on the journal, for a group you are in) "
                + "and resume into a journal of your own (--resume JOURNAL --journal FILE).");
        return ExitCodes.Success;
    }

    /// <summary>One run: runbook, start, last step, and where it stands.</summary>
    private string Line(ListedRun run, SecretMasker masker)
    {
        var started = run.Started.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";
        if (run.Journal is not { } journal)
        {
            var when = RunListing.StartedByName(new FileInfo(run.Path)) is null ? $"last written {started}" : $"started {started} (by its name)";
            return $"{RunListing.RunbookIdByName(run.Path) ?? Path.GetFileName(run.Path)}  {when}  cannot be read: {run.Problem}; journal {run.Path}";
        }

        var by = journal.StartedBy ?? "unknown";
        if (journal.LatestOperator is { } latest && latest != journal.StartedBy) by += $" (last resumed by {latest})";
        var began = journal.StartedAsResumeOf is { } earlier ? $"resumed here {started} by {by} from {earlier}" : $"started {started} by {by}";
        return $"{journal.RunbookId}  {began}  {LastStep(journal.LastStep, run.State == ListedRunState.Running)}  {State(run, journal, masker)}";
    }

    private static string LastStep(JournaledStep? step, bool running)
    {
        if (step is null) return "no step yet";
        return $"last step {StepName(step.Key, step.Number, step.Title)}: {step.Result ?? (running ? "in progress" : "started, no result (the run stopped in it)")}";
    }

    /// <summary>A step as the page heads it (<c>1.3 'Soak'</c>), or its key when the journal says neither.</summary>
    private static string StepName(string key, string? number, string? title)
    {
        var name = string.Join(" ", new[] { number, title is { } t ? $"'{t}'" : null }.OfType<string>());
        return name.Length == 0 ? key : name;
    }

    /// <summary>
    /// As the run's own closing words say it: the phase steps the stop left undone (<c>; not reached: 1.3 'Soak', 2.1
    /// 'Scale up'</c>), then the rollback steps a failed or stopped rollback left not done (<c>; rollback not done: R.2
    /// 'Scale back'</c>), each the first <see cref="MaxNamedStepsNotReached"/> and how many more, so the line stays a line;
    /// empty when the run reached every step or its journal does not say. The line said where the run stopped, not
    /// what was left, and the engineer taking over had to open the runbook to count it.
    /// </summary>
    private string NotReached(ResumeState journal) =>
        Named("not reached", Names(journal.StepsNotReached)) + Named("rollback not done", RollbackNotDone(journal));

    private static string Named(string what, IReadOnlyList<string> names) => names.Count == 0 ? "" : $"; {what}: {Shortened(names)}";

    private static string[] Names(IReadOnlyList<StepNotReachedRecord> steps) => steps.Select(s => StepName(s.Key, s.Number, s.Title)).ToArray();

    /// <summary>
    /// The rollback steps left not done: as the journal names them for a rollback that stopped, or, for a run cut off at
    /// the rollback offer or one whose offer was declined or went unanswered (whose journal names none: the rollback never
    /// started), as the runbook names them, bound as a
    /// resume of the journal binds it — the run's own closing words named them ("Not done: rollback step(s) R.1 …"),
    /// while <c>runs</c> said only that the rollback was not run. None where the runbook is not at hand: the words stay.
    /// </summary>
    private IReadOnlyList<string> RollbackNotDone(ResumeState journal)
    {
        if (journal.RollbackStepsNotReached.Count > 0) return Names(journal.RollbackStepsNotReached);
        if (journal is not ({ LastStatus: null, EndedAtRollbackOffer: true } or { RollbackOfferNotTaken: not null })
            || BoundForResume(journal) is not { Plan.Rollback: { } rollback } bound) return [];
        return RollbackNotRun.Steps(rollback, 0).Select(bound.Secrets.Mask).ToArray();
    }

    /// <summary>The first <see cref="MaxNamedStepsNotReached"/> of <paramref name="names"/> and how many more: the line stays a line.</summary>
    private static string Shortened(IReadOnlyList<string> names)
    {
        var named = string.Join(", ", names.Take(MaxNamedStepsNotReached));
        return names.Count <= MaxNamedStepsNotReached ? named : $"{named} and {names.Count - MaxNamedStepsNotReached} more";
    }

    internal const int MaxNamedStepsNotReached = 3;

    private string State(ListedRun run, ResumeState journal, SecretMasker masker) => run.State switch
    {
        ListedRunState.Finished => $"finished: {journal.LastStatus}; journal {run.Path}",
        ListedRunState.Continued => $"continued in {run.ContinuedIn} (resume that one); journal {run.Path}",
        // As the resume's refusal says it: another run would repeat the steps beside the one going on.
        ListedRunState.Running => run.HolderPid is { } pid && LiveRunnerEnding.For(pid) is var ending
            ? $"RUNNING now (pid {pid}{ending.Whose}): let it finish, or {ending.EndIt}then resume; journal {run.Path}"
            : $"RUNNING now: let it finish, or end it (kill -TERM the runner holding '{JournalClaim.LockPath(run.Path)}': fuser names it), then resume; journal {run.Path}",
        // As the run's own closing words say it: nothing is left but the check, which a resume runs again.
        _ when journal.FailedVerificationAlone is [_, ..] failed =>
            $"stopped: Failed (every step is done; the verification failed: {string.Join("; ", failed)}; once what it found is put right, "
            + $"a resume repeats no step and runs the verification again); resume: {ResumeCommand(journal, run.Path, masker)}",
        // As the run's own closing hint says it: a bare "resume:" read as going on after the steps the rollback undid.
        _ when journal.UndoneByRollback =>
            $"{Ended(journal)} ({StillUnhealthy(journal)}the rollback undid the completed steps: a resume starts over from the first step){NotReached(journal)}; resume: {ResumeCommand(journal, run.Path, masker)}",
        _ => $"{Ended(journal)}{NotReached(journal)}; resume: {ResumeCommand(journal, run.Path, masker)}",
    };

    /// <summary>
    /// How the latest run or resume ended: its recorded status (with the rollback offer it declined or left unanswered,
    /// as its closing words say it, shortened: the rollback was not run), cut off at the rollback offer (as the resume's
    /// warning says it, shortened), or no end recorded. A run cut off at the offer read as "no end recorded", though its
    /// journal says the rollback was left undone.
    /// </summary>
    private static string Ended(ResumeState journal) => journal switch
    {
        { LastStatus: { } status, RollbackOfferNotTaken: { } answer } => $"stopped: {status}; {RollbackNotRun.NotTakenShort(answer)}",
        { LastStatus: { } status } => $"stopped: {status}",
        { EndedAtRollbackOffer: true } => RollbackNotRun.EndedAtOfferShort(journal.StoppedBeforeRollbackOffer),
        _ => "no end recorded (its runner was killed, or ended by a signal)",
    };

    /// <summary>
    /// As the run's own closing words say it: the verification after the completed rollback failed, so the system was
    /// still unhealthy — read the next morning, a bare "the rollback undid the completed steps" was a clean rollback.
    /// </summary>
    private string StillUnhealthy(ResumeState journal) => journal.FailedVerificationAfterRollback is [_, ..] failed
        ? $"{UnhealthyAfterRollback.Finding("the rollback", failed)}: {UnhealthyAfterRollback.WasStillUnhealthy}, {EscalateNow(journal)}; "
        : "";

    /// <summary>
    /// Whom to reach now, named: the levels that apply (the runbook's own, else its handbook's) as a resume of this
    /// journal binds the runbook — with the journal's parameter values, so what it says is what the resume would say —,
    /// masked with the runbook's secrets. "Every level of the runbook's escalation" alone sent the engineer reading
    /// <c>runs</c> to the runbook's page to find whom. Unnamed where the levels are not at hand: a runbook this app
    /// does not have, or one that cannot be prepared from the journal's values (listing every run matters more).
    /// </summary>
    private string EscalateNow(ResumeState journal)
    {
        if (BoundForResume(journal) is not { } bound) return UnhealthyAfterRollback.EscalateToEveryLevel;
        var levels = bound.Escalation.Levels.Select(level => bound.Secrets.Mask(UnhealthyAfterRollback.Level(level))).ToArray();
        return levels.Length == 0 ? UnhealthyAfterRollback.EscalateToEveryLevel : UnhealthyAfterRollback.EscalateToEveryLevelNamed(Shortened(levels));
    }

    /// <summary>
    /// The journal's runbook bound as a resume of it binds it (with the journal's parameter values); null for a runbook
    /// this app does not have, or one that cannot be prepared from the journal's values (listing every run matters more).
    /// </summary>
    private RunContext? BoundForResume(ResumeState journal)
    {
        if (journal.RunbookId is not { } id || catalog.FindRunbook(id) is not { } runbook) return null;
        try
        {
            return RunContext.BindForResume(catalog, runbook, new Dictionary<string, string>(), journal);
        }
        catch (Exception)
        {
            // The runbook's own Define, or a value the journal holds that no longer binds: the caller's generic words stay true.
            return null;
        }
    }

    /// <summary>
    /// The command that resumes it, to paste, as the run's own closing hint gives it: this program (or the tool that
    /// forwarded here), the runbook and the journal, masked before it is quoted (a quoted <c>$</c> would hide a secret
    /// from the masking). A runbook this app does not have is resumed with the app that has it.
    /// </summary>
    /// <remarks>
    /// It carries what the journal records the run was started with that a resume needs again — the tool's
    /// <c>--incident-repo</c>, a <c>--webhook</c> — as the run's own hint does (<see cref="ResumeCommandLine"/>); a journal
    /// that records no host options (written before they were) takes the ones this <c>runs</c> was given. Options of
    /// the tool are no options of this app's own <c>run</c>: listed by the app, such a run is resumed through the tool.
    /// </remarks>
    private string ResumeCommand(ResumeState journal, string path, SecretMasker masker)
    {
        var options = journal.ResumeOptions.Count > 0 ? journal.ResumeOptions : hostOptions.ResumeOptions;
        var throughTool = hostOptions.RunCommand is null && options.Count > 0;
        var runCommand = throughTool ? $"runbook run {ProgramCommand.Word(ProgramCommand.EntryAssembly() ?? "APP")}" : ProgramCommand.RunOf(hostOptions) ?? "run";
        var command = ResumeCommandLine.For(runCommand, journal.RunbookId!, masker.Mask(path), options, journal.WebhookHost);
        if (catalog.FindRunbook(journal.RunbookId!) is null)
            return $"run {ResumeCommandLine.For("", journal.RunbookId!, masker.Mask(path), options, journal.WebhookHost).TrimStart()} with the app that has runbook '{journal.RunbookId}' (this one has none of that id)";
        // Said before the command, which is the line's last words: pasted whole, a remark after it was a syntax error.
        return throughTool ? $"through the runbook tool, which keeps the run's incident issue (this app's own run does not take {options[0]}): {command}" : command;
    }

    private int Fail(int exitCode, string message)
    {
        consoles.Error.WriteVerbatimLine($"error: {message}");
        return exitCode;
    }
}
