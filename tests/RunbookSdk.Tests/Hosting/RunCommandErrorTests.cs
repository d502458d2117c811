using RunbookSdk.Hosting;
using RunbookSdk.Tests.Fixtures;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Hosting;

/// <summary>Bad input to <c>run</c> gives one clear line and exit code 2; nothing is executed.</summary>
public sealed class RunCommandErrorTests
{
    private static Task<HostResult> Run(params string[] arguments) => Host.RunAsync(TestCatalog.Create(), ["run", .. arguments]);

    private static void AssertOneLineError(HostResult result, int exitCode, string expected)
    {
        Assert.Equal(exitCode, result.ExitCode);
        Assert.Equal($"error: {expected}\n", result.Output);
    }

    [Fact]
    public async Task An_unknown_runbook_lists_the_known_ones() =>
        AssertOneLineError(await Run("nope", "--dry-run"), 2, "unknown runbook 'nope'. Known runbooks: deploy-rollback, diagnose-latency.");

    [Fact]
    public async Task An_unknown_runbook_lists_the_referenced_libraries_runbooks_too()
    {
        var catalog = new RunbookCatalog([TestCatalog.DeployRollbackDescriptor()], [], "") { ReferencedRunbooks = [TestCatalog.DiagnoseLatencyDescriptor()] };
        AssertOneLineError(await Host.RunAsync(catalog, "run", "nope", "--dry-run"), 2, "unknown runbook 'nope'. Known runbooks: deploy-rollback, diagnose-latency.");
    }

    [Fact]
    public async Task A_referenced_librarys_runbook_runs_by_its_id()
    {
        var catalog = new RunbookCatalog([TestCatalog.DeployRollbackDescriptor()], [], "") { ReferencedRunbooks = [TestCatalog.DiagnoseLatencyDescriptor()] };
        var result = await Host.RunAsync(catalog, "run", "diagnose-latency", "--dry-run");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Diagnose high latency", result.Output);
    }

    [Fact]
    public async Task An_unknown_parameter_is_named_with_the_runbooks_parameters() =>
        AssertOneLineError(
            await Run("deploy-rollback", "Service=api", "Zone=b", "--dry-run"), 2,
            "Unknown parameter 'Zone' for runbook 'deploy-rollback'. Its parameters: Region, Service, Revision, ApiToken.");

    [Fact]
    public async Task A_parameter_for_a_runbook_without_parameters_is_refused() =>
        AssertOneLineError(
            await Run("diagnose-latency", "Window=1", "Extra=1", "--dry-run"), 2,
            "Unknown parameter 'Extra' for runbook 'diagnose-latency'. Its parameters: Window.");

    [Theory]
    [InlineData("Service")]
    [InlineData("=api")]
    [InlineData("Service:api")]
    public async Task A_word_that_is_not_name_equals_value_is_refused(string word) =>
        AssertOneLineError(await Run("deploy-rollback", "Region=eu-west-1", word, "--dry-run"), 2,
            "Malformed parameter: the 2nd parameter argument is not name=value (it is not shown: it may hold a secret value); expected e.g. Region=eu-central-1.");

    [Theory]
    [InlineData("ApiToken:hunter2-s3cret")]
    [InlineData("hunter2-s3cret")] // ApiToken= hunter2-s3cret: the value split from its name by a space
    public async Task A_mistyped_secret_is_not_echoed(string word)
    {
        var result = await Run("deploy-rollback", "Service=api", word, "--dry-run");
        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("hunter2", result.Output);
    }

    [Fact]
    public async Task A_value_may_contain_equals_signs()
    {
        var result = await Run("deploy-rollback", "Service=a=b", "--dry-run");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("deployment/a=b ", result.Output);
    }

    [Fact]
    public async Task A_parameter_given_twice_is_refused() =>
        AssertOneLineError(await Run("deploy-rollback", "Service=a", "service=b", "--dry-run"), 2, "Parameter 'service' is given more than once.");

    [Fact]
    public async Task A_value_that_does_not_convert_names_the_parameter() =>
        AssertOneLineError(await Run("deploy-rollback", "Service=api", "Revision=three", "--dry-run"), 2, "parameter 'Revision': 'three' is not a whole number.");

    [Fact]
    public async Task A_missing_required_parameter_is_named() =>
        AssertOneLineError(await Run("deploy-rollback", "--dry-run"), 2, "Missing required parameter 'Service': pass Service=VALUE.");

    [Theory]
    [InlineData("--dry-run")]
    [InlineData("--non-interactive")]
    public async Task An_empty_value_for_a_parameter_whose_default_is_not_empty_is_refused_naming_it(string mode) =>
        // Taken as it stood, Region= ran the steps with an empty hole (`aws … --region ''`), after the steps before them.
        AssertOneLineError(await Run("deploy-rollback", "Service=api", "Region=", "ApiToken=tok", "--yes", mode), 2,
            "Parameter 'Region' was given an empty value, which its steps would use as it is (a command's hole left empty); nothing was run. "
            + "Give it a value, or leave it out for its default 'eu-central-1'. (A runbook lets a parameter be empty by defaulting it to \"\".)");

    [Fact]
    public async Task A_blank_value_is_refused_as_an_empty_one_and_a_blank_required_value_is_missing()
    {
        AssertOneLineError(await Run("deploy-rollback", "Service=api", "Region= ", "--dry-run"), 2,
            "Parameter 'Region' was given a blank value (' '), which its steps would use as it is (a command's hole left empty); nothing was run. "
            + "Give it a value, or leave it out for its default 'eu-central-1'. (A runbook lets a parameter be empty by defaulting it to \"\".)");
        AssertOneLineError(await Run("deploy-rollback", "Service=  ", "--dry-run"), 2, "Missing required parameter 'Service': it was given a blank value ('  '); pass Service=VALUE.");
    }

