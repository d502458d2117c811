using System.Buffers;
using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace RunbookSdk.Execution;

/// <summary>
/// The run's JSON-lines journal: one object per event, appended and handed to the operating system before the run
/// moves on, so a crashed or killed process (even <c>kill -9</c>) loses at most the event being written. Records
/// that decide what a resume must not repeat or must ask about — a destructive step finishing, an operator's choice,
/// the end of a rollback or of the run, work about to start that a resume would ask about before doing it again — are
/// also forced to the disk (fsync), so they survive a power cut too; doing that for every event cost milliseconds per
/// step, and one fsync is still most of what an in-process step costs the runner (docs/performance.md). Every text
/// value passes through the run's <see cref="SecretMasker"/> before it is written: the journal never holds a secret
/// value — except the runner's own words in fields of a fixed vocabulary (<see cref="JournalVocabulary"/>), which are
/// the same whatever a secret's value.
/// </summary>
internal sealed class RunJournal : IDisposable
{
    private readonly Stream _stream;
    private readonly FileStream? _claim;
    private readonly SecretMasker _secrets;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private readonly HashSet<string> _destructiveSteps = new(StringComparer.Ordinal);
    // Steps whose started work a resume does again without asking: Idempotent() steps (the author's promise), and for
    // commands and code also verification steps (they check the present state). Their starts need not survive a power cut.
    private readonly HashSet<string> _idempotentSteps = new(StringComparer.Ordinal);
    private readonly HashSet<string> _verificationSteps = new(StringComparer.Ordinal);
    private readonly List<byte[]> _unwritten = new();
    private readonly ArrayBufferWriter<byte> _line = new(512);
    private readonly Utf8JsonWriter _json;
    // 0 while the journal is open to every writer; once the runner is going away, the managed thread id of the one
    // writing its last records, and then -1: nothing more is written.
    private int _lastWriter;
    private static readonly HashSet<string> DurableEvents = new(StringComparer.Ordinal) { "choice", "rollback-finished", "run-finished" };

    private RunJournal(string path, Stream stream, FileStream? claim, SecretMasker secrets, TimeProvider clock)
    {
        Path = path;
        _stream = stream;
        _claim = claim;
        _secrets = secrets;
        _clock = clock;
        _json = new Utf8JsonWriter(_line);
    }

    /// <summary>The journal file.</summary>
    public string Path { get; }

    /// <summary>How many writes were forced to the disk (fsync): the work a step's records cost beyond handing them to the
    /// operating system, counted so that tests can hold the runner to forcing only what a resume depends on.</summary>
    internal int ForcedWrites { get; private set; }

    /// <summary>Opens (creating folders and file as needed) a journal for appending, for this run alone.</summary>
    /// <exception cref="RunJournalException">The journal cannot be written: the path is a directory, its folder cannot
    /// be made, access is denied, or another run has it open.</exception>
    public static RunJournal Open(string path, SecretMasker secrets, TimeProvider clock)
    {
        var full = System.IO.Path.GetFullPath(path);
        FileStream? claim = null, stream = null;
        try
        {
            claim = Claim(full);
            // Unbuffered: a write that fails (a full disk) fails now, not in a later flush that would mix two events.
            stream = new FileStream(full, OwnFile(FileMode.Append, FileAccess.Write, FileShare.Read, 0, FileOptions.None));
            // A journal cut by a crash in the middle of a line must not glue the next event onto the broken one.
            if (stream.Length > 0 && LastByte(full) is not (byte)'\n') stream.WriteByte((byte)'\n');
            return new RunJournal(full, stream, claim, secrets, clock);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stream?.Dispose();
            claim?.Dispose();
            throw e as RunJournalException ?? new RunJournalException(full, e);
        }
    }

