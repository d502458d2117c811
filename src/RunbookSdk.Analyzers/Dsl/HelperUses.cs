using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.Analyzers.Dsl;

/// <summary>
/// A method or local function that takes a builder and adds to it (<c>static void Checks(IPhaseBuilder v) =&gt; v.Step(…)</c>,
/// <c>static IStepBuilder Flush(IStepBuilder s) =&gt; s.Run(…)</c>), and where its type uses it: what a step or a section
/// moved into a helper belongs to is known only from the places that call it (<c>.Verification(Checks)</c>,
/// <c>s =&gt; Flush(s).RequiresConfirmation()</c>). Read from syntax, in the helper's type (all its partial parts), or in
/// the block of a local function.
/// </summary>
internal sealed class HelperUses
{
    private HelperUses(SyntaxNode declaration, string name, int arity, bool isPrivate, IReadOnlyList<SyntaxNode> scopes)
    {
        Declaration = declaration;
        Name = name;
        Arity = arity;
        IsPrivate = isPrivate;
        Scopes = scopes;
    }

    /// <summary>The helper itself: its method or local function.</summary>
    public SyntaxNode Declaration { get; }

    /// <summary>The helper's name.</summary>
    public string Name { get; }

    /// <summary>How many parameters it takes: a call with another count is another overload.</summary>
    public int Arity { get; }

    /// <summary>
    /// True for a local function or a private method (not an extension method): every use of it is in
    /// <see cref="Scopes"/>. Another may be called from anywhere.
    /// </summary>
    public bool IsPrivate { get; }

    /// <summary>Where it may be used: its type's declarations, or a local function's block.</summary>
    public IReadOnlyList<SyntaxNode> Scopes { get; }

    /// <summary>
    /// The helper <paramref name="node"/> is written in: the innermost local function or method around it that is not a
    /// runbook's or handbook's <c>Define</c> (no helper: the runner calls it) and takes a parameter named <paramref name="builder"/>, or, when
    /// <paramref name="builder"/> is null, any parameter. Null when a lambda stands between them and
    /// <paramref name="throughLambdas"/> is false, or when there is no such helper.
    /// </summary>
    public static HelperUses? Of(SyntaxNode node, INamedTypeSymbol? type, string? builder, bool throughLambdas)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case AnonymousFunctionExpressionSyntax when !throughLambdas:
                    return null;
                case LocalFunctionStatementSyntax local:
                    return Takes(local.ParameterList, builder) && local.Parent is { } block
                        ? new HelperUses(local, local.Identifier.ValueText, local.ParameterList.Parameters.Count, isPrivate: true, [block])
                        : null;
                case MethodDeclarationSyntax method:
                    return Takes(method.ParameterList, builder) && type is not null && !IsDefine(method)
                        ? new HelperUses(method, method.Identifier.ValueText, method.ParameterList.Parameters.Count, IsPrivateMethod(method),
                            type.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).ToList())
                        : null;
                case MemberDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    /// <summary>
    /// Every use of the helper's name in its scopes: the name itself, or <c>this.Name</c> / <c>Type.Name</c>, as written.
    /// A use that is not a call (<c>.Verification(Checks)</c>) hands the helper on as a method group.
    /// </summary>
    public IEnumerable<ExpressionSyntax> Uses()
    {
        foreach (var scope in Scopes)
        {
            foreach (var identifier in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (identifier.Identifier.ValueText != Name) continue;
                yield return identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier ? access : identifier;
            }
        }
    }

    /// <summary>
    /// True when the helper is called at least once and every call of it (another overload's aside) meets
    /// <paramref name="holds"/>: a helper handed on as a method group may be called anywhere, so it never does.
    /// </summary>
    public bool EveryCall(System.Func<InvocationExpressionSyntax, bool> holds)
    {
        var called = false;
        foreach (var use in Uses())
        {
            if (CallOf(use) is not { } invocation)
            {
                if (use.Parent is InvocationExpressionSyntax { Expression: var callee } && callee == use) continue; // another overload
                return false; // handed on as a method group
            }

            if (!holds(invocation)) return false;
            called = true;
        }

        return called;
    }

    /// <summary>The call <paramref name="use"/> makes of the helper with its arity; null for a method group or another overload.</summary>
    public InvocationExpressionSyntax? CallOf(ExpressionSyntax use) =>
        use.Parent is InvocationExpressionSyntax invocation && invocation.Expression == use && invocation.ArgumentList.Arguments.Count == Arity ? invocation : null;

    // Define is the document itself, not a helper; any other override (a team base's `protected abstract void
    // Verify(IPhaseBuilder v)` that a sealed runbook fills in and hands to .Verification(Verify)) is used as a helper is.
    private static bool IsDefine(MethodDeclarationSyntax method) =>
        method.Modifiers.Any(SyntaxKind.OverrideKeyword) && method.Identifier.ValueText == "Define";

    private static bool Takes(ParameterListSyntax parameters, string? builder) =>
        builder is null ? parameters.Parameters.Count > 0 : parameters.Parameters.Any(p => p.Identifier.ValueText == builder);

    // Only a private method's callers are all in its type; an extension method or a public one may be called anywhere.
    private static bool IsPrivateMethod(MethodDeclarationSyntax method) =>
        !method.Modifiers.Any(m => m.IsKind(SyntaxKind.PublicKeyword) || m.IsKind(SyntaxKind.InternalKeyword) || m.IsKind(SyntaxKind.ProtectedKeyword)) &&
        !(method.ParameterList.Parameters.FirstOrDefault()?.Modifiers.Any(m => m.IsKind(SyntaxKind.ThisKeyword)) ?? false);
}
