using RunbookSdk.Hosting;

namespace RunbookSdk.Execution;

/// <summary>
/// How the engineer refused by a run still going on can end it, said by whose process it is. <c>kill -TERM N</c>
/// reaches only a process of one's own (or any, with root's privilege): told it for another user's run at shift change,
/// engineer B got <c>Operation not permitted</c> and no way on. For another user's run it now names that user and the
/// two ways B has: ask them, or <c>sudo kill -TERM N</c> where B may use sudo. Whether the process is this user's, and
/// whether this user may signal any, is decided by user id and privilege, not by name: a uid-0 account named otherwise
/// than <c>root</c> was told to ask the owner or use sudo for a process it could signal itself. A privileged user (root)
/// is told whose run it is too: ending alice's run is root's to do, but alice is at its terminal and should know.
/// </summary>
/// <param name="Pid">The runner's process.</param>
/// <param name="Owner">The user it runs as, when it is not this user's; null for this user's own, or when not known.</param>
/// <param name="OwnerIsRoot">The owner is uid 0 (whatever its name), whom only root may signal.</param>
/// <param name="MaySignal">This process may signal any process (root's privilege), the owner's included.</param>
internal sealed record LiveRunnerEnding(int Pid, string? Owner, bool OwnerIsRoot = false, bool MaySignal = false)
{
    /// <summary>The advice for the runner <paramref name="pid"/>, by who owns its process (read on Linux, from <c>/proc</c>).</summary>
    public static LiveRunnerEnding For(int pid) =>
        // /proc/self is owned by this process's effective user: the one the kernel checks a signal's sender by.
        Of(pid, FileOwner.Of($"/proc/{pid}"), FileOwner.Of("/proc/self")?.Uid, Environment.IsPrivilegedProcess);

    /// <summary>
    /// The advice for the runner <paramref name="pid"/> whose process <paramref name="owner"/> owns, given this process's
    /// effective user id (<paramref name="myUid"/>, null when unknown) and whether it may signal any process.
    /// </summary>
    internal static LiveRunnerEnding Of(int pid, (string Owner, string Mode, uint Uid)? owner, uint? myUid, bool privileged)
    {
        if (owner is not { } known) return new LiveRunnerEnding(pid, null, MaySignal: privileged);
        var mine = myUid is { } me ? known.Uid == me : known.Owner == Environment.UserName;
        // Named for a privileged user as well: before, root read "end it (kill -TERM N)" with no word of whose run it ends.
        return mine ? new LiveRunnerEnding(pid, null, MaySignal: true) : new LiveRunnerEnding(pid, known.Owner, known.Uid == 0, privileged);
    }

    /// <summary>Whose the process is, to follow its pid (<c>, alice's</c>); empty for this user's own.</summary>
    public string Whose => Owner is { } owner ? $", {owner}'s" : "";

    /// <summary>
    /// The way to end it, after "let it finish, or ": <c>end it (kill -TERM N: …)</c>, or for another user's run whose it
    /// is, who may signal it, and what to do. Ends with the separator before "then resume".
    /// </summary>
    public string EndIt => Owner is { } owner && MaySignal
        ? $"end it (kill -TERM {Pid}: it journals where it stopped; it is {owner}'s run: tell {owner}), "
        : Owner is { } other
        ? $"have it ended: it is {other}'s run, which only {(OwnerIsRoot ? "root" : $"{other} or root")} may signal: ask {other} to end it "
            + $"(kill -TERM {Pid}: it journals where it stopped), or, if you may use sudo, sudo kill -TERM {Pid}; "
        : $"end it (kill -TERM {Pid}: it journals where it stopped), ";
}
