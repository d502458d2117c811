using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.Generators.Reading;

/// <summary>
/// Which argument of a time box is its start and which its end, as the compiler binds them: by position, or by name
/// where one is written (<c>TimeBox.Minutes(to: 15, from: 5)</c> is 5 to 15 minutes). The generator documents the
/// window and RB0021 judges it; read by position, a named pair came out backwards — a page saying 15 to 5 for a phase
/// the runtime times 5 to 15, and an error on <c>new TimeBox(To: …, From: …)</c> the runtime takes.
/// </summary>
/// <remarks>Shared by the generator and the analyzers (linked source), so the page and the rule read one window.</remarks>
internal static class TimeBoxArguments
{
    /// <summary>
    /// The bounds of <c>TimeBox.Minutes(…)</c> or <c>TimeBox.Hours(…)</c>: one argument is the end (the window starts at
    /// zero), two are the start and the end. False for a list no overload takes (<c>Minutes(from: 5)</c>, a name twice).
    /// </summary>
    public static bool TryReadFactory(SeparatedSyntaxList<ArgumentSyntax> arguments, out ExpressionSyntax? from, out ExpressionSyntax to) =>
        TryRead(arguments, "from", "to", out from, out to);

    /// <summary>The bounds of <c>new TimeBox(From, To)</c> (or <c>new(…)</c>): both arguments, by position or by name.</summary>
    public static bool TryReadConstructor(SeparatedSyntaxList<ArgumentSyntax> arguments, out ExpressionSyntax from, out ExpressionSyntax to)
    {
        from = to = null!;
        if (arguments.Count != 2 || !TryRead(arguments, "From", "To", out var start, out var end) || start is null) return false;
        (from, to) = (start, end);
        return true;
    }

    private static bool TryRead(SeparatedSyntaxList<ArgumentSyntax> arguments, string startName, string endName, out ExpressionSyntax? from, out ExpressionSyntax to)
    {
        from = null;
        to = null!;
        if (arguments.Count is not (1 or 2)) return false;
        ExpressionSyntax? start = null, end = null;
        for (var i = 0; i < arguments.Count; i++)
        {
            // A positional argument binds to its place's parameter: the end when it is the only one.
            var name = arguments[i].NameColon?.Name.Identifier.ValueText ?? (arguments.Count == 1 || i == 1 ? endName : startName);
            if (name == startName && start is null) start = arguments[i].Expression;
            else if (name == endName && end is null) end = arguments[i].Expression;
            else return false;
        }

        if (end is null) return false;
        from = start;
        to = end;
        return true;
    }
}
