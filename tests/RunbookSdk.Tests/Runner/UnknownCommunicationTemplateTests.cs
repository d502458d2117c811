using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// docs/runner.md, <c>Notify(template)</c>: a template name neither the runbook nor its handbook defines (a typo, a
/// template renamed in the handbook) failed its step, so the run stopped going forward and offered to roll back the
/// mitigation that had just worked — for a notification. It is named at the start, and the step is skipped when reached.
/// </summary>
public sealed class UnknownCommunicationTemplateTests
{
    private static TestRun Runbook(TempDirectory temp) => new TestRun(rb => rb
            .Phase("Mitigate", ph => ph
                .Step("Restart", s => s.Run($"touch {temp.File("restarted")}"))
                .Step("Tell customers", s => s.Notify("custmer-update", "#status"))
                .Step("Scale up", s => s.Run($"touch {temp.File("scaled")}")))
            .Rollback(r => r.Step("Undo", s => s.Run($"touch {temp.File("rolled-back")}"))))
        .Handbook(h => h.Communication("customer-update", "We are working on {title}", "#status"));

    [Fact]
    public async Task The_run_names_the_step_at_its_start_skips_it_and_goes_on_without_a_rollback()
    {
        using var temp = new TempDirectory();
        using var run = Runbook(temp);

        var result = await run.RunAsync();

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.True(File.Exists(temp.File("scaled")), result.Output);
        Assert.False(File.Exists(temp.File("rolled-back")), result.Output);
        Assert.Equal(["Restart: succeeded", "Tell customers: skipped", "Scale up: succeeded"], result.StepResults);

        const string Why = "no communication template 'custmer-update' in the runbook or its handbook (they define 'customer-update')";
        var warning = result.Output.IndexOf($"step 1.2 'Tell customers' notifies with {Why}", StringComparison.Ordinal);
        Assert.True(warning >= 0 && warning < result.Output.IndexOf("Restart", warning, StringComparison.Ordinal), result.Output);
        Assert.Equal($"{Why}: nothing was sent; tell #status by hand", result.Events("step-finished").ElementAt(1)["reason"]);
        var action = result.Events("action").Single(e => e["kind"] == "notification");
        Assert.Equal(("custmer-update", Why), (action["template"], action["error"]));
        Assert.Empty(result.Events("notification"));
    }

    [Fact]
    public async Task The_dry_run_marks_the_step()
    {
        using var temp = new TempDirectory();
        using var run = Runbook(temp);
        var console = new PlainConsole();

        var outcome = await new DryRunPrinter(console.Console).ExecuteAsync(run.Bind(), CancellationToken.None);

        Assert.Equal(0, outcome.ExitCode);
        var lines = console.Output.Split('\n').Select(l => l.Trim()).ToList();
        var notify = lines.IndexOf("Notify: custmer-update via #status");
        Assert.True(notify > 0, console.Output);
        Assert.StartsWith("[no communication template 'custmer-update' in the runbook or its handbook (they define 'customer-update'): a live run skips it",
            lines[notify + 1]);
    }

    [Fact]
    public async Task A_template_of_another_case_is_the_same_template_and_is_sent()
    {
        using var run = new TestRun(rb => rb
                .Phase("Tell", ph => ph.Step("Tell customers", s => s.Notify("Customer-Update")))
                .NoRollback("test"))
            .Handbook(h => h.Communication("customer-update", "We are working on {title}", "#status"));

        var result = await run.RunAsync();

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.DoesNotContain("no communication template", result.Output);
        Assert.Equal("customer-update", result.Events("notification").Single()["template"]);
    }
}
