namespace RunbookSdk.Validation.Tests;

/// <summary>Input validation cannot read says which file, and where: never a misleading result about the runbooks.</summary>
public sealed class InputErrorTests
{
    [Fact]
    public async Task A_project_file_that_is_not_xml_is_named_with_its_line()
    {
        using var project = new TempProject().With("PaymentsHandbook.cs", Runbooks.Handbook);
        File.WriteAllText(project.ProjectFile, TempProject.AppProject[..(TempProject.AppProject.Length / 2)]);

        var error = await Assert.ThrowsAsync<ValidationInputException>(() => RunbookValidator.ValidateAsync(project.ProjectFile));

        Assert.StartsWith(project.ProjectFile + "(", error.Message);
        Assert.Contains("not a valid MSBuild file", error.Message);
    }

    [Fact]
    public async Task A_solution_that_is_not_xml_is_named_with_its_line()
    {
        using var project = new TempProject().With("PaymentsHandbook.cs", Runbooks.Handbook);
        var solution = Path.Combine(project.Root, "All.slnx");
        File.WriteAllText(solution, "<Solution>\n  <Project Path=\"Payments/Payments.csproj\" \n");

        var error = await Assert.ThrowsAsync<ValidationInputException>(() => RunbookValidator.ValidateAsync(solution));

        Assert.StartsWith(solution + "(", error.Message);
        Assert.Contains("not a valid solution file", error.Message);
    }

    [Fact]
    public async Task A_solution_listing_a_project_that_does_not_exist_says_which()
    {
        using var project = new TempProject().With("PaymentsHandbook.cs", Runbooks.Handbook);
        var solution = Path.Combine(project.Root, "All.sln");
        File.WriteAllText(solution, Solutions.Sln("Gone", "Gone\\Gone.csproj"));

        var error = await Assert.ThrowsAsync<ValidationInputException>(() => RunbookValidator.ValidateAsync(solution));

        Assert.Contains("lists 'Gone/Gone.csproj', which does not exist", error.Message);
    }
}
