using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using RunbookSdk.Validation.Compiling;

namespace RunbookSdk.Validation.Tests;

/// <summary>
/// A rule that throws (AD0001) did not check the code it threw on, and a generator that throws (CS8785) generated
/// nothing. A build reports both as warnings; validation is the CI gate, so it fails on them unless the project chose
/// their severity. No runbook makes a shipped rule or the generator throw (that would be a bug to fix), so these tests
/// add ones that do.
/// </summary>
public sealed class RuleFailureTests
{
    private static readonly ValidationOptions WithThrowingRule = new() { Added = new AddedExtensions([new ThrowingRule()], []) };

    /// <summary>The app project without TreatWarningsAsErrors, which would make any warning an error anyway.</summary>
    private static TempProject Project(string settings = "")
    {
        var project = new TempProject().With("PaymentsHandbook.cs", Runbooks.Handbook).With("ApiDown.cs", Runbooks.Complete);
        File.WriteAllText(project.ProjectFile, TempProject.AppProject.Replace("<TreatWarningsAsErrors>true</TreatWarningsAsErrors>", settings, StringComparison.Ordinal));
        return project;
    }

    [Fact]
    public async Task A_rule_that_throws_on_a_runbook_fails_validation_at_the_runbook_it_did_not_check()
    {
        using var project = Project();
        await project.WriteCurrentDocsAsync();

        var result = await RunbookValidator.ValidateAsync(project.ProjectFile, WithThrowingRule);

        Assert.Equal(1, result.ExitCode);
        var finding = Assert.Single(result.Findings, f => f.RuleId == "AD0001" && f.Path!.EndsWith("ApiDown.cs", StringComparison.Ordinal));
        Assert.Equal(FindingLevel.Error, finding.Level);
        // The class declaration starts at its [Runbook] attribute, on line 5.
        Assert.Equal((5, 1), (finding.Line, finding.Column));
        Assert.StartsWith("A RunbookSdk rule threw, so it did not check this code and validation cannot vouch for it: this is a bug in RunbookSdk", finding.Message, StringComparison.Ordinal);
        Assert.Contains("threw an exception of type 'System.InvalidOperationException' with message 'mutant'", finding.Message, StringComparison.Ordinal);
        var row = Assert.Single(result.Projects.Single().Runbooks);
        Assert.Equal(1, row.FindingsByRule["AD0001"]);
        Assert.Equal("error", row.Status);
    }

    [Theory]
    [InlineData(".globalconfig", "is_global = true\ndotnet_diagnostic.AD0001.severity = warning\n", "")]
    [InlineData(null, null, "<TreatWarningsAsErrors>true</TreatWarningsAsErrors><WarningsNotAsErrors>AD0001</WarningsNotAsErrors>")]
    public async Task A_project_that_chose_the_severity_of_a_rule_failure_keeps_it(string? file, string? text, string settings)
    {
        using var project = Project(settings);
        if (file is not null) project.With(file, text!);
        await project.WriteCurrentDocsAsync();

        var result = await RunbookValidator.ValidateAsync(project.ProjectFile, WithThrowingRule);

        Assert.Equal(0, result.ExitCode);
        Assert.All(result.Findings.Where(f => f.RuleId == "AD0001"), f => Assert.Equal(FindingLevel.Warning, f.Level));
        Assert.Equal(2, result.Findings.Count(f => f.RuleId == "AD0001"));
    }

    [Fact]
    public async Task A_project_that_silences_rule_failures_gets_none()
    {
        using var project = Project("<NoWarn>AD0001</NoWarn>");
        await project.WriteCurrentDocsAsync();

        var result = await RunbookValidator.ValidateAsync(project.ProjectFile, WithThrowingRule);

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "AD0001");
    }

    [Fact]
    public async Task A_generator_that_throws_fails_validation()
    {
        using var project = Project();
        await project.WriteCurrentDocsAsync();

        var result = await RunbookValidator.ValidateAsync(project.ProjectFile, new ValidationOptions { Added = new AddedExtensions([], [new ThrowingGenerator()]) });

        Assert.Equal(1, result.ExitCode);
        var finding = Assert.Single(result.Findings, f => f.RuleId == "CS8785");
        Assert.Equal(FindingLevel.Error, finding.Level);
        Assert.Null(finding.Path);
        Assert.StartsWith("The runbook generator threw, so this project's runbooks have no runner and no page: this is a bug in RunbookSdk", finding.Message, StringComparison.Ordinal);
        Assert.Contains("'InvalidOperationException' with message 'mutant'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_failure_validation_of_the_same_project_passes()
    {
        using var project = Project();
        await project.WriteCurrentDocsAsync();

        var result = await RunbookValidator.ValidateAsync(project.ProjectFile);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Findings);
    }

#pragma warning disable RS1001 // never loaded by a compiler: validation is handed an instance
    private sealed class ThrowingRule : DiagnosticAnalyzer
#pragma warning restore RS1001
    {
#pragma warning disable RS2008 // a test rule: no release to track
        private static readonly DiagnosticDescriptor Rule = new("RB9999", "Throws", "Throws", "Runbooks", DiagnosticSeverity.Warning, isEnabledByDefault: true);
#pragma warning restore RS2008

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSyntaxNodeAction(_ => throw new InvalidOperationException("mutant"), SyntaxKind.ClassDeclaration);
        }
    }

    private sealed class ThrowingGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context) =>
            context.RegisterSourceOutput(context.CompilationProvider, (_, _) => throw new InvalidOperationException("mutant"));
    }
}
