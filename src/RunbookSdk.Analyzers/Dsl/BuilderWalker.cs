using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.Analyzers.Dsl;

/// <summary>
/// Walks syntax top-down, knowing at every point which names are builder variables, and tells a subclass about
/// the calls made on builders. A builder is a parameter of a method or local function typed as a builder
/// (<c>Define(IRunbookBuilder rb)</c>), the parameter of a lambda handed to a DSL call that passes one
/// (<c>p =&gt; p.Step(...)</c>), or a DSL call made on either. Each node is looked at once: asking of every call,
/// bottom-up, whether its receiver is a builder walked the same chains and lambdas again and again, and remembering
/// the answers cost more in hashing than it saved (docs/performance.md).
/// </summary>
internal abstract class BuilderWalker(DslSyntax dsl)
{
    // Deeper than any DSL a person writes; past it a subclass is told the rest went unread (no stack overflow in the compiler).
    private const int MaxDepth = 1000;

    private int _depth;

    protected DslSyntax Dsl => dsl;

    /// <summary>Walks <paramref name="node"/> with only the builder parameters of <paramref name="parameters"/> in scope.</summary>
    protected void Walk(SyntaxNode node, ParameterListSyntax? parameters) =>
        Visit(node, parameters is null ? Scope.None : Scope.Typed(Scope.None, parameters));

    /// <summary>
    /// A call made on a builder: <paramref name="name"/> is null for shapes no builder method has (<c>rb.Step&lt;T&gt;()</c>).
    /// Called before the call's arguments are walked.
    /// </summary>
    protected abstract void OnBuilderCall(InvocationExpressionSyntax invocation, MemberAccessExpressionSyntax access, string? name);

    /// <summary>A member of a builder that is not called (<c>rb.Verif</c> while typing).</summary>
    protected virtual void OnUncalledBuilderMember(MemberAccessExpressionSyntax access)
    {
    }

    /// <summary>A builder handed to code that is not a builder method (<c>Helper(rb)</c>), which may add anything to it.</summary>
    protected virtual void OnBuilderHandedOff(InvocationExpressionSyntax invocation)
    {
    }

    /// <summary>A call on <c>base</c> (<c>base.Define(rb)</c>); its arguments are walked but not judged as hand-offs.</summary>
    protected virtual void OnBaseCall(InvocationExpressionSyntax invocation, MemberAccessExpressionSyntax access)
    {
    }

    /// <summary>Nesting deeper than the walker follows; what lies below it was not read.</summary>
    protected virtual void OnTooDeep(SyntaxNode node)
    {
    }

    /// <summary>Walks a node and answers whether it is a builder expression (a builder variable or a DSL call on one).</summary>
    private bool Visit(SyntaxNode node, Scope scope)
    {
        if (_depth >= MaxDepth)
        {
            OnTooDeep(node);
            return false;
        }

        _depth++;
        try
        {
            return VisitCore(node, scope);
        }
        finally
        {
            _depth--;
        }
    }

