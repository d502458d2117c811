using System.Diagnostics;
using RunbookSdk.Hosting;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// The hint at a run's end is a command to paste: the program as it was started, the runbook and the journal. It said
/// <c>run sandbox-dependency-fault --resume …</c>, which is no command: the engineer had to work out whether it was
/// <c>dotnet Sandbox.dll</c>, <c>./Sandbox</c>, <c>dotnet run --project … --</c> or the <c>runbook</c> tool.
/// </summary>
public sealed class ResumeCommandTests
{
    [Fact]
    public async Task The_resume_hint_of_a_failed_run_is_a_command_that_resumes_it_when_pasted()
    {
        await using var service = await SandboxService.StartAsync();
        using var temp = new TempDirectory();

        // The fault switch is off: "Is the fault switch on?" fails, with nothing to roll back.
        var (failed, output) = await SandboxApp.RunAsync(temp.Path, "run", "sandbox-dependency-fault", $"BaseUrl={service.BaseUrl}");

        Assert.Equal(1, failed);
        var hint = Assert.Single(output.Split('\n'), l => l.Contains("To continue after the last completed step: ", StringComparison.Ordinal));
        var command = hint[(hint.IndexOf(": ", StringComparison.Ordinal) + 2)..].Trim();
        Assert.StartsWith($"dotnet {SandboxApp.AppDll} run sandbox-dependency-fault --resume \"", command);

        // Pasted into a shell elsewhere, once the fault is on again, it resumes that run and finishes it.
        await service.PostAsync("/fault", "on");
        var shell = new ProcessStartInfo("/bin/bash") { RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false, WorkingDirectory = Path.GetTempPath() };
        shell.ArgumentList.Add("-c");
        shell.ArgumentList.Add(command);
        shell.Environment["NO_COLOR"] = "1";
        using var resumed = Process.Start(shell)!;
        resumed.StandardInput.Close();
        var resumedOutput = await resumed.StandardOutput.ReadToEndAsync();
        await resumed.WaitForExitAsync();

        Assert.True(resumed.ExitCode == 0, resumedOutput);
        Assert.Contains("Resuming: 1 completed step(s) are not repeated", resumedOutput);
    }

    [Theory]
    [InlineData("/usr/share/dotnet/dotnet", "/srv/ops/Ops.dll", "dotnet /srv/ops/Ops.dll")]
    [InlineData("/srv/ops/Ops", "/srv/ops/Ops.dll", "/srv/ops/Ops")] // an apphost, which `dotnet run` starts too
    [InlineData("/srv/on call/Ops", "/srv/on call/Ops.dll", "'/srv/on call/Ops'")]
    [InlineData("/usr/share/dotnet/dotnet", null, null)]
    public void The_program_is_named_as_it_was_started(string processPath, string? entryAssembly, string? expected) =>
        Assert.Equal(expected, ProgramCommand.Of(processPath, entryAssembly));
}
