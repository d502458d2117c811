using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using RunbookSdk.CodeFixes.Editing;

namespace RunbookSdk.CodeFixes.Commands;

/// <summary>RB0005: appends <c>.RequiresConfirmation()</c> to the step that runs the destructive command.</summary>
[ExportCodeFixProvider(Microsoft.CodeAnalysis.LanguageNames.CSharp, Name = nameof(RequiresConfirmationCodeFix)), Shared]
public sealed class RequiresConfirmationCodeFix : CodeFixProvider
{
    internal const string Key = "AddRequiresConfirmation";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("RB0005");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (CommandCall.Of(root, diagnostic) is null) continue;
            context.RegisterCodeFix(
                CodeAction.Create("Require confirmation before this step", token => FixAsync(context.Document, diagnostic, token), Key),
                diagnostic);
        }
    }

    private static async Task<Document> FixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || CommandCall.Of(root, diagnostic) is not { } run) return document;
        var top = FluentChain.Top(run);
        return document.WithSyntaxRoot(root.ReplaceNode(top, FluentChain.Append(top, "RequiresConfirmation()", FluentChain.EndOfLine(root))));
    }
}
