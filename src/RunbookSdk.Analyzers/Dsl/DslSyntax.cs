using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace RunbookSdk.Analyzers.Dsl;

/// <summary>
/// Recognises DSL calls from syntax alone. A call is a DSL call when its method name is one of the builders'
/// and it is made on a builder: a chain of DSL calls that starts at a builder variable — the parameter of a method
/// typed as a builder (<c>Define(IRunbookBuilder rb)</c>) or the parameter of a lambda handed to a DSL call
/// (<c>p =&gt; p.Step(...)</c>). No binding: binding a call inside the DSL's nested lambdas binds all of them
/// (docs/performance.md).
/// </summary>
internal sealed class DslSyntax(DslSymbols symbols)
{
    // Answers remembered while one Define body is read top to bottom: every call inside a step asks about the same
    // enclosing calls and lambdas. Only for single-threaded use; the shared instance keeps none.
    private Dictionary<SyntaxNode, bool>? _memo;

    public DslSymbols Symbols => symbols;

    /// <summary>A reader for one thread and one body, remembering what it has recognised.</summary>
    public DslSyntax Memoizing() => new(symbols) { _memo = new Dictionary<SyntaxNode, bool>() };

    public DslVocabulary Vocabulary => symbols.Vocabulary;

    /// <summary>The method name of <c>x.Name(...)</c>; null for other call shapes.</summary>
    public static string? CalledName(InvocationExpressionSyntax invocation) =>
        invocation.Expression is MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Name: IdentifierNameSyntax name } ? name.Identifier.ValueText : null;

    /// <summary>True when <paramref name="invocation"/> calls a DSL method on a builder.</summary>
    public bool IsDslCall(InvocationExpressionSyntax invocation)
    {
        if (_memo is not null && _memo.TryGetValue(invocation, out var known)) return known;
        var answer = CalledName(invocation) is { } name && Vocabulary.Contains(name) && IsBuilder(((MemberAccessExpressionSyntax)invocation.Expression).Expression);
        if (_memo is not null) _memo[invocation] = answer;
        return answer;
    }

    /// <summary>True when <paramref name="invocation"/> calls the DSL method <paramref name="name"/> on a builder.</summary>
    public bool IsDslCall(InvocationExpressionSyntax? invocation, string name) =>
        invocation is not null && CalledName(invocation) == name && IsDslCall(invocation);

    /// <summary>True when the expression is a builder: a builder variable, or a DSL call made on one.</summary>
    public bool IsBuilder(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized) expression = parenthesized.Expression;
        return expression switch
        {
            InvocationExpressionSyntax invocation => IsDslCall(invocation),
            IdentifierNameSyntax identifier => IsBuilderVariable(identifier),
            _ => false,
        };
    }

    /// <summary>True when the identifier names a builder parameter of the enclosing lambda, local function or method.</summary>
    public bool IsBuilderVariable(IdentifierNameSyntax identifier)
    {
        var name = identifier.Identifier.ValueText;
        for (var node = identifier.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case SimpleLambdaExpressionSyntax lambda when lambda.Parameter.Identifier.ValueText == name:
                    return IsBuilderLambda(lambda);
                case ParenthesizedLambdaExpressionSyntax lambda when Parameter(lambda.ParameterList, name) is not null:
                    return lambda.ParameterList.Parameters.Count == 1 && IsBuilderLambda(lambda);
                case LocalFunctionStatementSyntax function when Parameter(function.ParameterList, name) is { } parameter:
                    return IsBuilderType(parameter.Type);
                case BaseMethodDeclarationSyntax method:
                    return Parameter(method.ParameterList, name) is { } methodParameter && IsBuilderType(methodParameter.Type);
                case MemberDeclarationSyntax or AnonymousMethodExpressionSyntax:
                    return false;
            }
        }

        return false;
    }

    // A loop rather than LINQ: this runs for every DSL call's receiver, and LINQ over a syntax list boxes its enumerator.
    private static ParameterSyntax? Parameter(ParameterListSyntax parameters, string name)
    {
        foreach (var parameter in parameters.Parameters)
        {
            if (parameter.Identifier.ValueText == name) return parameter;
        }

        return null;
    }

    /// <summary>The lambda is an argument of a DSL call that hands it a builder (<c>Phase("x", p =&gt; ...)</c>, not <c>Execute</c>).</summary>
    public bool IsBuilderLambda(LambdaExpressionSyntax lambda)
    {
        if (_memo is not null && _memo.TryGetValue(lambda, out var known)) return known;
        var answer = lambda.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } } &&
                     CalledName(call) is { } name && Vocabulary.TakesBuilderLambda(name) && IsDslCall(call);
        if (_memo is not null) _memo[lambda] = answer;
        return answer;
    }

    /// <summary>The argument for parameter <paramref name="parameterName"/>: by name when named, else at its position in the matching overload.</summary>
    public ExpressionSyntax? Argument(InvocationExpressionSyntax invocation, string parameterName)
    {
        var arguments = invocation.ArgumentList;
        foreach (var argument in arguments.Arguments)
        {
            if (argument.NameColon?.Name.Identifier.ValueText == parameterName) return argument.Expression;
        }

        if (CalledName(invocation) is not { } name) return null;
        var overloads = Vocabulary.Candidates(name, arguments).ToList();
        if (overloads.Count == 0) overloads = Vocabulary.Overloads(name).ToList();
        foreach (var overload in overloads)
        {
            var position = -1;
            for (var i = 0; i < overload.Parameters.Length; i++)
            {
                if (overload.Parameters[i].Name == parameterName) position = i;
            }

            if (position >= 0 && position < arguments.Arguments.Count && arguments.Arguments[position].NameColon is null)
                return arguments.Arguments[position].Expression;
        }

        return null;
    }

    /// <summary>The lambda of the innermost enclosing <c>Step(...)</c>, if any.</summary>
    public LambdaExpressionSyntax? EnclosingStepLambda(SyntaxNode node)
    {
        LambdaExpressionSyntax? lambda = null;
        var previous = node;
        for (var current = node.Parent; current is not null && current is not MemberDeclarationSyntax; previous = current, current = current.Parent)
        {
            if (current is LambdaExpressionSyntax function) lambda = function;
            if (current is InvocationExpressionSyntax invocation && previous is ArgumentListSyntax && IsDslCall(invocation, "Step")) return lambda;
        }

        return null;
    }

    /// <summary>
    /// True when the node sits inside a <c>Verification(...)</c> section: in a lambda argument of that call, not in a
    /// call chained after it. The name is checked before the builder, which walks up the chain.
    /// </summary>
    public bool IsInVerification(SyntaxNode node)
    {
        var previous = node;
        for (var current = node.Parent; current is not null && current is not MemberDeclarationSyntax; previous = current, current = current.Parent)
        {
            if (current is InvocationExpressionSyntax invocation && previous is ArgumentListSyntax && IsDslCall(invocation, "Verification")) return true;
        }

        return false;
    }

    /// <summary>The calls chained onto <paramref name="invocation"/> (<c>.Run(...).Timeout(...).Retry(...)</c>), in order.</summary>
    public static IEnumerable<InvocationExpressionSyntax> ChainedCalls(InvocationExpressionSyntax invocation)
    {
        SyntaxNode current = invocation;
        while (current.Parent is ParenthesizedExpressionSyntax) current = current.Parent;
        while (current.Parent is MemberAccessExpressionSyntax access && access.Expression == current && access.Parent is InvocationExpressionSyntax next && next.Expression == access)
        {
            yield return next;
            current = next;
        }
    }

    /// <summary>From the method name to the closing parenthesis: <c>ReviewDate(2020, 1, 1)</c> in <c>rb.ReviewDate(2020, 1, 1)</c>.</summary>
    public static Location NameAndArguments(InvocationExpressionSyntax invocation)
    {
        if (invocation.Expression is MemberAccessExpressionSyntax access)
            return Location.Create(invocation.SyntaxTree, TextSpan.FromBounds(access.Name.SpanStart, invocation.Span.End));
        return invocation.GetLocation();
    }

    /// <summary>The class name of the declaration holding Define (or the first declaration).</summary>
    public static Location? TypeNameLocation(INamedTypeSymbol type)
    {
        var declarations = type.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).OfType<TypeDeclarationSyntax>().ToList();
        var withDefine = declarations.FirstOrDefault(d => d.Members.OfType<MethodDeclarationSyntax>().Any(m => m.Identifier.ValueText == "Define"));
        return (withDefine ?? declarations.FirstOrDefault())?.Identifier.GetLocation();
    }

    private bool IsBuilderType(TypeSyntax? type)
    {
        while (true)
        {
            switch (type)
            {
                case QualifiedNameSyntax qualified:
                    type = qualified.Right;
                    continue;
                case AliasQualifiedNameSyntax alias:
                    type = alias.Name;
                    continue;
                case NullableTypeSyntax nullable:
                    type = nullable.ElementType;
                    continue;
                case SimpleNameSyntax simple:
                    return symbols.IsBuilderName(simple.Identifier.ValueText);
                default:
                    return false;
            }
        }
    }
}
