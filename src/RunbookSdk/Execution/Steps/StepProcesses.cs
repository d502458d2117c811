using System.Buffers;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace RunbookSdk.Execution;

/// <summary>
/// Finds every process a shell step started — also one it put in the background with <c>&amp;</c>, which outlives the
/// shell and is re-parented away from it, out of reach of <see cref="Process.Kill(bool)"/>'s tree — by a mark in its
/// environment: the step's shell is started with <see cref="Variable"/> set to a value of its own, which everything it
/// starts inherits. Only processes in the runner's own session count: one started detached (<c>setsid -f …</c>) was
/// meant to outlive the run. On Linux (<c>/proc</c>); elsewhere shells start unmarked and are not tracked.
/// </summary>
/// <remarks>
/// Not a session of their own (<c>setsid</c>), which would find the same processes without reading their
/// environment: a shell in a new session has no controlling terminal, so <c>sudo</c> asking for a password, or
/// <c>ssh</c> asking to trust a host key, failed at once — a failed step and a rollback at 3 a.m. where the command
/// used to ask the engineer on the terminal.
/// </remarks>
internal static class StepProcesses
{
    /// <summary>
    /// The environment variable that marks a shell step's processes: <c>&lt;runner pid&gt;.&lt;runner start&gt;.&lt;group&gt;</c>
    /// (the start in clock ticks since boot, so that a runner killed with <c>kill -9</c> is not confused with a later
    /// process given its pid).
    /// </summary>
    public const string Variable = "RUNBOOK_SDK_STEP_GROUP";

    /// <summary>
    /// The environment variable naming the step (its journal key) a shell step's processes belong to: a resumed run that
    /// finds what a killed runner left says which step started it.
    /// </summary>
    public const string StepVariable = "RUNBOOK_SDK_STEP";

    private static readonly bool IsSupported = OperatingSystem.IsLinux() && Directory.Exists("/proc");

    // The runner's session: processes outside it were detached on purpose (setsid -f) and are left alone.
    private static readonly int? RunnerSession = IsSupported ? SessionOf(Environment.ProcessId) : null;

    // This runner's part of every mark: its pid and its start time.
    private static readonly string? RunnerId = RunnerSession is null ? null : Identity(Environment.ProcessId);

    private static int s_lastGroup;

    // Groups that may still hold processes, process-wide: what a dying runner (a second Ctrl+C, SIGTERM) kills.
    private static readonly ConcurrentDictionary<int, byte> Live = new();

    static StepProcesses() => AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();

    /// <summary>True when shells start marked and what they leave running can be found and stopped.</summary>
    public static bool Supported => RunnerId is not null;

    /// <summary>This runner's part of every mark (<c>&lt;pid&gt;.&lt;start&gt;</c>), for the journal; null where shells start unmarked.</summary>
    public static string? Runner => RunnerId;

    /// <summary>The runner's session, for the journal: what an earlier runner left is looked for in its session.</summary>
    public static int? Session => RunnerSession;

    /// <summary>
    /// How to start <paramref name="program"/> for the step <paramref name="stepKey"/>: marked with a new group when
    /// <see cref="Supported"/> (<paramref name="group"/>), else as it is (null). Add its arguments to the result.
    /// </summary>
    public static ProcessStartInfo StartInfo(string program, string? stepKey, out int? group)
    {
        var start = new ProcessStartInfo(program);
        group = null;
        if (!Supported) return start;
        var id = Interlocked.Increment(ref s_lastGroup);
        start.Environment[Variable] = Mark(id);
        if (stepKey is not null) start.Environment[StepVariable] = stepKey;
        Live.TryAdd(id, 0);
        group = id;
        return start;
    }

    /// <summary>Forgets a group whose processes ended or were stopped.</summary>
    public static void Forget(int group) => Live.TryRemove(group, out _);

