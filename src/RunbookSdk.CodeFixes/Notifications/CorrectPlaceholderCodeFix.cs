using System;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using RunbookSdk.Analyzers.Notifications;
using RunbookSdk.CodeFixes.Editing;

namespace RunbookSdk.CodeFixes.Notifications;

/// <summary>
/// RB0026: writes the parameter or run fact a misspelt placeholder most likely means into the template's text —
/// <c>"{Servce} is down"</c> → <c>"{Service} is down"</c> — where the template is written: the runbook's own
/// <c>Communication(...)</c>, or its handbook's in this project (another file, too). Offered only when the finding's
/// message suggests a name and the template is a string literal that spells the placeholder as the text has it.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CorrectPlaceholderCodeFix)), Shared]
public sealed class CorrectPlaceholderCodeFix : CodeFixProvider
{
    internal const string Key = "CorrectPlaceholder";

    // Two misspellings of one template edit one literal: applied in turn, each sees the other's correction.
    private static readonly FixAllProvider FixAll = new SequentialFixAllProvider("Correct the placeholders", FixAsync);

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("RB0026");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => FixAll;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(UnfilledPlaceholderAnalyzer.PlaceholderProperty, out var placeholder) || placeholder is null) continue;
            if (!diagnostic.Properties.TryGetValue(UnfilledPlaceholderAnalyzer.SuggestionProperty, out var suggestion) || suggestion is null) continue;
            if (await CorrectedAsync(context.Document.Project.Solution, diagnostic, context.CancellationToken).ConfigureAwait(false) is null) continue;
            context.RegisterCodeFix(
                CodeAction.Create($"Write {{{suggestion}}} for {{{placeholder}}}", token => FixAsync(context.Document, diagnostic, token), Key),
                diagnostic);
        }
    }

    private static async Task<Solution> FixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        await CorrectedAsync(document.Project.Solution, diagnostic, cancellationToken).ConfigureAwait(false) ?? document.Project.Solution;

    /// <summary>The solution with the template's literal corrected, or null when the literal does not spell the placeholder.</summary>
    private static async Task<Solution?> CorrectedAsync(Solution solution, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (diagnostic.AdditionalLocations.FirstOrDefault() is not { SourceTree: { } tree } location) return null;
        if (solution.GetDocument(tree) is not { } templateDocument) return null;
        var placeholder = diagnostic.Properties[UnfilledPlaceholderAnalyzer.PlaceholderProperty]!;
        var suggestion = diagnostic.Properties[UnfilledPlaceholderAnalyzer.SuggestionProperty]!;

        // The literal as it is now: after an earlier fix of Fix All it may be longer or shorter, but it starts where it did.
        var root = await templateDocument.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null) return null;
        var literal = root.FindToken(location.SourceSpan.Start);
        var text = literal.Text;
        var written = "{" + placeholder + "}";
        if (text.IndexOf(written, StringComparison.OrdinalIgnoreCase) < 0) return null;

        var corrected = ReplaceEach(text, written, "{" + suggestion + "}");
        var source = await templateDocument.GetTextAsync(cancellationToken).ConfigureAwait(false);
        return solution.WithDocumentText(templateDocument.Id, source.WithChanges(new TextChange(literal.Span, corrected)));
    }

    // Every spelling of the placeholder in any case: the runner fills names in any case, and the finding names one of them.
    private static string ReplaceEach(string text, string written, string replacement)
    {
        var result = new System.Text.StringBuilder(text.Length);
        var start = 0;
        for (var at = text.IndexOf(written, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(written, start, StringComparison.OrdinalIgnoreCase))
        {
            result.Append(text, start, at - start).Append(replacement);
            start = at + written.Length;
        }

        return result.Append(text, start, text.Length - start).ToString();
    }
}
