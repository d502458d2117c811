using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using RunbookSdk.Analyzers.Commands;

namespace RunbookSdk.CodeFixes.Commands;

/// <summary>
/// RB0022: <c>$"rm -rf /srv/{Dir}"</c> with <c>const string Dir = "my app"</c> becomes <c>$"rm -rf /srv/'{Dir}'"</c>.
/// C# still makes the text one constant, now <c>rm -rf /srv/'my app'</c>: exactly what the command handler would have
/// run for the hole. Offered only where the handler would have written the value in single quotes and nothing else
/// (the analyzer says so); a single quote needs no escape in any C# string, raw ones included.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(QuoteConstantHoleCodeFix)), Shared]
public sealed class QuoteConstantHoleCodeFix : CodeFixProvider
{
    internal const string Key = "QuoteConstantHole";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("RB0022");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.ContainsKey(ConstantCommand.QuoteInPlaceProperty) ||
                root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InterpolationSyntax hole) continue;

            context.RegisterCodeFix(
                CodeAction.Create($"Quote '{hole.Expression}' in the command", token => ApplyAsync(context.Document, hole.Span, token), Key),
                diagnostic);
        }
    }

    private static async Task<Document> ApplyAsync(Document document, TextSpan hole, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        return document.WithText(text.WithChanges(new TextChange(new TextSpan(hole.Start, 0), "'"), new TextChange(new TextSpan(hole.End, 0), "'")));
    }
}
