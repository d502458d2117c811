using RunbookSdk.Commands;
using RunbookSdk.Requests;

namespace RunbookSdk.Generators.Reading;

/// <summary>
/// How a hole holding a constant is written where the literal text so far leaves it, as the DSL's interpolation
/// handler writes it at run time: quoted in a command, percent-encoded in a URL's path or query, escaped in a JSON body.
/// The page then shows what runs and what is sent.
/// </summary>
internal abstract class ConstantHoles
{
    /// <summary>Literal text of the string, in order.</summary>
    public abstract void Literal(string text);

    /// <summary>A constant hole's text (formatted invariantly) as the handler writes it here.</summary>
    /// <param name="text">The constant as text.</param>
    /// <param name="value">The constant itself (a JSON body writes a number and a string differently).</param>
    public abstract string Constant(string text, object? value);

    /// <summary>Any hole, once written (<paramref name="written"/> is what it became).</summary>
    public abstract void AfterHole(string written);

    /// <summary>Whether <see cref="Constant"/> reads the constant's value, not only its text (a bind the others spare).</summary>
    public virtual bool ReadsValue => false;
}

/// <summary>A command's constants, quoted for where they stand (<see cref="ShellQuoteContext"/>).</summary>
internal sealed class CommandConstantHoles(ShellQuoteContext shell) : ConstantHoles
{
    public override void Literal(string text) => shell.Advance(text);

    public override string Constant(string text, object? value)
    {
        try
        {
            return shell.QuoteHole(text, text);
        }
        catch (CommandQuotingException)
        {
            return text; // the runner refuses this command; the page shows the constant as written
        }
    }

    public override void AfterHole(string written) => shell.AfterHole(written);
}

/// <summary>A URL's constants: sent as written before the path, percent-encoded after it (<see cref="UrlParts"/>).</summary>
internal sealed class UrlConstantHoles : ConstantHoles
{
    private UrlPart _part = UrlPart.Base;

    public override void Literal(string text) => _part = UrlParts.After(_part, text);

    public override string Constant(string text, object? value) =>
        UrlParts.TakesValueAsWritten(_part) ? text : System.Uri.EscapeDataString(text);

    public override void AfterHole(string written)
    {
    }
}

/// <summary>
/// A JSON body's constants (<see cref="BodyPositions"/>): escaped inside a string; outside one, a number or
/// <c>true</c>/<c>false</c> as it is, <c>null</c> for null, anything else (a string, an enum's name) as a JSON string.
/// </summary>
internal sealed class JsonBodyConstantHoles : ConstantHoles
{
    private BodyPosition _position = BodyPosition.Start;

    public override bool ReadsValue => true;

    public override void Literal(string text) => _position = BodyPositions.After(_position, text);

    public override string Constant(string text, object? value)
    {
        if (_position == BodyPosition.Start) _position = BodyPosition.Text;
        if (BodyPositions.IsInString(_position)) return JsonText.Escaped(text);
        if (_position != BodyPosition.JsonValue) return text;
        return value switch
        {
            null => "null",
            bool flag => flag ? "true" : "false",
            string or char => JsonText.Quoted(text),
            _ => JsonText.IsNumber(text) ? text : JsonText.Quoted(text),
        };
    }

    public override void AfterHole(string written) => _position = BodyPositions.AfterHole(_position);
}
