using System.Diagnostics;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// The engineer keeps a log with <c>run … &gt; run.log</c>, and the disk under it is full — or a script started the
/// run with its standard output closed. The first write that failed ended the run where it stood: the step printing
/// failed with "IOException: No space left on device", then the host with <c>error: No space left on device</c> (exit
/// 1): no rollback, no verification, no <c>run-finished</c>, the service left broken; full or closed from the start, no
/// run started at all. The run now goes on without its output, says so on standard error, and the journal keeps the
/// record. The real sandbox app and service; standard output is <c>/dev/full</c>, where every write fails with ENOSPC.
/// </summary>
public sealed class UnwritableOutputTests
{
    [Theory]
    [InlineData("> /dev/full")] // a full disk
    [InlineData(">&-")] // closed
    public async Task A_run_whose_standard_output_cannot_be_written_goes_on_and_journals_its_end(string redirection)
    {
        await SandboxApp.EnsureBuiltAsync();
        await using var service = await SandboxService.StartAsync();
        await service.PostAsync("/deploy", "2.0.0-bad");
        using var temp = new TempDirectory();
        var journalPath = temp.File("journal.jsonl");
        var start = new ProcessStartInfo("/bin/bash")
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = temp.Path,
        };
        // bash puts the app's standard output where the engineer's redirection would, then becomes the app.
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"exec \"$@\" {redirection}");
        foreach (var arg in new[] { "bash", SandboxApp.Dotnet, SandboxApp.AppDll, "run", "sandbox-bad-deploy", $"BaseUrl={service.BaseUrl}", "--yes", "--journal", journalPath })
            start.ArgumentList.Add(arg);
        start.Environment["NO_COLOR"] = "1";
        using var runner = Process.Start(start)!;
        runner.StandardInput.Close();
        var errors = await runner.StandardError.ReadToEndAsync();
        await runner.WaitForExitAsync();

        Assert.True(runner.ExitCode == 0, $"exit code {runner.ExitCode}: {errors}");
        Assert.Contains("warning: standard output cannot be written", errors);
        var journal = Journal.Read(journalPath);
        Assert.Equal("Succeeded", journal[^1]["status"]);
        Assert.DoesNotContain(journal, e => e.Name == "step-finished" && e["result"] != "succeeded");
        Assert.Equal("1.0.0", (await service.VersionAsync()).GetProperty("version").GetString());
    }
}
