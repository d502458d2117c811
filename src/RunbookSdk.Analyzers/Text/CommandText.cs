using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using RunbookSdk.Analyzers.Dsl;

namespace RunbookSdk.Analyzers.Text;

/// <summary>One part of a command: literal text, or a hole (an interpolation or a non-constant operand).</summary>
internal sealed class CommandPiece
{
    public CommandPiece(LiteralText literal)
    {
        Literal = literal;
        FlatText = literal.Value;
    }

    public CommandPiece(string constant, InterpolationSyntax? constantHole = null)
    {
        Constant = FlatText = constant;
        ConstantHole = constantHole;
    }

    public CommandPiece(ExpressionSyntax hole)
    {
        Hole = hole;
        HoleName = NameOf(hole);
        FlatText = HoleTexts.Of(HoleName);
    }

    public LiteralText? Literal { get; }
    public string? Constant { get; }
    /// <summary>The interpolation a constant came from (<c>{Kubectl}</c>); null for a constant joined with <c>+</c>.</summary>
    public InterpolationSyntax? ConstantHole { get; }
    public ExpressionSyntax? Hole { get; }
    /// <summary>What the hole reads: the property, field or method name, or "value".</summary>
    public string? HoleName { get; }
    public int FlatStart { get; set; }

    /// <summary>How the piece reads in the flattened text; a hole reads like a shell variable, <c>${Name}</c>.</summary>
    public string FlatText { get; }

    private static string NameOf(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        InvocationExpressionSyntax invocation => NameOf(invocation.Expression),
        ParenthesizedExpressionSyntax parenthesized => NameOf(parenthesized.Expression),
        _ => "value",
    };
}

/// <summary>
/// The text of a DSL string argument as the rules read it: literal parts as written, holes as <c>${Name}</c>.
/// Knows where every literal character is in the source, so findings point at the offending text.
/// </summary>
internal sealed class CommandText
{
    private CommandText(SyntaxNode argument, ImmutableArray<CommandPiece> pieces)
    {
        Argument = argument;
        Pieces = pieces;
        // Most commands are one literal: their flat text is that literal's value, not a copy of it. The rest are
        // joined once, at their exact length (a growing builder was a tenth of what the rules allocated).
        var length = 0;
        foreach (var piece in pieces)
        {
            piece.FlatStart = length;
            length += piece.FlatText.Length;
        }

        Flat = pieces.Length == 1 ? pieces[0].FlatText : Join(pieces, length);
    }

    public SyntaxNode Argument { get; }
    public ImmutableArray<CommandPiece> Pieces { get; }
    public string Flat { get; }

    /// <summary>
    /// <see cref="Flat"/> as the shell splits it (<see cref="ShellOperators.Read"/>): read once for the rules that
    /// need it, and <see cref="Flat"/> itself when nothing in it is quoted.
    /// </summary>
    public string Shell => _shell ??= ShellOperators.Read(Flat);

    private string? _shell;

    private static string Join(ImmutableArray<CommandPiece> pieces, int length)
    {
        // One builder per thread, reused: only the joined text is allocated.
        var builder = s_join.Rent(length);
        foreach (var piece in pieces) builder.Append(piece.FlatText);
        return s_join.ToStringAndReturn(builder);
    }

    private static readonly RunbookSdk.Generators.ReusedBuilder s_join = new(256);

    /// <summary>Reads a string-valued argument expression. Null when it has no text at all (e.g. a plain variable).</summary>
    public static CommandText? Read(ExpressionSyntax expression, SyntaxValues values)
    {
        // The pieces are gathered in a builder kept per thread and reused, command after command: a new one per command
        // allocated a builder and an array that were thrown away at once (docs/performance.md).
        var pieces = t_pieces ?? ImmutableArray.CreateBuilder<CommandPiece>();
        t_pieces = null;
        try
        {
            Collect(expression, values, pieces);
            var anyText = false;
            for (var i = 0; i < pieces.Count; i++) anyText |= pieces[i].Hole is null;
            return anyText ? new CommandText(expression, pieces.ToImmutable()) : null;
        }
        finally
        {
            // Cleared, so that it holds no syntax; dropped when a huge argument grew it past what is worth keeping.
            pieces.Clear();
            if (pieces.Capacity <= MaxKeptPieces) t_pieces = pieces;
        }
    }

