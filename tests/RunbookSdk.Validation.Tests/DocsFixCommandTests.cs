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

    [Fact]
    public async Task An_app_that_does_not_compile_is_told_to_fix_its_errors_before_writing_its_pages()
    {
        // `runbook docs` builds the project first: for an app with a compile error it only repeated the error, and the
        // finding sent the author there as if the pages were all that was wrong.
        var folder = Directory.CreateDirectory(Path.Combine(_root.FullName, "Payments"));
        File.WriteAllText(Path.Combine(folder.FullName, "Payments.csproj"), TempProject.AppProject);
        File.WriteAllText(Path.Combine(folder.FullName, "PaymentsHandbook.cs"), Runbooks.Handbook);
        File.WriteAllText(Path.Combine(folder.FullName, "ApiDown.cs"), Runbooks.Complete);
        File.WriteAllText(Path.Combine(folder.FullName, "Broken.cs"), "namespace Payments; internal static class Broken { public static int X => UnknownThing; }");

        var result = await RunbookValidator.ValidateAsync(_root.FullName);

        Assert.Contains(result.Findings, f => f.RuleId == "CS0103");
        var missing = result.Findings.First(f => f.RuleId == "RBDOCS");
        Assert.Contains("fix the 1 error(s) reported for Payments first (it does not build, so no command can write its pages yet), then run `runbook docs Payments/Payments.csproj`", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_app_that_compiles_is_sent_straight_to_the_docs_command()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root.FullName, "Payments"));
        File.WriteAllText(Path.Combine(folder.FullName, "Payments.csproj"), TempProject.AppProject);
        File.WriteAllText(Path.Combine(folder.FullName, "PaymentsHandbook.cs"), Runbooks.Handbook);
        File.WriteAllText(Path.Combine(folder.FullName, "ApiDown.cs"), Runbooks.Complete);

        var result = await RunbookValidator.ValidateAsync(_root.FullName);

        var missing = result.Findings.First(f => f.RuleId == "RBDOCS");
        Assert.DoesNotContain("does not build", missing.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _root.Delete(recursive: true);
}
