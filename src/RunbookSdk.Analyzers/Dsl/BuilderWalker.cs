using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.Analyzers.Dsl;

/// <summary>
/// Walks a syntax tree top-down, knowing at every point which names are builder variables, and records what the
/// tree does with builders for <see cref="DslCallIndex"/>. A builder is a parameter of a method or local function
/// typed as a builder (<c>Define(IRunbookBuilder rb)</c>), the parameter of a lambda handed to a DSL call that
/// passes one (<c>p =&gt; p.Step(...)</c>), or a DSL call made on either, or a call made on either of a method outside
/// the DSL that returns a builder (<see cref="BuilderReturningMethods"/>: <c>s.Tag("x")</c>, itself recorded as unread),
/// or a call handed one that returns a builder (<c>Checks(rb)</c> of <c>Checks(rb).Escalation(…)</c>, see <see cref="HandsOn"/>).
/// Each node is looked at once: asking of every call, bottom-up, whether its receiver is a builder walked the same chains and lambdas again and again, and
/// remembering the answers cost more in hashing than it saved (docs/performance.md).
/// </summary>
internal sealed class BuilderWalker(DslSyntax dsl, List<(int Start, int Length, InvocationExpressionSyntax Node)> calls)
{
    // Deeper than any DSL a person writes; past it the rest is recorded as unread (no stack overflow in the compiler).
    private const int MaxDepth = 1000;

    private int _depth;

    /// <summary>Calls of builder methods made on a builder (into the list the walker was given).</summary>
    public List<(int Start, int Length, InvocationExpressionSyntax Node)> Calls { get; } = calls;

    /// <summary>Calls on a builder no builder method has, builders handed to other code, nesting too deep to read.</summary>
    public List<(int Start, int Length, SyntaxNode Node)> Opaque { get; } = new();

    /// <summary>Members of a builder read but not called (<c>rb.Verif</c> while typing).</summary>
    public List<(int Start, int Length, MemberAccessExpressionSyntax Node)> UncalledMembers { get; } = new();

    /// <summary>Calls on <c>base</c> (<c>base.Define(rb)</c>); their arguments are walked but not judged as hand-offs.</summary>
    public List<(int Start, int Length, InvocationExpressionSyntax Node)> BaseCalls { get; } = new();

    /// <summary>
    /// The local functions, in source order (the walk meets a declaration before what is inside it); null for none, as in
    /// almost every file. A Define reads one's calls only when something calls it (<see cref="BodyRegion"/>).
    /// </summary>
    public List<LocalFunctionStatementSyntax>? LocalFunctions { get; private set; }

    /// <summary>Walks <paramref name="root"/>, where no name is a builder yet.</summary>
    public void Walk(SyntaxNode root) => Visit(root, Scope.None);

