using System.Collections;
using System.Runtime.CompilerServices;

namespace RunbookSdk.Commands;

/// <summary>
/// Builds a <see cref="CommandTemplate"/> from an interpolated string: <c>$"aws lambda get-function --function-name {FunctionName}"</c>.
/// Literal parts are kept as written; every hole stays a separate segment and is quoted for the shell when
/// the command runs, so a parameter value can never inject a second command.
/// A hole holding a sequence (other than a string) becomes one quoted word per element.
/// </summary>
[InterpolatedStringHandler]
public struct CommandInterpolationHandler
{
    private readonly List<CommandSegment> _segments;

    /// <summary>Called by the compiler.</summary>
    /// <param name="literalLength">Total length of the literal parts.</param>
    /// <param name="formattedCount">Number of holes.</param>
    public CommandInterpolationHandler(int literalLength, int formattedCount) =>
        _segments = new List<CommandSegment>(formattedCount * 2 + 1);

    /// <summary>Called by the compiler for literal text.</summary>
    /// <param name="literal">The literal text.</param>
    public readonly void AppendLiteral(string literal)
    {
        if (literal.Length == 0) return;
        if (_segments.Count > 0 && _segments[^1] is LiteralSegment previous)
            _segments[^1] = new LiteralSegment(previous.Text + literal);
        else
            _segments.Add(new LiteralSegment(literal));
    }

    /// <summary>Called by the compiler for a hole.</summary>
    /// <typeparam name="T">Type of the value.</typeparam>
    /// <param name="value">The value.</param>
    public readonly void AppendFormatted<T>(T value) => AppendFormatted(value, null);

    /// <summary>Called by the compiler for a hole with a format string (e.g. <c>{Count:D3}</c>).</summary>
    /// <typeparam name="T">Type of the value.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="format">The format string.</param>
    public readonly void AppendFormatted<T>(T value, string? format)
    {
        var values = value is IEnumerable sequence and not string
            ? sequence.Cast<object?>().Select(item => HoleText.Of(item, format)).ToArray()
            : [HoleText.Of(value, format)];
        _segments.Add(new HoleSegment(values));
    }

    /// <summary>
    /// Not for commands: an alignment (<c>{Count,5}</c>) pads a value with spaces, which quoting for the shell then
    /// keeps inside the one word (<c>'    5'</c>), so it can only change what the command gets. Declared so the
    /// compiler says so in these words, instead of CS1739's "does not have a parameter named 'alignment'".
    /// </summary>
    /// <typeparam name="T">Type of the value.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="alignment">The alignment.</param>
    [Obsolete(AlignmentRefused, error: true)]
    public readonly void AppendFormatted<T>(T value, int alignment) => throw new NotSupportedException(AlignmentRefused);

    /// <inheritdoc cref="AppendFormatted{T}(T, int)"/>
    /// <param name="value">The value.</param>
    /// <param name="alignment">The alignment.</param>
    /// <param name="format">The format string.</param>
    [Obsolete(AlignmentRefused, error: true)]
    public readonly void AppendFormatted<T>(T value, int alignment, string? format) => throw new NotSupportedException(AlignmentRefused);

    private const string AlignmentRefused =
        "A command hole takes no alignment ({Count,5}): padding puts spaces inside the one quoted word the value becomes. Leave it out, or pad in the literal text.";

    /// <summary>The finished template.</summary>
    public readonly CommandTemplate ToTemplate() => new(_segments.ToArray());
}
