using System.Text.Json;
using System.Text.RegularExpressions;

namespace RunbookSdk.Execution;

/// <summary>
/// What an earlier run's journal says: which runbook, when the incident started, the parameter values it showed,
/// and which steps completed (succeeded, or skipped by an operator's decision, or not repeated by a resumed run). A
/// line cut by a crash is ignored, as is a line that holds no event.
/// </summary>
public sealed partial class ResumeState
{
    private ResumeState(string path) => Path = path;

    /// <summary>The journal read.</summary>
    public string Path { get; }

    /// <summary>The runbook the journal belongs to.</summary>
    public string? RunbookId { get; private set; }

    /// <summary>When the first run of the journal started: the incident clock keeps counting from there.</summary>
    public DateTimeOffset? IncidentStart { get; private set; }

    /// <summary>
    /// Parameter values as the latest run or resume of the run being continued recorded them — what a resume takes
    /// for the parameters not given again (secrets appear masked and are never reused).
    /// </summary>
    public IReadOnlyDictionary<string, string> Parameters { get; private set; } = new Dictionary<string, string>();

    /// <summary>Keys of steps (phases and rollback) recorded as completed.</summary>
    public IReadOnlySet<string> CompletedSteps => _completed;

    /// <summary>Keys of steps that started but have no result: the run stopped during them.</summary>
    public IReadOnlySet<string> UnfinishedSteps => _started;

    /// <summary>
    /// Keys of the steps of the phases some run of the journal started (whatever their result): the system may have
    /// been changed, so a rollback has something to undo. A step stopped at its question never started.
    /// </summary>
    internal IReadOnlySet<string> PhaseStepsStarted => _phaseStepsStarted;

    /// <summary>
    /// How the journal's latest run or resume ended (<c>run-finished</c>'s <c>status</c>: <c>Succeeded</c>,
    /// <c>Failed</c>, …); null when it has no end (the runner was killed) or the journal predates it.
    /// </summary>
    public string? LastStatus { get; private set; }

    /// <summary>
    /// The phase steps the journal's latest run or resume never reached (its <c>run-finished</c>'s <c>notReached</c>),
    /// in order: what the stop left undone, which <c>runs</c> names beside where the run stopped. Empty when that run
    /// reached every step or the journal predates the field. A resume with no end (its runner was killed) wrote none:
    /// the earlier run's list stands, less the steps the resume reached, which no run since has (its records say so).
    /// </summary>
    internal IReadOnlyList<StepNotReachedRecord> StepsNotReached { get; private set; } = [];

    /// <summary>
    /// The rollback steps the journal's latest run or resume left not done, in order, which <c>runs</c> names beside the
    /// phase steps not reached: a failed <c>rollback-finished</c>'s <c>notReached</c> (those after the rollback step that
    /// failed), or a stopped one's <c>notRun</c> (the step the operator said no to, or whose question went unanswered,
    /// and those after it). Empty when that run's rollback completed or did not run, failed at its last step, or the
    /// journal predates the field. A resume with no end (its runner was killed) leaves the earlier run's list standing,
    /// less the rollback steps it completed; none once its rollback completed.
    /// </summary>
    internal IReadOnlyList<StepNotReachedRecord> RollbackStepsNotReached { get; private set; } = [];

    /// <summary>
    /// The checks the latest run's verification failed (<c>verification-finished</c>'s <c>failures</c>, each the step's
    /// title and why) when they alone failed it: it ended <c>Failed</c> and no phase or rollback step of it stopped short
    /// of success. Empty otherwise. <c>runs</c> says so, as the run's own closing words do.
    /// </summary>
    internal IReadOnlyList<string> FailedVerificationAlone =>
        LastStatus == nameof(RunStatus.Failed) && !_stepStoppedInLatestRun ? _verificationFailures : [];

    /// <summary>
    /// Whether a rollback of the journal completed and no phase step completed since: what the steps did was undone, so
    /// a resume starts over from the first step. <c>runs</c> and a resume given other values say so, as the run's own
    /// closing hint does; they read as if a resume continued after steps the rollback had undone.
    /// </summary>
    internal bool UndoneByRollback { get; private set; }

    /// <summary>
    /// The checks that failed in the verification that followed the latest run's completed rollback
    /// (<c>verification-finished</c>'s <c>failures</c> after <c>rollback-finished</c> <c>succeeded</c>), while a resume
    /// starts over (<see cref="UndoneByRollback"/>): the rollback did not bring the system back. Empty when that
    /// verification passed, when the run did not get to it, or the journal does not record it. <c>runs</c> says so, as
    /// the run's own closing words do; a bare "the rollback undid the completed steps" read as a clean rollback.
    /// </summary>
    internal IReadOnlyList<string> FailedVerificationAfterRollback => UndoneByRollback ? _failuresAfterRollback : [];

    /// <summary>
    /// Whether the journal's latest run or resume ended at the rollback offer (a SIGTERM, SIGHUP or second Ctrl+C while
    /// it asked: its <c>choice</c> about the rollback is <c>interrupted</c>): the rollback was not run. A resume runs the
    /// step that stopped the run again and offers the rollback again; it and its dry run say so before the first step.
    /// </summary>
    internal bool EndedAtRollbackOffer { get; private set; }

    /// <summary>
    /// The phase step that stopped the run ended at the rollback offer (<c>1.1 'Deploy'</c>, as the journal numbers and
    /// masks it), which a resume runs again; null when the run was not ended there, or stopped between two steps.
    /// </summary>
    internal string? StoppedBeforeRollbackOffer { get; private set; }

    /// <summary>
    /// Whether the journal's latest run or resume was offered the rollback and did not take it: the operator declined it
    /// (its <c>choice</c> about the rollback is <c>no-rollback</c>) or nobody could answer (<c>unanswered</c>); null when
    /// it was taken, not offered, or cut off (<see cref="EndedAtRollbackOffer"/>). <c>runs</c> says so and names the
    /// rollback steps not done, as the run's closing words do; it read only "stopped: Aborted".
    /// </summary>
    internal RollbackOfferAnswer? RollbackOfferNotTaken { get; private set; }

    // The latest run's rollback completed and its verification has not finished yet: the next verification-finished is the one after it.
    private bool _verifyingAfterRollback;
    private IReadOnlyList<string> _failuresAfterRollback = [];

