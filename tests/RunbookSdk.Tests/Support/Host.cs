using RunbookSdk.Hosting;

namespace RunbookSdk.Tests.Support;

/// <summary>Runs the host's command line in-process against a plain console.</summary>
internal static class Host
{
    public static async Task<HostResult> RunAsync(RunbookCatalog catalog, params string[] args)
    {
        var console = new PlainConsole();
        var exitCode = await RunbookHost.RunAsync(args, catalog, console.Console, CancellationToken.None);
        return new HostResult(exitCode, console.Output);
    }

    /// <summary>Runs with <paramref name="environment"/> as the process environment the host reads (secrets from <c>RUNBOOK_SECRET_*</c>).</summary>
    public static async Task<HostResult> RunAsync(RunbookCatalog catalog, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var console = new PlainConsole();
        var options = new RunbookHostOptions { EnvironmentVariable = name => environment.GetValueOrDefault(name) };
        var exitCode = await RunbookHost.RunAsync(args, catalog, console.Console, options, CancellationToken.None);
        return new HostResult(exitCode, console.Output);
    }
}

internal sealed record HostResult(int ExitCode, string Output)
{
    public IReadOnlyList<string> Lines => Output.Split('\n');
}
