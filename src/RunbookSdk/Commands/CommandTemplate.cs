using System.Text;

namespace RunbookSdk.Commands;

/// <summary>
/// A shell command as its author wrote it: literal text kept verbatim, holes kept apart from it so they can be
/// quoted for the shell when the command is rendered. Built by <see cref="CommandInterpolationHandler"/>.
/// </summary>
public sealed class CommandTemplate : IEquatable<CommandTemplate>
{
    /// <summary>Creates a template from its segments.</summary>
    /// <param name="segments">Literal and hole segments in order.</param>
    public CommandTemplate(IReadOnlyList<CommandSegment> segments) => Segments = segments;

    /// <summary>A command with no holes.</summary>
    /// <param name="literal">The command text.</param>
    public static CommandTemplate FromLiteral(string literal) => new([new LiteralSegment(literal)]);

    /// <summary>Literal and hole segments in order.</summary>
    public IReadOnlyList<CommandSegment> Segments { get; }

    /// <summary>
    /// Renders the command for <c>bash -c</c>: every hole is quoted for the shell quoting context it stands in
    /// (bare, inside single quotes, inside double quotes, a comment, a here-document body), so no value can end the
    /// command or start another. In a command line that the command hands to another shell (<c>ssh HOST '…'</c>,
    /// <c>sh -c "…"</c>, <c>eval</c>, a script fed to <c>bash &lt;&lt;EOF</c>) a hole is quoted for that shell first,
    /// then for this one, so it is one word for both.
    /// </summary>
    /// <exception cref="CommandQuotingException">A value stands where no quoting keeps it literal (inside backticks,
    /// in arithmetic, a line break in a here-document, text echo prints into a pipe to a shell that is seen only after
    /// it) and is not a plain word there.</exception>
    public string Render() => Render(static value => value);

    /// <summary>Renders the command like <see cref="Render()"/>, passing every hole value through <paramref name="transformHole"/> first (e.g. to mask secrets).</summary>
    /// <param name="transformHole">Applied to each hole's text before quoting; the untransformed value decides whether it can stand where it is.</param>
    /// <exception cref="CommandQuotingException">As for <see cref="Render()"/>.</exception>
    public string Render(Func<string, string> transformHole)
    {
        var builder = new StringBuilder();
        // The whole text shows what only comes after a word: the pipe that hands echo's output to a shell.
        var context = new ShellQuoteContext(ShellQuoteContext.WholeText(Segments.Select(segment => segment switch
        {
            LiteralSegment literal => literal.Text,
            HoleSegment { Values.Count: > 0 } => null,
            _ => "",
        })));
        foreach (var segment in Segments)
        {
            switch (segment)
            {
                case LiteralSegment literal:
                    builder.Append(literal.Text);
                    context.Advance(literal.Text);
                    break;
                case HoleSegment hole:
                    var text = string.Join(' ', hole.Values.Select(value => context.QuoteHole(value, transformHole(value))));
                    builder.Append(text);
                    if (hole.Values.Count > 0) context.AfterHole(text);
                    break;
            }
        }
        // A pipe into a shell seen only after a value it carries (inside ssh HOST '…'): the value was not quoted for it.
        if (context.End() is { } refusal) throw new CommandQuotingException(refusal);
        return builder.ToString();
    }

    /// <inheritdoc />
    public bool Equals(CommandTemplate? other) => other is not null && Segments.SequenceEqual(other.Segments);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as CommandTemplate);

    /// <inheritdoc />
    public override int GetHashCode() => Segments.Aggregate(0, (hash, s) => HashCode.Combine(hash, s));

    /// <summary>The command rendered with holes quoted.</summary>
    public override string ToString() => Render();
}

/// <summary>A part of a <see cref="CommandTemplate"/>.</summary>
public abstract record CommandSegment;

/// <summary>Text the author wrote, kept exactly as written.</summary>
/// <param name="Text">The literal text.</param>
public sealed record LiteralSegment(string Text) : CommandSegment;

/// <summary>A value interpolated into the command. A sequence hole expands to several quoted words.</summary>
/// <param name="Values">The value's text, or one text per element for a sequence.</param>
public sealed record HoleSegment(IReadOnlyList<string> Values) : CommandSegment
{
    /// <inheritdoc />
    public bool Equals(HoleSegment? other) => other is not null && Values.SequenceEqual(other.Values);

    /// <inheritdoc />
    public override int GetHashCode() => Values.Aggregate(0, HashCode.Combine);
}
