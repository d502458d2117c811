using System.Diagnostics;
using RunbookSdk.Import.Model;
using RunbookSdk.Import.Source;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// Each imported command runs in a shell of its own. A <c>cd scripts</c> in a block was joined to the command right
/// after it only, so the block's later commands ran in the directory the runner started in and failed
/// (<c>./sla-monitoring-service.sh: No such file or directory</c> in the OMNIX seed's "Validation Post-Recovery").
/// The directory change now goes with every later command of the block, as it did in the author's terminal.
/// </summary>
public sealed class DirectoryChangeTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("runbook-import-cd-");

    [Fact]
    public void Every_command_after_a_directory_change_runs_in_that_directory()
    {
        var scripts = Directory.CreateDirectory(Path.Combine(_work.FullName, "scripts"));
        var script = Path.Combine(scripts.FullName, "monitor.sh");
        File.WriteAllText(script, "echo \"$1\" >> monitor.log\n");
        var markdown = $$"""
            # Orders

            ## Playbook: Orders stuck

            ### 1. Recover (0-5 minutes)

            ```bash
            kubectl rollout restart deployment/orders -n orders
            ```

            ### Validation

            ```bash
            # Run comprehensive validation
            cd {{scripts.FullName}}
            sh monitor.sh health-check

            # Monitor for 30 minutes
            sh monitor.sh continuous
            ```
            """;

        var commands = Commands(markdown, "Validation");
        foreach (var command in commands) Assert.Equal(0, Bash(command));

        Assert.Equal(["health-check", "continuous"], File.ReadAllLines(Path.Combine(scripts.FullName, "monitor.log")));
        Assert.Equal("Monitor for 30 minutes", Assert.Single(ImportedRuns(markdown, "Validation"), r => r.Command.EndsWith("continuous", StringComparison.Ordinal)).Comment);
    }

    [Fact]
    public void A_second_directory_change_goes_on_from_the_first()
    {
        Directory.CreateDirectory(Path.Combine(_work.FullName, "app", "logs"));
        File.WriteAllText(Path.Combine(_work.FullName, "app", "logs", "today.log"), "ok");
        var markdown = $$"""
            # Orders

            ## Playbook: Orders stuck

            ### 1. Inspect (0-5 minutes)

            ```bash
            cd {{_work.FullName}}/app
            ls
            cd logs
            cat today.log
            ```
            """;

        var commands = Commands(markdown, "Inspect");
        Assert.All(commands, c => Assert.Equal(0, Bash(c)));
        Assert.Equal($"cd {_work.FullName}/app && cd logs && cat today.log", commands[^1]);
    }

    [Fact]
    public void A_directory_change_leading_an_and_chain_carries_to_the_later_commands_too()
    {
        // "cd app && ls" changed the author's directory as a bare "cd app" does; "cat today.log" ran there.
        Directory.CreateDirectory(Path.Combine(_work.FullName, "app", "logs"));
        File.WriteAllText(Path.Combine(_work.FullName, "app", "logs", "today.log"), "ok");
        var markdown = $$"""
            # Orders

            ## Playbook: Orders stuck

            ### 1. Inspect (0-5 minutes)

            ```bash
            cd {{_work.FullName}}/app && ls
            cd logs && ls -la
            # Read today's log
            cat today.log
            ```
            """;

        var commands = Commands(markdown, "Inspect");

        Assert.All(commands, c => Assert.Equal(0, Bash(c)));
        Assert.Equal([
            $"cd {_work.FullName}/app && ls",
            $"cd {_work.FullName}/app && cd logs && ls -la",
            $"cd {_work.FullName}/app && cd logs && cat today.log",
        ], commands);
        Assert.Equal("Read today's log", ImportedRuns(markdown, "Inspect")[^1].Comment);
    }

    [Fact]
    public void A_chain_that_changes_the_directory_again_does_not_carry_its_first_cd()
    {
        // "cd app && ls && cd .." ends where it started: the next command runs in the starting directory, as for the author.
        Directory.CreateDirectory(Path.Combine(_work.FullName, "app"));
        File.WriteAllText(Path.Combine(_work.FullName, "app", "today.log"), "ok");
        var markdown = $$"""
            # Orders

            ## Playbook: Orders stuck

            ### 1. Inspect (0-5 minutes)

            ```bash
            cd {{_work.FullName}}
            cd app && ls && cd ..
            cat app/today.log
            ```
            """;

        var commands = Commands(markdown, "Inspect");

        Assert.All(commands, c => Assert.Equal(0, Bash(c)));
        Assert.Equal($"cd {_work.FullName} && cat app/today.log", commands[^1]);
    }

    private static List<string> Commands(string markdown, string phase) => ImportedRuns(markdown, phase).Select(r => r.Command).ToList();

    private static List<RunAction> ImportedRuns(string markdown, string phase)
    {
        var project = RunbookImporter.Generate(MarkdownSource.FromText("orders.md", markdown), "Orders", allowIncomplete: true,
            Path.Combine(Seeds.RepositoryRoot, "artifacts", "directory-change"), Seeds.RepositoryRoot);
        var runbook = Assert.Single(project.Document.Runbooks);
        return runbook.AllPhases.Single(p => p.Name == phase).Steps.SelectMany(s => s.Actions).OfType<RunAction>().ToList();
    }

    /// <summary>Runs the command as the runner does, with bash -c in a directory of its own, and returns its exit code.</summary>
    private int Bash(string command)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = _work.FullName, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        using var process = Process.Start(start)!;
        process.WaitForExit();
        return process.ExitCode;
    }

    public void Dispose() => _work.Delete(recursive: true);
}
