using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.Analyzers.Dsl;

/// <summary>
/// Whether a call's arguments, as written, can be those of a declaration, from syntax alone: a team's wrapper often
/// takes more than the builder (<c>Bounded(ICommandStepBuilder c, TimeSpan? limit = null)</c>) and is called with the
/// builder only, so counting parameters against arguments missed it.
/// </summary>
internal static class WrittenArguments
{
    /// <summary>
    /// True when every argument of <paramref name="arguments"/> lands in a parameter of <paramref name="parameters"/> (in
    /// its place, by its name, or in a trailing <c>params</c> one) and every parameter left without one has a default
    /// value or is <c>params</c>. Types are not compared: that is the compiler's, and an overload is judged with the rest.
    /// </summary>
    public static bool Fit(ArgumentListSyntax arguments, ParameterListSyntax parameters)
    {
        var declared = parameters.Parameters;
        if (declared.Count > 64) return false; // no wrapper has that many; not followed
        var last = declared.Count - 1;
        var given = 0UL;
        for (var i = 0; i < arguments.Arguments.Count; i++)
        {
            var landsIn = arguments.Arguments[i].NameColon is { } nameColon ? IndexOf(declared, nameColon.Name.Identifier.ValueText)
                : i <= last ? i
                : last >= 0 && IsParams(declared[last]) ? last
                : -1;
            if (landsIn < 0) return false;
            given |= 1UL << landsIn;
        }

        for (var i = 0; i < declared.Count; i++)
        {
            if ((given & (1UL << i)) == 0 && declared[i].Default is null && !IsParams(declared[i])) return false;
        }

        return true;
    }

    private static int IndexOf(SeparatedSyntaxList<ParameterSyntax> declared, string name)
    {
        for (var i = 0; i < declared.Count; i++)
        {
            if (declared[i].Identifier.ValueText == name) return i;
        }

        return -1;
    }

    private static bool IsParams(ParameterSyntax parameter) => parameter.Modifiers.Any(SyntaxKind.ParamsKeyword);
}
