using System.Diagnostics;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// The sandbox's watched fault fix (<c>sandbox-watched-fault-fix</c>) against a real sandbox service whose fault is on,
/// with a journal in a temp folder: the start the journeys that stop its runner in the settle wait share.
/// </summary>
internal sealed class WatchedFaultFix : IAsyncDisposable
{
    private WatchedFaultFix(SandboxService service) => Service = service;

    public SandboxService Service { get; }
    public TempDirectory Temp { get; } = new();
    public string JournalPath => Temp.File("journal.jsonl");

    /// <summary>Starts the sandbox service and switches its fault on.</summary>
    public static async Task<WatchedFaultFix> StartAsync()
    {
        var service = await SandboxService.StartAsync();
        await service.PostAsync("/fault", "on");
        return new WatchedFaultFix(service);
    }

    /// <summary>
    /// Starts the runbook's run, non-interactive, and returns its runner once the run is in the settle wait (step 2.2):
    /// the health watch of step 1.1 runs in the background. Its output is drained, so its pipes never fill.
    /// </summary>
    public async Task<Process> RunUntilTheSettleWaitAsync()
    {
        var runner = SandboxApp.Start(Temp.Path, "run", "sandbox-watched-fault-fix", $"BaseUrl={Service.BaseUrl}", "--non-interactive", "--journal", JournalPath);
        _ = runner.StandardOutput.ReadToEndAsync();
        _ = runner.StandardError.ReadToEndAsync();
        await Processes.WaitUntilAsync(() => LiveJournal.Shows(JournalPath, e => e.Name == "wait-started"), "the settle wait to start");
        return runner;
    }

    /// <summary>Starts the resume of that run, non-interactive; the caller reads its output.</summary>
    public Process StartResume() =>
        SandboxApp.Start(Temp.Path, "run", "sandbox-watched-fault-fix", $"BaseUrl={Service.BaseUrl}", "--non-interactive", "--resume", JournalPath);

    public async ValueTask DisposeAsync()
    {
        Temp.Dispose();
        await Service.DisposeAsync();
    }
}
