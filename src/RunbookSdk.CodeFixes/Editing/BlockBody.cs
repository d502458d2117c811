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
/// (keeping their layout relative to each other), and every comment around the arrow and the semicolon kept. Levels
/// are the document's own (<see cref="IndentationStyle"/>): tabs stay tabs, two spaces stay two.
/// </summary>
/// <remarks>
/// Laid out here rather than by <c>Formatter.Annotation</c>: the formatter keeps an expression's continuation lines
/// where they were relative to its first token, so lines that followed <c>=&gt;</c> on the signature's line stayed
/// out of step with the statement; it would also respace the developer's own code inside the expression.
/// </remarks>
internal static class BlockBody
{
    /// <summary>
    /// <paramref name="method"/> with a block holding its expression as a statement, followed by
    /// <paramref name="next"/> (written without trivia; this lays it out), indented in the document's
    /// <paramref name="style"/>.
    /// </summary>
    public static MethodDeclarationSyntax From(MethodDeclarationSyntax method, StatementSyntax next, string endOfLine, IndentationStyle style)
    {
        if (method.ExpressionBody is not { } arrow) return method;
        var body = arrow.Expression;
        var memberIndent = IndentationOf(method.GetFirstToken());
        var statementIndent = memberIndent + style.Unit;
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

        var layout = new Layout(style, StartsLine(body), style.ColumnOf(body.GetFirstToken()), style.Width(memberIndent), style.Width(statementIndent));
        var expression = Reindented(body.WithoutTrivia(), layout);
        // A semicolon without elastic trivia: with it, the code action's clean-up would format the next line with the
        // workspace's defaults (four spaces), not the file's indentation.
        var semicolon = SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.SemicolonToken, SyntaxFactory.TriviaList());
        var statement = SyntaxFactory.ExpressionStatement(expression, semicolon)
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

    /// <summary>Where the expression was and where its statement goes, in columns, and the style to write lines in.</summary>
    private sealed record Layout(IndentationStyle Style, bool StartedLine, int FirstColumn, int MemberColumn, int StatementColumn);

    /// <summary>
    /// The expression with each line after its first moved so the layout reads from the new statement's column:
    /// where the expression began its own line, every line keeps its offset from that first line; where it followed
    /// <c>=&gt;</c>, a line at the signature's own indentation (the call's closing <c>);</c>, say) was written at the
    /// statement's level and goes to the statement's column, the least indented of the deeper lines goes one level
    /// inside the statement and the others keep their offset from it.
    /// </summary>
    private static ExpressionSyntax Reindented(ExpressionSyntax expression, Layout layout)
    {
        var lineStarts = LineStartWidths(expression, layout.Style).ToList();
        if (lineStarts.Count == 0) return expression;

        Func<int, int> moved;
        if (layout.StartedLine)
        {
            moved = width => width - layout.FirstColumn + layout.StatementColumn;
        }
        else
        {
            var deeper = lineStarts.Where(width => width > layout.MemberColumn).ToList();
            var least = deeper.Count > 0 ? deeper.Min() : layout.MemberColumn + layout.Style.UnitWidth;
            moved = width => width <= layout.MemberColumn
                ? layout.StatementColumn
                : width - least + layout.StatementColumn + layout.Style.UnitWidth;
        }

        return expression.ReplaceTokens(
            expression.DescendantTokens().Skip(1),
            (original, _) => original.WithLeadingTrivia(Shifted(original, width => Math.Max(layout.StatementColumn, moved(width)), layout.Style)));
    }

    /// <summary>The token's leading trivia with the indentation of every line it starts moved to <paramref name="moved"/> of its width.</summary>
    private static SyntaxTriviaList Shifted(SyntaxToken token, Func<int, int> moved, IndentationStyle style)
    {
        var leading = token.LeadingTrivia;
        var result = new List<SyntaxTrivia>();
        var atLineStart = EndsLine(token.GetPreviousToken());
        for (var i = 0; i < leading.Count; i++)
        {
            var trivia = leading[i];
            if (atLineStart && !trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                var width = trivia.IsKind(SyntaxKind.WhitespaceTrivia) ? style.Width(trivia.ToString()) : 0;
                var column = moved(width);
                if (column > 0) result.Add(SyntaxFactory.Whitespace(style.Whitespace(column)));
                if (!trivia.IsKind(SyntaxKind.WhitespaceTrivia)) result.Add(trivia);
            }
            else
            {
                result.Add(trivia);
            }

            atLineStart = trivia.IsKind(SyntaxKind.EndOfLineTrivia);
        }

        // A token at column 0 has no whitespace trivia to move.
        if (atLineStart && moved(0) is var fromZero && fromZero > 0)
            result.Add(SyntaxFactory.Whitespace(style.Whitespace(fromZero)));
        return SyntaxFactory.TriviaList(result);
    }

    /// <summary>The indentation, in columns, of each non-blank line the expression's tokens (after the first) start.</summary>
    private static IEnumerable<int> LineStartWidths(ExpressionSyntax expression, IndentationStyle style)
    {
        foreach (var token in expression.DescendantTokens().Skip(1))
        {
            var atLineStart = EndsLine(token.GetPreviousToken());
            foreach (var trivia in token.LeadingTrivia)
            {
                if (atLineStart && !trivia.IsKind(SyntaxKind.EndOfLineTrivia))
                    yield return trivia.IsKind(SyntaxKind.WhitespaceTrivia) ? style.Width(trivia.ToString()) : 0;
                atLineStart = trivia.IsKind(SyntaxKind.EndOfLineTrivia);
            }

            if (atLineStart) yield return 0;
        }
    }

    private static bool EndsLine(SyntaxToken token) => token.TrailingTrivia.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));

    private static bool StartsLine(ExpressionSyntax expression) =>
        EndsLine(expression.GetFirstToken().GetPreviousToken()) || expression.GetLeadingTrivia().Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));

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
