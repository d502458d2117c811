using RunbookSdk.Hosting;
using Spectre.Console;

namespace RunbookSdk.Samples.Tests;

/// <summary>Runs the real host's <c>run ID --dry-run</c> into a plain-text console.</summary>
internal static class DryRun
{
    public static async Task<(int ExitCode, string Output)> Run(RunbookCatalog catalog, string id, params string[] parameters)
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
        var exitCode = await RunbookHost.RunAsync(["run", id, .. parameters, "--dry-run"], catalog, console, CancellationToken.None);
        return (exitCode, writer.ToString());
    }
}
