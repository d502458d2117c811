namespace RunbookSdk.Validation.Tests;

/// <summary>
/// A repository that sets <c>RunbookSdkDocsDirectory</c> once, in its <c>Directory.Build.props</c>, for every team's
/// project. With one folder for all, each project's docs step deleted the others' pages and wrote its own index.md;
/// validation reported a page finding per page and project, each sending the author to a command that undid another
/// project's pages, and never said the projects shared the folder.
/// </summary>
public sealed class SharedDocsFolderTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("runbook-validate-shared-docs-");

    [Fact]
    public async Task Two_projects_writing_to_one_docs_folder_are_told_so_by_name()
    {
        WriteProps("$(MSBuildThisFileDirectory)docs/runbooks");
        WriteApp("Payments", "payments-api-down");
        WriteApp("Search", "search-api-down");

        var result = await RunbookValidator.ValidateAsync(_root.FullName);

        var payments = Assert.Single(result.Findings, f => f.Project == "Payments" && f.Message.Contains("as Search also does", StringComparison.Ordinal));
        Assert.Equal("Payments/Payments.csproj", payments.Path);
        Assert.Contains("Payments writes its pages to docs/runbooks, as Search also does", payments.Message, StringComparison.Ordinal);
        Assert.Contains("give each project its own RunbookSdkDocsDirectory", payments.Message, StringComparison.Ordinal);
        Assert.Single(result.Findings, f => f.Project == "Search" && f.Message.Contains("as Payments also does", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_folder_per_project_under_one_root_is_no_clash()
    {
        WriteProps("$(MSBuildThisFileDirectory)docs/runbooks/$(MSBuildProjectName)");
        WriteApp("Payments", "payments-api-down");
        WriteApp("Search", "search-api-down");

        var result = await RunbookValidator.ValidateAsync(_root.FullName);

        Assert.DoesNotContain(result.Findings, f => f.Message.Contains("also does", StringComparison.Ordinal));
        Assert.Equal(["docs/runbooks/Payments", "docs/runbooks/Search"], result.Projects.Select(p => p.Docs.Directory).Order(StringComparer.Ordinal));
    }

    private void WriteProps(string docsDirectory) =>
        File.WriteAllText(Path.Combine(_root.FullName, "Directory.Build.props"), $"""
            <Project>
              <PropertyGroup>
                <RunbookSdkDocsDirectory>{docsDirectory}</RunbookSdkDocsDirectory>
              </PropertyGroup>
            </Project>
            """);

    private void WriteApp(string name, string id)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root.FullName, name)).FullName;
        File.WriteAllText(Path.Combine(folder, name + ".csproj"), TempProject.AppProject);
        File.WriteAllText(Path.Combine(folder, "PaymentsHandbook.cs"), Runbooks.Handbook.Replace("namespace Payments;", $"namespace {name};", StringComparison.Ordinal)
            .Replace("[Handbook(\"payments\")]", $"[Handbook(\"{name.ToLowerInvariant()}\")]", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(folder, "ApiDown.cs"), Runbooks.Complete.Replace("namespace Payments;", $"namespace {name};", StringComparison.Ordinal)
            .Replace("payments-api-down", id, StringComparison.Ordinal));
    }

    public void Dispose() => _root.Delete(recursive: true);
}
