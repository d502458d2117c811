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
