using System.Diagnostics;
using System.Runtime.Versioning;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// Runs the sandbox app as another user (<c>nobody</c>, through <c>setpriv</c>): the engineer taking over at shift change,
/// logged in as themselves, against what this test — as root, the first engineer — left. Only where the tests run as
/// root on Linux, which alone can act as another user.
/// </summary>
internal static class AnotherUser
{
    private const string Setpriv = "/usr/bin/setpriv";

    /// <summary>The other user's name.</summary>
    public const string Name = "nobody";

    /// <summary>True when the tests can act as another user here (on Linux only).</summary>
    [SupportedOSPlatformGuard("linux")]
    public static bool Available => OperatingSystem.IsLinux() && Environment.UserName == "root" && File.Exists(Setpriv);

    /// <summary>
    /// A copy of the built sandbox app in <paramref name="folder"/>, where the other user can run it (the repository may
    /// lie in root's home); its <c>Sandbox.dll</c>.
    /// </summary>
    public static string CopyOfApp(string folder)
    {
        var from = Path.GetDirectoryName(SandboxApp.AppDll)!;
        foreach (var sub in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(folder, Path.GetRelativePath(from, sub)));
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(folder, Path.GetRelativePath(from, file)));
        return Path.Combine(folder, Path.GetFileName(SandboxApp.AppDll));
    }

    /// <summary>
    /// <c>journal.jsonl</c> in a folder <paramref name="folder"/> made writable by everyone, as docs/runner.md says a team
    /// shares journals: the other user may create, write and lock files there.
    /// </summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public static string SharedJournal(string folder)
    {
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, (UnixFileMode)Convert.ToInt32("777", 8));
        return Path.Combine(folder, "journal.jsonl");
    }

    /// <summary>Runs <paramref name="appDll"/> as the other user to the end (standard input closed); its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, string appDll, params string[] args)
    {
        var start = new ProcessStartInfo(Setpriv)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var arg in new[] { "--reuid=65534", "--regid=65534", "--clear-groups", SandboxApp.Dotnet, appDll }.Concat(args)) start.ArgumentList.Add(arg);
        start.Environment["HOME"] = workingDirectory;
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // A guard against hanging the test suite, not a limit on how fast the app must be.
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
