using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace RunbookSdk.Analyzers.Dsl;

/// <summary>Where findings about DSL calls and documents are reported.</summary>
internal static class DslSyntax
{
    /// <summary>From the method name to the closing parenthesis: <c>ReviewDate(2020, 1, 1)</c> in <c>rb.ReviewDate(2020, 1, 1)</c>.</summary>
    public static Location NameAndArguments(IInvocationOperation invocation)
    {
        if (invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } syntax)
            return Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(access.Name.SpanStart, syntax.Span.End));
        return invocation.Syntax.GetLocation();
    }

    /// <summary>The class name of the declaration holding Define (or the first declaration).</summary>
    public static Location? TypeNameLocation(INamedTypeSymbol type)
    {
        var declarations = type.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).OfType<TypeDeclarationSyntax>().ToList();
        var withDefine = declarations.FirstOrDefault(d => d.Members.OfType<MethodDeclarationSyntax>().Any(m => m.Identifier.ValueText == "Define"));
        return (withDefine ?? declarations.FirstOrDefault())?.Identifier.GetLocation();
    }

    /// <summary>
    /// The calls whose lambda arguments enclose <paramref name="operation"/>, innermost first. Calls chained after
    /// an enclosing call (<c>.Phase(...).Verification(...)</c>) are not enclosing it and are skipped.
    /// </summary>
    public static System.Collections.Generic.IEnumerable<IInvocationOperation> EnclosingCalls(IOperation operation)
    {
        var previous = operation;
        for (var current = operation.Parent; current is not null; previous = current, current = current.Parent)
        {
            if (current is IInvocationOperation invocation && previous is IArgumentOperation) yield return invocation;
        }
    }

    /// <summary>The lambda of the innermost enclosing <c>Step(...)</c>, if any.</summary>
    public static IAnonymousFunctionOperation? EnclosingStepLambda(IOperation operation, DslSymbols symbols)
    {
        IAnonymousFunctionOperation? lambda = null;
        var previous = operation;
        for (var current = operation.Parent; current is not null; previous = current, current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation function) lambda = function;
            if (current is IInvocationOperation invocation && previous is IArgumentOperation && symbols.IsDslCall(invocation, "Step")) return lambda;
        }

        return null;
    }

    /// <summary>True when the operation sits inside a <c>Verification(...)</c> section.</summary>
    public static bool IsInVerification(IOperation operation, DslSymbols symbols) =>
        EnclosingCalls(operation).Any(i => DslSymbols.IsCallOn(i, symbols.RunbookBuilder, "Verification"));

    /// <summary>
    /// The calls chained onto <paramref name="invocation"/> (<c>.Run(...).Timeout(...).Retry(...)</c>), in order.
    /// </summary>
    public static System.Collections.Generic.IEnumerable<IInvocationOperation> ChainedCalls(IInvocationOperation invocation)
    {
        IOperation current = invocation;
        while (current.Parent is IInvocationOperation next && next.Instance is { } instance && DslValues.Unwrap(instance) == current)
        {
            yield return next;
            current = next;
        }
    }
}
