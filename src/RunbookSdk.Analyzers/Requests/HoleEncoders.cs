using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RunbookSdk.Analyzers.Dsl;

namespace RunbookSdk.Analyzers.Requests;

/// <summary>
/// The framework's encoders a hole must not call because its interpolated-string handler encodes the value itself
/// (RB0025's URL encoders, RB0027's JSON ones): found by name in the syntax, then bound to be sure, since a team's own
/// helper of the same name may do anything.
/// </summary>
internal sealed class HoleEncoders
{
    private readonly ImmutableDictionary<string, ImmutableArray<string>> _typesByName;

    /// <param name="typesByName">Each encoder's method name, with the full names of the types that declare it.</param>
    public HoleEncoders(IDictionary<string, ImmutableArray<string>> typesByName) => _typesByName = typesByName.ToImmutableDictionary();

    /// <summary>
    /// The encoder a hole's expression calls with its value as the one argument — <c>Uri.EscapeDataString(User)</c>,
    /// also as <c>JsonEncodedText.Encode(User).Value</c> or <c>.ToString()</c> — or null.
    /// </summary>
    public InvocationExpressionSyntax? Find(ExpressionSyntax expression)
    {
        expression = Unwrapped(expression);
        if (expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Value" } value) expression = Unwrapped(value.Expression);
        else if (expression is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToString" } toString })
            expression = Unwrapped(toString.Expression);
        return expression is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1 } invocation
               && _typesByName.ContainsKey(NameOf(invocation.Expression) ?? "")
            ? invocation
            : null;
    }

    /// <summary>Whether <paramref name="encoder"/> binds to one of the framework's encoders, not a namesake.</summary>
    public bool IsFramework(DslInvocation call, InvocationExpressionSyntax encoder)
    {
        var method = call.MethodOf(encoder);
        return method is not null
               && _typesByName.TryGetValue(method.Name, out var types)
               && types.Contains(method.ContainingType.ToDisplayString());
    }

    /// <summary>How a finding names the encoder: <c>Uri.EscapeDataString(…)</c>.</summary>
    public static string Name(InvocationExpressionSyntax encoder) => encoder.Expression.ToString() + "(…)";

    private static ExpressionSyntax Unwrapped(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized) expression = parenthesized.Expression;
        return expression;
    }

    private static string? NameOf(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        _ => null,
    };
}
