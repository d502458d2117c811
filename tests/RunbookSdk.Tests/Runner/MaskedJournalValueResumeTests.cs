using RunbookSdk.Execution;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// A resume whose journal holds a non-secret value masked (<c>DbUrl=postgres://app:pw@db/x</c> journaled
/// <c>postgres://app:***@db/x</c>) stopped and asked for <c>DbUrl=VALUE</c> on the command line, where the password is in
/// <c>ps</c> and the shell history. It is read from <c>RUNBOOK_SECRET_DBURL</c>, asked for on a terminal, echo off, saying
/// what the journal shows, and a non-interactive resume is refused naming both ways to give it.
/// </summary>
public sealed class MaskedJournalValueResumeTests
{
    private const string Password = DbUrlMigrationRunbook.Password;
    private const string DbUrl = DbUrlMigrationRunbook.DbUrl;
    private const string Masked = DbUrlMigrationRunbook.Masked;

    private static async Task FailFirst(TestRun run) =>
        Assert.Equal(1, (await Host.RunAsync(run.Catalog(), "run", run.Id, $"DbUrl={DbUrl}", "--non-interactive", "--journal", run.JournalPath)).ExitCode);

    [Fact]
    public async Task An_interactive_resume_asks_for_the_masked_value_hidden_saying_what_the_journal_shows_and_runs_with_it()
    {
        using var migration = new DbUrlMigrationRunbook();
        var (run, urls) = (migration.Run, migration.Urls);
        await FailFirst(run);
        migration.Heal();
        run.Prompts.AnswerMaskedValue(DbUrl);

        var console = new PlainConsole();
        var outcome = await new RunbookRunner(console.Console, TestRun.Interactive with { Clock = run.Clock, JournalPath = run.JournalPath, ResumeJournal = run.JournalPath, EnvironmentVariable = _ => null }, run.Prompts)
            .ExecuteAsync(run.Bind(), CancellationToken.None);

        Assert.Equal(RunStatus.Succeeded, outcome.Status);
        Assert.Equal([$"masked DbUrl = {Masked} (RUNBOOK_SECRET_DBURL)"], run.Prompts.Questions);
        Assert.Equal([DbUrl, DbUrl], urls);
        Assert.DoesNotContain(Password, console.Output + File.ReadAllText(run.JournalPath));
        var resumedStart = Journal.Read(run.JournalPath).Last(e => e.Name == "run-started");
        Assert.Equal(Masked, resumedStart.Fields.GetProperty("parameters").GetProperty("DbUrl").GetString());
    }

    [Fact]
    public async Task A_required_value_the_journal_holds_masked_is_read_from_its_variable_on_the_command_line()
    {
        using var migration = new DbUrlMigrationRunbook(required: true);
        var (run, urls) = (migration.Run, migration.Urls);
        await FailFirst(run);
        migration.Heal();

        var resumed = await Host.RunAsync(run.Catalog(), new Dictionary<string, string> { ["RUNBOOK_SECRET_DBURL"] = DbUrl },
            "run", run.Id, "--non-interactive", "--resume", run.JournalPath);

        Assert.Equal(0, resumed.ExitCode);
        Assert.Equal([DbUrl, DbUrl], urls);
        Assert.DoesNotContain(Password, resumed.Output + File.ReadAllText(run.JournalPath));
        // The value given again is the journal's: no change to announce.
        Assert.DoesNotContain("in this resume; the journal's run had", resumed.Output);
    }

    [Fact]
    public async Task A_non_interactive_resume_without_it_is_refused_naming_the_variable_and_the_command_line()
    {
        using var migration = new DbUrlMigrationRunbook();
        var (run, urls) = (migration.Run, migration.Urls);
        await FailFirst(run);
        migration.Heal();

        var refused = await Host.RunAsync(run.Catalog(), new Dictionary<string, string>(), "run", run.Id, "--non-interactive", "--resume", run.JournalPath);

        Assert.Equal(2, refused.ExitCode);
        var said = System.Text.RegularExpressions.Regex.Replace(refused.Output, @"\s+", " ");
        Assert.Contains($"parameter 'DbUrl': the journal holds its value masked (it contained a secret's value or a URL's password: {Masked})", said);
        Assert.Contains("set the environment variable RUNBOOK_SECRET_DBURL to it, or pass DbUrl=VALUE", said);
        Assert.Single(urls);
    }

