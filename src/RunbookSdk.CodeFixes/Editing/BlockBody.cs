using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.CodeFixes.Editing;

/// <summary>
/// Turns an expression-bodied method into a block body laid out as if written by hand: braces at the method's
/// indentation, statements one level inside, the expression's continuation lines one level deeper than its first line
/// (keeping their layout relative to each other), and every comment around the arrow and the semicolon kept.
/// </summary>
/// <remarks>
/// Laid out here rather than by <c>Formatter.Annotation</c>: the formatter keeps an expression's continuation lines
/// where they were relative to its first token, so lines that followed <c>=&gt;</c> on the signature's line stayed
/// out of step with the statement; it would also respace the developer's own code inside the expression.
/// </remarks>
internal static class BlockBody
{
    private const string IndentUnit = "    ";

    /// <summary>
    /// <paramref name="method"/> with a block holding its expression as a statement, followed by
    /// <paramref name="next"/> (written without trivia; this lays it out).
    /// </summary>
    public static MethodDeclarationSyntax From(MethodDeclarationSyntax method, StatementSyntax next, string endOfLine)
    {
        if (method.ExpressionBody is not { } arrow) return method;
        var body = arrow.Expression;
        var memberIndent = IndentationOf(method.GetFirstToken());
        var statementIndent = memberIndent + IndentUnit;
        var eol = SyntaxFactory.EndOfLine(endOfLine);

        // Comments before the expression read as its introduction, those after it as its end-of-line remark.
        var before = Comments(method.ParameterList.GetTrailingTrivia(), arrow.ArrowToken.LeadingTrivia, arrow.ArrowToken.TrailingTrivia, body.GetLeadingTrivia());
        var after = Comments(body.GetTrailingTrivia(), method.SemicolonToken.LeadingTrivia, method.SemicolonToken.TrailingTrivia);

        var leading = new List<SyntaxTrivia>();
        foreach (var comment in before)
            leading.AddRange(new[] { SyntaxFactory.Whitespace(statementIndent), comment, eol });
        leading.Add(SyntaxFactory.Whitespace(statementIndent));

        var trailing = new List<SyntaxTrivia>();
        for (var i = 0; i < after.Count; i++)
        {
            trailing.Add(i == 0 ? SyntaxFactory.Space : eol);
            if (i > 0) trailing.Add(SyntaxFactory.Whitespace(statementIndent));
            trailing.Add(after[i]);
        }
        trailing.Add(eol);

        var expression = Reindented(body.WithoutTrivia(), StartsLine(body), ColumnOf(body.GetFirstToken()), statementIndent.Length);
        var statement = SyntaxFactory.ExpressionStatement(expression)
            .WithLeadingTrivia(leading)
            .WithTrailingTrivia(trailing);
        next = next.WithoutTrivia()
            .WithLeadingTrivia(SyntaxFactory.Whitespace(statementIndent))
            .WithTrailingTrivia(eol);

        var block = SyntaxFactory.Block(
            SyntaxFactory.Token(SyntaxFactory.TriviaList(SyntaxFactory.Whitespace(memberIndent)), SyntaxKind.OpenBraceToken, SyntaxFactory.TriviaList(eol)),
            SyntaxFactory.List(new[] { statement, next }),
            SyntaxFactory.Token(SyntaxFactory.TriviaList(SyntaxFactory.Whitespace(memberIndent)), SyntaxKind.CloseBraceToken, SyntaxFactory.TriviaList(eol)));

        return method.WithExpressionBody(null).WithSemicolonToken(default)
            .WithParameterList(method.ParameterList.WithTrailingTrivia(eol))
            .WithBody(block);
    }

    /// <summary>
    /// The expression with each line after its first moved so the layout reads from the new statement's column:
    /// where the expression began its own line, every line keeps its offset from that first line; where it followed
    /// <c>=&gt;</c>, the least indented continuation line goes one level inside the statement and the others keep
    /// their offset from it.
    /// </summary>
    private static ExpressionSyntax Reindented(ExpressionSyntax expression, bool startedLine, int firstColumn, int statementColumn)
    {
        var lineStarts = LineStartWidths(expression).ToList();
        if (lineStarts.Count == 0) return expression;

        var (from, to) = startedLine
            ? (firstColumn, statementColumn)
            : (lineStarts.Min(), statementColumn + IndentUnit.Length);

        return expression.ReplaceTokens(
            expression.DescendantTokens().Skip(1),
            (original, _) => original.WithLeadingTrivia(Shifted(original, to - from, statementColumn)));
    }

    /// <summary>The token's leading trivia with the indentation of every line it starts moved by <paramref name="shift"/>.</summary>
    private static SyntaxTriviaList Shifted(SyntaxToken token, int shift, int floor)
    {
        var leading = token.LeadingTrivia;
        var result = new List<SyntaxTrivia>();
        var atLineStart = EndsLine(token.GetPreviousToken());
        for (var i = 0; i < leading.Count; i++)
        {
            var trivia = leading[i];
            if (atLineStart && !trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                var width = trivia.IsKind(SyntaxKind.WhitespaceTrivia) ? trivia.Span.Length : 0;
                var moved = Math.Max(floor, width + shift);
                if (moved > 0) result.Add(SyntaxFactory.Whitespace(new string(' ', moved)));
                if (!trivia.IsKind(SyntaxKind.WhitespaceTrivia)) result.Add(trivia);
            }
            else
            {
                result.Add(trivia);
            }

            atLineStart = trivia.IsKind(SyntaxKind.EndOfLineTrivia);
        }

        // A token at column 0 has no whitespace trivia to move.
        if (atLineStart && Math.Max(floor, shift) > 0)
            result.Add(SyntaxFactory.Whitespace(new string(' ', Math.Max(floor, shift))));
        return SyntaxFactory.TriviaList(result);
    }

    /// <summary>The indentation of each non-blank line the expression's tokens (after the first) start.</summary>
    private static IEnumerable<int> LineStartWidths(ExpressionSyntax expression)
    {
        foreach (var token in expression.DescendantTokens().Skip(1))
        {
            var atLineStart = EndsLine(token.GetPreviousToken());
            foreach (var trivia in token.LeadingTrivia)
            {
                if (atLineStart && !trivia.IsKind(SyntaxKind.EndOfLineTrivia))
                    yield return trivia.IsKind(SyntaxKind.WhitespaceTrivia) ? trivia.Span.Length : 0;
                atLineStart = trivia.IsKind(SyntaxKind.EndOfLineTrivia);
            }

            if (atLineStart) yield return 0;
        }
    }

    private static bool EndsLine(SyntaxToken token) => token.TrailingTrivia.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));

    private static bool StartsLine(ExpressionSyntax expression) =>
        EndsLine(expression.GetFirstToken().GetPreviousToken()) || expression.GetLeadingTrivia().Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));

    private static int ColumnOf(SyntaxToken token) => token.GetLocation().GetLineSpan().StartLinePosition.Character;

    private static string IndentationOf(SyntaxToken token)
    {
        var leading = token.LeadingTrivia;
        return leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia) ? leading[leading.Count - 1].ToString() : "";
    }

    private static List<SyntaxTrivia> Comments(params SyntaxTriviaList[] lists) =>
        lists.SelectMany(list => list)
            .Where(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia))
            .ToList();
}
