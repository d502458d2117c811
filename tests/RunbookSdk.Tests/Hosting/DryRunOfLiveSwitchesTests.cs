using RunbookSdk.Tests.Runner;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Hosting;

/// <summary>
/// A dry run given the live run's switches (<c>--non-interactive</c>, <c>--yes</c>, <c>--skip-manual</c>,
/// <c>--conditions-hold</c>, <c>--skip-conditional</c>) shows each step as they make the live run treat it, and ends with
/// the refusal the live run would start with. Before, it ignored them: <c>--dry-run --non-interactive</c> of a runbook
/// with a destructive step exited 0 and said "requires confirmation before it runs", while the live run with the same
/// command line refused to start (exit 2), and <c>--skip-conditional</c> still showed "the operator is asked first".
/// </summary>
public sealed class DryRunOfLiveSwitchesTests
{
    private static TestRun Runbook(TempDirectory temp) => new(rb => rb
        .Phase("Mitigate", p => p
            .Step("Emergency rollback", s => s.OnlyIf("a deploy went out in the last hour").Run($"touch {temp.File("rolled-back")}"))
            .Step("Drain the node", s => s.Instruction("Cordon node-1 in the console").Monitor("the error rate", TimeSpan.FromSeconds(1)))
            .Step("Restart", s => s.Run($"touch {temp.File("restarted")}").RequiresConfirmation()))
        .NoRollback("test")
        .Verification(v => v
            .Step("Healthy", s => s.Run("true"))
            .OneOf("Probe", o => o.Step("Probe A", s => s.Run("true")).Step("Probe B", s => s.Run("true")))));

    [Fact]
    public async Task A_non_interactive_dry_run_ends_with_the_refusal_the_live_run_starts_with()
    {
        using var temp = new TempDirectory();
        using var run = Runbook(temp);

        var live = await Host.RunAsync(run.Catalog(), "run", run.Id, "--non-interactive", "--journal", run.JournalPath);
        var dry = await Host.RunAsync(run.Catalog(), "run", run.Id, "--non-interactive", "--dry-run");

        Assert.Equal(2, live.ExitCode);
        Assert.Equal(live.ExitCode, dry.ExitCode);
        var refusal = live.Output[live.Output.IndexOf("error:", StringComparison.Ordinal)..];
        Assert.EndsWith(refusal, dry.Output, StringComparison.Ordinal);
        Assert.Contains("'Restart' is destructive and needs a confirmation", refusal, StringComparison.Ordinal);
        Assert.Contains("[destructive: it needs a confirmation, and --non-interactive never asks: a live run does not start without --yes]", dry.Output, StringComparison.Ordinal);
        Assert.Contains("[only if a deploy went out in the last hour: --non-interactive never asks: a live run does not start without --conditions-hold or --skip-conditional]", dry.Output, StringComparison.Ordinal);
        Assert.Contains("Manual: Cordon node-1 in the console (--non-interactive never waits for the operator: a live run does not start without --skip-manual)", dry.Output, StringComparison.Ordinal);
        Assert.Contains("Choose one: Probe  [--non-interactive never asks: a live run does not start without --choose \"Probe=<option>\"]", dry.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.File("restarted")));
    }

    [Fact]
    public async Task The_switches_that_answer_for_the_operator_are_shown_at_the_steps_they_answer()
    {
        using var temp = new TempDirectory();
        using var run = Runbook(temp);

        var dry = await Host.RunAsync(run.Catalog(), "run", run.Id, "--non-interactive", "--yes", "--skip-manual", "--skip-conditional", "--choose", "Probe=2", "--dry-run");

        Assert.Equal(0, dry.ExitCode);
        Assert.Contains("As a live run with --non-interactive --yes --skip-manual --skip-conditional.", dry.Output, StringComparison.Ordinal);
        Assert.Contains("[only if a deploy went out in the last hour: skipped by --skip-conditional: it does not run]", dry.Output, StringComparison.Ordinal);
        Assert.Contains("Manual: Cordon node-1 in the console (skipped by --skip-manual: nobody does it)", dry.Output, StringComparison.Ordinal);
        Assert.Contains("[destructive: confirmed by --yes: it runs without asking]", dry.Output, StringComparison.Ordinal);
        Assert.Contains("Monitor for 1 second: the error rate (watched unattended with --non-interactive: nobody judges the signal, and the step passes)", dry.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("the operator is asked first", dry.Output, StringComparison.Ordinal);

        var held = await Host.RunAsync(run.Catalog(), "run", run.Id, "--conditions-hold", "--dry-run");
        Assert.Contains("[only if a deploy went out in the last hour: taken to hold by --conditions-hold: it runs without asking]", held.Output, StringComparison.Ordinal);
        Assert.Contains("[destructive: requires confirmation before it runs]", held.Output, StringComparison.Ordinal);
        Assert.Contains("(the operator confirms when done)", held.Output, StringComparison.Ordinal);
        Assert.Contains("Monitor for 1 second: the error rate (then the operator says whether it looked healthy; no fails the step)", held.Output, StringComparison.Ordinal);
    }
}
