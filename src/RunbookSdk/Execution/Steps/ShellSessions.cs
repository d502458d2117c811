using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace RunbookSdk.Execution;

/// <summary>
/// Shell steps run as the leader of their own session (<c>setsid /bin/bash -c …</c> on Linux), so every process a
/// command starts stays findable by the session id — the shell's process id — also one it put in the background
/// with <c>&amp;</c>, which outlives the shell and is re-parented away from it, out of reach of
/// <see cref="Process.Kill(bool)"/>'s tree. Where there is no <c>setsid</c> (macOS) or no <c>/proc</c>, shells start as
/// before and what they leave behind is not tracked.
/// </summary>
internal static class ShellSessions
{
    // util-linux's setsid runs the program in place (same pid) when its caller is not a process group leader, which a
    // freshly started child never is: the shell's pid is the session's id.
    private static readonly string? Setsid = OperatingSystem.IsLinux() && Directory.Exists("/proc")
        ? new[] { "/usr/bin/setsid", "/bin/setsid" }.FirstOrDefault(File.Exists)
        : null;

    // Sessions that may still hold processes, process-wide: what a dying runner (a second Ctrl+C, SIGTERM) kills.
    private static readonly ConcurrentDictionary<int, byte> Live = new();

    static ShellSessions() => AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();

    /// <summary>True when shells start in their own session and what they leave running can be found and stopped.</summary>
    public static bool Supported => Setsid is not null;

    /// <summary>How to start <paramref name="program"/>: through <c>setsid</c> when <see cref="Supported"/>; add its arguments to the result.</summary>
    public static ProcessStartInfo StartInfo(string program)
    {
        if (Setsid is null) return new ProcessStartInfo(program);
        var start = new ProcessStartInfo(Setsid);
        start.ArgumentList.Add(program);
        return start;
    }

    /// <summary>Remembers a session that may hold processes, for <see cref="KillAll"/>.</summary>
    public static void Track(int session) => Live.TryAdd(session, 0);

    /// <summary>Forgets a session whose processes were stopped.</summary>
    public static void Forget(int session) => Live.TryRemove(session, out _);

    /// <summary>The processes running in <paramref name="session"/> (zombies excluded), by scanning <c>/proc</c>.</summary>
    public static IReadOnlyList<SessionProcess> Members(int session)
    {
        if (!Supported) return [];
        var members = new List<SessionProcess>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            if (InSession(pid, session)) members.Add(new SessionProcess(pid, CommandLine(pid)));
        }
        return members;
    }

    /// <summary>True while <paramref name="pid"/> runs (not a zombie) in <paramref name="session"/>: a reused pid is another process.</summary>
    public static bool InSession(int pid, int session)
    {
        try
        {
            // "pid (comm) state ppid pgrp session ...": comm may hold spaces and parentheses, so split after the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields[0] is not ("Z" or "X")
                && int.TryParse(fields[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) && id == session;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            return false; // ended meanwhile, or not ours to read
        }
    }

    /// <summary>Kills (SIGKILL) every process in <paramref name="session"/>: a time-out or Ctrl+C stops the step's whole work at once.</summary>
    public static void Kill(int session)
    {
        // Twice: a process forking while the first pass runs leaves a child the first scan did not see.
        for (var pass = 0; pass < 2; pass++)
            foreach (var member in Members(session)) PosixSignals.Send(member.Pid, PosixSignals.SigKill);
        Forget(session);
    }

    /// <summary>Kills what every tracked session still holds: the runner is going away and must not leave orphans.</summary>
    public static void KillAll()
    {
        foreach (var session in Live.Keys) Kill(session);
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
