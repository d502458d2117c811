using RunbookSdk.Execution;

namespace RunbookSdk.Tests.Runner;

/// <summary>C# code steps (<c>Execute</c>): time limits, code that will not stop, what it leaves behind, how it fails.</summary>
public sealed class DelegateStepTests
{
    private static readonly TimeSpan Short = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Code_past_its_time_limit_is_cancelled_and_fails_the_step_so_the_rollback_runs()
    {
        var sawCancellation = false;
        var undone = 0;
        using var run = new TestRun(rb => rb
            .Phase("Act", p => p.Step("Drain", s => s
                .Execute("drain the queue", async ctx =>
                {
                    try { await Task.Delay(Timeout.Infinite, ctx.CancellationToken); }
                    catch (OperationCanceledException) { sawCancellation = true; throw; }
                })
                .Timeout(Short)))
            .Rollback(r => r.Step("Undo", s => s.Execute("undo", _ => { undone++; return Task.CompletedTask; }))));

        var result = await run.RunAsync();

        Assert.Equal(3, result.ExitCode);
        Assert.True(sawCancellation);
        Assert.Equal(1, undone);
        Assert.Equal(["Drain: failed", "Undo: succeeded"], result.StepResults);
        Assert.Equal("timed out after 1 second; the code stopped when asked", result.Events("step-finished").First()["reason"]);
        var action = result.Events("action").First();
        Assert.Equal("delegate", action["kind"]);
        Assert.Equal("drain the queue", action["code"]);
        Assert.Equal("true", action["timedOut"]);
        Assert.Null(action["abandoned"]);
    }

    [Fact]
    public async Task Code_that_ignores_its_token_is_left_behind_and_what_it_does_later_reaches_no_later_step()
    {
        var release = new ManualResetEventSlim();
        var lateWritesDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bool? rollbackSawLateOutput = null;
        string? rollbackSawEarlyOutput = null;
        using var run = new TestRun(rb => rb
            .Phase("Act", p => p.Step("Stuck", s => s
                .Execute("calls an SDK that hangs", ctx =>
                {
                    ctx.SetOutput("deployed", "v42");
                    release.Wait(); // synchronous and deaf to its token, as a stuck SDK call is
                    ctx.SetOutput("late", "written after the step ended");
                    ctx.Log("a log line after the step ended");
                    Console.WriteLine("console output after the step ended");
                    lateWritesDone.SetResult();
                    return Task.CompletedTask;
                })
                .Timeout(Short)))
            .Rollback(r => r.Step("Undo", s => s.Execute("undo", async ctx =>
            {
                release.Set();
                await lateWritesDone.Task.WaitAsync(TimeSpan.FromMinutes(1));
                rollbackSawLateOutput = ctx.Outputs.ContainsKey("late");
                rollbackSawEarlyOutput = ctx.Outputs["deployed"];
            }))));
        try
        {
            var result = await run.RunAsync().WaitAsync(TimeSpan.FromMinutes(2));

            Assert.Equal(3, result.ExitCode);
            Assert.Equal(["Stuck: failed", "Undo: succeeded"], result.StepResults);
            Assert.Equal("timed out after 1 second; the code did not stop when asked and may still be running in the background",
                result.Events("step-finished").First()["reason"]);
            Assert.Equal("true", result.Events("action").First()["abandoned"]);
            // What the code set while its step ran stands (the rollback may need it); what it set after does not.
            Assert.Equal("v42", rollbackSawEarlyOutput);
            Assert.False(rollbackSawLateOutput);
            Assert.DoesNotContain(result.Events("log"), e => e["message"]!.Contains("after the step ended", StringComparison.Ordinal));
            Assert.Equal(["deployed"], result.Events("output").Select(e => e["name"]));
        }
        finally
        {
            release.Set();
        }
    }

    [Fact]
    public async Task Code_without_a_time_limit_gets_the_runners_default()
    {
        using var run = new TestRun(rb => rb
            .Phase("Act", p => p.Step("Wait forever", s => s.Execute("wait", ctx => Task.Delay(Timeout.Infinite, ctx.CancellationToken))))
            .NoRollback("test"));

        var result = await run.RunAsync(TestRun.NonInteractive with { DefaultDelegateTimeout = Short });

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("timed out after 1 second", result.Events("step-finished").Single()["reason"]);
    }

