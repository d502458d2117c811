using System.Diagnostics;
using System.Text;

namespace RunbookSdk.Tests.Support;

/// <summary>Runs a rendered command the way the runner will: <c>/bin/bash -c</c> through <see cref="ProcessStartInfo.ArgumentList"/>.</summary>
internal static class Bash
{
    public static string Run(string command)
    {
        var (exitCode, stdout, stderr) = Execute(command);
        Assert.True(exitCode == 0, $"bash exited {exitCode}: {stderr}\ncommand: {command}");
        return stdout;
    }

    /// <summary>Runs <paramref name="command"/> and returns how bash ended, without judging it.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Execute(string command)
    {
        var start = new ProcessStartInfo("/bin/bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        start.Environment.Remove("BASH_ENV");
        start.Environment["LC_ALL"] = "C.UTF-8";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(10_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bash did not finish: {command}");
        }
        return (process.ExitCode, stdout, stderr.Result);
    }
}
