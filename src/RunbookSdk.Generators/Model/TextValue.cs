using System.Linq;
using System.Text;

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

    /// <summary>The text for the docs: holes shown as <c>{Expression}</c>.</summary>
    public string Display
    {
        get
        {
            var builder = new StringBuilder();
            foreach (var segment in Segments)
                builder.Append(segment.IsHole ? "{" + segment.Text + "}" : segment.Text);
            return builder.ToString();
        }
    }

    public override string ToString() => Display;
}