    // Whether the latest run journaled its rollback's end: when it ends, its rollback steps not done are its own word,
    // and a run that did not get to the rollback left none (it did not stop, or stopped with no rollback offered).
    private bool _rollbackEndedInLatestRun;

    // The latest run's verification failures, and whether a phase or rollback step of it failed, aborted or was interrupted.
    private IReadOnlyList<string> _verificationFailures = [];
    private bool _stepStoppedInLatestRun;

    /// <summary>
    /// The runners that wrote the journal, as their shell steps marked what they started (<c>processMark</c>, in the
    /// runner's <c>session</c>): what one of them left running when it was killed is still findable by that mark.
    /// </summary>
    internal IReadOnlyList<(string Mark, int Session)> EarlierRunners => _runners;

    /// <summary>
    /// When each wait an earlier run started (by step key and action position, <c>key#n</c>) was due to end: a wait the
    /// run died in continues for the rest of its time, not all of it again.
    /// </summary>
    public IReadOnlyDictionary<string, DateTimeOffset> WaitsUntil => _waits;

    /// <summary>
    /// When each of those waits first started (the time of its first <c>wait-started</c>): a resume given another
    /// duration (<c>WaitSecs=60</c> after a 10-second wait died) waits from then for as long as it now says.
    /// </summary>
    internal IReadOnlyDictionary<string, DateTimeOffset> WaitsStarted => _waitStarts;

    /// <summary>
    /// Requests that are not idempotent (POST, PATCH: any method but GET, HEAD, PUT, DELETE, OPTIONS and TRACE) that
    /// the earlier run sent in a step it has no result for — it died during the step, or was interrupted in it — by
    /// step key. They may have reached the server, and running the step again sends them again: that needs the
    /// engineer's decision (<see cref="RunnerOptions.ResendRequests"/>).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<SentRequest>> SentRequests =>
        _sent.Where(s => s.Value.Any(r => !r.Settled) && !_completed.Contains(s.Key))
            .ToDictionary(s => s.Key, s => (IReadOnlyList<SentRequest>)s.Value.Where(r => !r.Settled).ToArray(), StringComparer.Ordinal);

    /// <summary>
    /// Every attempt of the requests of <see cref="SentRequests"/> for the step <paramref name="key"/> in the order sent,
    /// those settled too (answered in full in a failed step): the question counts all sent and says how the last sent
    /// ended. Empty when the step has nothing to ask about.
    /// </summary>
    internal IReadOnlyList<SentRequest> AttemptsSentIn(string key) =>
        _sent.TryGetValue(key, out var sent) && sent.Any(r => !r.Settled) && !_completed.Contains(key) ? sent.ToArray() : [];

    /// <summary>
    /// Shell commands the earlier run started in a step it has no result for — it died during the step, or was
    /// interrupted in it — by step key, with their exit code when they ended before the step did. One that changes
    /// things (in a step marked destructive, or sending a POST: <c>curl -X POST …</c>), and one that did not finish,
    /// may have taken effect, and running the step again runs it again: the runner asks for the engineer's decision
    /// then, as for a request that is not idempotent (<see cref="RunnerOptions.ResendRequests"/>).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<StartedCommand>> StartedCommands =>
        _commands.Where(s => s.Value.Count > 0 && !_completed.Contains(s.Key)).ToDictionary(s => s.Key, s => (IReadOnlyList<StartedCommand>)s.Value.ToArray(), StringComparer.Ordinal);

    /// <summary>
    /// C# code (<c>Execute(...)</c>, by its description) the earlier run started and did not see finish — it died during
    /// it, or the code was interrupted or left running — in a step it has no result for, by step key. Code is opaque: it
    /// may have done its work, and running the step again runs it again, so the runner asks for the engineer's decision
    /// (<see cref="RunnerOptions.ResendRequests"/>). Empty for a journal written before <c>code-starting</c> existed.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> UnfinishedCode =>
        _code.Where(s => s.Value.Any(c => !c.Finished) && !_completed.Contains(s.Key))
            .ToDictionary(s => s.Key, s => (IReadOnlyList<string>)s.Value.Where(c => !c.Finished).Select(c => c.Code).ToArray(), StringComparer.Ordinal);

    /// <summary>
    /// Notifications the earlier run posted to the webhook (it answered with a success status) in a step it has no
    /// result for — it died during the step, or was interrupted in it — by step key and action position
    /// (<c>key#n</c>), with when. The message is in the channel already: running the step again does not post it a
    /// second time, which told the channel (and the customers reading it) the same news twice.
    /// </summary>
    internal IReadOnlyDictionary<string, DateTimeOffset> PostedNotifications =>
        _posted.Where(s => !_completed.Contains(s.Key)).SelectMany(s => s.Value.Select(p => ($"{s.Key}#{p.Key}", p.Value)))
            .ToDictionary(p => p.Item1, p => p.Value, StringComparer.Ordinal);

    /// <summary>
    /// Outputs C# code set (<c>SetOutput</c>), by step key, in the order journaled; a value that held a secret is
    /// journaled masked and cannot be given back.
    /// </summary>
    internal IReadOnlyList<JournaledOutput> Outputs => _outputs;

    /// <summary>
    /// When the journal's run first recorded each escalation notice (by its message, as journaled) and each phase's
    /// time-box overrun (by the phase's name): the resumed run announces what is due again, for the engineer now at the
    /// keyboard, and marks it as announced before, so the record does not read as a second escalation.
    /// </summary>
    internal IReadOnlyDictionary<string, DateTimeOffset> EscalationsAnnounced => _escalations;

    /// <inheritdoc cref="EscalationsAnnounced"/>
    internal IReadOnlyDictionary<string, DateTimeOffset> TimeBoxesExceeded => _timeBoxes;

    /// <summary>
    /// How each completed step (<see cref="CompletedSteps"/>) completed: done or skipped, why, by whom and when. The
    /// engineer taking over reads it where the resume passes the step by: a decision's option not chosen was shown as
    /// "already completed", which read as if it had run.
    /// </summary>
    internal IReadOnlyDictionary<string, CompletedStep> Completions => _completions;

    /// <summary>
    /// When the run being continued (the latest started afresh on the journal, or the resume that began it) started:
    /// its <c>run-started</c>'s time. Null when the journal does not say.
    /// </summary>
    internal DateTimeOffset? StartedAt { get; private set; }

