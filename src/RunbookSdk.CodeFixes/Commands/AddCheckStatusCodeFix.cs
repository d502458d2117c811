using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace RunbookSdk.CodeFixes.Commands;

/// <summary>
/// RB0014: HTTPie's <c>http GET https://…</c> becomes <c>http --check-status GET https://…</c>, so a 4xx or 5xx fails
/// the check (HTTPie's counterpart of <see cref="AddCurlFailCodeFix"/>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddCheckStatusCodeFix)), Shared]
public sealed class AddCheckStatusCodeFix : CodeFixProvider
{
    internal const string Key = "AddCheckStatus";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("RB0014");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var text = await context.Document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            // The HTTPie finding is reported on the command's name; an Http(...) URL is reported with its quotes.
            var span = diagnostic.Location.SourceSpan;
            var name = text.ToString(span);
            if (name is not ("http" or "https")) continue;
            context.RegisterCodeFix(
                CodeAction.Create("Add --check-status to " + name, token => FixAsync(context.Document, span, token), Key),
                diagnostic);
        }
    }

    private static async Task<Document> FixAsync(Document document, TextSpan span, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        return document.WithText(text.WithChanges(new TextChange(new TextSpan(span.End, 0), " --check-status")));
    }
}
