using System.Runtime.CompilerServices;
using System.Text;

namespace RunbookSdk.Requests;

/// <summary>
/// Builds an HTTP step's body from an interpolated string. In a JSON body (one whose first character that is not a
/// blank is <c>{</c> or <c>[</c>, which the runner sends as <c>application/json</c>), a hole cannot change the JSON's
/// shape: inside a string (<c>"user": "{User}"</c>) its text is JSON-escaped, so <c>a", "role": "admin</c> stays the
/// user's name; outside one (<c>"replicas": {Count}</c>) it is one JSON value — a number, <c>true</c>/<c>false</c>,
/// <c>null</c>, a string in quotes, an array for a sequence, an object for an object (camelCase, as
/// <c>PostAsJsonAsync</c> writes it). Any other body takes its holes as written.
/// </summary>
/// <remarks>
/// Escape or serialize nothing by hand in a hole (<c>JsonSerializer.Serialize(User)</c>): the value would be written
/// twice over. To put JSON built elsewhere into the body as it is, pass a <see cref="System.Text.Json.Nodes.JsonNode"/>
/// or <see cref="System.Text.Json.JsonElement"/> (<c>{JsonNode.Parse(items)}</c>), or build the whole body as a string
/// first and pass that.
/// </remarks>
[InterpolatedStringHandler]
public struct BodyInterpolationHandler
{
    private readonly StringBuilder _body;
    private BodyPosition _position;

    /// <summary>Called by the compiler.</summary>
    /// <param name="literalLength">Total length of the literal parts.</param>
    /// <param name="formattedCount">Number of holes.</param>
    public BodyInterpolationHandler(int literalLength, int formattedCount)
    {
        _body = new StringBuilder(literalLength + formattedCount * 16);
        _position = BodyPosition.Start;
    }

    /// <summary>Called by the compiler for literal text, which is sent as written.</summary>
    /// <param name="literal">The literal text.</param>
    public void AppendLiteral(string literal)
    {
        _body.Append(literal);
        _position = BodyPositions.After(_position, literal);
    }

    /// <summary>Called by the compiler for a hole.</summary>
    /// <typeparam name="T">Type of the value.</typeparam>
    /// <param name="value">The value.</param>
    /// <exception cref="ArgumentException">
    /// A sequence outside a JSON body's values (its <c>ToString()</c> is a type name), a value JSON cannot hold (NaN),
    /// or a hole right after a backslash inside a JSON string.
    /// </exception>
    public void AppendFormatted<T>(T value) => AppendFormatted(value, null);

    /// <summary>Called by the compiler for a hole with a format string (e.g. <c>{Since:O}</c>); formatted invariantly.</summary>
    /// <typeparam name="T">Type of the value.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="format">The format string.</param>
    /// <exception cref="ArgumentException">
    /// A sequence outside a JSON body's values (its <c>ToString()</c> is a type name), a value JSON cannot hold (NaN),
    /// or a hole right after a backslash inside a JSON string (<c>"C:\{Dir}"</c>), where the backslash would escape the
    /// value's first character.
    /// </exception>
    public void AppendFormatted<T>(T value, string? format)
    {
        if (_position == BodyPosition.Start) _position = BodyPosition.Text;
        // The literal's backslash escapes whatever the hole writes first: a value starting with " or \ is escaped to
        // \" or \\, the two backslashes read as one escaped backslash, and the value's " then ended the string (a
        // value of "}, ... broke out of it). No value can be written there safely, whatever it holds, so the body is
        // refused when the runbook is defined rather than on the run whose value happens to start so (RB0021 says so at build).
        if (_position == BodyPosition.JsonStringEscape)
            throw new ArgumentException(Dsl.Recording.ArgumentRefusals.BodyHoleAfterBackslash, nameof(value));
        // Refused when the runbook is defined, before anything runs, rather than sent as "System.String[]".
        if (_position != BodyPosition.JsonValue && JsonHoleText.IsSequence(value))
            throw new ArgumentException(
                $"A body hole {(_position == BodyPosition.Text ? "of a body that is not JSON" : "inside a JSON string")} takes one value, not a sequence ({value!.GetType().Name}): join it into one string first, or put it outside the quotes of a JSON body to send an array.",
                nameof(value));
        _body.Append(_position switch
        {
            BodyPosition.JsonValue => JsonHoleText.AsValue(value, format),
            BodyPosition.JsonString or BodyPosition.JsonStringEscape => JsonHoleText.InString(value, format),
            _ => HoleText.Of(value, format),
        });
        _position = BodyPositions.AfterHole(_position);
    }

    /// <summary>
    /// Not for bodies: an alignment (<c>{Count,5}</c>) pads a value with blanks, which a JSON string or a server
    /// parsing a number would take as part of the value. Declared so the compiler says so in these words, instead of
    /// CS1739's "does not have a parameter named 'alignment'".
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
        "A body hole takes no alignment ({Count,5}): padding sends blanks in the value. Leave it out.";

    /// <summary>The finished body.</summary>
    public readonly override string ToString() => _body.ToString();
}