    private bool VisitCore(SyntaxNode node, Scope scope)
    {
        switch (node)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Visit(parenthesized.Expression, scope);
            case IdentifierNameSyntax identifier:
                return scope.IsBuilder(identifier.Identifier.ValueText, dsl);
            case InvocationExpressionSyntax invocation:
                return VisitInvocation(invocation, scope);
            case MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } access:
                // A member access that is called is walked with its call; this one is read, not called.
                if (Visit(access.Expression, scope)) OnUncalledBuilderMember(access);
                return false;
            case SimpleLambdaExpressionSyntax lambda:
                Visit(lambda.Body, Scope.Lambda(scope, lambda.Parameter.Identifier.ValueText, null, isBuilder: false));
                return false;
            case ParenthesizedLambdaExpressionSyntax lambda:
                Visit(lambda.Body, Scope.Lambda(scope, null, lambda.ParameterList, isBuilder: false));
                return false;
            case AnonymousMethodExpressionSyntax anonymous:
                // delegate (...) { } sees no builder, not even one from outside: the rules do not read into anonymous methods.
                VisitChildren(anonymous, Scope.None);
                return false;
            case LocalFunctionStatementSyntax function:
                var inFunction = Scope.Typed(scope, function.ParameterList);
                if (function.Body is { } functionBody) Visit(functionBody, inFunction);
                if (function.ExpressionBody is { } functionArrow) Visit(functionArrow, inFunction);
                return false;
            case BaseMethodDeclarationSyntax method:
                var inMethod = Scope.Typed(Scope.None, method.ParameterList);
                if (method.Body is { } methodBody) Visit(methodBody, inMethod);
                if (method.ExpressionBody is { } methodArrow) Visit(methodArrow, inMethod);
                return false;
            case MemberDeclarationSyntax:
                // A type, property or field: names from outside it are not builders.
                VisitChildren(node, Scope.None);
                return false;
            default:
                VisitChildren(node, scope);
                return false;
        }
    }

    private bool VisitInvocation(InvocationExpressionSyntax invocation, Scope scope)
    {
        if (invocation.Expression is not MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } access)
        {
            Visit(invocation.Expression, scope);
            if (VisitArguments(invocation, scope, builderLambdas: false)) OnBuilderHandedOff(invocation);
            return false;
        }

        if (access.Expression is BaseExpressionSyntax)
        {
            OnBaseCall(invocation, access);
            VisitArguments(invocation, scope, builderLambdas: false);
            return false;
        }

        if (!Visit(access.Expression, scope))
        {
            if (VisitArguments(invocation, scope, builderLambdas: false)) OnBuilderHandedOff(invocation);
            return false;
        }

        var name = DslSyntax.CalledName(invocation);
        OnBuilderCall(invocation, access, name);
        var isDslCall = name is not null && dsl.Vocabulary.Contains(name);
        VisitArguments(invocation, scope, builderLambdas: isDslCall && dsl.Vocabulary.TakesBuilderLambda(name!));
        return isDslCall;
    }

    /// <summary>Walks the arguments; true when one of them is a builder.</summary>
    private bool VisitArguments(InvocationExpressionSyntax invocation, Scope scope, bool builderLambdas)
    {
        var anyBuilder = false;
        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            switch (argument.Expression)
            {
                case SimpleLambdaExpressionSyntax lambda when builderLambdas:
                    Visit(lambda.Body, Scope.Lambda(scope, lambda.Parameter.Identifier.ValueText, null, isBuilder: true));
                    break;
                case ParenthesizedLambdaExpressionSyntax lambda when builderLambdas:
                    Visit(lambda.Body, Scope.Lambda(scope, null, lambda.ParameterList, isBuilder: lambda.ParameterList.Parameters.Count == 1));
                    break;
                default:
                    anyBuilder |= Visit(argument.Expression, scope);
                    break;
            }
        }

        return anyBuilder;
    }

    private void VisitChildren(SyntaxNode node, Scope scope)
    {
        foreach (var child in node.ChildNodesAndTokens())
        {
            if (child.AsNode() is { } childNode) Visit(childNode, scope);
        }
    }

    /// <summary>The names declared by the enclosing lambdas, local functions and method, innermost first.</summary>
    private sealed class Scope
    {
        public static readonly Scope None = new(null, null, null, isBuilder: false, typed: false);

        private readonly Scope? _outer;
        private readonly string? _name;
        private readonly ParameterListSyntax? _parameters;
        private readonly bool _isBuilder;
        private readonly bool _typed;

        private Scope(Scope? outer, string? name, ParameterListSyntax? parameters, bool isBuilder, bool typed)
        {
            _outer = outer;
            _name = name;
            _parameters = parameters;
            _isBuilder = isBuilder;
            _typed = typed;
        }

        /// <summary>Parameters that are builders when typed as one (a method's, a local function's).</summary>
        public static Scope Typed(Scope outer, ParameterListSyntax parameters) => new(outer, null, parameters, isBuilder: false, typed: true);

        /// <summary>A lambda's parameters: all builders or none, as the call it is handed to decides.</summary>
        public static Scope Lambda(Scope outer, string? name, ParameterListSyntax? parameters, bool isBuilder) => new(outer, name, parameters, isBuilder, typed: false);

        public bool IsBuilder(string name, DslSyntax dsl)
        {
            for (var scope = this; scope is not null; scope = scope._outer)
            {
                if (scope._name == name) return scope._isBuilder;
                if (scope._parameters is null) continue;
                foreach (var parameter in scope._parameters.Parameters)
                {
                    if (parameter.Identifier.ValueText == name) return scope._typed ? dsl.IsBuilderType(parameter.Type) : scope._isBuilder;
                }
            }

            return false;
        }
    }
}