    private const int MaxKeptPieces = 4096;

    [System.ThreadStatic] private static ImmutableArray<CommandPiece>.Builder? t_pieces;

    /// <summary>The source location of flattened text, precise when it lies inside one literal, else the whole argument.</summary>
    public Location LocationOf(int start, int length)
    {
        if (TrySpanOf(start, length, out var span)) return Location.Create(Argument.SyntaxTree, span);
        return Argument.GetLocation();
    }

    /// <summary>
    /// Where flattened text is in the source, also across an interpolated string's holes
    /// (<see cref="TrySpanAcross"/>); the whole argument when it cannot be found there (a command joined from constants).
    /// </summary>
    public Location LocationAcross(int start, int length) =>
        TrySpanAcross(start, length, out var span) ? Location.Create(Argument.SyntaxTree, span) : Argument.GetLocation();

    /// <summary>The source span of flattened text when it lies inside one mapped literal.</summary>
    public bool TrySpanOf(int start, int length, out TextSpan span)
    {
        span = default;
        foreach (var piece in Pieces)
        {
            if (piece.Literal?.Map is not { } map) continue;
            var offset = start - piece.FlatStart;
            if (offset < 0 || offset + length > piece.Literal.Value.Length) continue;
            span = TextSpan.FromBounds(map[offset], map[offset + length]);
            return true;
        }

        return false;
    }

    /// <summary>
    /// The source span of flattened text that may cross holes, when the argument is one string (a literal or one
    /// interpolated string, whose pieces stand one after the other in the source) and the text starts and ends in a
    /// mapped literal or at a hole's edge: <c>curl -fsS {Url}</c> in <c>$"if curl -fsS {Url}; then …"</c>.
    /// </summary>
    public bool TrySpanAcross(int start, int length, out TextSpan span)
    {
        if (TrySpanOf(start, length, out span)) return true;
        var argument = Argument is ParenthesizedExpressionSyntax parenthesized ? parenthesized.Expression : Argument;
        if (argument is not InterpolatedStringExpressionSyntax || length <= 0) return false;
        if (SourcePosition(start, atEnd: false) is not { } from || SourcePosition(start + length, atEnd: true) is not { } to || to < from) return false;
        span = TextSpan.FromBounds(from, to);
        return true;
    }

    /// <summary>Where flattened position <paramref name="at"/> is in the source: inside a mapped literal, or at a hole's edge.</summary>
    private int? SourcePosition(int at, bool atEnd)
    {
        foreach (var piece in Pieces)
        {
            var offset = at - piece.FlatStart;
            // A position between two pieces belongs to the one it starts (a start) or ends (an end).
            if (atEnd ? offset <= 0 || offset > piece.FlatText.Length : offset < 0 || offset >= piece.FlatText.Length) continue;
            if (piece.Literal?.Map is { } map) return offset < map.Length ? map[offset] : null;
            var interpolation = piece.ConstantHole ?? piece.Hole?.Parent as InterpolationSyntax;
            if (interpolation is null) return null;
            if (!atEnd && offset == 0) return interpolation.SpanStart;
            if (atEnd && offset == piece.FlatText.Length) return interpolation.Span.End;
            return null;
        }

        return null;
    }

