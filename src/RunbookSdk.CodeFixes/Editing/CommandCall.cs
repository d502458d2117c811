using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.CodeFixes.Editing;

/// <summary>Finds the <c>Run(...)</c> call a command rule's finding sits in.</summary>
internal static class CommandCall
{
    /// <summary>
    /// The <c>Run(...)</c> invocation whose argument holds the finding (also <c>Http(...)</c> when
    /// <paramref name="orHttp"/>: a fix to the step, not to the command's text), or null.
    /// </summary>
    public static InvocationExpressionSyntax? Of(SyntaxNode? root, Diagnostic diagnostic, bool orHttp = false) =>
        root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)
            ?.FirstAncestorOrSelf<ArgumentSyntax>()?.Parent?.Parent is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name } } call &&
        (name == "Run" || orHttp && name == "Http")
            ? call
            : null;

    /// <summary>
    /// Offers one fix, under <paramref name="title"/> and <paramref name="key"/>, for every finding that sits in a
    /// <c>Run(...)</c> call (or <c>Http(...)</c> call, when <paramref name="orHttp"/>); <paramref name="fix"/> gets the
    /// document, its root and that call as they are when applied.
    /// </summary>
    /// <param name="context">The light bulb's request.</param>
    /// <param name="title">The fix's title.</param>
    /// <param name="key">Its equivalence key.</param>
    /// <param name="fix">Writes the fix.</param>
    /// <param name="orHttp">Whether an <c>Http(...)</c> call holds findings too.</param>
    /// <param name="whenFinished">Offer the fix only once the call's <c>)</c> is typed: for a fix that appends a call after it.</param>
    public static async Task RegisterAsync(
        CodeFixContext context, string title, string key,
        Func<Document, SyntaxNode, InvocationExpressionSyntax, CancellationToken, Task<Document>> fix, bool orHttp = false, bool whenFinished = false)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (Of(root, diagnostic, orHttp) is not { } call || whenFinished && call.ArgumentList.CloseParenToken.IsMissing) continue;
            context.RegisterCodeFix(CodeAction.Create(title, token => ApplyAsync(context.Document, diagnostic, fix, orHttp, token), key), diagnostic);
        }
    }

    private static async Task<Document> ApplyAsync(
        Document document, Diagnostic diagnostic,
        Func<Document, SyntaxNode, InvocationExpressionSyntax, CancellationToken, Task<Document>> fix, bool orHttp, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root is not null && Of(root, diagnostic, orHttp) is { } run ? await fix(document, root, run, cancellationToken).ConfigureAwait(false) : document;
    }
}
