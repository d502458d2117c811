namespace RunbookSdk.Validation.Tests;

/// <summary>
/// <c>RunbookSdkGenerateEntryPoint</c> as the project sets it. An app with a <c>Main</c> of its own (one that signs in
/// to a vault before handing over to the runbook host) sets it to false, and its build passes; validation compiled it
/// with the generated <c>Main</c> as well and failed it with CS0017.
/// </summary>
public sealed class EntryPointSettingTests
{
    private const string OwnMain = """
        namespace Payments;

        internal static class Program
        {
            public static Task<int> Main(string[] args) => RunbookSdk.Hosting.RunbookHost.RunAsync(args, RunbookSdk.Generated.GeneratedRunbookCatalog.Catalog);
        }
        """;

    [Fact]
    public async Task An_app_with_its_own_Main_that_turns_the_generated_one_off_passes()
    {
        using var project = new TempProject()
            .With("PaymentsHandbook.cs", Runbooks.Handbook)
            .With("ApiDown.cs", Runbooks.Complete)
            .With("Program.cs", OwnMain);
        File.WriteAllText(project.ProjectFile, TempProject.AppProject.Replace("<OutputType>Exe</OutputType>",
            "<OutputType>Exe</OutputType><RunbookSdkGenerateEntryPoint>false</RunbookSdkGenerateEntryPoint>", StringComparison.Ordinal));
        await project.WriteCurrentDocsAsync();

        var result = await RunbookValidator.ValidateAsync(project.ProjectFile);

        Assert.DoesNotContain(result.Findings, f => f.RuleId == "CS0017");
        Assert.True(result.Passed, string.Join("\n", result.Findings.Select(f => f.Message)));
        Assert.True(Assert.Single(result.Runbooks).EscalationInherited, "the plan was recorded: the project compiled");
    }

    [Fact]
    public async Task An_app_that_keeps_the_default_and_writes_a_Main_too_fails_as_its_build_does()
    {
        using var project = new TempProject()
            .With("PaymentsHandbook.cs", Runbooks.Handbook)
            .With("ApiDown.cs", Runbooks.Complete)
            .With("Program.cs", OwnMain);

        var result = await RunbookValidator.ValidateAsync(project.ProjectFile);

        Assert.Contains(result.Findings, f => f.RuleId == "CS0017");
    }
}