    /// <summary>The operating-system user who started that run (its <c>run-started</c>'s <c>operator</c>).</summary>
    internal string? StartedBy { get; private set; }

    /// <summary>
    /// The journal whose run the journal's first record resumed (a resume given <c>--journal</c>), as journaled: the run
    /// began there, and <see cref="StartedAt"/> is when it was resumed here. Null for a run started in this journal.
    /// </summary>
    internal string? StartedAsResumeOf { get; private set; }

    /// <summary>
    /// The host's options the latest run or resume was given that a resume needs again (<c>resumeOptions</c>: the
    /// <c>runbook</c> tool's <c>--incident-repo</c>), as words; empty when it was given none, or the journal predates them.
    /// </summary>
    internal IReadOnlyList<string> ResumeOptions { get; private set; } = [];

    /// <summary>
    /// The host of the <c>--webhook</c> the latest run or resume posted to (<c>webhookHost</c>; its path is not
    /// recorded), or null.
    /// </summary>
    internal string? WebhookHost { get; private set; }

    /// <summary>The operating-system user of the latest run or resume of it: who touched it last.</summary>
    internal string? LatestOperator => _operator;

    /// <summary>
    /// The journals this run was resumed from into this one (<c>resumedFrom</c> of its runs, as journaled: full paths,
    /// masked): each of them is continued here, and resuming it would repeat what this journal records. With the file's
    /// identity where the resume journaled it (<c>resumedFromFile</c>), so a journal reached through a link or moved
    /// since is still known.
    /// </summary>
    internal IReadOnlyList<ResumedJournal> ResumedFrom => _resumedFrom;

    /// <summary>
    /// The phase or rollback step the run recorded last — started, finished or not repeated —: how far it got. Null
    /// before any step. Verification steps are not counted: they run after the steps whatever became of them.
    /// </summary>
    internal JournaledStep? LastStep { get; private set; }

    /// <summary>
    /// What the shell commands of the step <paramref name="key"/> left running in the background in the latest run of it
    /// that the run did not see end on its own: stopped or killed when that run ended (a Ctrl+C, a failed step), or lost
    /// with a runner that was killed. A resume that passes the step by as completed starts them again: the steps after it
    /// count on them (a wait that "the watch shows health turning green"). Empty once the step runs again, or the
    /// rollback undid it.
    /// </summary>
    internal IReadOnlyList<LeftInBackground> BackgroundLeftBy(string key) =>
        _backgrounds.TryGetValue(key, out var left) ? [.. left.Values.OrderBy(b => b.Action)] : [];

    // Per step key, by action position: the commands whose background the run did not see end on its own.
    private readonly Dictionary<string, Dictionary<int, LeftInBackground>> _backgrounds = new(StringComparer.Ordinal);
    // Per step key, the action position of its command-starting read last: the command the next shell action ends.
    private readonly Dictionary<string, int> _startingAction = new(StringComparer.Ordinal);

    private readonly List<ResumedJournal> _resumedFrom = [];
    private readonly Dictionary<string, CompletedStep> _completions = new(StringComparer.Ordinal);

    /// <summary>
    /// The <c>OneOf</c> decisions the run made, by the decision's title (case and surrounding spaces ignored): the option it
    /// took, by whom and when. A resume given <c>--choose</c> for a decision the journal made says which answer stands.
    /// </summary>
    internal IReadOnlyDictionary<string, RecordedDecision> Decisions => _decisions;

    private readonly Dictionary<string, RecordedDecision> _decisions = new(StringComparer.OrdinalIgnoreCase);
    // The operating-system user of the latest run or resume read so far: who did what its records say.
    private string? _operator;
    private readonly Dictionary<string, DateTimeOffset> _escalations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _timeBoxes = new(StringComparer.Ordinal);
    private readonly List<JournaledOutput> _outputs = [];
    private readonly List<(string Mark, int Session)> _runners = [];
    private readonly Dictionary<string, DateTimeOffset> _waits = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _waitStarts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _completed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _started = new(StringComparer.Ordinal);
    private readonly HashSet<string> _phaseStepsStarted = new(StringComparer.Ordinal);
    // Per step key, the non-idempotent requests its last attempt sent.
    private readonly Dictionary<string, List<SentRequest>> _sent = new(StringComparer.Ordinal);
    // Per step key, the shell commands its last run started.
    private readonly Dictionary<string, List<StartedCommand>> _commands = new(StringComparer.Ordinal);
    // Per step key, the C# code its last run started, and whether it finished.
    private readonly Dictionary<string, List<(string Code, bool Finished)>> _code = new(StringComparer.Ordinal);
    // Per step key, the notifications its last attempt posted to the webhook (by action position), and when.
    private readonly Dictionary<string, Dictionary<int, DateTimeOffset>> _posted = new(StringComparer.Ordinal);
    // Per step key, the notification journaled last, whose webhook answer follows it.
    private readonly Dictionary<string, (int Action, DateTimeOffset At)> _notifying = new(StringComparer.Ordinal);
    // Every step key the journal names, and in the order first named.
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private readonly List<string> _keyOrder = [];

    /// <summary>Reads a journal.</summary>
    /// <param name="path">The journal file.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file holds no run of a runbook.</exception>
    public static ResumeState Read(string path)
    {
        var state = new ResumeState(System.IO.Path.GetFullPath(path));
        // A resume given --journal OTHER wrote to OTHER what it did and the steps it passed by, not all it knew: the
        // decision a OneOf made, a background an earlier runner left running, when a wait began, a command started in a
        // step with no result. What OTHER continues is read first, up to the resume, as if one journal held it all.
        foreach (var (earlier, resumedAt) in EarlierJournals(state.Path))
        {
            try
            {
                state.ReadRecords(earlier, resumedAt);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Unreadable since its first lines were: the records read so far stand, OTHER's own follow.
                break;
            }
        }
        if (state.RunbookId is not null)
        {
            // The run is listed as begun here, and continues only the journals this one names.
            state._headerFromNextRun = true;
            state._resumedFrom.Clear();
        }
        var unread = state.ReadRecords(path, before: null);
        if (state.RunbookId is null)
        {
            var damaged = state._damagedLines.Concat(unread is { } last ? [last] : []).ToArray();
            throw new InvalidDataException(damaged.Length == 0
                ? $"'{path}' is not a runbook journal: it records no run."
                : $"'{path}' records no run that can be read: {DescribeLines(damaged)} not a complete event; the run-started that begins a run may be what it held.");
        }
        return state;
    }

