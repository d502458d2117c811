using System.Collections;
using System.Runtime.CompilerServices;
using System.Text;

namespace RunbookSdk.Requests;

/// <summary>
/// Builds an HTTP step's URL from an interpolated string: <c>$"{BaseUrl}/api/users/{User}?since={Since:O}"</c>.
/// A hole before the path (a base URL, a host, a port) is sent as written. A hole in the path, the query or the
/// fragment is one value, percent-encoded (<see cref="Uri.EscapeDataString(string)"/>), so a value holding
/// <c>&amp;</c>, <c>#</c>, <c>?</c>, <c>/</c>, <c>+</c> or a blank reaches the server as that value instead of
/// changing the request: <c>{User}</c> = <c>a&amp;admin=1</c> is sent as <c>a%26admin%3D1</c>.
/// </summary>
/// <remarks>
/// Encode nothing by hand in a hole (<c>Uri.EscapeDataString(User)</c>): the value would be encoded twice. To send a
/// path or query string built elsewhere as written, build the whole URL as a string first and pass that.
/// </remarks>
[InterpolatedStringHandler]
public struct UrlInterpolationHandler
{
    private readonly StringBuilder _url;
    private UrlPart _part;

    /// <summary>Called by the compiler.</summary>
    /// <param name="literalLength">Total length of the literal parts.</param>
    /// <param name="formattedCount">Number of holes.</param>
    public UrlInterpolationHandler(int literalLength, int formattedCount)
    {
        _url = new StringBuilder(literalLength + formattedCount * 16);
        _part = UrlPart.Base;
    }

    /// <summary>Called by the compiler for literal text, which is sent as written.</summary>
    /// <param name="literal">The literal text.</param>
    public void AppendLiteral(string literal)
    {
        _url.Append(literal);
        _part = UrlParts.After(_part, literal);
    }

    /// <summary>Called by the compiler for a hole.</summary>
    /// <typeparam name="T">Type of the value.</typeparam>
    /// <param name="value">The value.</param>
    public void AppendFormatted<T>(T value) => AppendFormatted(value, null);

    /// <summary>Called by the compiler for a hole with a format string (e.g. <c>{Since:O}</c>); formatted invariantly.</summary>
    /// <typeparam name="T">Type of the value.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="format">The format string.</param>
    public void AppendFormatted<T>(T value, string? format)
    {
        // A sequence's ToString() is its type name ("System.String[]"), which no server expects: say so when the
        // runbook is defined, before anything runs, rather than send it.
        if (value is IEnumerable and not string)
            throw new ArgumentException($"A URL hole takes one value, not a sequence ({value.GetType().Name}): join it into one string first.", nameof(value));
        var text = HoleText.Of(value, format);
        _url.Append(UrlParts.TakesValueAsWritten(_part) ? text : Uri.EscapeDataString(text));
    }

    /// <summary>
    /// Not for URLs: an alignment (<c>{Count,5}</c>) pads a value with blanks, which the URL then carries as
    /// <c>%20</c>. Declared so the compiler says so in these words, instead of CS1739's "does not have a parameter
    /// named 'alignment'".
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
        "A URL hole takes no alignment ({Count,5}): padding sends blanks (%20) in the value. Leave it out.";

    /// <summary>The finished URL.</summary>
    public readonly override string ToString() => _url.ToString();
}
