using System.Collections.Concurrent;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A command line is every user's to read (<c>ps</c>, <c>/proc/&lt;pid&gt;/cmdline</c>); on a shared bastion, a step
/// <c>echo {ApiToken} | …</c> showed the token to anyone looking while it ran. A command holding a secret now reaches
/// bash through its environment, which only its user may read. Real processes, read as <c>ps</c> reads them.
/// </summary>
public sealed class SecretCommandLineTests
{
    private const string Secret = "s3cr3t-cmdline-4242";

    /// <summary>Runs <c>sleep 1; echo VALUE &gt; file</c> and returns what the file got and whether any command line showed the value meanwhile.</summary>
    private static async Task<(string Written, bool SeenInACommandLine, RunResult Result)> RunWatchingAsync(string value, bool secret)
    {
        using var run = new TestRun((rb, p) => rb
            .Phase("Act", ph => ph.Step("Use the token", s => s.Run($"sleep 1; echo {p["Token"]} > {p["Out"]}")))
            .NoRollback("test"));
        run.Parameter("Token", value, secret).Parameter("Out", run.Temp.File("out.txt"));

        using var watching = new CancellationTokenSource();
        var seen = new ConcurrentBag<int>();
        var watcher = Task.Run(async () =>
        {
            while (!watching.IsCancellationRequested)
            {
                foreach (var directory in Directory.EnumerateDirectories("/proc"))
                {
                    try
                    {
                        if (File.ReadAllText(Path.Combine(directory, "cmdline")).Contains(value, StringComparison.Ordinal)) seen.Add(1);
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
                }
                await Task.Delay(20);
            }
        });
        var result = await run.RunAsync();
        await watching.CancelAsync();
        await watcher;
        return (File.ReadAllText(run.Temp.File("out.txt")).Trim(), !seen.IsEmpty, result);
    }

    [Fact]
    public async Task A_command_holding_a_secret_runs_with_the_secret_in_no_command_line()
    {
        var (written, seen, result) = await RunWatchingAsync(Secret, secret: true);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Secret, written);
        Assert.False(seen, "the secret was in a process's command line while the step ran");
    }

    [Fact]
    public async Task A_command_without_a_secret_keeps_its_command_line_as_ps_shows_it()
    {
        // The watch itself sees command lines: without a secret, the command is bash's command line, as before.
        var (written, seen, result) = await RunWatchingAsync("plain-cmdline-4242", secret: false);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("plain-cmdline-4242", written);
        Assert.True(seen);
    }
}
