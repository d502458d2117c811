using RunbookSdk.Execution;
using RunbookSdk.Hosting;
using RunbookSdk.Model;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Execution;

/// <summary>The dry-run executor prints and never executes.</summary>
public sealed class DryRunPrinterTests
{
    [Fact]
    public async Task A_dry_run_runs_no_command_and_no_delegate()
    {
        using var dir = new TempDirectory();
        var marker = dir.File("touched");
        var (run, called) = Bind(new SideEffects { Path = marker });
        var console = new PlainConsole();

        IRunbookExecutor executor = new DryRunPrinter(console.Console);
        var outcome = await executor.ExecuteAsync(run, CancellationToken.None);

        Assert.Equal(RunOutcome.Success, outcome);
        Assert.False(File.Exists(marker));
        Assert.False(called());
        Assert.Contains($"$ touch {marker}", console.Output);
        Assert.Contains("Code: Would write a file", console.Output);
    }

    [Fact]
    public async Task An_empty_secret_is_shown_as_missing()
    {
        var (run, _) = Bind(new SideEffects { Path = "/tmp/x" });
        var console = new PlainConsole();

        await new DryRunPrinter(console.Console).ExecuteAsync(run, CancellationToken.None);

        // An interactive live run asks for it, another refuses it; "(empty)" read as a value the run would use.
        Assert.Contains("  Token = (missing: an interactive live run asks for it before anything runs, echo off, and one that is not interactive refuses to start; set RUNBOOK_SECRET_TOKEN or pass Token=VALUE)  (secret)", console.Output.Split('\n'));
    }

    [Fact]
    public async Task A_time_limit_under_a_second_is_printed_in_milliseconds()
    {
        var (run, _) = Bind(new SideEffects { Path = "/tmp/x" });
        var console = new PlainConsole();

        await new DryRunPrinter(console.Console).ExecuteAsync(run, CancellationToken.None);

        // As the page writes it (the same Durations.Format), not "0 seconds".
        Assert.Contains("timeout 500 milliseconds", console.Output, StringComparison.Ordinal);
        Assert.Contains("timeout 1.5 seconds", console.Output, StringComparison.Ordinal);
    }

    private static (RunContext Run, Func<bool> DelegateCalled) Bind(SideEffects runbook)
    {
        var descriptor = new RunbookDescriptor
        {
            Id = "side-effects",
            Title = "Side effects",
            RunbookType = typeof(SideEffects),
            Parameters = [new("Token", "string", null, IsSecret: true, IsRequired: false, DefaultText: null)],
            Create = _ => runbook,
            ReadParameters = r => new Dictionary<string, string> { ["Token"] = ((SideEffects)r).Token },
            DocumentFileName = "side-effects.md",
            Documentation = "",
        };
        var run = RunContext.Bind(new RunbookCatalog([descriptor], [], ""), descriptor, new Dictionary<string, string>());
        return (run, () => runbook.DelegateCalled);
    }

    private sealed class SideEffects : Runbook
    {
        public required string Path { get; init; }
        public string Token { get; init; } = "";
        public bool DelegateCalled { get; private set; }

        public override void Define(IRunbookBuilder rb) => rb
            .Title("Side effects")
            .Phase("Act", p => p.Step("Touch", s => s
                .Run($"touch {Path}").Timeout(TimeSpan.FromMilliseconds(500))
                .Execute("Would write a file", _ =>
                {
                    DelegateCalled = true;
                    return Task.CompletedTask;
                }).Timeout(TimeSpan.FromMilliseconds(1500))))
            .NoRollback("test");
    }
}
