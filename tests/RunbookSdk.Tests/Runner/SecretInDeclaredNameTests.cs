using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// The runbook's id and its parameters' names are names its code declares: the same whatever a secret's value. The
/// journal masked them like any text, so a secret <c>postgres</c> wrote the runbook <c>postgres-restart</c> as
/// <c>***-restart</c> and no resume could find it ("the journal records runbook '***-restart'"), and a secret <c>e</c>
/// wrote the parameter <c>Version</c> as <c>V***rsion</c>. They are written as they are; values are masked as before.
/// </summary>
public sealed class SecretInDeclaredNameTests
{
    [Fact]
    public async Task A_run_of_a_runbook_whose_id_holds_a_secret_can_be_resumed()
    {
        var fail = true;
        var restarts = 0;
        using var run = new TestRun((rb, p) => rb
                .Phase("Act", ph => ph
                    .Step("Restart the database", s => s.Execute("restart", _ =>
                    {
                        restarts++;
                        return Task.CompletedTask;
                    }))
                    .Step("Check", s => s.Execute("check", _ => fail ? throw new InvalidOperationException("not yet") : Task.CompletedTask)))
                .NoRollback("test"))
            { Id = "postgres-restart" }
            .Parameter("DbPassword", "postgres", secret: true)
            .Parameter("Target", "db-postgres-01");

        var first = await run.RunAsync();
        fail = false;
        var resumed = await run.RunAsync(TestRun.NonInteractive with { ResumeJournal = run.JournalPath });

        Assert.Equal(1, first.ExitCode);
        Assert.Equal(0, resumed.ExitCode);
        Assert.Equal(1, restarts);
        var started = resumed.Journal.First(e => e.Name == "run-started");
        Assert.Equal("postgres-restart", started["runbook"]);
        var parameters = started.Fields.GetProperty("parameters");
        Assert.Equal("***", parameters.GetProperty("DbPassword").GetString());
        Assert.Equal("db-***-01", parameters.GetProperty("Target").GetString());
    }

    [Fact]
    public async Task The_command_line_resume_keeps_a_default_the_journal_holds_masked_as_the_api_does()
    {
        var fail = true;
        var targets = new List<string>();
        using var run = new TestRun((rb, p) => rb
                .Phase("Act", ph => ph
                    .Step("Restart the database", s => s.Execute("restart", ctx =>
                    {
                        targets.Add(ctx.Parameters["Target"]);
                        return fail ? throw new InvalidOperationException("not yet") : Task.CompletedTask;
                    })))
                .NoRollback("test"))
            .Parameter("DbPassword", "", secret: true)
            .Parameter("Target", "db-postgres-01");
        var journal = run.Temp.File("run.jsonl");
        var environment = new Dictionary<string, string> { ["RUNBOOK_SECRET_DBPASSWORD"] = "postgres" };

        var first = await Host.RunAsync(run.Catalog(), environment, "run", run.Id, "--non-interactive", "--journal", journal);
        fail = false;
        // Target is not given: its value is the default, which the journal holds as db-***-01.
        var resumed = await Host.RunAsync(run.Catalog(), environment, "run", run.Id, "--non-interactive", "--resume", journal);

        Assert.Equal(1, first.ExitCode);
        Assert.DoesNotContain("holds its value masked", resumed.Output);
        Assert.Equal(0, resumed.ExitCode);
        Assert.Equal(["db-postgres-01", "db-postgres-01"], targets);
    }

    [Fact]
    public async Task A_secret_inside_a_parameters_name_leaves_the_name_whole()
    {
        using var run = new TestRun(rb => rb
                .Phase("Act", ph => ph.Step("Noop", s => s.Execute("noop", _ => Task.CompletedTask)))
                .NoRollback("test"))
            .Parameter("Token", "", secret: true)
            .Parameter("Version", "1.2.3");
        var journal = run.Temp.File("run.jsonl");

        var result = await Host.RunAsync(run.Catalog(), new Dictionary<string, string> { ["RUNBOOK_SECRET_TOKEN"] = "e" },
            "run", run.Id, "--non-interactive", "--journal", journal);

        Assert.Equal(0, result.ExitCode);
        var started = Journal.Read(journal).First(e => e.Name == "run-started");
        Assert.Equal("1.2.3", started.Fields.GetProperty("parameters").GetProperty("Version").GetString());
        Assert.Equal("environment", started.Fields.GetProperty("secretSources").GetProperty("Token").GetString());
        Assert.Equal("test-runbook", started["runbook"]);
    }
}