    // The first run-started of the file read next retakes StartedAt, StartedBy and StartedAsResumeOf: the journals it
    // continues were read before it.
    private bool _headerFromNextRun;

    /// <summary>
    /// The journals whose run the journal at <paramref name="path"/> continues, the earliest first, each with when the
    /// resume into the next one began (its records from then on are another resume's): followed from the first
    /// <c>run-started</c>'s <c>resumedFrom</c> while that names a readable file that is still the one resumed (its
    /// <c>resumedFromFile</c>, where recorded) and not one already followed. A journal gone, moved or masked ends the chain.
    /// </summary>
    private static IReadOnlyList<(string Path, DateTimeOffset ResumedAt)> EarlierJournals(string path)
    {
        var chain = new List<(string, DateTimeOffset)>();
        var followed = new HashSet<string>(StringComparer.Ordinal) { path };
        for (var current = path; FirstRunStarted(current) is { } first;)
        {
            if (Text(first, "resumedFrom") is not { } from || Time(first) is not { } resumedAt
                || from.Contains(SecretMasker.Replacement, StringComparison.Ordinal) || !System.IO.Path.IsPathFullyQualified(from)
                || !File.Exists(from) || !followed.Add(System.IO.Path.GetFullPath(from)))
                break;
            if (Text(first, "resumedFromFile") is { } recorded && FileIdentity.Of(from) is { } now && now != recorded) break;
            chain.Insert(0, (from, resumedAt));
            current = from;
        }
        return chain;
    }

