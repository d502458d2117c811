using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace RunbookSdk.CodeFixes.Editing;

/// <summary>Appends a call to a fluent DSL chain, keeping its layout: one call per line stays one call per line.</summary>
internal static class FluentChain
{
    /// <summary>
    /// The outermost call of the chain that <paramref name="expression"/> is part of, up to the last one finished: a
    /// call whose <c>)</c> is not typed yet (<c>.ExpectExitCode(</c>) is being written, and a call appended after it
    /// would go into its argument list.
    /// </summary>
    public static ExpressionSyntax Top(ExpressionSyntax expression)
    {
        var current = expression;
        while (current.Parent is MemberAccessExpressionSyntax access && access.Expression == current &&
               access.Parent is InvocationExpressionSyntax invocation && invocation.Expression == access &&
               !invocation.ArgumentList.CloseParenToken.IsMissing)
        {
            current = invocation;
        }

        return current;
    }

    /// <summary>
    /// <paramref name="chain"/> followed by <paramref name="call"/> (written as <c>Name(arguments)</c>), laid out as the
    /// dot it goes in at is (the next call's when the chain goes on, the last call's at its end): on the same line, on a
    /// line of its own after a leading dot (<c>\n    .Call()</c>), or after a dot that ends the line above
    /// (<c>.\n    Call()</c>). Roslyn's formatter likewise keeps a chain's line breaks and adds none, so where two calls
    /// share a line, the new one shares it too.
    /// </summary>
    public static ExpressionSyntax Append(ExpressionSyntax chain, string call, string endOfLine)
    {
        var (beforeLineEnd, afterLineEnd) = Into(chain) is { } access ? Break(access, endOfLine) : (".", "");

        // A comment after the chain's last call stays on that call's line (.Phase(...) // the only phase), where a
        // call on a line of its own follows; on one line, the new call has to come before it.
        var trailing = chain.GetTrailingTrivia();
        var lineEnd = trailing.IndexOf(SyntaxKind.EndOfLineTrivia);
        if (afterLineEnd.Length > 0 && lineEnd > 0 &&
            trailing.Take(lineEnd).Any(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia)))
        {
            var sameLine = SyntaxFactory.TriviaList(trailing.Take(lineEnd)).ToFullString();
            var withComment = chain.WithoutTrivia().ToFullString() + beforeLineEnd + sameLine + afterLineEnd + call;
            return SyntaxFactory.ParseExpression(withComment)
                .WithLeadingTrivia(chain.GetLeadingTrivia())
                .WithTrailingTrivia(SyntaxFactory.TriviaList(trailing.Skip(lineEnd)));
        }

        var text = chain.WithoutTrivia().ToFullString() + beforeLineEnd + afterLineEnd + call;
        return SyntaxFactory.ParseExpression(text).WithTriviaFrom(chain);
    }

    /// <summary>
    /// The member access whose dot the new call goes in at, and whose layout it takes: the call after
    /// <paramref name="chain"/> when the chain goes on (a timeout right after <c>Run(…)</c>), so calls written on one
    /// line (<c>s.⏎    Run(…).ExpectExitCode(0)</c>) stay on one line and calls one a line stay one a line; the last
    /// call's own otherwise. Before, only the last call's was read, which split a line of several calls in two.
    /// </summary>
    private static MemberAccessExpressionSyntax? Into(ExpressionSyntax chain) =>
        chain.Parent is MemberAccessExpressionSyntax next && next.Expression == chain ? next
        : chain is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax own } ? own
        : null;

    /// <summary>
    /// The edit that writes <paramref name="call"/> (as <c>Name(arguments)</c>) before <paramref name="before"/>, a call of
    /// a chain, laid out as that call is written: on its line when its dot is inside a line, or on a line of its own with
    /// the dot leading the line or ending the one above, as that call's dot does, so a chain with one call a line keeps
    /// it and calls that share a line keep sharing it. With the dot leading the line, the new call goes above the
    /// comments on the lines above <paramref name="before"/>: they are about that call and stay with it.
    /// </summary>
    public static TextChange InsertBefore(InvocationExpressionSyntax before, string call, string endOfLine)
    {
        var access = (MemberAccessExpressionSyntax)before.Expression;
        var (beforeLineEnd, afterLineEnd) = Break(access, endOfLine);
        var dot = access.OperatorToken;
        if (beforeLineEnd.Length == 0)
            return new TextChange(new TextSpan(dot.FullSpan.Start, 0), LineIndentation(dot.LeadingTrivia) + "." + call + endOfLine);
        return new TextChange(new TextSpan(access.Name.SpanStart, 0), call + beforeLineEnd + afterLineEnd);
    }

    /// <summary>
    /// What stands between <paramref name="access"/>'s call and what it is called on, dot included, split where a new
    /// call's line starts: with the dot at the end of each line, the dot
    /// stays before the line end and only the name goes on the new line, as the chain's other calls are; before, that
    /// chain got the new call on its last call's line.
    /// </summary>
    private static (string BeforeLineEnd, string AfterLineEnd) Break(MemberAccessExpressionSyntax access, string endOfLine)
    {
        var dot = access.OperatorToken;
        if (dot.GetPreviousToken().TrailingTrivia.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia)))
            return ("", endOfLine + LineIndentation(dot.LeadingTrivia) + ".");
        if (dot.TrailingTrivia.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia)))
            return (".", endOfLine + LineIndentation(access.Name.GetLeadingTrivia()));
        return (".", "");
    }

    /// <summary>
    /// The whitespace that starts the last call's line, the document's own (tabs, two spaces): only that, as the lines
    /// above it (a comment about that call, <c>// why</c>) belong to the call and are not written again before the new one.
    /// </summary>
    private static string LineIndentation(SyntaxTriviaList leading)
    {
        var lineStart = leading.Count;
        while (lineStart > 0 && !leading[lineStart - 1].IsKind(SyntaxKind.EndOfLineTrivia)) lineStart--;
        return lineStart < leading.Count && leading[lineStart].IsKind(SyntaxKind.WhitespaceTrivia) ? leading[lineStart].ToString() : "";
    }

    /// <summary>The line ending the document already uses.</summary>
    public static string EndOfLine(SyntaxNode root) =>
        root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)).ToString() is { Length: > 0 } eol ? eol : "\n";
}