    /// <summary>
    /// Tries the claim on the journal at <paramref name="path"/> and lets it go: the run checks it before it asks for
    /// anything — its secrets above all: an engineer resuming a journal another run still writes typed (or went and set)
    /// the secret only to be told the journal was held. <see cref="Open(string, SecretMasker, TimeProvider)"/> takes it
    /// for good. Only when the journal's folder exists: a folder the run will make holds no lock, and making it now
    /// would leave it behind when the run does not start.
    /// </summary>
    /// <exception cref="RunJournalException">The journal cannot be written: a directory, another run holds it, no permission.</exception>
    public static void CheckClaim(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!Directory.Exists(full) && System.IO.Path.GetDirectoryName(full) is { Length: > 0 } directory && !Directory.Exists(directory)) return;
        try
        {
            Claim(full).Dispose();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw e as RunJournalException ?? new RunJournalException(full, e);
        }
    }

    private static FileStream Claim(string full)
    {
        // A folder given as the journal (`--journal incidents/`, an existing folder): opening it fails with "Access to
        // the path is denied", which sent the engineer after permissions. Say what is wrong instead.
        if (Directory.Exists(full))
            throw new RunJournalException(full, new IOException(
                $"it is a directory; give a file in it, such as '{System.IO.Path.Combine(full, "journal.jsonl")}'"));
        if (System.IO.Path.GetDirectoryName(full) is { Length: > 0 } directory) CreateOwnDirectory(directory);
        // One run at a time: two runs appending to one journal (two operators resuming it) would each write at
        // their own position and overwrite the other's records.
        return JournalClaim.Take(full);
    }

    /// <summary>
    /// Who may read what the runner creates: the journal holds every command's output — secrets are masked, but not
    /// what a command prints that no <c>[Secret]</c> names (a <c>kubectl get secret -o yaml</c>, customer rows a query
    /// returned, internal host names) — so a new journal is the user's alone (0600), and so is a folder the runner makes
    /// for it (0700): the umask's 0644 and 0755 let every user of a shared jump host read the incident's journals.
    /// An existing file or folder keeps its mode (a team that shares journals set that on purpose).
    /// </summary>
    internal const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static FileStreamOptions OwnFile(FileMode mode, FileAccess access, FileShare share, int bufferSize, FileOptions options)
    {
        var file = new FileStreamOptions { Mode = mode, Access = access, Share = share, BufferSize = bufferSize, Options = options };
        if (!OperatingSystem.IsWindows()) file.UnixCreateMode = OwnerOnly;
        return file;
    }

    private static void CreateOwnDirectory(string directory)
    {
        if (OperatingSystem.IsWindows() || Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory);
            return;
        }
        // Directory.CreateDirectory(path, mode) gives the mode to the last folder only; the ones it makes above it
        // get the umask's. Each missing folder is made here, outermost first.
        if (System.IO.Path.GetDirectoryName(directory) is { Length: > 0 } parent) CreateOwnDirectory(parent);
        Directory.CreateDirectory(directory, OwnerOnly | UnixFileMode.UserExecute);
    }

    /// <summary>A journal over a stream that is not a file of its own (tests of what happens when writes fail).</summary>
    internal static RunJournal Over(Stream stream, string path, SecretMasker secrets, TimeProvider clock) => new(path, stream, null, secrets, clock);

    /// <summary>Where a run that names no journal writes one: <c>.runbook-journals/</c> in the working folder.</summary>
    public const string DefaultFolder = ".runbook-journals";

    /// <summary>How many names <see cref="OpenNew"/> tries for one runbook and second before it gives up.</summary>
    private const int NamesPerSecond = 1000;

    /// <summary>
    /// Opens a new journal for a run that names none: <c>&lt;id&gt;-&lt;UTC time&gt;.jsonl</c> in <paramref name="folder"/>,
    /// or, when another run of the runbook took that name in the same second, <c>&lt;id&gt;-&lt;UTC time&gt;-2.jsonl</c>,
    /// <c>-3</c>, …. The name is claimed by creating the file, which only one process can do: a script that started the
    /// runbook for two regions at once got the second run refused ("cannot write the journal … being used by another
    /// process"), and a run that started in the second another had just ended in appended to that run's journal, so the
    /// review read two incidents as one.
    /// </summary>
    /// <exception cref="RunJournalException">No journal can be created there.</exception>
    public static RunJournal OpenNew(string folder, string runbookId, DateTimeOffset now, SecretMasker secrets, TimeProvider clock)
    {
        var stamp = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var first = System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, $"{runbookId}-{stamp}.jsonl"));
        for (var n = 1; n <= NamesPerSecond; n++)
        {
            var path = n == 1 ? first : System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, $"{runbookId}-{stamp}-{n}.jsonl"));
            FileStream stream;
            try
            {
                if (System.IO.Path.GetDirectoryName(path) is { Length: > 0 } directory) CreateOwnDirectory(directory);
                // CreateNew fails when the file exists: whoever created it owns the name, even once its run has ended.
                // It is also the only open that never follows a symbolic link (O_CREAT | O_EXCL), so the run writes
                // through the handle it returns: closing it and opening the name again let whoever can write in a shared
                // journal folder swap a link in between and have the run append its journal to another file.
                stream = new FileStream(path, OwnFile(FileMode.CreateNew, FileAccess.Write, FileShare.Read, 0, FileOptions.None));
            }
            catch (IOException) when (File.Exists(path) || Directory.Exists(path))
            {
                continue;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new RunJournalException(path, e);
            }
            try
            {
                return new RunJournal(path, stream, JournalClaim.Take(path), secrets, clock);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stream.Dispose();
                // The empty journal would only be a name no run uses; removing it unlinks the folder's entry, whatever it is now.
                File.Delete(path);
                throw new RunJournalException(path, e);
            }
        }
        throw new RunJournalException(first, new IOException($"{NamesPerSecond} runs of '{runbookId}' already have a journal of that second there"));
    }

    /// <summary>Appends one event and hands it to the operating system (forcing it to the disk where a resume depends on it).</summary>
    /// <param name="eventName">The event, e.g. <c>step-finished</c>.</param>
    /// <param name="fields">Its fields, in order; null values are left out; strings (also inside lists and dictionaries) are masked.</param>
    public void Write(string eventName, params ReadOnlySpan<(string Name, object? Value)> fields)
    {
        lock (_gate)
        {
            if (_lastWriter != 0 && _lastWriter != Environment.CurrentManagedThreadId) return;
            var durable = IsDurable(eventName, fields) || _lastWriter != 0;
            // Serialized under the gate into one reused buffer: a record is a few hundred bytes, and building each in
            // a stream of its own (a writer, its buffers, the copy) was most of what the record cost beyond its write.
            var line = Serialize(eventName, fields);
            try
            {
                if (_unwritten.Count > 0)
                {
                    // After a failed write the file may end in part of a line: a line break keeps the next event
                    // whole. Each kept event leaves the list once written, so a second failure repeats none of them.
                    _stream.WriteByte((byte)'\n');
                    while (_unwritten.Count > 0)
                    {
                        _stream.Write(_unwritten[0]);
                        _unwritten.RemoveAt(0);
                    }
                    durable = true;
                }
                _stream.Write(line);
                if (_stream is FileStream file) file.Flush(flushToDisk: durable);
                else _stream.Flush();
                if (durable) ForcedWrites++;
            }
            catch (IOException e)
            {
                // A full disk or a lost mount must not end the incident response: the run goes on, the events are
                // kept and written with the next event that can be, and those never written are handed back at the
                // end (LiveRun shows them), so the record of what was done is not lost.
                _unwritten.Add(line.ToArray());
                if (_unwritten.Count == 1) WriteFailed?.Invoke(e);
            }
        }
    }

    /// <summary>One event as a JSON line in the reused buffer; valid until the next call (under the gate).</summary>
    private ReadOnlySpan<byte> Serialize(string eventName, ReadOnlySpan<(string Name, object? Value)> fields)
    {
        _line.ResetWrittenCount();
        _json.Reset();
        _json.WriteStartObject();
        // The round-trip format ("O"), written as UTF-8 without an intermediate string.
        Span<byte> time = stackalloc byte[40];
        _clock.GetUtcNow().TryFormat(time, out var length, "O", CultureInfo.InvariantCulture);
        _json.WriteString("time"u8, time[..length]);
        _json.WriteString("event"u8, eventName);
        foreach (var (name, value) in fields)
        {
            if (value is null) continue;
            _json.WritePropertyName(name);
            WriteValue(_json, name, value);
        }
        _json.WriteEndObject();
        _json.Flush();
        _line.GetSpan(1)[0] = (byte)'\n';
        _line.Advance(1);
        return _line.WrittenSpan;
    }

    /// <summary>
    /// The runner is going away (a SIGTERM, a SIGHUP, a second Ctrl+C): <paramref name="last"/> writes the journal's last
    /// records, on this thread, forced to the disk, and from then on the journal takes no event. What the run's own flow
    /// would still write meanwhile — a step that failed because its command was killed, a rollback it would begin — is
    /// not what happened, and is dropped.
    /// </summary>
    public void WriteLast(Action last)
    {
        lock (_gate) _lastWriter = Environment.CurrentManagedThreadId;
        try
        {
            last();
        }
        finally
        {
            lock (_gate) _lastWriter = -1;
            // The journal takes no more events, so its claim goes as at a run's end, lock file and all: left beside the
            // journal of a run a signal ended, the .lock read as a run still going on to the engineer back after a
            // dropped session (it blocked nothing: its lock died with the process).
            _claim?.Dispose();
        }
    }

    /// <summary>Raised when a write fails after the journal was writable (and again after it recovered and failed anew).</summary>
    public event Action<IOException>? WriteFailed;

    /// <summary>Events that could not be written yet, as JSON lines, oldest first.</summary>
    public IReadOnlyList<string> Unwritten
    {
        get
        {
            lock (_gate) return _unwritten.Select(l => System.Text.Encoding.UTF8.GetString(l).TrimEnd('\n')).ToList();
        }
    }

    private bool IsDurable(string eventName, ReadOnlySpan<(string Name, object? Value)> fields)
    {
        var key = Field(fields, "key") as string;
        if (eventName == "step-started" && key is not null) RememberStep(key, fields);
        if (DurableEvents.Contains(eventName)) return true;
        // A start a resume would ask about is forced before the work starts, so that a power cut during the work
        // cannot make the resume do it again unasked: a POST or PATCH (written only for those), C# code (opaque), and
        // a destructive step's command. Where the resume does the work again without asking — an Idempotent() step, and
        // for commands and code a verification step — forcing the start would change nothing but its cost: one fsync,
        // most of what an in-process step costs the runner (docs/performance.md). Other commands' starts are only handed
        // to the operating system (a killed runner loses none): forcing each would cost a shell step a multiple of its
        // time. A destructive step finishing is forced, so that a resume does not run it again.
        if (key is null) return eventName is "request-sending" or "code-starting" or "command-starting";
        var repeatedUnasked = _idempotentSteps.Contains(key);
        var checks = _verificationSteps.Contains(key);
        return eventName switch
        {
            "request-sending" => !repeatedUnasked,
            "code-starting" => !repeatedUnasked && !checks,
            "command-starting" => _destructiveSteps.Contains(key) && !repeatedUnasked && !checks,
            "step-finished" => _destructiveSteps.Contains(key),
            _ => false,
        };
    }

    private void RememberStep(string key, ReadOnlySpan<(string Name, object? Value)> fields)
    {
        Mark(_destructiveSteps, key, Field(fields, "destructive") is true);
        Mark(_idempotentSteps, key, Field(fields, "idempotent") is true);
        Mark(_verificationSteps, key, Field(fields, "section") is "verification");
    }

    private static void Mark(HashSet<string> steps, string key, bool holds)
    {
        if (holds) steps.Add(key);
        else steps.Remove(key);
    }

    private static object? Field(ReadOnlySpan<(string Name, object? Value)> fields, string name)
    {
        foreach (var field in fields)
            if (field.Name == name) return field.Value;
        return null;
    }

    private void WriteValue(Utf8JsonWriter json, string field, object value)
    {
        switch (value)
        {
            case string text: json.WriteStringValue(Mask(field, text)); break;
            case bool flag: json.WriteBooleanValue(flag); break;
            case int number: json.WriteNumberValue(number); break;
            case long number: json.WriteNumberValue(number); break;
            case double number: json.WriteNumberValue(Math.Round(number, 3)); break;
            case IEnumerable<KeyValuePair<string, string>> record when JournalVocabulary.HoldsRecords(field):
                // A record's keys are the runner's field names, and each value is written as that field is elsewhere
                // (a step's number as the page heads it, its key and title masked).
                json.WriteStartObject();
                foreach (var (key, item) in record) json.WriteString(key, Mask(key, item));
                json.WriteEndObject();
                break;
            case IEnumerable<KeyValuePair<string, string>> map:
                json.WriteStartObject();
                foreach (var (key, item) in map) json.WriteString(JournalVocabulary.HasDeclaredKeys(field) ? key : _secrets.Mask(key), Mask(field, item));
                json.WriteEndObject();
                break;
            case IEnumerable items:
                json.WriteStartArray();
                foreach (var item in items) if (item is not null) WriteValue(json, field, item);
                json.WriteEndArray();
                break;
            default: json.WriteStringValue(Mask(field, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")); break;
        }
    }

    // The runner's own words in a field of a fixed vocabulary are the same whatever a secret's value: masking one
    // because a secret happens to equal it ("cli") hid the record's meaning and revealed nothing (JournalVocabulary).
    // So are the names the runbook's code declares, its id and its parameters' names (JournalVocabulary.IsDeclaredName).
    private string Mask(string field, string text) =>
        JournalVocabulary.IsWord(field, text) || JournalVocabulary.IsDeclaredName(field) ? text : _secrets.Mask(text);

    private static int LastByte(string path)
    {
        using var read = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (read.Length == 0) return -1;
        read.Seek(-1, SeekOrigin.End);
        return read.ReadByte();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            _stream.Dispose();
        }
        catch (IOException)
        {
            // Nothing is buffered (see Open); what could not be written is in Unwritten.
        }
        _claim?.Dispose();
    }
}
