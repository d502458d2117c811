using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace RunbookSdk.CodeFixes.Commands;

/// <summary>RB0014: <c>curl https://…</c> becomes <c>curl --fail https://…</c>, so an HTTP error fails the check.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddCurlFailCodeFix)), Shared]
public sealed class AddCurlFailCodeFix : CodeFixProvider
{
    internal const string Key = "AddCurlFail";

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
            // Only the curl finding is mechanical; "|| true" and a missing HTTP expectation need a person.
            var span = diagnostic.Location.SourceSpan;
            if (text.ToString(span) != "curl") continue;
            context.RegisterCodeFix(
                CodeAction.Create("Add --fail to curl", token => FixAsync(context.Document, span, token), Key),
                diagnostic);
        }
    }

    private static async Task<Document> FixAsync(Document document, TextSpan span, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        return document.WithText(text.WithChanges(new TextChange(new TextSpan(span.End, 0), " --fail")));
    }
}
