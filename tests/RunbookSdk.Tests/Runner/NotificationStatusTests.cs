using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A notification's <c>{status}</c> says where the run is when it is sent. It said "in progress" from every section,
/// so a rollback's message told the channel the mitigation was still going on while the runner undid it.
/// </summary>
public sealed class NotificationStatusTests
{
    private static TestRun FailingMitigation() => new(rb => rb
        .Communication("Update", "Payments: {status} ({step})", "#incidents")
        .Phase("Mitigate", ph => ph
            .Step("Announce", s => s.Notify("Update"))
            .Step("Deploy the fix", s => s.Run("exit 3")))
        .Rollback(r => r.Step("Announce the rollback", s => s.Notify("Update")))
        .Verification(v => v.Step("Announce the check", s => s.Notify("Update"))));

    [Fact]
    public async Task The_status_a_notification_names_is_that_of_the_section_it_is_sent_from()
    {
        using var run = FailingMitigation();

        var result = await run.RunAsync();

        Assert.Contains("Payments: in progress (Announce)", result.Output, StringComparison.Ordinal);
        Assert.Contains("Payments: rolling back (Announce the rollback)", result.Output, StringComparison.Ordinal);
        Assert.Contains("Payments: verifying (Announce the check)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dry_run_shows_each_notification_with_the_status_the_live_run_sends()
    {
        using var run = FailingMitigation();
        var console = new PlainConsole();

        await new DryRunPrinter(console.Console).ExecuteAsync(run.Bind(), CancellationToken.None);

        Assert.Contains("| Payments: in progress (Announce)", console.Output, StringComparison.Ordinal);
        Assert.Contains("| Payments: rolling back (Announce the rollback)", console.Output, StringComparison.Ordinal);
        Assert.Contains("| Payments: verifying (Announce the check)", console.Output, StringComparison.Ordinal);
    }
}