    private static JsonElement? FirstRunStarted(string path)
    {
        try
        {
            foreach (var line in File.ReadLines(path))
            {
                if (string.IsNullOrWhiteSpace(line)) continue;
                try
                {
                    using var document = JsonDocument.Parse(line);
                    if (IsRunStarted(document.RootElement)) return document.RootElement.Clone();
                }
                catch (JsonException)
                {
                    // A cut or damaged line: the run-started may follow.
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not readable (another user's, gone since): what this journal holds is all there is.
        }
        return null;
    }

    /// <summary>
    /// Applies the records of <paramref name="path"/>; with <paramref name="before"/>, those of an earlier journal written
    /// before then, whose damage is not this journal's to name. Returns the line a crash cut last, if any.
    /// </summary>
    private int? ReadRecords(string path, DateTimeOffset? before)
    {
        // A line that is not JSON is where a crash cut the run's last event: the journal's last line, or the line just
        // before the run-started of the run that resumed it. Any other is damage — an edit, a bad disk, two files
        // joined — and what it held (a step's result, a POST sent) is unknown to the resume: it is named, not hidden.
        int? unread = null;
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(line);
            }
            catch (JsonException)
            {
                if (unread is { } earlier && before is null) _damagedLines.Add(earlier);
                unread = number;
                continue;
            }
            using (document)
            {
                if (unread is { } cut && !IsRunStarted(document.RootElement) && before is null) _damagedLines.Add(cut);
                unread = null;
                // A line that is JSON but no event (an operator's note) is not the runner's either.
                if (document.RootElement.ValueKind != JsonValueKind.Object) continue;
                if (before is { } end && Time(document.RootElement) is { } at && at > end) break;
                Apply(document.RootElement);
            }
        }
        return unread;
    }

    /// <summary>
    /// Lines (1-based) that are not a complete event and are not where a crash cut a run's last one: damage. Whatever
    /// they recorded is not known to the resume (a step completed there runs again; a POST sent there is not asked about).
    /// </summary>
    public IReadOnlyList<int> DamagedLines => _damagedLines;

    private readonly List<int> _damagedLines = [];

    /// <summary>"line 7 is" or "lines 7, 9 are".</summary>
    internal static string DescribeLines(IReadOnlyList<int> lines) =>
        lines.Count == 1 ? $"line {lines[0]} is" : $"lines {string.Join(", ", lines)} are";

    private static bool IsRunStarted(JsonElement e) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty("event", out var name) && name.ValueKind == JsonValueKind.String && name.GetString() == "run-started";

    /// <summary>
    /// The key this journal holds for a step: <paramref name="maskedKey"/>, as this run masks it, when the journal has
    /// it; else a key the journal masked otherwise that stands for <paramref name="clearKey"/> — a secret whose value
    /// changed since (a password rotated mid-incident) hid another part of the title, or this run's value hides a part
    /// the journal shows. Each <c>***</c> in a journal key stands for the text a secret's value took there. The clear
    /// key is only compared, never returned or written.
    /// </summary>
    /// <param name="maskedKey">The step's key masked with this run's secrets.</param>
    /// <param name="clearKey">The same key in clear.</param>
    internal string KeyFor(string maskedKey, string clearKey)
    {
        if (_keys.Contains(maskedKey)) return maskedKey;
        // The latest record first: a journal resumed before may hold the step under more than one masking.
        for (var i = _keyOrder.Count - 1; i >= 0; i--)
        {
            if (StandsFor(_keyOrder[i], clearKey)) return _keyOrder[i];
        }

        return maskedKey;
    }

    /// <summary>Whether <paramref name="masked"/> is <paramref name="clear"/> with some parts replaced by <c>***</c>.</summary>
    private static bool StandsFor(string masked, string clear)
    {
        var parts = masked.Split([SecretMasker.Replacement], StringSplitOptions.None);
        if (parts.Length == 1) return masked == clear;
        if (!clear.StartsWith(parts[0], StringComparison.Ordinal) || !clear.EndsWith(parts[^1], StringComparison.Ordinal)
            || clear.Length < parts.Sum(p => p.Length) + parts.Length - 1) return false;

        // Each hidden part is at least one character; the parts between them in order, as early as they fit.
        var position = parts[0].Length + 1;
        for (var i = 1; i < parts.Length - 1; i++)
        {
            var found = clear.IndexOf(parts[i], position, StringComparison.Ordinal);
            if (found < 0) return false;
            position = found + parts[i].Length + 1;
        }

        return position <= clear.Length - parts[^1].Length;
    }

    private void Remember(string? key)
    {
        if (key is not null && _keys.Add(key)) _keyOrder.Add(key);
    }

    private void Apply(JsonElement e)
    {
        var name = Text(e, "event");
        if (name is not "run-started") Remember(Text(e, "key"));
        NoteLastStep(name, e);
        NoteReachedSince(name, e);
        // A phase or rollback step that stopped short of success: the verification did not fail the run alone.
        if (name == "step-finished" && Text(e, "key") is { } finished && !finished.StartsWith("verification/", StringComparison.Ordinal)
            && Text(e, "result") is not ("succeeded" or "skipped"))
            _stepStoppedInLatestRun = true;
        switch (name)
        {
            case "run-finished":
                LastStatus = Text(e, "status");
                StepsNotReached = StepRecords(e, "notReached");
                if (!_rollbackEndedInLatestRun) RollbackStepsNotReached = [];
                break;
            case "verification-finished":
                _verificationFailures = e.TryGetProperty("failures", out var failures) && failures.ValueKind == JsonValueKind.Array
                    ? failures.EnumerateArray().Where(f => f.ValueKind == JsonValueKind.String).Select(f => f.GetString()!).ToArray()
                    : [];
                if (_verifyingAfterRollback) _failuresAfterRollback = _verificationFailures;
                _verifyingAfterRollback = false;
                break;
            case "run-started" when Text(e, "runbook") is { } runbook:
                LastStatus = null;
                // The earlier run's end: this one may run the rollback, or never get to the offer.
                EndedAtRollbackOffer = false;
                StoppedBeforeRollbackOffer = null;
                RollbackOfferNotTaken = null;
                // The earlier run's stand until this one says otherwise when it ends: a resume killed before it ended
                // wrote no list of its own, and its steps not reached were none (runs named nothing left to do). A run
                // started afresh on the journal is a run of its own: the earlier run's are not its work.
                if (Text(e, "resumedFrom") is null)
                {
                    StepsNotReached = [];
                    RollbackStepsNotReached = [];
                }
                _rollbackEndedInLatestRun = false;
                _verificationFailures = [];
                _verifyingAfterRollback = false;
                _failuresAfterRollback = [];
                _stepStoppedInLatestRun = false;
                _operator = Text(e, "operator");
                // Every runner, a run started afresh on the journal too: what any of them left running is the engineer's to know of.
                if (Text(e, "processMark") is { } mark && e.TryGetProperty("session", out var session) && session.ValueKind == JsonValueKind.Number && session.TryGetInt32(out var sessionId))
                    _runners.Add((mark, sessionId));
                // A run started afresh with --journal on a journal that holds an earlier run is a run of its own: what the
                // earlier run completed is not this run's work (its Deploy never ran, yet a resume skipped it as done).
                if (RunbookId is not null && Text(e, "resumedFrom") is null) StartOver();
                if (RunbookId is null || _headerFromNextRun)
                {
                    _headerFromNextRun = false;
                    RunbookId = runbook;
                    StartedAt = Time(e);
                    StartedBy = _operator;
                    StartedAsResumeOf = Text(e, "resumedFrom");
                    if (Text(e, "incidentStart") is { } start && DateTimeOffset.TryParse(start, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var at))
                        IncidentStart = at;
                }
                if (Text(e, "resumedFrom") is { } resumedFrom) _resumedFrom.Add(new ResumedJournal(resumedFrom, Text(e, "resumedFromFile"), Time(e)));
                // The latest run's; a resume that was given none (typed by hand, or by the app's own run, which takes no
                // --incident-repo) keeps what the run was started with: the issue is still the run's, and the next resume
                // should continue it. A run started afresh on the journal starts from its own.
                var fresh = Text(e, "resumedFrom") is null;
                if (e.TryGetProperty("resumeOptions", out var options) && options.ValueKind == JsonValueKind.Array)
                    ResumeOptions = options.EnumerateArray().Where(o => o.ValueKind == JsonValueKind.String).Select(o => o.GetString()!).ToArray();
                else if (fresh) ResumeOptions = [];
                if (Text(e, "webhookHost") is { } webhookHost) WebhookHost = webhookHost;
                else if (fresh) WebhookHost = null;
                // The latest run's values: a resume that was given Version=1.0.0 again ran with it, and a second resume
                // went back to the first run's 2.0.0-bad without a word.
                if (e.TryGetProperty("parameters", out var parameters) && parameters.ValueKind == JsonValueKind.Object)
                {
                    var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                    foreach (var p in parameters.EnumerateObject())
                        if (p.Value.ValueKind == JsonValueKind.String) values[p.Name] = p.Value.GetString()!;
                    Parameters = values;
                }
                break;
            case "step-started" when Text(e, "key") is { } key:
                _started.Add(key);
                // Any section but the two that follow the phases: a section the journal does not name counts as a phase.
                if (Text(e, "section") is not ("rollback" or "verification")) _phaseStepsStarted.Add(key);
                _sent[key] = [];
                _commands[key] = [];
                _code[key] = [];
                _posted.Remove(key);
                _notifying.Remove(key);
                _backgrounds.Remove(key);
                break;
            case "notification" when Text(e, "key") is { } key && Number(e, "action") is { } position && Time(e) is { } at:
                // A resumed run that did not post it again journals when it was posted: a later resume knows it too.
                if (Text(e, "postedBefore") is { } before && DateTimeOffset.TryParse(before, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var first))
                    Posted(key)[position] = first;
                else _notifying[key] = (position, at);
                break;
            case "action" when Text(e, "kind") == "webhook" && Text(e, "key") is { } key && Number(e, "status") is >= 200 and <= 299
                && _notifying.Remove(key, out var notified):
                Posted(key)[notified.Action] = notified.At;
                break;
            case "command-starting" when Text(e, "key") is { } key && Text(e, "command") is { } command:
                Commands(key).Add(new StartedCommand(command, null) { Attempt = Number(e, "attempt") ?? 1 });
                _startingAction[key] = Number(e, "action") ?? 0;
                break;
            case "action" when Text(e, "kind") == "shell" && Text(e, "key") is { } key && Text(e, "command") is { } command
                && e.TryGetProperty("leftRunning", out var leftRunning) && leftRunning.ValueKind == JsonValueKind.Array && leftRunning.GetArrayLength() > 0:
                NoteCommandEnded(e, key, command);
                var leftBy = _startingAction.GetValueOrDefault(key);
                (_backgrounds.TryGetValue(key, out var leftOfStep) ? leftOfStep : _backgrounds[key] = [])[leftBy] = new LeftInBackground(leftBy, Number(e, "attempt") ?? 1, command);
                break;
            // Ended before the run stopped it (its port-forward died, a later step stopped it), or held by something the
            // runner does not stop (started detached): starting it again is not the resume's to do.
            case "background-output" when Text(e, "key") is { } key && Text(e, "ended") is "on-its-own" or "still-open" && _backgrounds.TryGetValue(key, out var backgroundOfStep):
                var outputAttempt = Number(e, "attempt") ?? 1;
                var outputAction = Number(e, "action");
                foreach (var gone in backgroundOfStep.Values.Where(b => b.Attempt == outputAttempt && (outputAction is not { } a || b.Action == a)).ToArray()) backgroundOfStep.Remove(gone.Action);
                break;
            case "action" when Text(e, "kind") == "shell" && Text(e, "key") is { } key && Text(e, "command") is { } command:
                NoteCommandEnded(e, key, command);
                break;
            case "code-starting" when Text(e, "key") is { } key && Text(e, "code") is { } description:
                CodeOf(key).Add((description, false));
                break;
            case "action" when Text(e, "kind") == "delegate" && Text(e, "key") is { } key && Text(e, "code") is { } ended:
                // The end of the code announced just before: it finished unless it was interrupted or left running.
                var ran = CodeOf(key);
                if (ran.Count > 0 && ran[^1] is { Finished: false } last && last.Code == ended && !IsTrue(e, "interrupted") && !IsTrue(e, "abandoned"))
                    ran[^1] = (ended, true);
                break;
            case "request-sending" when Text(e, "key") is { } key && Text(e, "request") is { } request:
                Sent(key).Add(new SentRequest(request, null) { Attempt = Number(e, "attempt") ?? 1 });
                break;
            case "action" when Text(e, "kind") == "http" && Text(e, "key") is { } key && Text(e, "request") is { } request
                && !HttpMethods.IsIdempotent(request.Split(' ')[0]):
                // The answer to the request announced just before; a journal written before request-sending existed has only this.
                var sent = Sent(key);
                // Failed before it left (no name, no connection): nothing reached the server, whatever became of the step.
                if (IsTrue(e, "neverSent"))
                {
                    if (sent.Count > 0 && sent[^1] is { Status: null } unsent && unsent.Request == request) sent.RemoveAt(sent.Count - 1);
                    break;
                }
                var status = e.TryGetProperty("status", out var code) && code.ValueKind == JsonValueKind.Number ? code.GetInt32() : (int?)null;
                var unknown = IsTrue(e, "outcomeUnknown");
                if (sent.Count > 0 && sent[^1] is { Status: null } answered && answered.Request == request) sent[^1] = answered with { Status = status, OutcomeUnknown = unknown };
                else sent.Add(new SentRequest(request, status) { OutcomeUnknown = unknown, Attempt = Number(e, "attempt") ?? 1 });
                break;
            // Only a decision made: one interrupted, refused or unanswered took no option.
            case "choice" when Text(e, "about") == "alternative" && Text(e, "group") is { } group
                && Text(e, "choice") is { } option and not ("interrupted" or "refused" or "unanswered"):
                _decisions[group.Trim()] = new RecordedDecision(option, Number(e, "option"), Text(e, "by"), _operator, Time(e));
                break;
            // A step stopped at its question before it started (started: false) changed nothing: what an earlier
            // attempt left unconfirmed (a POST it sent, a command it started) is still to be asked about.
            case "step-finished" when Text(e, "key") is not null && e.TryGetProperty("started", out var startedAt) && startedAt.ValueKind == JsonValueKind.False:
                break;
            case "step-finished" when Text(e, "key") is { } key:
                _started.Remove(key);
                // Interrupted (Ctrl+C) in a request: it may have reached the server as surely as when the run died.
                if (Text(e, "result") != "interrupted")
                {
                    // A step failed by a POST whose answer the run did not see whole (a time-out, a connection lost
                    // after it left) may have done its work all the same: a failover that took 45 s of a 30-s limit.
                    // Kept, settled, not dropped: they are still attempts sent, which the question counts.
                    if (_sent.TryGetValue(key, out var requests))
                        for (var i = 0; i < requests.Count; i++)
                            if (!requests[i].OutcomeUnknown) requests[i] = requests[i] with { Settled = true };
                    _commands.Remove(key);
                    _code.Remove(key);
                    _posted.Remove(key);
                }
                if (Text(e, "result") is "succeeded" or "skipped" && _completed.Add(key))
                {
                    _completions[key] = new CompletedStep(Text(e, "result")!, Text(e, "reason"), _operator, Time(e));
                    NoteCompletedSince(key);
                }
                break;
            case "step-skipped" when Text(e, "key") is { } key:
                // A resumed run written to a journal of its own records the steps it did not repeat this way: they
                // are as completed as in the journal it resumed, or resuming this journal would repeat them.
                // What the step did is the record of the run that did it, which the resumed journal's step-skipped repeats.
                var added = _completed.Add(key);
                if (added) NoteCompletedSince(key);
                if (added && Text(e, "earlierResult") is { } earlier)
                    _completions[key] = new CompletedStep(earlier, Text(e, "earlierReason"), Text(e, "earlierOperator"),
                        Text(e, "earlierTime") is { } at && DateTimeOffset.TryParse(at, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var when) ? when : null);
                break;
            case "wait-started" when Text(e, "key") is { } key && Text(e, "until") is { } until
                && DateTimeOffset.TryParse(until, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var end):
                var slot = $"{key}#{(e.TryGetProperty("action", out var n) && n.ValueKind == JsonValueKind.Number ? n.GetInt32() : 0)}";
                _waits[slot] = end;
                // A resumed wait journals its rest: the first record is when the wait began.
                if (Text(e, "time") is { } time && DateTimeOffset.TryParse(time, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var began))
                    _waitStarts.TryAdd(slot, began);
                break;
            case "output" when Text(e, "key") is { } key && Text(e, "name") is { } output && Text(e, "value") is { } value:
                _outputs.Add(new JournaledOutput(key, output, value, e.TryGetProperty("masked", out var masked) && masked.ValueKind == JsonValueKind.True));
                break;
            case "escalation" when Text(e, "message") is { } message && Time(e) is { } announced:
                _escalations.TryAdd(InTodaysWords(message), announced);
                break;
            case "time-box-exceeded" when Text(e, "phase") is { } phase && Time(e) is { } exceeded:
                _timeBoxes.TryAdd(phase, exceeded);
                break;
            case "phase-started" when Text(e, "section") == "rollback":
                // What a wait let settle may have been undone: a later wait starts over.
                _waits.Clear();
                _waitStarts.Clear();
                break;
            case "choice" when Text(e, "about") == "rollback" && Text(e, "choice") == "interrupted":
                EndedAtRollbackOffer = true;
                // The offer follows the step that stopped the run: its record is the last, unless the run stopped between steps.
                StoppedBeforeRollbackOffer = LastStep is { Result: not (null or "succeeded" or "skipped" or "completed in the resumed journal") } stopped
                    && !stopped.Key.StartsWith("rollback/", StringComparison.Ordinal) && stopped.Number is { } number
                        ? $"{number} '{stopped.Title}'"
                        : null;
                break;
            case "choice" when Text(e, "about") == "rollback" && Text(e, "choice") is "no-rollback" or "unanswered":
                RollbackOfferNotTaken = Text(e, "choice") == "unanswered" ? RollbackOfferAnswer.Unanswered : RollbackOfferAnswer.Declined;
                break;
            case "rollback-finished" when Text(e, "result") == "failed":
                _rollbackEndedInLatestRun = true;
                RollbackStepsNotReached = StepRecords(e, "notReached");
                break;
            case "rollback-finished" when Text(e, "result") == "stopped":
                _rollbackEndedInLatestRun = true;
                // The operator stopped it (or a question went unanswered): the steps from there on were not run.
                RollbackStepsNotReached = RollbackStepsNamed(e, "notRun");
                break;
            case "rollback-finished" when Text(e, "result") == "succeeded":
                _rollbackEndedInLatestRun = true;
                RollbackStepsNotReached = [];
                // The rollback undid what the completed steps did: a resumed run starts over.
                UndoneByRollback = true;
                _verifyingAfterRollback = true;
                _failuresAfterRollback = [];
                _completed.Clear();
                _completions.Clear();
                _decisions.Clear();
                _sent.Clear();
                _commands.Clear();
                _code.Clear();
                _posted.Clear();
                _backgrounds.Clear();
                break;
        }
    }

    /// <summary>The end of the command announced just before; a journal written before command-starting existed has only this.</summary>
    private void NoteCommandEnded(JsonElement e, string key, string command)
    {
        var started = Commands(key);
        var exitCode = e.TryGetProperty("exitCode", out var exit) && exit.ValueKind == JsonValueKind.Number ? exit.GetInt32() : (int?)null;
        // Killed by Ctrl+C or the runner going away: it did not finish, whatever its exit code says.
        var interrupted = IsTrue(e, "interrupted");
        if (started.Count > 0 && started[^1] is { ExitCode: null, Interrupted: false } running && running.Command == command)
            started[^1] = running with { ExitCode = exitCode, Interrupted = interrupted };
        else started.Add(new StartedCommand(command, exitCode) { Interrupted = interrupted, Attempt = Number(e, "attempt") ?? 1 });
    }

    // Each phase or rollback step's number (2.1, R.1) as its records gave it, by key.
    private readonly Dictionary<string, string> _numbers = new(StringComparer.Ordinal);

    /// <summary>Keeps the step <paramref name="e"/> records, if it records one, as the last the run got to.</summary>
    private void NoteLastStep(string? name, JsonElement e)
    {
        if (name is not ("step-started" or "step-finished" or "step-skipped") || Text(e, "key") is not { } key) return;
        // The verification runs after the steps whatever became of them, and again on every resume: its check is not how
        // far the run got (a V.2 that failed hid the rollback step that failed before it).
        if (key.StartsWith("verification/", StringComparison.Ordinal)) return;
        var title = Text(e, "title") ?? (LastStep?.Key == key ? LastStep.Title : null);
        // A step-skipped written before it carried the number has none: the step's earlier records name it. Only the
        // record just before was asked, so a resume that passed by two steps listed its last without a number in `runs`.
        if (Text(e, "number") is { } said) _numbers[key] = said;
        var number = _numbers.GetValueOrDefault(key);
        LastStep = new JournaledStep(key, number, title, name switch
        {
            "step-started" => null,
            "step-skipped" => "completed in the resumed journal",
            _ => Text(e, "result"),
        });
    }

    /// <summary>
    /// Takes a step the records of <paramref name="e"/> show reached off the earlier run's lists, which stand while the
    /// latest run has not ended: a phase step once it started (it is named as where a killed run stopped, not as not
    /// reached), a rollback step once it completed (one killed half-way is still to do).
    /// </summary>
    private void NoteReachedSince(string? name, JsonElement e)
    {
        if (Text(e, "key") is not { } key) return;
        if (name is "step-started" or "step-skipped" or "step-finished" && StepsNotReached.Any(s => s.Key == key))
            StepsNotReached = [.. StepsNotReached.Where(s => s.Key != key)];
        if (name is "step-finished" or "step-skipped" && (name == "step-skipped" || Text(e, "result") is "succeeded" or "skipped")
            && RollbackStepsNotReached.Count > 0)
        {
            // A stopped rollback's notRun names a step as the page heads it (R.2 'Scale back'), not by its key.
            var number = _numbers.GetValueOrDefault(key);
            var title = Text(e, "title") ?? (LastStep?.Key == key ? LastStep.Title : null);
            RollbackStepsNotReached = [.. RollbackStepsNotReached.Where(s => s.Key != key && !(number is not null && s.Number == number && s.Title == title))];
        }
    }

    // A phase step completed after the rollback: the resume continues after it again. The verification, which runs
    // after every rollback, undoes nothing of that.
    private void NoteCompletedSince(string key)
    {
        if (!key.StartsWith("verification/", StringComparison.Ordinal)) UndoneByRollback = false;
    }

    /// <summary>Forgets everything read so far: the records after this point belong to another run.</summary>
    private void StartOver()
    {
        UndoneByRollback = false;
        RunbookId = null;
        LastStep = null;
        _numbers.Clear();
        _resumedFrom.Clear();
        _damagedLines.Clear(); // damage in an earlier run's records: nothing this resume reads
        IncidentStart = null;
        Parameters = new Dictionary<string, string>();
        _completed.Clear();
        _completions.Clear();
        _started.Clear();
        _sent.Clear();
        _commands.Clear();
        _code.Clear();
        _posted.Clear();
        _notifying.Clear();
        _backgrounds.Clear();
        _startingAction.Clear();
        _waits.Clear();
        _waitStarts.Clear();
        _escalations.Clear();
        _timeBoxes.Clear();
        _outputs.Clear();
        _keys.Clear();
        _keyOrder.Clear();
    }

    /// <summary>
    /// An escalation notice as this version words it. A journal written before the live run said "immediately" holds
    /// "ESCALATE (from the start): …" for a level due from the start: its resume, matching notices by their words,
    /// announced that level again as new, without the "(announced before …)" mark.
    /// </summary>
    private static string InTodaysWords(string message) =>
        message.StartsWith(OldImmediateNotice, StringComparison.Ordinal) ? "ESCALATE (immediately)" + message[OldImmediateNotice.Length..] : message;

    private const string OldImmediateNotice = "ESCALATE (from the start)";

    private List<SentRequest> Sent(string key) => _sent.TryGetValue(key, out var list) ? list : _sent[key] = [];

    private Dictionary<int, DateTimeOffset> Posted(string key) => _posted.TryGetValue(key, out var posted) ? posted : _posted[key] = [];

    private static int? Number(JsonElement e, string property) =>
        e.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;

    private List<StartedCommand> Commands(string key) => _commands.TryGetValue(key, out var list) ? list : _commands[key] = [];

    private List<(string Code, bool Finished)> CodeOf(string key) => _code.TryGetValue(key, out var list) ? list : _code[key] = [];

    private static DateTimeOffset? Time(JsonElement e) =>
        Text(e, "time") is { } time && DateTimeOffset.TryParse(time, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var at)
            ? at : null;

    /// <summary>The step records of a field (<c>notReached</c>), those that name a key; empty when there is no such field.</summary>
    private static StepNotReachedRecord[] StepRecords(JsonElement e, string property) =>
        e.TryGetProperty(property, out var steps) && steps.ValueKind == JsonValueKind.Array
            ? steps.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.Object && Text(s, "key") is not null)
                .Select(s => new StepNotReachedRecord(Text(s, "key")!, Text(s, "number"), Text(s, "title"))).ToArray()
            : [];