    [Fact]
    public async Task The_dry_run_of_the_resume_shows_the_plan_with_the_value_as_a_placeholder_and_says_how_the_live_resume_gets_it()
    {
        // The dry run is how the engineer checks a resume before doing it: before, it refused at once (exit 2), no plan.
        using var migration = new DbUrlMigrationRunbook();
        var (run, urls) = (migration.Run, migration.Urls);
        await FailFirst(run);

        var dry = await Host.RunAsync(run.Catalog(), new Dictionary<string, string>(), "run", run.Id, "--dry-run", "--resume", run.JournalPath);

        Assert.Equal(0, dry.ExitCode);
        var lines = dry.Output.Split('\n').Select(l => l.Trim()).ToArray();
        Assert.Contains("$ echo checking <given-again:DbUrl>", lines);
        Assert.Contains(lines, l => l.StartsWith($"DbUrl = <given-again:DbUrl> (the journal holds it masked: {Masked}", StringComparison.Ordinal));
        var said = System.Text.RegularExpressions.Regex.Replace(dry.Output, @"\s+", " ");
        Assert.Contains("the live resume reads RUNBOOK_SECRET_DBURL, else asks for it before anything runs, not shown as typed", said);
        // Neither the journal's masked text nor the runbook's empty default stands where the value is used.
        Assert.DoesNotContain("$ echo checking ''", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("$ echo checking", StringComparison.Ordinal) && l.Contains(Masked, StringComparison.Ordinal));
        Assert.DoesNotContain("is '' in this resume", said);
        Assert.DoesNotContain(Password, dry.Output);
        Assert.Single(urls);
    }

    [Fact]
    public async Task The_dry_run_of_a_non_interactive_resume_shows_the_plan_then_ends_with_the_live_resumes_refusal()
    {
        using var migration = new DbUrlMigrationRunbook();
        var (run, urls) = (migration.Run, migration.Urls);
        await FailFirst(run);

        var live = await Host.RunAsync(run.Catalog(), new Dictionary<string, string>(), "run", run.Id, "--non-interactive", "--resume", run.JournalPath);
        var dry = await Host.RunAsync(run.Catalog(), new Dictionary<string, string>(), "run", run.Id, "--dry-run", "--non-interactive", "--resume", run.JournalPath);

        Assert.Equal(live.ExitCode, dry.ExitCode);
        Assert.Equal(2, dry.ExitCode);
        var said = System.Text.RegularExpressions.Regex.Replace(dry.Output, @"\s+", " ");
        var plan = said.IndexOf("$ echo checking <given-again:DbUrl>", StringComparison.Ordinal);
        var refusal = said.IndexOf($"parameter 'DbUrl': the journal holds its value masked (it contained a secret's value or a URL's password: {Masked})", StringComparison.Ordinal);
        Assert.True(plan >= 0, "the plan is not shown");
        Assert.True(refusal > plan, "the live resume's refusal does not end the dry run, after the plan");
        Assert.Contains("a --non-interactive live resume refuses to start without it; set RUNBOOK_SECRET_DBURL or pass DbUrl=VALUE", said);
        Assert.DoesNotContain(Password, dry.Output);
        Assert.Single(urls);
    }

    [Fact]
    public async Task The_dry_run_of_the_resume_shows_a_value_read_from_its_variable_masked_where_it_is_used()
    {
        using var migration = new DbUrlMigrationRunbook();
        var (run, urls) = (migration.Run, migration.Urls);
        await FailFirst(run);

        var dry = await Host.RunAsync(run.Catalog(), new Dictionary<string, string> { ["RUNBOOK_SECRET_DBURL"] = DbUrl },
            "run", run.Id, "--dry-run", "--non-interactive", "--resume", run.JournalPath);

        Assert.Equal(0, dry.ExitCode);
        Assert.Contains(dry.Output.Split('\n'), l => l.Trim().StartsWith("$ echo checking", StringComparison.Ordinal) && l.Contains(Masked, StringComparison.Ordinal));
        Assert.DoesNotContain("<given-again:DbUrl>", dry.Output);
        Assert.DoesNotContain(Password, dry.Output);
        Assert.Single(urls);
    }

    [Fact]
    public async Task An_empty_answer_refuses_the_resume_before_anything_runs()
    {
        using var migration = new DbUrlMigrationRunbook();
        var (run, urls) = (migration.Run, migration.Urls);
        await FailFirst(run);
        migration.Heal();
        run.Prompts.AnswerMaskedValue("");

        var outcome = await new RunbookRunner(new PlainConsole().Console, TestRun.Interactive with { Clock = run.Clock, JournalPath = run.JournalPath, ResumeJournal = run.JournalPath, EnvironmentVariable = _ => null }, run.Prompts)
            .ExecuteAsync(run.Bind(), CancellationToken.None);

        Assert.Equal(RunStatus.NotStarted, outcome.Status);
        Assert.Contains("parameter 'DbUrl': the journal holds its value masked", outcome.Reason);
        Assert.Single(urls);
    }

    [Fact]
    public async Task The_console_prompt_shows_the_journals_masked_value_and_not_what_is_typed()
    {
        var console = new KeyedConsole(DbUrl + "\r");

        var answer = await new ConsoleOperatorPrompts(console).AskMaskedValueAsync("DbUrl", Masked, "RUNBOOK_SECRET_DBURL", CancellationToken.None);

        Assert.Equal(DbUrl, answer);
        Assert.Contains($"DbUrl (the journal holds it masked: {Masked}; give it again, not shown as you type; next time set RUNBOOK_SECRET_DBURL):", console.Output);
        Assert.DoesNotContain(Password, console.Output);
    }
}
