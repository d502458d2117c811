using System.Diagnostics;
using RunbookSdk.Import.Model;
using RunbookSdk.Import.Source;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// <c>if [ $? -ne 0 ]; then … fi</c> reads the exit status of the command before it. Imported as a Run of its own, it
/// ran in a fresh shell where <c>$?</c> is always 0, so the branch the author wrote for a failure never ran (the
/// MacroAi seed's "2. If database is down, attempt restart" after <c>pg_isready</c>). A command that reads <c>$?</c>
/// now stays in one Run with the command whose status it reads.
/// </summary>
public sealed class ExitStatusTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("runbook-import-status-");

    [Fact]
    public void A_command_reading_the_exit_status_runs_with_the_command_it_reads()
    {
        var marker = Path.Combine(_work.FullName, "restarted");
        var markdown = $$"""
            # Db

            ## Playbook: Database down

            ### 1. Recover (0-5 minutes)

            ```bash
            # 1. Check database status
            test -e {{_work.FullName}}/database-is-up

            # 2. If database is down, attempt restart
            if [ $? -ne 0 ]; then
                touch {{marker}}
            fi

            # 3. Check again
            ls {{_work.FullName}}
            ```
            """;

        var runs = Runs(markdown);
        foreach (var run in runs) Bash(run.Command);

        Assert.True(File.Exists(marker), "the failure branch did not run: " + string.Join(" | ", runs.Select(r => r.Command)));
        Assert.Equal(2, runs.Count);
        Assert.Equal("1. Check database status\n# 2. If database is down, attempt restart", runs[0].Comment);
    }

    private static List<RunAction> Runs(string markdown)
    {
        var project = RunbookImporter.Generate(MarkdownSource.FromText("db.md", markdown), "Db", allowIncomplete: true,
            Path.Combine(Seeds.RepositoryRoot, "artifacts", "exit-status"), Seeds.RepositoryRoot);
        return Assert.Single(project.Document.Runbooks).AllPhases.SelectMany(p => p.Steps).SelectMany(s => s.Actions).OfType<RunAction>().ToList();
    }

    /// <summary>Runs the command as the runner does, with bash -c, each in a shell of its own.</summary>
    private void Bash(string command)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = _work.FullName, RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        using var process = Process.Start(start)!;
        process.WaitForExit();
    }

    public void Dispose() => _work.Delete(recursive: true);
}
