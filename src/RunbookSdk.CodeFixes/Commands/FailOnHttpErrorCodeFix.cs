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
/// RB0014: an HTTP client that exits 0 on a 4xx or 5xx is given the option that makes it fail — <c>curl https://…</c>
/// becomes <c>curl --fail https://…</c>, HTTPie's <c>http GET https://…</c> becomes <c>http --check-status GET https://…</c>
/// (and xh's <c>xh</c>/<c>xhs</c> likewise) — so an HTTP error fails the check.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(FailOnHttpErrorCodeFix)), Shared]
public sealed class FailOnHttpErrorCodeFix : CodeFixProvider
{
    internal const string Key = "FailOnHttpError";

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
            // Only a client's finding is mechanical, reported on the client's name (an Http(...) URL is reported with its
            // quotes); "|| true" and a missing HTTP expectation need a person.
            var span = diagnostic.Location.SourceSpan;
            var client = text.ToString(span);
            if (OptionFor(client) is not { } option) continue;
            context.RegisterCodeFix(
                CodeAction.Create("Add " + option + " to " + client, token => FixAsync(context.Document, span, option, token), Key),
                diagnostic);
        }
    }

    private static string? OptionFor(string client) => client switch
    {
        "curl" => "--fail",
        "http" or "https" or "xh" or "xhs" => "--check-status",
        _ => null,
    };

    private static async Task<Document> FixAsync(Document document, TextSpan span, string option, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        return document.WithText(text.WithChanges(new TextChange(new TextSpan(span.End, 0), " " + option)));
    }
}
