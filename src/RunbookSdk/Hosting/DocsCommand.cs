using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using RunbookSdk.Execution;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RunbookSdk.Hosting;

/// <summary>
/// <c>docs [--out DIR] [--check]</c>: writes the generated pages, or checks that a folder holds them unchanged. Without
/// <c>--out</c>, the <c>docs</c> folder in the current folder: the app knows no project folder (it may run far from
/// its sources), and <c>cd</c> into the project then <c>dotnet run -- docs</c> is where the build writes them too.
/// </summary>
internal sealed class DocsCommand(RunbookCatalog catalog, HostConsoles consoles) : Command<DocsCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("-o|--out <DIR>")]
        [Description("The docs folder. Generated pages in it are replaced (a page already current is left untouched); hand-written files are kept. Default: docs in the current folder.")]
        public string? Out { get; set; }

        [CommandOption("--check")]
        [Description("Write nothing; exit 1 and list the pages that are stale, missing or extra (for CI).")]
        public bool Check { get; set; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        // The default is named in full in what is printed: the folder a relative "docs" means is not always obvious.
        var directory = settings.Out ?? Path.GetFullPath(DefaultDirectory);
        return settings.Check ? Check(catalog, directory, consoles) : Write(catalog, directory, consoles);
    }

    /// <summary>Where the pages go without <c>--out</c>, relative to the current folder.</summary>
    internal const string DefaultDirectory = "docs";

    /// <summary>
    /// Whether <paramref name="args"/> are the build's call, <c>docs --out DIR</c> and nothing else, which the host
    /// answers with <see cref="Write"/> without starting the command-line parser (see <see cref="RunbookHost"/>).
    /// A folder that looks like an option, or an empty one, is left to the parser and its error.
    /// </summary>
    internal static bool IsWriteTo(string[] args, [NotNullWhen(true)] out string? directory)
    {
        directory = args is ["docs", "--out", { Length: > 0 } folder] && !folder.StartsWith('-') ? folder : null;
        return directory is not null;
    }

    /// <summary>Writes the pages to <paramref name="directory"/> and says what it did; the exit code.</summary>
    internal static int Write(RunbookCatalog catalog, string directory, HostConsoles consoles) => Reporting(consoles, () =>
    {
        var result = GeneratedDocs.From(catalog).WriteTo(directory);
        var removed = result.Removed.Count == 0 ? "" : $"; removed {result.Removed.Count} no longer generated: {string.Join(", ", result.Removed)}";
        var unchanged = result.Unchanged == 0 ? "" : $" ({result.Unchanged} unchanged)";
        consoles.Out.WriteVerbatimLine($"Wrote {result.Written} pages to {directory}{unchanged}{removed}.");
        return ExitCodes.Success;
    });

    private static int Check(RunbookCatalog catalog, string directory, HostConsoles consoles) => Reporting(consoles, () =>
    {
        var docs = GeneratedDocs.From(catalog);
        var drift = docs.CompareWith(directory);
        if (drift.IsCurrent)
        {
            consoles.Out.WriteVerbatimLine($"Docs in {directory} are up to date ({docs.Pages.Count} pages).");
            return ExitCodes.Success;
        }

        var error = consoles.Error;
        error.WriteVerbatimLine($"error: docs in {directory} are not up to date:");
        foreach (var file in drift.Stale) error.WriteVerbatimLine($"  stale:   {file}");
        foreach (var file in drift.Missing) error.WriteVerbatimLine($"  missing: {file}");
        foreach (var file in drift.Extra) error.WriteVerbatimLine($"  extra:   {file}");
        // Not "docs --out DIR": the same check runs as `runbook docs APP --check`, whose command line is another.
        error.WriteVerbatimLine("Write them again (the same command without --check) and commit the result.");
        return ExitCodes.Failure;
    });

    /// <summary>Runs <paramref name="command"/>, turning what is wrong with the pages or the folder into one error line.</summary>
    private static int Reporting(HostConsoles consoles, Func<int> command)
    {
        try
        {
            return command();
        }
        catch (Exception e) when (e is DocsException or IOException or UnauthorizedAccessException)
        {
            consoles.Error.WriteVerbatimLine($"error: {e.Message}");
            return e is DocsException ? ExitCodes.Usage : ExitCodes.Failure;
        }
    }
}