    [Fact]
    public void The_default_time_limit_is_five_minutes_and_must_be_positive_or_infinite()
    {
        Assert.Equal(TimeSpan.FromMinutes(5), new RunnerOptions().DefaultDelegateTimeout);
        Assert.Equal(Timeout.InfiniteTimeSpan, new RunnerOptions { DefaultDelegateTimeout = Timeout.InfiniteTimeSpan }.DefaultDelegateTimeout);
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => new RunnerOptions { DefaultDelegateTimeout = TimeSpan.Zero });
        Assert.Contains("DefaultDelegateTimeout", refused.Message);
    }

    [Fact]
    public async Task The_time_limit_also_bounds_code_in_the_rollback_which_ctrl_c_never_cancels()
    {
        using var run = new TestRun(rb => rb
            .Phase("Act", p => p.Step("Fail", s => s.Execute("fail", _ => throw new InvalidOperationException("broken"))))
            .Rollback(r => r.Step("Undo", s => s.Execute("undo", ctx => Task.Delay(Timeout.Infinite, ctx.CancellationToken)).Timeout(Short))));

        var result = await run.RunAsync().WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(4, result.ExitCode);
        Assert.Equal(["Fail: failed", "Undo: failed"], result.StepResults);
    }

    [Fact]
    public async Task An_exception_thrown_before_the_first_await_fails_the_step_with_its_message()
    {
        using var run = new TestRun(rb => rb
            .Phase("Act", p => p.Step("Throw", s => s.Execute("throws at once", _ => throw new TimeoutException("the SDK gave up"))))
            .NoRollback("test"));

        var result = await run.RunAsync();

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("TimeoutException: the SDK gave up", result.Events("step-finished").Single()["reason"]);
    }

    [Fact]
    public async Task An_exception_wrapped_by_Wait_or_Result_is_reported_as_the_exception_inside()
    {
        using var run = new TestRun(rb => rb
            .Phase("Act", p => p.Step("Block", s => s.Execute("blocks on a task", _ =>
            {
                Task.Run(() => throw new InvalidOperationException("queue-7 is read-only")).Wait();
                return Task.CompletedTask;
            })))
            .NoRollback("test"));

        var result = await run.RunAsync();

        Assert.Equal("InvalidOperationException: queue-7 is read-only", result.Events("step-finished").Single()["reason"]);
    }

    [Fact]
    public async Task Code_that_returns_no_task_fails_with_a_reason_that_says_so()
    {
        using var run = new TestRun(rb => rb
            .Phase("Act", p => p.Step("Null", s => s.Execute("returns null", _ => null!)))
            .NoRollback("test"));

        var result = await run.RunAsync();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("returned no Task (null)", result.Events("step-finished").Single()["reason"]);
    }

    [Fact]
    public async Task Outputs_set_by_code_are_journaled_masked_and_reach_later_steps()
    {
        string? seen = null;
        using var run = new TestRun((rb, p) => rb
            .Phase("Act", ph => ph
                .Step("Fetch", s => s.Execute("fetch", ctx =>
                {
                    ctx.SetOutput("auth", $"Bearer {ctx.Parameters["Token"]}");
                    ctx.SetOutput("version", "1.4.2");
                    return Task.CompletedTask;
                }))
                .Step("Use", s => s.Execute("use", ctx => { seen = ctx.Outputs["auth"] + " " + ctx.Outputs["VERSION"]; return Task.CompletedTask; })))
            .NoRollback("test"))
            .Parameter("Token", "tok-5ecret", secret: true);

        var result = await run.RunAsync();

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Bearer tok-5ecret 1.4.2", seen);
        Assert.Equal(["auth=Bearer ***", "version=1.4.2"], result.Events("output").Select(e => $"{e["name"]}={e["value"]}"));
        Assert.DoesNotContain(result.Journal, e => e.Line.Contains("tok-5ecret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Code_may_log_and_set_outputs_from_several_threads_at_once()
    {
        using var run = new TestRun(rb => rb
            .Phase("Act", p => p.Step("Fan out", s => s.Execute("fan out", ctx =>
                Parallel.ForAsync(0, 200, async (i, _) =>
                {
                    await Task.Yield();
                    ctx.SetOutput($"o{i}", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    ctx.Log($"item {i}");
                }))))
            .NoRollback("test"));

        var result = await run.RunAsync();

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(200, result.Events("log").Count());
        Assert.Equal(200, result.Events("output").Count());
    }
}
