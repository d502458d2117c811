using System.Collections.Generic;
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
    public static bool Fit(ArgumentListSyntax arguments, ParameterListSyntax parameters) => Fit(arguments, parameters, out _);

    /// <summary>
    /// <see cref="Fit(ArgumentListSyntax, ParameterListSyntax)"/>, and whether every parameter is given an argument
    /// (<paramref name="whole"/>): of overloads that both fit, C# binds the one that needs no default filled in
    /// (<c>Bounded(c)</c> over <c>Bounded(c, limit = null)</c>), so the followers keep only those when there are any
    /// (<see cref="Whole{T}"/>).
    /// </summary>
    public static bool Fit(ArgumentListSyntax arguments, ParameterListSyntax parameters, out bool whole) =>
        Fit(arguments, parameters, receivers: 0, out whole);

    /// <summary>
    /// <see cref="Fit(ArgumentListSyntax, ParameterListSyntax, out bool)"/> for an extension method called on its
    /// receiver (<c>s.Run(…).Bounded()</c>): the first parameter is the receiver's, so the arguments written start at the
    /// second, and none can name the first. Before, an extension was matched by how many arguments it was given, so an
    /// overloaded one was judged by every overload of that count, not by the one C# binds.
    /// </summary>
    public static bool FitOnReceiver(ArgumentListSyntax arguments, ParameterListSyntax parameters, out bool whole) =>
        Fit(arguments, parameters, receivers: 1, out whole);

    private static bool Fit(ArgumentListSyntax arguments, ParameterListSyntax parameters, int receivers, out bool whole)
    {
        whole = false;
        var declared = parameters.Parameters;
        if (declared.Count > 64 || declared.Count < receivers) return false; // no wrapper has that many; not followed
        var last = declared.Count - 1;
        var given = receivers == 0 ? 0UL : 1UL;
        for (var i = 0; i < arguments.Arguments.Count; i++)
        {
            var place = i + receivers;
            var landsIn = arguments.Arguments[i].NameColon is { } nameColon ? IndexOf(declared, nameColon.Name.Identifier.ValueText, receivers)
                : place <= last ? place
                : last >= receivers && IsParams(declared[last]) ? last
                : -1;
            if (landsIn < 0) return false;
            given |= 1UL << landsIn;
        }

        for (var i = 0; i < declared.Count; i++)
        {
            if ((given & (1UL << i)) == 0 && declared[i].Default is null && !IsParams(declared[i])) return false;
        }

        whole = declared.Count == 64 ? given == ulong.MaxValue : given == (1UL << declared.Count) - 1;
        return true;
    }

    /// <summary>
    /// The candidates a call may bind to, as C# narrows them: those given every parameter when there are any, else all.
    /// Before, a wrapper overloaded as <c>Bounded(c)</c> and <c>Bounded(c, limit = null)</c> was judged by both.
    /// </summary>
    public static List<T> Whole<T>(List<(T Candidate, bool Whole)> candidates)
    {
        var anyWhole = false;
        foreach (var candidate in candidates) anyWhole |= candidate.Whole;
        var kept = new List<T>(candidates.Count);
        foreach (var candidate in candidates)
        {
            if (candidate.Whole || !anyWhole) kept.Add(candidate.Candidate);
        }

        return kept;
    }

    /// <summary>
    /// The name of the parameter <paramref name="argument"/> (at <paramref name="position"/>) lands in: the one it names
    /// (<c>Bounded(c: s.Run(…))</c>), or the one in its place. Null when it names none of <paramref name="parameters"/>.
    /// </summary>
    public static string? ParameterOf(ArgumentSyntax argument, int position, ParameterListSyntax parameters)
    {
        if (argument.NameColon is not { } nameColon) return position < parameters.Parameters.Count ? parameters.Parameters[position].Identifier.ValueText : null;
        foreach (var parameter in parameters.Parameters)
        {
            if (parameter.Identifier.ValueText == nameColon.Name.Identifier.ValueText) return parameter.Identifier.ValueText;
        }

        return null;
    }

    private static int IndexOf(SeparatedSyntaxList<ParameterSyntax> declared, string name, int from)
    {
        for (var i = from; i < declared.Count; i++)
        {
            if (declared[i].Identifier.ValueText == name) return i;
        }

        return -1;
    }

    private static bool IsParams(ParameterSyntax parameter) => parameter.Modifiers.Any(SyntaxKind.ParamsKeyword);
}
