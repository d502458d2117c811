using RunbookSdk.Execution;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// Whether this user may signal another user's live run was decided by the name <c>root</c>: a uid-0 account named
/// otherwise (<c>toor</c>, a container's <c>admin</c>) was told to ask the run's owner or use sudo for a process it could
/// signal itself, and a run owned by a uid-0 account of another name was said to be signalable by that name "or root".
/// It is now decided by user id and the process's privilege.
/// </summary>
public sealed class LiveRunnerEndingPrivilegeTests
{
    private const int Pid = 4242;

    [Fact]
    public void A_privileged_process_of_another_name_than_root_is_told_to_end_the_run_itself()
    {
        var ending = LiveRunnerEnding.Of(Pid, ("alice", "0555", 1000), myUid: 0, privileged: true);

        Assert.StartsWith($"end it (kill -TERM {Pid}: it journals where it stopped", ending.EndIt);
        Assert.DoesNotContain("sudo", ending.EndIt);
    }

    [Fact]
    public void A_privileged_user_is_told_whose_run_it_ends()
    {
        // root's `runs` read "RUNNING now (pid 4242): … end it (kill -TERM 4242 …)", with no word that it was alice's run.
        var ending = LiveRunnerEnding.Of(Pid, ("alice", "0555", 1000), myUid: 0, privileged: true);

        Assert.Equal(", alice's", ending.Whose);
        Assert.Equal($"end it (kill -TERM {Pid}: it journals where it stopped; it is alice's run: tell alice), ", ending.EndIt);
    }

    [Fact]
    public void A_privileged_users_own_run_is_not_named()
    {
        var ending = LiveRunnerEnding.Of(Pid, ("root", "0555", 0), myUid: 0, privileged: true);

        Assert.Equal("", ending.Whose);
        Assert.Equal($"end it (kill -TERM {Pid}: it journals where it stopped), ", ending.EndIt);
    }

    [Fact]
    public void A_run_of_this_users_id_under_another_name_is_its_own()
    {
        // Two names for one uid (an alias in /etc/passwd): the kernel checks the id, not the name.
        var ending = LiveRunnerEnding.Of(Pid, ("deploy", "0555", 1001), myUid: 1001, privileged: false);

        Assert.Null(ending.Owner);
    }

    [Fact]
    public void An_unprivileged_user_is_told_whose_run_it_is_and_to_ask_them()
    {
        var ending = LiveRunnerEnding.Of(Pid, ("alice", "0555", 1000), myUid: 1001, privileged: false);

        Assert.Equal(", alice's", ending.Whose);
        Assert.StartsWith("have it ended: it is alice's run, which only alice or root may signal: ask alice to end it", ending.EndIt);
    }

    [Fact]
    public void A_run_of_uid_0_under_another_name_is_said_to_be_roots_to_signal()
    {
        var ending = LiveRunnerEnding.Of(Pid, ("toor", "0555", 0), myUid: 1001, privileged: false);

        Assert.StartsWith("have it ended: it is toor's run, which only root may signal: ask toor to end it", ending.EndIt);
    }

    [Fact]
    public void This_process_is_its_own_and_named_as_such()
    {
        if (!OperatingSystem.IsLinux()) return;

        Assert.Null(LiveRunnerEnding.For(Environment.ProcessId).Owner);
    }
}
