using RunbookSdk.Hosting;
using Spectre.Console;

namespace RunbookSdk.Samples.Tests;

/// <summary>
/// The seeds' alternatives are decisions: MacroAi's mitigation strategies (restart, connection reset, FLUSHALL, scale
/// up, maintenance mode) were OnlyIf steps, and an automated run with --conditions-hold ran every one of them in a row.
/// </summary>
public sealed class SeedAlternativesTests
{
    private const string Id = "macro-ai-immediate-response";

    [Fact]
    public void MacroAis_mitigation_strategies_are_the_options_of_one_decision()
    {
        var runbook = Samples.Catalog("MacroAi").Runbooks.Single(r => r.Id == Id);
        var plan = runbook.CreatePlan(runbook.Create(new Dictionary<string, string>()));

        var options = plan.Phases.SelectMany(p => p.Steps).Where(s => s.Choice?.Title == "Mitigation strategy").ToList();
        Assert.Equal(["Service restart", "Database connection reset", "Cache clear", "Scale up resources", "Enable maintenance mode"], options.Select(s => s.Title));
        Assert.All(options, s => Assert.Null(s.Condition));
    }

    [Fact]
    public async Task Conditions_hold_no_longer_runs_every_mitigation_the_run_asks_for_a_choice()
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(writer), Interactive = InteractionSupport.No });
        console.Profile.Width = 400;
        var journal = Path.Combine(Path.GetTempPath(), $"macro-ai-{Guid.NewGuid():N}.jsonl");

        // Refused before anything runs: the decision is named with how to answer it.
        var exitCode = await RunbookHost.RunAsync(["run", Id, "--non-interactive", "--conditions-hold", "--yes", "--skip-manual", "--journal", journal],
            Samples.Catalog("MacroAi"), console, CancellationToken.None);

        Assert.Equal(2, exitCode);
        Assert.Contains("'Mitigation strategy' is a choice of one of 1 'Service restart', 2 'Database connection reset', 3 'Cache clear', 4 'Scale up resources', 5 'Enable maintenance mode': pass --choose", writer.ToString());
        Assert.False(File.Exists(journal));
    }

    [Fact]
    public async Task The_dry_run_shows_the_decision()
    {
        var (exitCode, output) = await DryRun.Run(Samples.Catalog("MacroAi"), Id);

        Assert.Equal(0, exitCode);
        Assert.Contains("Choose one: Mitigation strategy  [the operator picks one of these 5 options, or none", output);
        Assert.Contains("3.3 Cache clear  (option 3 of 'Mitigation strategy')", output);
    }
}
