namespace RunbookSdk.Requests;

/// <summary>
/// Where in an HTTP step's body the text written so far has reached, read from its literal parts only: what a hole
/// there holds decides how its value is written.
/// </summary>
internal enum BodyPosition
{
    /// <summary>Nothing but blanks written yet: the body's kind is not known.</summary>
    Start,

    /// <summary>A body that does not start with <c>{</c> or <c>[</c> (or starts with a hole): a hole is written as it is.</summary>
    Text,

    /// <summary>In a JSON body, outside any string: a hole here is one JSON value (<c>3</c>, <c>true</c>, <c>"a"</c>, <c>[…]</c>).</summary>
    JsonValue,

    /// <summary>In a JSON body, inside a string (<c>"user": "{User}"</c>): a hole here is text the string holds, JSON-escaped.</summary>
    JsonString,

    /// <summary>In a JSON string, just after a backslash: the next character is escaped.</summary>
    JsonStringEscape,
}

/// <summary>
/// How the literal text of a body moves it from one <see cref="BodyPosition"/> to the next. A body is JSON when its
/// first character that is not a blank is <c>{</c> or <c>[</c>, the rule the runner sends it as
/// <c>application/json</c> by.
/// </summary>
internal static class BodyPositions
{
    /// <summary>The position a body is in after <paramref name="literal"/>, written when it was in <paramref name="position"/>.</summary>
    public static BodyPosition After(BodyPosition position, string literal)
    {
        for (var i = 0; i < literal.Length && position != BodyPosition.Text; i++)
        {
            var c = literal[i];
            position = position switch
            {
                BodyPosition.Start when char.IsWhiteSpace(c) => BodyPosition.Start,
                BodyPosition.Start => c is '{' or '[' ? BodyPosition.JsonValue : BodyPosition.Text,
                BodyPosition.JsonValue => c == '"' ? BodyPosition.JsonString : BodyPosition.JsonValue,
                BodyPosition.JsonString => c switch
                {
                    '"' => BodyPosition.JsonValue,
                    '\\' => BodyPosition.JsonStringEscape,
                    _ => BodyPosition.JsonString,
                },
                _ => BodyPosition.JsonString,
            };
        }

        return position;
    }

    /// <summary>The position after a hole written in <paramref name="position"/>: a body that starts with a hole is text.</summary>
    public static BodyPosition AfterHole(BodyPosition position) => position switch
    {
        BodyPosition.Start => BodyPosition.Text,
        BodyPosition.JsonStringEscape => BodyPosition.JsonString,
        _ => position,
    };

    /// <summary>Whether a hole in <paramref name="position"/> is inside a JSON string.</summary>
    public static bool IsInString(BodyPosition position) => position is BodyPosition.JsonString or BodyPosition.JsonStringEscape;
}
