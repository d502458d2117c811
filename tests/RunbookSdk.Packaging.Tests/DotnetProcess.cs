using System.Diagnostics;
using System.Text;

namespace RunbookSdk.Packaging.Tests;

/// <summary>What a finished process printed and returned, with the command line for failure messages.</summary>
public sealed record ProcessResult(string CommandLine, int ExitCode, string Output, TimeSpan Duration)
{
    /// <summary>Everything a reader needs when an assertion on this result fails.</summary>
    public override string ToString() => $"$ {CommandLine}\n(exit code {ExitCode} after {Duration.TotalSeconds:0.0}s)\n{Output}";
}

/// <summary>
/// Runs real processes (arguments through <see cref="ProcessStartInfo.ArgumentList"/>, never a concatenated line)
/// in an environment of our choosing, with a timeout after which the whole process tree is killed.
/// </summary>
public sealed class DotnetProcess(IReadOnlyDictionary<string, string?> environment)
{
    /// <summary>
    /// Variables a parent <c>dotnet test</c> or CI sets that would change what the child does: CI=true stops a runbook
    /// build from writing docs, and the MSBuild/VSTest ones point a child at the parent's MSBuild or test host.
    /// </summary>
    private static readonly string[] InheritedPrefixesToDrop = ["MSBuild", "MSBUILD", "VSTEST_", "TESTINGPLATFORM_", "DOTNET_HOST_PATH"];

    public Task<ProcessResult> Dotnet(string workingDirectory, TimeSpan timeout, params string[] arguments) =>
        Run("dotnet", workingDirectory, timeout, arguments);

    public async Task<ProcessResult> Run(string fileName, string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var name in start.Environment.Keys.ToList())
        {
            if (name == "CI" || InheritedPrefixesToDrop.Any(p => name.StartsWith(p, StringComparison.Ordinal))) start.Environment.Remove(name);
        }
        foreach (var (name, value) in environment)
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }

        var output = new StringBuilder();
        var commandLine = fileName + " " + string.Join(' ', arguments.Select(a => a.Contains(' ') ? $"\"{a}\"" : a));
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timer = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(timer.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            lock (output) output.AppendLine($"[killed: no exit within {timeout.TotalSeconds:0}s]");
            lock (output) return new ProcessResult(commandLine, -1, output.ToString(), stopwatch.Elapsed);
        }
        lock (output) return new ProcessResult(commandLine, process.ExitCode, output.ToString(), stopwatch.Elapsed);
    }
}
