using Microsoft.CodeAnalysis;
using RunbookSdk.Import.Model;
using RunbookSdk.Import.Source;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// A PowerShell or cmd block became a snippet and nothing else: the runner, which runs bash, showed it and marked the
/// step done without anything run, and the import said nothing. The step now asks the engineer to run it by hand, and
/// the import warns with the line.
/// </summary>
public sealed class WindowsShellBlockTests
{
    [Theory]
    [InlineData("powershell", "PowerShell")]
    [InlineData("pwsh", "PowerShell")]
    [InlineData("PowerShell", "PowerShell")]
    [InlineData("cmd", "cmd")]
    [InlineData("bat", "cmd")]
    public void A_windows_shell_block_asks_the_engineer_to_run_it_and_the_import_warns(string fence, string shell)
    {
        var project = Import($$"""
            # Windows fleet

            ## Runbook: IIS app pool stopped

            ### Restart the app pool

            ```{{fence}}
            Restart-WebAppPool -Name "Payments"
            ```
            """);

        var step = Assert.Single(Assert.Single(project.Document.Runbooks).Phases.SelectMany(p => p.Steps));
        Assert.Equal($"Run the {shell} below by hand: the runner runs bash commands only.", Assert.IsType<InstructionAction>(step.Actions[0]).Text);
        Assert.Equal(fence, Assert.IsType<SnippetAction>(step.Actions[1]).Language, ignoreCase: true);
        Assert.Contains(project.Warnings, w => w.Contains($"line 7: the {shell} block of step 'Restart the app pool'", StringComparison.Ordinal));
        Assert.DoesNotContain(InMemoryCompiler.Compile(project.Files), d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void A_snippet_of_another_language_gets_no_instruction_and_no_warning()
    {
        var project = Import("""
            # Database

            ## Runbook: Slow queries

            ### Find them

            ```sql
            SELECT * FROM pg_stat_activity;
            ```
            """);

        var step = Assert.Single(Assert.Single(project.Document.Runbooks).Phases.SelectMany(p => p.Steps));
        Assert.IsType<SnippetAction>(Assert.Single(step.Actions));
        Assert.DoesNotContain(project.Warnings, w => w.Contains("by hand", StringComparison.Ordinal));
    }

    private static RunbookImporter.GeneratedProject Import(string markdown) =>
        RunbookImporter.Generate(MarkdownSource.FromText("windows.md", markdown), "Windows", allowIncomplete: true,
            Path.Combine(Seeds.RepositoryRoot, "artifacts", "windows-shell-blocks"), Seeds.RepositoryRoot);
}
