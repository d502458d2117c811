using Microsoft.CodeAnalysis;
using RunbookSdk.Import.Model;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// A procedure written as a table, one step a row with its command in a column (as Confluence runbooks often are), was
/// imported as one note holding the table: the step showed the table and ran none of its commands.
/// </summary>
public sealed class StepTableTests
{
    private const string Table = """
        | Step | Action | Command | Expected |
        |---|---|---|---|
        | 1 | Check memory | `redis-cli -h cache.prod INFO memory` | used_memory under 4G |
        | 2 | Tell support | | |
        | 3 | Flush sessions | `redis-cli -h cache.prod -n 1 FLUSHDB` | |
        """;

    private static RunbookImporter.GeneratedProject Import(string table) =>
        HostileInputTests.Generate(HostileInputTests.Runbook("redis-cli -h cache.prod PING").Replace(
            "```bash\nredis-cli -h cache.prod PING\n```", table, StringComparison.Ordinal));

    private static IEnumerable<string> Commands(ImportedStep step) => step.Actions.OfType<RunAction>().Select(a => a.Command);

    [Fact]
    public void Each_row_is_a_step_titled_by_its_words_running_its_command()
    {
        var project = Import(Table);

        var steps = project.Document.Runbooks.Single().Phases[0].Steps;
        Assert.Equal(["Check memory", "Tell support", "Flush sessions"], steps.Select(s => s.Title));
        Assert.Equal("redis-cli -h cache.prod INFO memory", Assert.IsType<RunAction>(steps[0].Actions[0]).Command);
        Assert.Contains(new NoteAction("**Expected:** used_memory under 4G"), steps[0].Actions);
        Assert.Equal([new InstructionAction("Tell support")], steps[1].Actions);
        Assert.Equal(["redis-cli -h cache.prod -n 1 FLUSHDB"], Commands(steps[2]));
        Assert.Single(steps[2].Actions);
        Assert.Contains(project.Warnings, w => w.Contains("the table's 3 rows are imported as steps", StringComparison.Ordinal)
            && w.Contains("'Action'", StringComparison.Ordinal) && w.Contains("'Command'", StringComparison.Ordinal));
    }

    [Fact]
    public void The_imported_steps_compile_and_a_destructive_row_asks_for_confirmation()
    {
        var project = Import(Table);

        var code = string.Join("\n", project.Files.Values);
        Assert.Contains(".RequiresConfirmation()\n                .Run(\"redis-cli -h cache.prod -n 1 FLUSHDB\")", code, StringComparison.Ordinal);
        var errors = InMemoryCompiler.Compile(project.Files).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, InMemoryCompiler.Describe(errors));
    }

    [Fact]
    public void Several_commands_in_one_cell_run_in_order()
    {
        var project = Import("""
            | Task | Commands |
            |---|---|
            | Restart the worker | `systemctl stop worker`<br>`systemctl start worker` |
            """);

        var step = Assert.Single(project.Document.Runbooks.Single().Phases[0].Steps);
        Assert.Equal("Restart the worker", step.Title);
        Assert.Equal(["systemctl stop worker", "systemctl start worker"], Commands(step));
        Assert.Equal(2, step.Actions.Count);
    }

    [Fact]
    public void A_pipe_escaped_in_a_cell_is_a_pipe_in_the_command()
    {
        var project = Import("""
            | Check | Command |
            |---|---|
            | Worker logs | `kubectl -n payments logs deploy/worker --since=10m \| tail -50` |
            """);

        var step = Assert.Single(project.Document.Runbooks.Single().Phases[0].Steps);
        Assert.Equal(["kubectl -n payments logs deploy/worker --since=10m | tail -50"], Commands(step));
    }

    [Theory]
    [InlineData("| Metric | Threshold |\n|---|---|\n| p99 latency | `500ms` |")]
    [InlineData("| Action | Command |\n|---|---|\n| Check memory | run `redis-cli INFO` on the primary |")]
    [InlineData("| Command |\n|---|\n| `redis-cli INFO` |")]
    public void A_table_that_lists_no_commands_as_steps_stays_a_note(string table)
    {
        var step = Assert.Single(Import(table).Document.Runbooks.Single().Phases[0].Steps);

        Assert.Equal([new NoteAction(table)], step.Actions);
    }

    [Fact]
    public void Rows_under_a_step_heading_are_its_steps()
    {
        var project = Import("#### Cache checks\n\n" + Table);

        var steps = project.Document.Runbooks.Single().Phases[0].Steps;
        Assert.Equal(["Cache checks: Check memory", "Cache checks: Tell support", "Cache checks: Flush sessions"], steps.Select(s => s.Title));
    }
}