    [Fact]
    public async Task An_empty_value_is_taken_where_the_runbooks_default_is_empty()
    {
        // A parameter left empty on purpose (a region without a DR site) says so by its default.
        var d = TestCatalog.DeployRollbackDescriptor();
        var emptyByDefault = new RunbookDescriptor
        {
            Id = d.Id, Title = d.Title, Severity = d.Severity, RunbookType = d.RunbookType, Parameters = d.Parameters, ReadParameters = d.ReadParameters,
            DocumentFileName = d.DocumentFileName, Documentation = d.Documentation, DocumentedOutline = d.DocumentedOutline,
            Create = values => new DeployRollback { Region = values.GetValueOrDefault("Region", ""), Service = values.GetValueOrDefault("Service", "") },
        };
        var result = await Host.RunAsync(new RunbookCatalog([emptyByDefault], [], ""), "run", "deploy-rollback", "Service=api", "Region=", "--dry-run");
        Assert.True(result.ExitCode == 0, result.Output);
    }

    [Fact]
    public async Task A_resume_refuses_an_empty_value_its_journal_holds_as_a_run_does()
    {
        using var temp = new TempDirectory();
        var journal = temp.File("journal.jsonl");
        File.WriteAllText(journal, "{\"time\":\"2026-12-06T02:00:00+00:00\",\"event\":\"run-started\",\"runbook\":\"deploy-rollback\","
            + "\"incidentStart\":\"2026-12-06T02:00:00+00:00\",\"parameters\":{\"Region\":\"\",\"Service\":\"api\",\"Revision\":\"3\",\"ApiToken\":\"***\"}}\n");

        var result = await Run("deploy-rollback", "--resume", journal, "--dry-run");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: Parameter 'Region' was given an empty value", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_interactive_live_run_that_would_need_a_person_does_not_start()
    {
        var result = await Run("deploy-rollback", "Service=api", "ApiToken=tok", "--non-interactive");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: --non-interactive never waits for input, and this run would need it:", result.Output);
        Assert.Contains("'Roll back' is destructive and needs a confirmation: pass --yes", result.Output);
        Assert.Contains("'Tell the team' has a manual instruction: pass --skip-manual", result.Output);
    }

    [Fact]
    public async Task Conditions_hold_and_skip_conditional_together_are_a_usage_error() =>
        AssertOneLineError(await Run("deploy-rollback", "Service=api", "ApiToken=tok", "--conditions-hold", "--skip-conditional"), 2,
            "--conditions-hold and --skip-conditional contradict each other: pass one of them.");

    [Theory]
    [InlineData("Mitigation strategy", "--choose 'Mitigation strategy' is not DECISION=OPTION: write --choose \"Mitigation strategy=Cache clear\" (the option's title or number, or none).")]
    [InlineData("=Restart", "--choose '=Restart' is not DECISION=OPTION: write --choose \"Mitigation strategy=Cache clear\" (the option's title or number, or none).")]
    public async Task A_choose_without_decision_and_option_is_a_usage_error(string choose, string error) =>
        AssertOneLineError(await Run("deploy-rollback", "Service=api", "ApiToken=tok", "--choose", choose), 2, error);

    [Fact]
    public async Task A_decision_answered_twice_is_a_usage_error() =>
        AssertOneLineError(await Run("deploy-rollback", "Service=api", "ApiToken=tok", "--choose", "Way=1", "--choose", "way=2"), 2,
            "--choose answers 'way' twice ('1' and '2'): pass one answer per decision.");

    [Fact]
    public async Task A_dry_run_refuses_a_choose_answer_the_live_run_would_refuse()
    {
        // The dry run is where a command line for a non-interactive run is tried out: a misspelt decision must fail there.
        var result = await Run("deploy-rollback", "Service=api", "ApiToken=tok", "--dry-run", "--choose", "Way=1");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: Nothing was run, and a live run would refuse these answers:", result.Output);
        Assert.Contains("--choose \"Way=…\": this runbook has no OneOf decision", result.Output);
    }

    [Fact]
    public async Task A_misspelt_option_is_a_usage_error() =>
        AssertOneLineError(await Run("deploy-rollback", "Service=api", "--dryrun"), 2, "Unknown option 'dryrun'.");

    [Fact]
    public async Task An_unknown_command_is_a_usage_error() =>
        AssertOneLineError(await Host.RunAsync(TestCatalog.Create(), "execute"), 2, "Unknown command 'execute'.");

    [Fact]
    public async Task A_runbook_whose_definition_throws_fails_with_exit_code_1_and_masks_secrets()
    {
        var broken = new RunbookDescriptor
        {
            Id = "broken",
            Title = "Broken",
            RunbookType = typeof(Broken),
            Parameters = [new("Token", "string", null, IsSecret: true, IsRequired: false, DefaultText: null)],
            Create = values => new Broken { Token = values.TryGetValue("Token", out var token) ? token : "" },
            ReadParameters = runbook => new Dictionary<string, string> { ["Token"] = ((Broken)runbook).Token },
            DocumentFileName = "broken.md",
            Documentation = "",
        };
        var result = await Host.RunAsync(new RunbookCatalog([broken], [], ""), "run", "broken", "Token=t0ps3cret", "--dry-run");

        AssertOneLineError(result, 1, "runbook 'broken' could not be prepared: InvalidOperationException: cannot use token ***");
    }

    private sealed class Broken : Runbook
    {
        public string Token { get; init; } = "";

        public override void Define(IRunbookBuilder rb) => throw new InvalidOperationException($"cannot use token {Token}");
    }
}