    /// <summary>
    /// Flattened text as the author wrote it, for a message: a hole reads <c>{Region}</c>, as in the C# string, not
    /// <c>${Region}</c>, which the rules match against (and which reads like a shell variable the shell expands).
    /// </summary>
    public string AsWritten(int start, int length)
    {
        var end = start + length;
        var anyHole = false;
        foreach (var piece in Pieces) anyHole |= piece.Hole is not null && piece.FlatStart < end && piece.FlatStart + piece.FlatText.Length > start;
        if (!anyHole) return Flat.Substring(start, length);

        var written = new System.Text.StringBuilder(length);
        foreach (var piece in Pieces)
        {
            var from = System.Math.Max(start, piece.FlatStart);
            var to = System.Math.Min(end, piece.FlatStart + piece.FlatText.Length);
            if (from >= to) continue;
            if (piece.Hole is not null) written.Append('{').Append(piece.Hole.ToString()).Append('}');
            else written.Append(piece.FlatText, from - piece.FlatStart, to - from);
        }

        return written.ToString();
    }

    /// <summary>
    /// A match's text for a message, its holes as written (<c>{Region}</c>). A text shown from its command's start with
    /// its blanks made single (RB0015's) is not the command's own: its holes' <c>${Name}</c> are written back in it.
    /// </summary>
    public string AsWritten(TextMatch match)
    {
        if (match.Start + match.Text.Length <= Flat.Length && string.CompareOrdinal(Flat, match.Start, match.Text, 0, match.Text.Length) == 0)
            return AsWritten(match.Start, match.Text.Length);

        var shown = match.Text;
        foreach (var piece in Pieces)
        {
            if (piece.Hole is not null && shown.IndexOf(piece.FlatText, System.StringComparison.Ordinal) >= 0)
                shown = shown.Replace(piece.FlatText, "{" + piece.Hole + "}");
        }

        return shown;
    }

    /// <summary>The piece that contains flattened position <paramref name="start"/>.</summary>
    public CommandPiece? PieceAt(int start)
    {
        foreach (var piece in Pieces)
        {
            if (start >= piece.FlatStart && start < piece.FlatStart + piece.FlatText.Length) return piece;
        }

        return null;
    }

    private static void Collect(ExpressionSyntax expression, SyntaxValues values, ImmutableArray<CommandPiece>.Builder pieces)
    {
        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                Collect(parenthesized.Expression, values, pieces);
                return;
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                pieces.Add(new CommandPiece(LiteralText.Create(literal.Token)));
                return;
            case InterpolatedStringExpressionSyntax interpolated:
                var start = interpolated.StringStartToken;
                var verbatim = start.IsKind(SyntaxKind.InterpolatedVerbatimStringStartToken);
                var raw = start.IsKind(SyntaxKind.InterpolatedSingleLineRawStringStartToken) || start.IsKind(SyntaxKind.InterpolatedMultiLineRawStringStartToken);
                foreach (var content in interpolated.Contents)
                {
                    if (content is InterpolatedStringTextSyntax text)
                    {
                        pieces.Add(new CommandPiece(LiteralText.Create(text.TextToken, verbatim, raw)));
                    }
                    else if (content is InterpolationSyntax hole)
                    {
                        var constant = hole.FormatClause is null && hole.AlignmentClause is null ? values.Constant(hole.Expression) : default;
                        pieces.Add(constant is { HasValue: true, Value: { } value }
                            ? new CommandPiece(System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "", hole)
                            : new CommandPiece(hole.Expression));
                    }
                }

                return;
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression) && IsText(binary, values):
                Collect(binary.Left, values, pieces);
                Collect(binary.Right, values, pieces);
                return;
            default:
                pieces.Add(values.Constant(expression) is { HasValue: true, Value: string text2 }
                    ? new CommandPiece(text2)
                    : new CommandPiece(expression));
                return;
        }
    }

    /// <summary>True when a <c>+</c> joins text: one side is a string literal, interpolated string or string constant.</summary>
    private static bool IsText(ExpressionSyntax expression, SyntaxValues values) => SyntaxValues.Unwrap(expression) switch
    {
        LiteralExpressionSyntax literal => literal.IsKind(SyntaxKind.StringLiteralExpression),
        InterpolatedStringExpressionSyntax => true,
        BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression) => IsText(binary.Left, values) || IsText(binary.Right, values),
        var other => values.Constant(other) is { HasValue: true, Value: string },
    };
}
