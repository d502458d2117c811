using System.ComponentModel;
using RunbookSdk.Import;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RunbookSdk.Cli.Commands;

/// <summary><c>import FILE.md --out DIR [--namespace N] [--allow-incomplete] [--force]</c>.</summary>
internal sealed class ImportCommand(CliOutput output) : Command<ImportCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("The markdown document to import.")]
        public string File { get; set; } = "";

        [CommandOption("-o|--out <DIR>", isRequired: true)]
        [Description("Folder for the project (created). Inside this repository the project references the SDK's sources; elsewhere the RunbookSdk package.")]
        public string Out { get; set; } = "";

        [CommandOption("-n|--namespace <NAMESPACE>")]
        [Description("C# namespace of the generated classes; by default the folder's name.")]
        public string? Namespace { get; set; }

        [CommandOption("--allow-incomplete")]
        [Description("Write waivers for missing escalation, rollback and verification so the project builds (the analyzers report them otherwise).")]
        public bool AllowIncomplete { get; set; }

        [CommandOption("--force")]
        [Description("Replace files of an earlier import that differ from what this import writes (edits made to them since are lost), and delete imported classes of runbooks the document no longer has. Without it the import lists them and writes nothing.")]
        public bool Force { get; set; }

        public override ValidationResult Validate() => string.IsNullOrWhiteSpace(Out)
            ? ValidationResult.Error("--out is empty: give the folder for the project.")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        try
        {
            var result = RunbookImporter.Import(settings.File, new ImportOptions
            {
                OutputDirectory = settings.Out,
                Namespace = settings.Namespace,
                AllowIncomplete = settings.AllowIncomplete,
                ReplaceChangedFiles = settings.Force,
            });
            foreach (var warning in result.Warnings) output.Error.WriteLine($"warning: {warning}");
            output.Out.WriteLine($"Imported {result.Runbooks.Count} runbook{(result.Runbooks.Count == 1 ? "" : "s")} ({string.Join(", ", result.Runbooks)}) into {result.ProjectFile}.");
            output.Out.WriteLine($"Next: dotnet build {Path.GetDirectoryName(result.ProjectFile)}   (writes docs/; the analyzers list what the runbooks still lack)");
            return ExitCodes.Success;
        }
        catch (ImportException e)
        {
            output.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (ImportWouldReplaceException e)
        {
            output.Error.WriteLine($"error: {e.Message}");
            foreach (var file in e.Replaced) output.Error.WriteLine($"  replaced: {file}");
            foreach (var file in e.Removed) output.Error.WriteLine($"  removed:  {file}");
            return ExitCodes.Failure;
        }
    }
}
