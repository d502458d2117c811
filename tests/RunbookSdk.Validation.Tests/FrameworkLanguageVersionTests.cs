using RunbookSdk.Validation.Reports;

namespace RunbookSdk.Validation.Tests;

/// <summary>Without <c>LangVersion</c>, validation parses at the C# version the SDK picks for the <c>TargetFramework</c>.</summary>
public sealed class FrameworkLanguageVersionTests
{
    // The \e escape is C# 13: a net8.0 build (C# 12) refuses it.
    private const string Escape = """
        namespace Payments;

        public static class Texts
        {
            public const string Escape = "\e[0m";
        }
        """;

    // The field keyword is C# 14: a net10.0 build accepts it.
    private const string FieldKeyword = """
        namespace Payments;

        public sealed class Texts
        {
            public string Name { get => field; set => field = value.Trim(); } = "";
        }
        """;

    private static TempProject ProjectFor(string targetFramework, string texts)
    {
        var project = new TempProject().With("PaymentsHandbook.cs", Runbooks.Handbook).With("ApiDown.cs", Runbooks.Complete).With("Texts.cs", texts);
        File.WriteAllText(project.ProjectFile, TempProject.AppProject.Replace("net10.0", targetFramework, StringComparison.Ordinal));
        return project;
    }

    [Fact]
    public async Task ANet8ProjectIsCompiledAsCSharp12()
    {
        using var project = ProjectFor("net8.0", Escape);

        var result = await RunbookValidator.ValidateAsync(project.ProjectFile);

        var finding = Assert.Single(result.Findings, f => f.RuleId.StartsWith("CS", StringComparison.Ordinal));
        Assert.Equal("Texts.cs", finding.Path);
        Assert.Equal(FindingLevel.Error, finding.Level);
        Assert.False(result.Passed);
    }

    [Fact]
    public async Task ANet9ProjectAcceptsCSharp13()
    {
        using var project = ProjectFor("net9.0", Escape);
        await project.WriteCurrentDocsAsync();

        var result = await RunbookValidator.ValidateAsync(project.ProjectFile);

        Assert.True(result.Passed, MarkdownReport.Render(result));
    }

    [Fact]
    public async Task ANet10ProjectAcceptsCSharp14()
    {
        using var project = ProjectFor("net10.0", FieldKeyword);
        await project.WriteCurrentDocsAsync();

        var result = await RunbookValidator.ValidateAsync(project.ProjectFile);

        Assert.True(result.Passed, MarkdownReport.Render(result));
    }
}
