using System.Diagnostics;

namespace RunbookSdk.Tests.Runner;

/// <summary>Watches processes by id (Linux /proc), waiting for work to happen rather than for time to pass.</summary>
internal static class Processes
{
    /// <summary>True once the process is gone (or a zombie); false if it is still running after a generous bound.</summary>
    public static async Task<bool> ExitsAsync(int pid)
    {
        for (var i = 0; i < 200; i++)
        {
            if (!IsRunning(pid)) return true;
            await Task.Delay(50);
        }
        return false;
    }

    public static bool IsRunning(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        try
        {
            // State is the field after the parenthesised command name; Z (zombie) and X (dead) are not running.
            var text = File.ReadAllText(stat);
            var state = text[(text.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state is not ("Z" or "X");
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>The command line of a running process, arguments joined by spaces; empty once it is gone.</summary>
    public static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds, polling; fails the test after a generous bound.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        for (var i = 0; i < 1200; i++)
        {
            if (condition()) return;
            await Task.Delay(50);
        }
        Assert.Fail($"gave up waiting for {what}");
    }

    /// <summary>A failing test must not leave its own orphan behind.</summary>
    public static void KillIfRunning(int pid)
    {
        if (pid <= 0 || !IsRunning(pid)) return;
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
        }
        catch (ArgumentException)
        {
            // Gone meanwhile.
        }
    }
}
