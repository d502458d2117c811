using System.Linq;

namespace RunbookSdk.Generators.Model;

/// <summary>A piece of literal text, or a hole holding a C# expression.</summary>
internal sealed record TextSegment(string Text, bool IsHole);

/// <summary>
/// A text argument as the generator read it: literal text, or an interpolated string's literal parts and holes.
/// Holes are documented as <c>{Expression}</c>, exactly as the author wrote them.
/// </summary>
internal sealed record TextValue(EquatableArray<TextSegment> Segments)
{
    public static TextValue Literal(string text) => new(new EquatableArray<TextSegment>(System.Collections.Immutable.ImmutableArray.Create(new TextSegment(text, false))));

    public bool HasHoles => Segments.Any(s => s.IsHole);

    /// <summary>This text with each <c>\r\n</c> of its literal parts made <c>\n</c>; itself when it has none.</summary>
    public TextValue WithLineFeeds()
    {
        foreach (var segment in Segments)
        {
            if (!segment.IsHole && segment.Text.IndexOf("\r\n", System.StringComparison.Ordinal) >= 0)
                return new TextValue(Segments.Select(s => s.IsHole ? s : s with { Text = s.Text.Replace("\r\n", "\n") }).ToEquatableArray());
        }

        return this;
    }

    /// <summary>
    /// The text for the docs: holes shown as <c>{Expression}</c>. Worked out once: the page, the outline and the
    /// parameter checks each ask for it. Derived from <see cref="Segments"/>, so it does not change equality.
    /// </summary>
    public string Display { get; } = Join(Segments);

    private static string Join(EquatableArray<TextSegment> segments)
    {
        // Most texts are one literal: hand it out as it is.
        if (segments.Count == 1 && !segments[0].IsHole) return segments[0].Text;
        var builder = s_joined.Rent();
        foreach (var segment in segments)
        {
            if (segment.IsHole) builder.Append('{').Append(segment.Text).Append('}');
            else builder.Append(segment.Text);
        }

        return s_joined.ToStringAndReturn(builder);
    }

    // Reused text after text: every command with a hole is joined here while reading.
    private static readonly ReusedBuilder s_joined = new(256);

    public override string ToString() => Display;
}
