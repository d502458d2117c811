using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RunbookSdk.Analyzers.Dsl;

namespace RunbookSdk.Analyzers.Commands;

/// <summary>
/// Whether a command written in a helper that adds actions to the step it is given
/// (<c>static IStepBuilder Flush(IStepBuilder s) =&gt; s.Run("redis-cli FLUSHALL")</c>) is confirmed where the helper is
/// called: <c>.Step("Flush", s =&gt; Flush(s).RequiresConfirmation())</c>, or <c>RequiresConfirmation()</c> elsewhere in
/// that step. Confirmation is asked once per step, so the caller's mark covers what the helper adds; before, RB0005
/// reported the helper's command although every step it runs in asks first.
/// </summary>
/// <remarks>
/// Only a helper every caller of which can be seen: a private method of the runbook's type (all its partial parts are
/// read) or a local function, called directly — not handed on as a method group — at least once. A name that is used in
/// any other way, or a caller that does not confirm, leaves the finding where it is.
/// </remarks>
internal static class ConfirmingCallers
{
    private const string Confirmation = "RequiresConfirmation";

    /// <summary>True when <paramref name="call"/>'s builder is a helper's parameter and every call of the helper confirms its step.</summary>
    public static bool ConfirmEvery(DslInvocation call)
    {
        if (Helper(call) is not { } helper) return false;
        var called = false;
        foreach (var scope in helper.Scopes)
        {
            var index = call.IndexOf(scope.SyntaxTree);
            foreach (var identifier in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (identifier.Identifier.ValueText != helper.Name) continue;
                var callee = identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier ? (ExpressionSyntax)access : identifier;
                if (callee.Parent is not InvocationExpressionSyntax invocation || invocation.Expression != callee) return false;
                if (invocation.ArgumentList.Arguments.Count != helper.Arity) continue;
                if (!Confirms(invocation, index)) return false;
                called = true;
            }
        }

        return called;
    }

    private sealed record HelperMethod(string Name, int Arity, IReadOnlyList<SyntaxNode> Scopes);

    /// <summary>The helper <paramref name="call"/> is written in, when its chain starts from one of the helper's parameters.</summary>
    private static HelperMethod? Helper(DslInvocation call)
    {
        if (RootOf(call.Syntax) is not IdentifierNameSyntax root) return null;
        for (var node = call.Syntax.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case AnonymousFunctionExpressionSyntax:
                    return null;
                case LocalFunctionStatementSyntax local when Takes(local.ParameterList, root) && local.Parent is { } block:
                    return new HelperMethod(local.Identifier.ValueText, local.ParameterList.Parameters.Count, [block]);
                case MethodDeclarationSyntax method when Takes(method.ParameterList, root) && IsPrivate(method) && call.ContainingType is { } type:
                    return new HelperMethod(method.Identifier.ValueText, method.ParameterList.Parameters.Count,
                        type.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).ToList());
                case MemberDeclarationSyntax or LocalFunctionStatementSyntax:
                    return null;
            }
        }

        return null;
    }

    private static bool Takes(ParameterListSyntax parameters, IdentifierNameSyntax root) =>
        parameters.Parameters.Any(p => p.Identifier.ValueText == root.Identifier.ValueText);

    // Only a private method's callers are all in its type; an extension method or a public one may be called anywhere.
    private static bool IsPrivate(MethodDeclarationSyntax method) =>
        !method.Modifiers.Any(m => m.IsKind(SyntaxKind.PublicKeyword) || m.IsKind(SyntaxKind.InternalKeyword) || m.IsKind(SyntaxKind.ProtectedKeyword)) &&
        !(method.ParameterList.Parameters.FirstOrDefault()?.Modifiers.Any(m => m.IsKind(SyntaxKind.ThisKeyword)) ?? false);

    /// <summary>Whether the helper's call is confirmed: on its own chain, or anywhere in the step lambda it is in.</summary>
    private static bool Confirms(InvocationExpressionSyntax invocation, DslCallIndex index)
    {
        if (DslSyntax.HasChainedCall(invocation, static name => name == Confirmation)) return true;
        LambdaExpressionSyntax? lambda = null;
        var previous = (SyntaxNode)invocation;
        for (var current = invocation.Parent; current is not null && current is not MemberDeclarationSyntax; previous = current, current = current.Parent)
        {
            if (current is LambdaExpressionSyntax function) lambda = function;
            if (current is InvocationExpressionSyntax step && previous is ArgumentListSyntax && index.Contains(step, "Step"))
                return lambda is not null && index.CallsWithin(lambda.Body.Span).Any(c => DslSyntax.CalledName(c) == Confirmation);
        }

        return false;
    }

    /// <summary>Where a chain starts: <c>s</c> of <c>s.Run(…).Retry(2, …)</c>.</summary>
    private static ExpressionSyntax RootOf(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case InvocationExpressionSyntax invocation: expression = invocation.Expression; break;
                case MemberAccessExpressionSyntax member: expression = member.Expression; break;
                case ParenthesizedExpressionSyntax parenthesized: expression = parenthesized.Expression; break;
                default: return expression;
            }
        }
    }
}
