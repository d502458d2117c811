using System.Globalization;
using RunbookSdk.Execution;

namespace RunbookSdk.Tests.Runner;

/// <summary>Shell steps run for real: bash -c through ArgumentList, exit codes, retries, time-outs, masking, hostile holes.</summary>
public sealed class ShellStepTests
{
    [Fact]
    public async Task Output_streams_to_the_console_and_the_journal_keeps_a_digest()
    {
        using var run = new TestRun(rb => rb
            .Phase("Act", p => p.Step("Say", s => s.Run("echo first; echo second >&2")))
            .NoRollback("test"));

        var result = await run.RunAsync();

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("    | first", result.Output);
        Assert.Contains("    | second", result.Output);
        var action = result.Events("action").Single();
        Assert.Equal("0", action["exitCode"]);
        Assert.Equal("2", action["outputLines"]);
        Assert.Equal(64, action["outputSha256"]!.Length);
    }

    [Fact]
    public async Task Expected_exit_codes_decide_success()
    {
        using var run = new TestRun(rb => rb
            .Phase("Act", p => p
                .Step("Grep finds nothing", s => s.Run("exit 1").ExpectExitCode(0, 1))
                .Step("Broken", s => s.Run("exit 3")))
            .NoRollback("test"));

        var result = await run.RunAsync();

        Assert.Equal(["Grep finds nothing: succeeded", "Broken: failed"], result.StepResults);
        Assert.Contains("exit code 3, expected 0", result.Outcome.Reason);
    }

    [Fact]
    public async Task Retries_double_the_back_off_on_the_incident_clock()
    {
        using var run = new TestRun(rb => rb
            .Phase("Act", p => p.Step("Flaky", s => s.Run("exit 7").Retry(3, TimeSpan.FromSeconds(5))))
            .NoRollback("test"));

        var result = await run.RunAsync();

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["1", "2", "3"], result.Events("action").Select(e => e["attempt"]));
        Assert.Contains("after 3 attempts", result.Outcome.Reason);
        // Each failed attempt says why, as a request's does: "failed" alone sent the engineer scrolling up for it.
        Assert.Contains("attempt 1 of 3 failed (exit code 7); retrying in 5 seconds", result.Output);
        Assert.Contains("attempt 2 of 3 failed (exit code 7); retrying in 10 seconds", result.Output);
        // 5 s before the second attempt, 10 s before the third: the fake clock moved by exactly the back-off.
        Assert.Equal(TimeSpan.FromSeconds(15), run.Clock.Elapsed);
    }

    [Fact]
    public async Task A_retry_that_succeeds_stops_retrying()
    {
        using var run = new TestRun((rb, p) => rb
            .Phase("Act", ph => ph.Step("Flaky", s => s
                .Run($"n=$(cat {p["Counter"]} 2>/dev/null || echo 0); n=$((n+1)); echo $n > {p["Counter"]}; [ $n -ge 2 ]")
                .Retry(5, TimeSpan.FromSeconds(1))))
            .NoRollback("test"));
        run.Parameter("Counter", run.Temp.File("counter"));

        var result = await run.RunAsync();

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("2", File.ReadAllText(run.Temp.File("counter")).Trim());
        Assert.Equal(2, result.Events("action").Count());
    }

    [Fact]
    public async Task A_time_out_kills_the_whole_process_tree()
    {
        using var run = new TestRun((rb, p) => rb
            .Phase("Act", ph => ph.Step("Hangs", s => s
                .Run($"sleep 300 & echo $! > {p["ChildPid"]}; sleep 300")
                .Timeout(TimeSpan.FromSeconds(1))))
            .NoRollback("test"));
        run.Parameter("ChildPid", run.Temp.File("child.pid"));

        var result = await run.RunAsync();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("timed out after 1 second; its process tree was killed", result.Outcome.Reason);
        Assert.Equal("true", result.Events("action").Single()["timedOut"]);
        var child = int.Parse(File.ReadAllText(run.Temp.File("child.pid")).Trim(), CultureInfo.InvariantCulture);
        Assert.True(await Processes.ExitsAsync(child), $"background child {child} outlived the time-out");
    }

    [Fact]
    public async Task Secrets_are_masked_on_the_console_and_in_the_journal_even_inside_command_output()
    {
        const string Secret = "hunter2-Sup3r";
        using var run = new TestRun((rb, p) => rb
            .Phase("Act", ph => ph.Step("Use the token", s => s
                .Run($"echo sending {p["Token"]}; echo \"inside: $(echo {p["Token"]})\"; echo {p["Token"]} >&2; exit 1", "uses the token")))
            .NoRollback("test"))
            .Parameter("Token", Secret, secret: true);

        var result = await run.RunAsync();

        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain(Secret, result.Output);
        Assert.DoesNotContain(Secret, File.ReadAllText(run.JournalPath));
        Assert.Contains("    | sending ***", result.Output);
        Assert.Contains("    | inside: ***", result.Output);
        Assert.Contains("echo sending '***'", result.Events("action").Single()["command"]);
    }

    /// <summary>Each would run <c>touch PWNED</c> (or delete the canary folder) if a hole were spliced in unquoted.</summary>
    public static TheoryData<string> Hostile => new(
        "; touch PWNED",
        "$(touch PWNED)",
        "`touch PWNED`",
        "'; touch PWNED; '",
        "\"; touch PWNED; \"",
        "x\ntouch PWNED",
        "x\r\ntouch PWNED #",
        "$(id) && touch PWNED",
        "; rm -rf CANARY",
        "' || rm -rf CANARY || '",
        "\\\"; touch PWNED; #");

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Hostile_hole_values_reach_the_command_as_data_and_never_run(string hostile)
    {
        using var run = new TestRun((rb, p) => rb
            .Phase("Act", ph => ph.Step("Echo", s => s.Run($"printf '%s' {p["Value"]} > {p["Out"]}; printf '%s' \"{p["Value"]}\" >> {p["Out"]}")))
            .NoRollback("test"));
        Directory.CreateDirectory(run.Temp.File("canary"));
        var value = hostile.Replace("PWNED", run.Temp.File("pwned"), StringComparison.Ordinal).Replace("CANARY", run.Temp.File("canary"), StringComparison.Ordinal);
        run.Parameter("Value", value).Parameter("Out", run.Temp.File("out"));

        var result = await run.RunAsync();

        Assert.Equal(0, result.ExitCode);
        Assert.False(File.Exists(run.Temp.File("pwned")), "a hole value was executed");
        Assert.True(Directory.Exists(run.Temp.File("canary")), "a hole value was executed");
        Assert.Equal(value + value, File.ReadAllText(run.Temp.File("out")));
    }
}
