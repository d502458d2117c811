using System.Diagnostics;
using RunbookSdk.Import.Model;
using RunbookSdk.Import.Source;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// Each imported command runs in a shell of its own, so what a block's command set up for the commands after it —
/// a function, <c>pushd</c>, <c>source</c>, <c>set -o pipefail</c> — was lost: the function's call failed with
/// "command not found", the script after <c>pushd</c> ran in the wrong directory, and a failing pipeline passed. Such a
/// command now goes before each later command of the block, as a <c>cd</c> does. The commands are run with bash.
/// </summary>
public sealed class ShellStateTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("runbook-import-state-");

    [Fact]
    public void A_function_defined_in_a_block_is_defined_for_every_later_command()
    {
        var commands = Commands("""
            check_health() {
              echo healthy >> health.log
            }
            check_health
            check_health
            """);

        Assert.Equal(2, commands.Count);
        Assert.All(commands, c => Assert.Equal(0, Bash(c)));
        Assert.Equal(["healthy", "healthy"], File.ReadAllLines(Path.Combine(_work.FullName, "health.log")));
    }

    [Fact]
    public void Pushd_source_and_set_hold_for_every_later_command_in_order()
    {
        Directory.CreateDirectory(Path.Combine(_work.FullName, "srv", "bin"));
        File.WriteAllText(Path.Combine(_work.FullName, "srv", "env.sh"), "export STAGE=prod\n");
        File.WriteAllText(Path.Combine(_work.FullName, "srv", "bin", "reindex"), "#!/bin/sh\necho \"reindexed $STAGE\" > ../reindex.log\n");
        var commands = Commands($$"""
            set -o pipefail
            pushd {{_work.FullName}}/srv
            source ./env.sh
            cd bin && sh ./reindex --all
            false | cat
            """);

        Assert.Equal(2, commands.Count);
        Assert.Equal(0, Bash(commands[0]));
        Assert.Equal("reindexed prod", File.ReadAllText(Path.Combine(_work.FullName, "srv", "reindex.log")).Trim());
        // With pipefail, as the author's shell had it, a pipeline whose first command fails fails.
        Assert.NotEqual(0, Bash(commands[1]));
    }

    [Fact]
    public void An_exported_variable_is_in_the_environment_of_every_later_command()
    {
        // psql reads PGPASSWORD, kubectl KUBECONFIG, aws AWS_PROFILE: from the environment, never written in the command.
        var commands = Commands("""
            export LEDGER_STAGE=prod
            export GREETING="hello world"
            printenv LEDGER_STAGE > stage.log
            printenv GREETING >> stage.log
            """);

        Assert.Equal(2, commands.Count);
        Assert.All(commands, c => Assert.Equal(0, Bash(c)));
        Assert.Equal(["prod", "hello world"], File.ReadAllLines(Path.Combine(_work.FullName, "stage.log")));
    }

    [Fact]
    public void An_exported_secret_is_a_parameter_given_to_the_commands_that_read_it()
    {
        const string block = """
            export PGPASSWORD=Sup3rS3cret!
            psql -h db-replica.internal -U admin -c "SELECT pg_promote();"
            """;

        var run = Assert.Single(Runs(block));
        var command = string.Concat(run.Parts.Select(p => p.Parameter is { } name ? "{" + name + "}" : p.Text));
        Assert.StartsWith("export PGPASSWORD={PgPassword} && psql -h db-replica.internal", command);
        Assert.DoesNotContain("Sup3rS3cret", command);
    }

    private List<string> Commands(string block) => Runs(block).Select(r => r.Command).ToList();

    private static List<RunAction> Runs(string block)
    {
        var markdown = $"""
            # Orders

            ## Playbook: Orders stuck

            ### 1. Recover (0-5 minutes)

            ```bash
            {block}
            ```
            """;
        var project = RunbookImporter.Generate(MarkdownSource.FromText("orders.md", markdown), "Orders", allowIncomplete: true,
            Path.Combine(Seeds.RepositoryRoot, "artifacts", "shell-state"), Seeds.RepositoryRoot);
        return Assert.Single(project.Document.Runbooks).Phases[0].Steps.SelectMany(s => s.Actions).OfType<RunAction>().ToList();
    }

    /// <summary>Runs the command as the runner does, with bash -c in a directory of its own, and returns its exit code.</summary>
    private int Bash(string command)
    {
        var start = new ProcessStartInfo("/bin/bash") { WorkingDirectory = _work.FullName, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode;
    }

    public void Dispose() => _work.Delete(recursive: true);
}
