using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RunbookSdk.Analyzers.Tests.Infrastructure;

/// <summary>
/// Every rule and every fix the package ships, run as the IDE runs them on one file: the findings, and the code each
/// offered fix writes. For sources the testing library's markup cannot hold (its <c>$$</c> marks a position, and a raw
/// string with braces is written <c>$$"""…"""</c>).
/// </summary>
internal static class AppliedFixes
{
    public sealed record Finding(Diagnostic Diagnostic, string Text);

    public sealed record Applied(Diagnostic Diagnostic, string Title, string Source, ImmutableArray<Diagnostic> Errors, ImmutableArray<Diagnostic> Findings);

    public static Document Document(string source)
    {
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(ProjectId.CreateNewId(), VersionStamp.Default, "Fixed", "Fixed", LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.Preview), metadataReferences: TestReferences.All));
        return project.AddDocument("Runbook.cs", source, filePath: "/src/Runbook.cs");
    }

    /// <summary>The rules' findings in the document's project, in source order, with the text each squiggles.</summary>
    public static async Task<ImmutableArray<Finding>> FindingsAsync(Document document)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        return (await compilation.WithAnalyzers(Shipped.Analyzers).GetAnalyzerDiagnosticsAsync())
            .Where(d => d.Id.StartsWith("RB", StringComparison.Ordinal))
            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start)
            .Select(d => new Finding(d, d.Location.SourceTree?.GetText().ToString(d.Location.SourceSpan) ?? ""))
            .ToImmutableArray();
    }

    /// <summary>The rules' findings in <paramref name="project"/> that a shipped code fix lists as one it fixes, as "RB0005 at Runbook.cs(12)".</summary>
    public static async Task<string[]> FixableFindingsAsync(Project project) =>
        (await FindingsAsync(project.Documents.First()))
            .Where(f => Shipped.CodeFixes.Any(p => p.FixableDiagnosticIds.Contains(f.Diagnostic.Id)))
            .Select(f => $"{f.Diagnostic.Id} at {f.Diagnostic.Location.GetLineSpan()}")
            .ToArray();

    /// <summary>Every action every fix offers for <paramref name="diagnostic"/>, applied on its own.</summary>
    public static async Task<ImmutableArray<Applied>> ApplyEachAsync(Document document, Diagnostic diagnostic)
    {
        var applied = ImmutableArray.CreateBuilder<Applied>();
        foreach (var fix in Shipped.CodeFixes.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
        {
            var actions = new List<CodeAction>();
            await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
            foreach (var action in actions.SelectMany(a => a.NestedActions.IsEmpty ? [a] : a.NestedActions))
            {
                var operations = await action.GetOperationsAsync(CancellationToken.None);
                var solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
                var fixedDocument = solution.GetDocument(document.Id)!;
                var compilation = (await fixedDocument.Project.GetCompilationAsync())!;
                var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
                var findings = (await FindingsAsync(fixedDocument)).Select(f => f.Diagnostic).ToImmutableArray();
                applied.Add(new Applied(diagnostic, action.Title, (await fixedDocument.GetTextAsync()).ToString(), errors, findings));
            }
        }

        return applied.ToImmutable();
    }

    /// <summary>
    /// Applies every fix offered for every finding in <paramref name="project"/>, one at a time, and fails the test when
    /// one writes code that does not compile, leaves its finding in place, or brings a finding of a rule the project did
    /// not have (unless <paramref name="expectedNew"/> says the fix means it to). A finding for which
    /// <paramref name="mustHaveFix"/> holds must be offered a fix. Returns how many fixes were applied.
    /// </summary>
    public static async Task<int> CheckEachFixAsync(Project project, Func<Applied, string, bool>? expectedNew = null, Func<Finding, bool>? mustHaveFix = null)
    {
        var errors = (await project.GetCompilationAsync())!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var findings = await FindingsAsync(project.Documents.First());
        var applied = 0;
        foreach (var finding in findings)
        {
            var document = project.GetDocument(finding.Diagnostic.Location.SourceTree)!;
            var fixes = await ApplyEachAsync(document, finding.Diagnostic);
            Assert.True(fixes.Length > 0 || mustHaveFix?.Invoke(finding) != true, $"No fix for {finding.Diagnostic.Id} on '{finding.Text}' in {document.Name}");
            foreach (var fix in fixes)
            {
                var what = $"'{fix.Title}' for {finding.Diagnostic.Id} on '{finding.Text}' in {document.Name}";
                Assert.True(fix.Errors.IsEmpty, $"{what} wrote code that does not compile: {string.Join("; ", fix.Errors)}\n{fix.Source}");
                Assert.True(fix.Findings.Count(d => d.Id == finding.Diagnostic.Id) < findings.Count(f => f.Diagnostic.Id == finding.Diagnostic.Id),
                    $"{what} left the finding in place:\n{fix.Source}");
                var added = fix.Findings.Select(d => d.Id).Except(findings.Select(f => f.Diagnostic.Id)).Where(id => expectedNew?.Invoke(fix, id) != true).ToList();
                Assert.True(added.Count == 0, $"{what} brought {string.Join(", ", added)}:\n{fix.Source}");
                applied++;
            }
        }

        return applied;
    }

    /// <summary>The source after the one fix offered for the one finding of <paramref name="id"/>; fails the test otherwise.</summary>
    public static async Task<string> FixOnlyAsync(string source, string id)
    {
        var document = Document(source);
        var finding = Assert.Single(await FindingsAsync(document), f => f.Diagnostic.Id == id);
        var applied = Assert.Single(await ApplyEachAsync(document, finding.Diagnostic));
        Assert.True(applied.Errors.IsEmpty, string.Join("\n", applied.Errors));
        return applied.Source;
    }
}
