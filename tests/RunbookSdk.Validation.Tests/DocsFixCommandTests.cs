namespace RunbookSdk.Validation.Tests;

/// <summary>
/// A stale page's finding says which command writes the docs. It named the project's path as it is, so a path with a
/// space or an <c>&amp;</c> (<c>samples/R&amp;D Ops/Omnix.csproj</c>) broke in the shell it was pasted into.
/// </summary>
public sealed class DocsFixCommandTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("runbook-validate-fix-");

    [Fact]
    public async Task The_command_that_writes_the_docs_quotes_a_path_a_shell_would_split()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root.FullName, "R&D Ops"));
        File.WriteAllText(Path.Combine(folder.FullName, "Payments.csproj"), TempProject.AppProject);
        File.WriteAllText(Path.Combine(folder.FullName, "PaymentsHandbook.cs"), Runbooks.Handbook);
        File.WriteAllText(Path.Combine(folder.FullName, "ApiDown.cs"), Runbooks.Complete);

        var result = await RunbookValidator.ValidateAsync(_root.FullName);

        var missing = result.Findings.First(f => f.RuleId == "RBDOCS");
        Assert.Contains("run `runbook docs 'R&D Ops/Payments.csproj'` (or build the project outside CI)", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shared_handbook_librarys_stale_pages_name_the_command_that_writes_that_librarys_pages()
    {
        // A handbook project shared by runbook apps keeps its pages in docs/ (written by `runbook docs Handbook`). Its
        // build writes none, and an app's docs command writes the app's pages: the finding said to run
        // `runbook docs APP --out Handbook/docs`, which put the app's runbook pages there and deleted the handbook's.
        var folder = Directory.CreateDirectory(Path.Combine(_root.FullName, "Handbook"));
        File.WriteAllText(Path.Combine(folder.FullName, "Handbook.csproj"), TempProject.AppProject.Replace("<OutputType>Exe</OutputType>", "", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(folder.FullName, "PaymentsHandbook.cs"), Runbooks.Handbook);
        Directory.CreateDirectory(Path.Combine(folder.FullName, "docs"));

        var result = await RunbookValidator.ValidateAsync(_root.FullName);

        var missing = result.Findings.Single(f => f.RuleId == "RBDOCS" && f.Message.Contains("'payments.md'", StringComparison.Ordinal));
        Assert.Contains("Generated page 'payments.md' is missing from Handbook/docs", missing.Message, StringComparison.Ordinal);
        Assert.Contains("run `runbook docs Handbook/Handbook.csproj` and commit the docs folder", missing.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("--out", missing.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _root.Delete(recursive: true);
}