    /// <summary>Walks a node and answers whether it is a builder expression (a builder variable or a DSL call on one).</summary>
    private bool Visit(SyntaxNode node, Scope scope)
    {
        if (_depth >= MaxDepth)
        {
            Opaque.Add(Entry(node));
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
                if (Visit(access.Expression, scope)) UncalledMembers.Add(Entry(access));
                return false;
            case SimpleLambdaExpressionSyntax lambda:
                Visit(lambda.Body, Scope.Lambda(scope, lambda.Parameter.Identifier.ValueText, null, isBuilder: false));
                return false;
            case ParenthesizedLambdaExpressionSyntax lambda:
                Visit(lambda.Body, Scope.Lambda(scope, null, lambda.ParameterList, isBuilder: false));
                return false;
            case BlockSyntax block:
                VisitReachable(block, scope);
                return false;
            case AnonymousMethodExpressionSyntax anonymous:
                // delegate (...) { } sees no builder, not even one from outside: the rules do not read into anonymous methods.
                VisitChildren(anonymous, Scope.None);
                return false;
            case LocalFunctionStatementSyntax function:
                (LocalFunctions ??= new List<LocalFunctionStatementSyntax>()).Add(function);
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

    /// <summary>
    /// Walks the statements of <paramref name="block"/> that can run. What follows a <c>return</c> or a <c>throw</c> in
    /// the same block never does (the compiler's CS0162), and the runner records none of it: walked, a
    /// <c>rb.Verification(…)</c> written after <c>return;</c> gave the runbook a verification it never has, and the page
    /// (which stops reading there) and the rules disagreed. A local function declared after it still runs where it is
    /// called, and a labeled statement may be reached by <c>goto</c>: both are walked.
    /// </summary>
    private void VisitReachable(BlockSyntax block, Scope scope)
    {
        var reachable = true;
        foreach (var statement in block.Statements)
        {
            if (statement is LabeledStatementSyntax) reachable = true;
            if (reachable || statement is LocalFunctionStatementSyntax) Visit(statement, scope);
            if (statement is ReturnStatementSyntax or ThrowStatementSyntax) reachable = false;
        }
    }

    private bool VisitInvocation(InvocationExpressionSyntax invocation, Scope scope)
    {
        if (invocation.Expression is not MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } access)
        {
            Visit(invocation.Expression, scope);
            return VisitArguments(invocation, scope, builderLambdas: false) && HandsOn(invocation);
        }

        if (access.Expression is BaseExpressionSyntax)
        {
            BaseCalls.Add(Entry(invocation));
            VisitArguments(invocation, scope, builderLambdas: false);
            return false;
        }

        if (!Visit(access.Expression, scope))
            return VisitArguments(invocation, scope, builderLambdas: false) && HandsOn(invocation);

        // A call on a builder; one no builder method has (rb.Helper(), rb.Step<T>()) cannot be followed.
        var name = DslSyntax.CalledName(invocation);
        var isDslCall = name is not null && dsl.Vocabulary.Contains(name);
        if (isDslCall) Calls.Add(Entry(invocation));
        else Opaque.Add(Entry<SyntaxNode>(invocation));
        VisitArguments(invocation, scope, builderLambdas: isDslCall && dsl.Vocabulary.TakesBuilderLambda(name!));
        // ...but when it returns a builder (a team's extension method, s.Run("…").Tag("x").Run("…")), the DSL calls
        // chained after it are made on a builder and read.
        return isDslCall || access.Name.Identifier.ValueText is { Length: > 0 } other && dsl.Symbols.BuilderReturningMethods.Contains(other);
    }

    /// <summary>
    /// Records <paramref name="invocation"/>, a call handed a builder that is not a builder method (<c>Checks(rb)</c>,
    /// <c>this.AddChecks(rb)</c>, <c>Helpers.AddAll(rb)</c>), as a use the rules cannot follow: it may add anything to the
    /// builder. Answers whether it returns a builder that something goes on with: then the calls chained after it
    /// (<c>Checks(rb).Escalation(…).NoRollback(…)</c>, <c>p =&gt; Pods(p).Step(…)</c>) are made on a builder and are read,
    /// after the call, as the runner makes them. Before, they were not read at all: RB0001 and RB0002 reported the sections
    /// chained there missing, and RB0005 passed a destructive command chained there.
    /// </summary>
    /// <remarks>
    /// The return type is looked up only for a call whose result is used (chained on, or handed on), which almost no
    /// Define has: a local function in scope by its written return type, as C# binds the name; any other method by
    /// name in the compilation's declarations, as <see cref="BuilderReturningMethods"/> does for an extension method
    /// chained between DSL calls. Nothing is bound.
    /// </remarks>
    private bool HandsOn(InvocationExpressionSyntax invocation)
    {
        Opaque.Add(Entry<SyntaxNode>(invocation));
        SyntaxNode used = invocation;
        while (used.Parent is ParenthesizedExpressionSyntax) used = used.Parent;
        if (used.Parent is not (MemberAccessExpressionSyntax or ArgumentSyntax)) return false;
        var name = invocation.Expression switch
        {
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } member => member.Name.Identifier.ValueText,
            _ => null,
        };
        if (name is not { Length: > 0 }) return false;
        if (invocation.Expression is SimpleNameSyntax && SourceCallees.LocalFunction(invocation, name) is { } local) return dsl.IsBuilderType(local.ReturnType);
        return dsl.Symbols.BuilderReturningMethods.Contains(name);
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

    private static (int, int, T) Entry<T>(T node) where T : SyntaxNode
    {
        var span = node.Span;
        return (span.Start, span.Length, node);
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
