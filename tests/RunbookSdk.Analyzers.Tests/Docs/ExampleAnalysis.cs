using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using RunbookSdk.Analyzers.Review;
using RunbookSdk.Analyzers.Tests.Infrastructure;
using RunbookSdk.CodeFixes.Review;

namespace RunbookSdk.Analyzers.Tests.Docs;

/// <summary>
/// Every shipped rule and fix, run over a page's example as the IDE runs them. RB0010 and its fix read the clock, so
/// here they read the day the pages' examples are dated on: the RB0010 page's After was reviewed on it.
/// </summary>
internal static class ExampleAnalysis
{
    /// <summary>"Today" for the examples: the RB0010 page's <c>LastUpdated(2026, 4, 2)</c>.</summary>
    public static readonly DateTime Today = new(2026, 4, 2);

    private static readonly ImmutableArray<DiagnosticAnalyzer> s_analyzers = Shipped.Analyzers
        .Select(a => a is ReviewDateAnalyzer ? new ReviewDateAnalyzer(() => Today) : a)
        .ToImmutableArray();

    private static readonly ImmutableArray<CodeFixProvider> s_fixes = Shipped.CodeFixes
        .Select(f => f is MarkReviewedCodeFix ? new MarkReviewedCodeFix(() => Today) : f)
        .ToImmutableArray();

    /// <summary>The compiler's errors in <paramref name="source"/>, one a line; empty when it compiles.</summary>
    public static async Task<string> ErrorsAsync(string source)
    {
        var compilation = (await AppliedFixes.Document(source).Project.GetCompilationAsync())!;
        return string.Join("\n", compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    /// <summary>The rules' findings of <paramref name="id"/> in <paramref name="source"/>; of every rule when it is null.</summary>
    public static async Task<ImmutableArray<Diagnostic>> FindingsAsync(string source, string? id) =>
        await FindingsAsync(AppliedFixes.Document(source), id);

    /// <summary>
    /// <paramref name="source"/> after the first action offered for each finding of <paramref name="id"/>, applied one
    /// at a time as a reader clicks them, until none is left or none is offered.
    /// </summary>
    public static async Task<string> FixAsync(string source, string id)
    {
        for (var round = 0; round < 10; round++)
        {
            var document = AppliedFixes.Document(source);
            var fixedSource = (string?)null;
            foreach (var finding in await FindingsAsync(document, id))
            {
                if (await FirstActionAsync(document, finding) is not { } action) continue;
                var operations = await action.GetOperationsAsync(CancellationToken.None);
                var solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
                fixedSource = (await solution.GetDocument(document.Id)!.GetTextAsync()).ToString();
                break;
            }

            if (fixedSource is null) return source;
            source = fixedSource;
        }

        throw new Xunit.Sdk.XunitException($"The {id} fix still found something to fix after ten rounds:\n{source}");
    }

    /// <summary>The code's tokens, one a line: what two sources share when they differ only in layout and comments.</summary>
    public static string Tokens(string source) =>
        string.Join("\n", CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens().Select(t => t.Text));

    private static async Task<ImmutableArray<Diagnostic>> FindingsAsync(Document document, string? id)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        // RB0101 and up are the source generator's: it reports them while it reads the runbooks.
        var generated = CSharpGeneratorDriver.Create(new RunbookSdk.Generators.RunbookGenerator()).RunGenerators(compilation).GetRunResult().Diagnostics;
        return (await compilation.WithAnalyzers(s_analyzers).GetAnalyzerDiagnosticsAsync())
            .Concat(generated)
            .Where(d => id is null ? d.Id.StartsWith("RB", StringComparison.Ordinal) : d.Id == id)
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ToImmutableArray();
    }

    private static async Task<CodeAction?> FirstActionAsync(Document document, Diagnostic finding)
    {
        foreach (var fix in s_fixes.Where(f => f.FixableDiagnosticIds.Contains(finding.Id)))
        {
            var actions = new List<CodeAction>();
            await fix.RegisterCodeFixesAsync(new CodeFixContext(document, finding, (action, _) => actions.Add(action), CancellationToken.None));
            if (actions.SelectMany(a => a.NestedActions.IsEmpty ? [a] : a.NestedActions).FirstOrDefault() is { } first) return first;
        }

        return null;
    }
}