    /// <summary>The processes of <paramref name="group"/> still running (zombies excluded), by scanning <c>/proc</c>.</summary>
    public static IReadOnlyList<MarkedProcess> Members(int group) => Supported ? Scan(MarkEntry(group), RunnerSession, withStepKey: false) : [];

    /// <summary>True while <paramref name="pid"/> runs (not a zombie) in <paramref name="group"/>: a reused pid is another process, unmarked.</summary>
    public static bool InGroup(int pid, int group) => Supported && IsMember(pid, MarkEntry(group), RunnerSession);

    /// <summary>
    /// What an earlier runner's shell steps left running, by its mark (<paramref name="runner"/>, as
    /// <see cref="Runner"/> was for it): a runner killed with <c>kill -9</c> stopped nothing. Only processes in that
    /// runner's <paramref name="session"/> count, as for its own steps (one started detached was meant to outlive it),
    /// and none while that runner still runs: they are its own. Each with the step that started it.
    /// </summary>
    public static IReadOnlyList<MarkedProcess> LeftBy(string runner, int session)
    {
        if (!Supported || IsRunning(runner)) return [];
        return Scan(RunnerEntry(runner), session, withStepKey: true);
    }

    /// <summary>Every running process in <paramref name="session"/> whose environment holds <paramref name="mark"/>.</summary>
    private static List<MarkedProcess> Scan(byte[] mark, int? session, bool withStepKey)
    {
        var found = new List<MarkedProcess>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            if (IsMember(pid, mark, session, withStepKey, out var stepKey)) found.Add(new MarkedProcess(pid, CommandLine(pid)) { StepKey = stepKey });
        }
        return found;
    }

    /// <summary>True while <paramref name="pid"/> still runs (not a zombie) as one <see cref="LeftBy"/> found.</summary>
    public static bool StillLeftBy(int pid, string runner, int session) => Supported && IsMember(pid, RunnerEntry(runner), session);

    /// <summary>True while the runner <paramref name="runner"/> (<c>&lt;pid&gt;.&lt;start&gt;</c>) runs: its pid with its start time.</summary>
    private static bool IsRunning(string runner) => RunnerPid(runner) is not null;

    /// <summary>
    /// The pid of the runner <paramref name="runner"/> (<c>&lt;pid&gt;.&lt;start&gt;</c>) while it runs — its pid with its
    /// start time, so a later process given the same pid is not taken for it —, else null.
    /// </summary>
    public static int? RunnerPid(string runner)
    {
        var dot = runner.IndexOf('.');
        return dot > 0 && int.TryParse(runner.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && Identity(pid) == runner ? pid : null;
    }

    /// <summary>Kills (SIGKILL) every process of <paramref name="group"/>: a time-out or Ctrl+C stops the step's whole work at once.</summary>
    public static void Kill(int group)
    {
        // Twice: a process forking while the first pass runs leaves a child the first scan did not see.
        for (var pass = 0; pass < 2; pass++)
            foreach (var member in Members(group)) PosixSignals.Send(member.Pid, PosixSignals.SigKill);
        Forget(group);
    }

    /// <summary>Kills what every tracked group still holds: the runner is going away and must not leave orphans.</summary>
    public static void KillAll()
    {
        foreach (var group in Live.Keys) Kill(group);
    }

    private static string Mark(int group) => RunnerId + "." + group.ToString(CultureInfo.InvariantCulture);

    // The whole entry, so that group 1 does not match group 12: "VAR=pid.start.1" followed by the NUL that ends it.
    private static byte[] MarkEntry(int group) => Encoding.UTF8.GetBytes(Variable + "=" + Mark(group) + "\0");

    // Every group of a runner: "VAR=pid.start." and any group after it.
    private static byte[] RunnerEntry(string runner) => Encoding.UTF8.GetBytes(Variable + "=" + runner + ".");

    private static bool IsMember(int pid, byte[] mark, int? session) => IsMember(pid, mark, session, readStepKey: false, out _);

    /// <summary>
    /// Whether <paramref name="pid"/> carries <paramref name="mark"/>, and with <paramref name="readStepKey"/> the step
    /// its environment names, from one read of it: read twice, a process that ended between the reads (a watch loop's
    /// <c>sleep 1</c>) was found a member with no step, and a resume journaled it with an empty key.
    /// </summary>
    private static bool IsMember(int pid, byte[] mark, int? session, bool readStepKey, out string? stepKey)
    {
        stepKey = null;
        if (pid == Environment.ProcessId || SessionOf(pid) is not { } own || own != session) return false;
        // The environment the process was started with; unreadable for another user's process (sudo), which could not
        // be signalled anyway, or gone when it ended meanwhile.
        var environment = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            if (ProcFile.Read(pid, "environ", ref environment) is not { } length) return false;
            var entries = environment.AsSpan(0, length);
            var at = entries.IndexOf(mark);
            if (!(at == 0 || (at > 0 && entries[at - 1] == 0))) return false;
            if (readStepKey) stepKey = StepKeyIn(entries);
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(environment);
        }
    }

    /// <summary>The session of a running process; null for a zombie, an ended process or an unreadable one.</summary>
    /// <remarks>Every process on the machine is asked this after each shell step, so it reads into a buffer it does
    /// not allocate: read through a <see cref="File.ReadAllText(string)"/> per process, a step's scan of 70 processes
    /// allocated ≈680 KB and took ≈2 ms (docs/performance.md).</remarks>
    private static int? SessionOf(int pid) => StatField(pid, SessionField) is { } session ? (int)session : null;

    /// <summary>A running process as marks name a runner, <c>&lt;pid&gt;.&lt;start time&gt;</c>; null for a zombie or an ended one.</summary>
    private static string? Identity(int pid) =>
        StatField(pid, StartTimeField) is { } start ? pid.ToString(CultureInfo.InvariantCulture) + "." + start.ToString(CultureInfo.InvariantCulture) : null;

    // Fields of /proc/<pid>/stat counted from the state, the first after "pid (comm)" (proc(5)): session is the 6th
    // field, the start time (clock ticks after boot) the 22nd.
    private const int SessionField = 3;
    private const int StartTimeField = 19;

    /// <summary>A numeric field of <c>/proc/&lt;pid&gt;/stat</c>; null for a zombie, an ended process or an unreadable one.</summary>
    private static long? StatField(int pid, int index)
    {
        var stat = ArrayPool<byte>.Shared.Rent(1024);
        try
        {
            if (ProcFile.Read(pid, "stat", ref stat) is not { } length) return null;
            // "pid (comm) state ppid pgrp session ...": comm may hold spaces and parentheses, so split after the last ')'.
            var text = stat.AsSpan(0, length);
            var close = text.LastIndexOf((byte)')');
            if (close < 0 || close + 2 >= text.Length) return null;
            var fields = text[(close + 2)..];
            if (fields[0] is (byte)'Z' or (byte)'X') return null;
            for (var field = 0; field < index; field++)
            {
                var space = fields.IndexOf((byte)' ');
                if (space < 0) return null;
                fields = fields[(space + 1)..];
            }
            var end = fields.IndexOf((byte)' ');
            return Utf8Parser.TryParse(end < 0 ? fields : fields[..end], out long value, out _) ? value : null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(stat);
        }
    }

    /// <summary>The step key in a process's environment entries (<see cref="StepVariable"/>), or null.</summary>
    private static string? StepKeyIn(ReadOnlySpan<byte> entries)
    {
        var prefix = Encoding.UTF8.GetBytes(StepVariable + "=");
        foreach (var range in entries.Split((byte)0))
        {
            var entry = entries[range];
            if (entry.StartsWith(prefix)) return Encoding.UTF8.GetString(entry[prefix.Length..]);
        }
        return null;
    }

    private static string CommandLine(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/cmdline").TrimEnd('\0').Replace('\0', ' ');
            return text.Length > 0 ? text : File.ReadAllText($"/proc/{pid}/comm").Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "?";
        }
    }
}
