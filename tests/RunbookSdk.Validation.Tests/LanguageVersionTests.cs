using RunbookSdk.Validation.Reports;

namespace RunbookSdk.Validation.Tests;

/// <summary>Validation parses a project at the C# version its build would: <c>LangVersion</c>, or the default for its target framework.</summary>
public sealed class LanguageVersionTests
{
    // A raw string literal is C# 11: a <LangVersion>10</LangVersion> build refuses it (CS8936).
    private const string RawString = """"
        namespace Payments;

        public static class Texts
        {
            public const string Raw = """raw""";
        }
        """";

    [Fact]
    public async Task ACSharp10ProjectIsCompiledAsCSharp10()
    {
        using var project = new TempProject().With("PaymentsHandbook.cs", Runbooks.Handbook).With("ApiDown.cs", Runbooks.Complete).With("Texts.cs", RawString);
        File.WriteAllText(project.ProjectFile, TempProject.AppProject.Replace("</PropertyGroup>", "  <LangVersion>10</LangVersion>\n  </PropertyGroup>", StringComparison.Ordinal));

        var result = await RunbookValidator.ValidateAsync(project.ProjectFile);

        var finding = Assert.Single(result.Findings, f => f.RuleId == "CS8936");
        Assert.Equal("Texts.cs", finding.Path);
        Assert.Equal(FindingLevel.Error, finding.Level);
        // The generated runner and pages are C# 10 too: nothing else is refused.
        Assert.DoesNotContain(result.Findings, f => f.RuleId.StartsWith("CS", StringComparison.Ordinal) && f != finding);
        Assert.False(result.Passed);
    }

    [Fact]
    public async Task WithoutLangVersionTheDefaultVersionAcceptsCurrentCSharp()
    {
        using var project = new TempProject().With("PaymentsHandbook.cs", Runbooks.Handbook).With("ApiDown.cs", Runbooks.Complete).With("Texts.cs", RawString);
        await project.WriteCurrentDocsAsync();

        var result = await RunbookValidator.ValidateAsync(project.ProjectFile);

        Assert.True(result.Passed, MarkdownReport.Render(result));
    }

    [Theory]
    [InlineData("14")]
    [InlineData("14.0")]
    public async Task CSharp14WrittenOutIsAcceptedAsTheSdkAcceptsIt(string version)
    {
        // The .NET 10 SDK knows C# 14; the compiler validate ships (Roslyn 4.14) has it only as "preview".
        using var project = new TempProject().With("PaymentsHandbook.cs", Runbooks.Handbook).With("ApiDown.cs", Runbooks.Complete).With("Texts.cs", RawString);
        File.WriteAllText(project.ProjectFile, TempProject.AppProject.Replace("</PropertyGroup>", $"  <LangVersion>{version}</LangVersion>\n  </PropertyGroup>", StringComparison.Ordinal));
        await project.WriteCurrentDocsAsync();

        var result = await RunbookValidator.ValidateAsync(project.ProjectFile);

        Assert.True(result.Passed, MarkdownReport.Render(result));
    }

    [Fact]
    public async Task AnUnknownLangVersionIsAnInputError()
    {
        using var project = new TempProject().With("PaymentsHandbook.cs", Runbooks.Handbook).With("ApiDown.cs", Runbooks.Complete);
        File.WriteAllText(project.ProjectFile, TempProject.AppProject.Replace("</PropertyGroup>", "  <LangVersion>banana</LangVersion>\n  </PropertyGroup>", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<ValidationInputException>(() => RunbookValidator.ValidateAsync(project.ProjectFile));

        Assert.Contains("banana", error.Message, StringComparison.Ordinal);
    }
}
