using System;
using System.Threading;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RunbookSdk.Analyzers.Dsl;

namespace RunbookSdk.Analyzers.Arguments;

/// <summary>
/// A constant duration argument as RB0021 reads it: what <see cref="SyntaxValues.TryGetTimeSpan"/> reads, and the
/// framework's named extremes people reach for when they mean "no limit" or "forever" (<c>TimeSpan.MaxValue</c>,
/// <c>Timeout.InfiniteTimeSpan</c>, which is minus one millisecond), each of which a recorder refuses somewhere.
/// </summary>
internal static class ConstantDurations
{
    public static bool TryRead(SyntaxValues values, ExpressionSyntax expression, out TimeSpan value)
    {
        if (values.TryGetTimeSpan(expression, out value)) return true;
        if (SyntaxValues.Unwrap(expression) is not MemberAccessExpressionSyntax { Expression: var type, Name.Identifier.ValueText: var member }) return false;
        switch (TypeName(type), member)
        {
            case ("TimeSpan", "MaxValue"): value = TimeSpan.MaxValue; return true;
            case ("TimeSpan", "MinValue"): value = TimeSpan.MinValue; return true;
            case ("Timeout", "InfiniteTimeSpan"): value = Timeout.InfiniteTimeSpan; return true;
            default: return false;
        }
    }

    // TimeSpan, System.TimeSpan, global::System.TimeSpan.
    private static string? TypeName(ExpressionSyntax type) => type switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        _ => null,
    };
}
