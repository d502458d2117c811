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
    public Task<Process> RunUntilTheSettleWaitAsync() => RunUntilTheSettleWaitAsync(Temp.Path, Service.BaseUrl, JournalPath);

    /// <summary>
    /// The same run against <paramref name="baseUrl"/>, from <paramref name="workingDirectory"/>, journaled at
    /// <paramref name="journalPath"/>: for the journeys that need the service as it is, or a journal of their own place.
    /// A runner that never reaches the wait is killed before the failure is thrown, so no runner and no watch of it
    /// outlive the test.
    /// </summary>
    public static async Task<Process> RunUntilTheSettleWaitAsync(string workingDirectory, string baseUrl, string journalPath)
    {
        var runner = SandboxApp.Start(workingDirectory, "run", "sandbox-watched-fault-fix", $"BaseUrl={baseUrl}", "--non-interactive", "--journal", journalPath);
        _ = runner.StandardOutput.ReadToEndAsync();
        _ = runner.StandardError.ReadToEndAsync();
        try
        {
            await Processes.WaitUntilAsync(() => LiveJournal.Shows(journalPath, e => e.Name == "wait-started"), "the settle wait to start");
        }
        catch
        {
            runner.Kill(entireProcessTree: true);
            runner.Dispose();
            throw;
        }
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