    /// <summary>
    /// A stopped rollback's <c>notRun</c>, read as it has long been written: plain strings, each a step as the page heads
    /// it (<c>R.2 'Scale back'</c>), whose number and title are read back; a string of another shape is kept whole, as
    /// the step's key, so it is still named as written.
    /// </summary>
    private static StepNotReachedRecord[] RollbackStepsNamed(JsonElement e, string property) =>
        e.TryGetProperty(property, out var steps) && steps.ValueKind == JsonValueKind.Array
            ? steps.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.String && s.GetString() is { Length: > 0 })
                .Select(s => RollbackStepNamed(s.GetString()!)).ToArray()
            : [];

    private static StepNotReachedRecord RollbackStepNamed(string named) =>
        NumberAndTitle().Match(named) is { Success: true } m
            ? new StepNotReachedRecord(named, m.Groups["number"].Value, m.Groups["title"].Value)
            : new StepNotReachedRecord(named, null, null);

    [GeneratedRegex(@"\A(?<number>R\.[0-9]+) '(?<title>.*)'\z", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex NumberAndTitle();

    private static bool IsTrue(JsonElement e, string property) => e.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.True;

    private static string? Text(JsonElement e, string property) =>
        e.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>An output C# code set, as the journal holds it.</summary>
/// <param name="Key">The step that set it.</param>
/// <param name="Name">The output's name.</param>
/// <param name="Value">Its value, masked.</param>
/// <param name="Masked">The value held a secret: the journal has only its masked form.</param>
internal sealed record JournaledOutput(string Key, string Name, string Value, bool Masked);

/// <summary>A shell command of a step whose background the journal's run left running until that run stopped it.</summary>
/// <param name="Action">The command's position among the step's actions.</param>
/// <param name="Attempt">The attempt that left it running (1 unless the command was retried).</param>
/// <param name="Command">The command, masked, as journaled.</param>
internal sealed record LeftInBackground(int Action, int Attempt, string Command);

/// <summary>A step as the journal records it last.</summary>
/// <param name="Key">Its key.</param>
/// <param name="Number">Its number as the page heads it (<c>2.1</c>, <c>R.1</c>); null when the journal does not say.</param>
/// <param name="Title">Its title, masked; null when the journal does not say.</param>
/// <param name="Result">Its result (<c>succeeded</c>, <c>failed</c>, …); null when it started and has none: the run stopped in it.</param>
internal sealed record JournaledStep(string Key, string? Number, string? Title, string? Result);

/// <summary>
/// A phase step a run's <c>run-finished</c> names as not reached (<c>notReached</c>), or a rollback step a failed
/// <c>rollback-finished</c> names as not done (or a stopped one as not run: <c>notRun</c>).
/// </summary>
/// <param name="Key">Its key, as its own records would carry it; of a stopped rollback's step, which the journal names
/// by a plain string, that string.</param>
/// <param name="Number">Its number as the page heads it (<c>2.1</c>, <c>R.2</c>); null when the record does not say.</param>
/// <param name="Title">Its title, masked; null when the record does not say.</param>
internal sealed record StepNotReachedRecord(string Key, string? Number, string? Title);

/// <summary>How a step the journal records as completed completed.</summary>
/// <param name="Result"><c>succeeded</c> or <c>skipped</c>, as journaled.</param>
/// <param name="Reason">Why it was skipped (a condition that did not hold, an option not chosen); null when done.</param>
/// <param name="Operator">The operating-system user of the run that completed it; null when the journal does not say.</param>
/// <param name="At">When it completed; null when the journal does not say.</param>
internal sealed record CompletedStep(string Result, string? Reason, string? Operator, DateTimeOffset? At);

/// <summary>A <c>OneOf</c> decision a journal records: the option's title (<c>none</c> for none), its number from 1 (none: 0 or
/// null), how it was answered (<c>operator</c>, <c>--choose</c>), by which user and when.</summary>
internal sealed record RecordedDecision(string Choice, int? Option, string? By, string? Operator, DateTimeOffset? At);
