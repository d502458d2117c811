using RunbookSdk.Generated;
using RunbookSdk.Hosting;
using Spectre.Console;

namespace RunbookProject.Tests;

/// <summary>
/// <c>run &lt;id&gt; --dry-run</c> through the same host the app's generated Main uses, with what it printed: the plan,
/// or why the runbook could not be prepared. Nothing is executed.
/// </summary>
internal static class DryRun
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string id, params string[] parameters)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 400;
        var exitCode = await RunbookHost.RunAsync(["run", id, .. parameters, "--dry-run"], GeneratedRunbookCatalog.Catalog, console, CancellationToken.None);
        return (exitCode, writer.ToString());
    }
}
