using RunbookSdk.Hosting;

namespace RunbookSdk.Execution;

/// <summary>
/// How the engineer refused by a run still going on can end it, said by whose process it is. <c>kill -TERM N</c>
/// reaches only a process of one's own (or any, as root): told it for another user's run at shift change, engineer B
/// got <c>Operation not permitted</c> and no way on. For another user's run it now names that user and the two ways B
/// has: ask them, or <c>sudo kill -TERM N</c> where B may use sudo.
/// </summary>
/// <param name="Pid">The runner's process.</param>
/// <param name="Owner">The user it runs as, when it is not this user's and this user is not root; else null.</param>
internal sealed record LiveRunnerEnding(int Pid, string? Owner)
{
    /// <summary>The advice for the runner <paramref name="pid"/>, by who owns its process (read on Linux, from <c>/proc</c>).</summary>
    public static LiveRunnerEnding For(int pid)
    {
        var owner = FileOwner.Of($"/proc/{pid}")?.Owner;
        var me = Environment.UserName;
        return new LiveRunnerEnding(pid, owner is null || owner == me || me == "root" ? null : owner);
    }

    /// <summary>Whose the process is, to follow its pid (<c>, alice's</c>); empty for this user's own.</summary>
    public string Whose => Owner is { } owner ? $", {owner}'s" : "";

    /// <summary>
    /// The way to end it, after "let it finish, or ": <c>end it (kill -TERM N: …)</c>, or for another user's run whose it
    /// is, who may signal it, and what to do. Ends with the separator before "then resume".
    /// </summary>
    public string EndIt => Owner is { } owner
        ? $"have it ended: it is {owner}'s run, which only {(owner == "root" ? "root" : $"{owner} or root")} may signal: ask {owner} to end it "
            + $"(kill -TERM {Pid}: it journals where it stopped), or, if you may use sudo, sudo kill -TERM {Pid}; "
        : $"end it (kill -TERM {Pid}: it journals where it stopped), ";
}
