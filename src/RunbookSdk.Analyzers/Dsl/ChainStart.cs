using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.Analyzers.Dsl;

/// <summary>
/// Where a chain on a builder starts, seen through a call that hands the builder to a function returning that same
/// builder: <c>s</c> of <c>Announce(s).RequiresConfirmation()</c> with <c>IStepBuilder Announce(IStepBuilder s) =&gt;
/// s.Note(…)</c>. The runner makes the calls chained on such a call on the builder it was handed, so
/// <c>RequiresConfirmation()</c> there confirms the step (the recorder's <c>RequiresConfirmation</c> marks the step whose
/// builder it is called on). <see cref="DslSyntax.ChainRoot"/> stops at the function's name, and RB0005 reported a
/// step confirmed that way.
/// </summary>
/// <remarks>
/// Only a function with its source in the compilation is seen through (a local function in scope, a method of the
/// runbook's class, a static method of another class: <see cref="SourceCallees"/>), when every return of every
/// declaration the call may run returns a chain on the same parameter, itself seen through the same way up to
/// <see cref="HandOn.MaxDepth"/> functions deep. A function of a referenced assembly, or one that returns anything else
/// (a builder kept in a field, a conditional), is not: the chain stops there, as before. Asked only where a rule is about
/// to report a command or request, so the corpus's lambdas never reach it (AllocationBudgetTests); nothing is bound.
/// </remarks>
internal static class ChainStart
{
    /// <summary>Where the chain <paramref name="expression"/> (written in <paramref name="type"/>) starts, through hand-off calls returning their builder.</summary>
    public static ExpressionSyntax Of(ExpressionSyntax expression, RunbookCompilation runbooks, INamedTypeSymbol? type) => Of(expression, runbooks, type, depth: 0);

    /// <summary>Whether the chain <paramref name="expression"/> starts from the builder named <paramref name="builder"/>.</summary>
    public static bool IsOn(ExpressionSyntax expression, string builder, RunbookCompilation runbooks, INamedTypeSymbol? type) =>
        Of(expression, runbooks, type) is IdentifierNameSyntax root && root.Identifier.ValueText == builder;

    private static ExpressionSyntax Of(ExpressionSyntax expression, RunbookCompilation runbooks, INamedTypeSymbol? type, int depth)
    {
        while (true)
        {
            switch (expression)
            {
                case InvocationExpressionSyntax invocation:
                    expression = HandedBuilder(invocation, runbooks, type, depth) ?? invocation.Expression;
                    break;
                case MemberAccessExpressionSyntax member: expression = member.Expression; break;
                case ConditionalAccessExpressionSyntax conditional: expression = conditional.Expression; break;
                case ParenthesizedExpressionSyntax parenthesized: expression = parenthesized.Expression; break;
                default: return expression;
            }
        }
    }

    /// <summary>The argument <paramref name="invocation"/> hands a function that returns it; null for any other call.</summary>
    private static ExpressionSyntax? HandedBuilder(InvocationExpressionSyntax invocation, RunbookCompilation runbooks, INamedTypeSymbol? type, int depth)
    {
        if (depth >= HandOn.MaxDepth || invocation.ArgumentList.Arguments.Count == 0) return null;
        switch (invocation.Expression)
        {
            case IdentifierNameSyntax:
            case MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax }:
                break;
            // A builder's own method (s.Run(…)) goes on from its receiver; a static method of another class is a hand-off.
            case MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Name: IdentifierNameSyntax name }
                when !runbooks.Syntax.Vocabulary.Contains(name.Identifier.ValueText):
                break;
            default:
                return null;
        }

        ArgumentSyntax? handed = null;
        var callees = SourceCallees.Of(invocation, runbooks, type, ownType: true);
        foreach (var (declaration, parameters, calleeType) in callees)
        {
            if (ReturnedParameter(declaration, runbooks, calleeType, depth + 1) is not { } parameter ||
                ArgumentFor(invocation.ArgumentList, parameters, parameter) is not { } argument ||
                (handed is not null && handed != argument))
                return null;
            handed = argument;
        }

        return handed?.Expression;
    }

    /// <summary>The parameter every return of <paramref name="declaration"/> gives back, as a chain on it; null when one returns anything else.</summary>
    private static string? ReturnedParameter(SyntaxNode declaration, RunbookCompilation runbooks, INamedTypeSymbol? type, int depth)
    {
        var (parameters, returnType, body, arrow) = declaration switch
        {
            MethodDeclarationSyntax method => (method.ParameterList, method.ReturnType, (SyntaxNode?)method.Body, method.ExpressionBody),
            LocalFunctionStatementSyntax local => (local.ParameterList, local.ReturnType, local.Body, local.ExpressionBody),
            _ => (null, null, null, null),
        };
        if (parameters is null || returnType is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword }) return null;
        if (arrow is not null) return ParameterRoot(arrow.Expression, parameters, runbooks, type, depth);
        if (body is null) return null;

        string? returned = null;
        // A lambda's or a local function's return is not this function's.
        foreach (var node in body.DescendantNodes(n => n == body || n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (node is not ReturnStatementSyntax @return) continue;
            if (@return.Expression is not { } expression || ParameterRoot(expression, parameters, runbooks, type, depth) is not { } parameter ||
                (returned is not null && returned != parameter))
                return null;
            returned = parameter;
        }

        return returned;
    }

    private static string? ParameterRoot(ExpressionSyntax returned, ParameterListSyntax parameters, RunbookCompilation runbooks, INamedTypeSymbol? type, int depth)
    {
        if (Of(returned, runbooks, type, depth) is not IdentifierNameSyntax { Identifier.ValueText: var name }) return null;
        foreach (var parameter in parameters.Parameters)
        {
            if (parameter.Identifier.ValueText == name) return name;
        }

        return null;
    }

    /// <summary>The argument of <paramref name="arguments"/> that lands in <paramref name="parameter"/>, in its place or by its name.</summary>
    private static ArgumentSyntax? ArgumentFor(ArgumentListSyntax arguments, ParameterListSyntax parameters, string parameter)
    {
        for (var i = 0; i < arguments.Arguments.Count; i++)
        {
            if (WrittenArguments.ParameterOf(arguments.Arguments[i], i, parameters) == parameter) return arguments.Arguments[i];
        }

        return null;
    }
}
