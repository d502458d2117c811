using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace RunbookSdk.Analyzers.Dsl;

/// <summary>
/// The code of a Define body (or of a helper read as one) that runs when the body runs: its span without the local
/// functions nothing in it calls. The index walks a local function's body where it is written, so a local function of
/// Define never called (<c>void Check(IRunbookBuilder b) =&gt; b.Verification(…);</c>) gave the runbook its
/// verification, though the runner records none. A local function that is called is read where it is written, and one
/// handed the builder again where it is called (<see cref="RunbookCompilation"/>'s helper reading).
/// </summary>
/// <remarks>
/// A local function counts as called when it is reachable from the body's own code: its name is written, other than in
/// <c>nameof(…)</c>, in the body outside its local functions (a call, a method group, in a lambda too), or in a local
/// function found called. That over-counts a call under a condition, never under-counts, so the rules may wait but
/// never miss a section that runs. Two local functions that only call each other are not called (before, each counted
/// the other's mention, and an uncalled pair gave the runbook its verification), nor is one only named in
/// <c>nameof(Check)</c>. A body with no local function (almost every Define) costs one look at the index and no
/// allocation.
/// </remarks>
internal readonly struct BodyRegion
{
    private readonly ImmutableArray<TextSpan> _skipped;

    private BodyRegion(TextSpan span, ImmutableArray<TextSpan> skipped)
    {
        Span = span;
        _skipped = skipped;
    }

    /// <summary>The span of the body, local functions not called included.</summary>
    public TextSpan Span { get; }

    /// <summary>All of <paramref name="span"/> (a method read in place of a lambda: its local functions are not asked about).</summary>
    public static BodyRegion Whole(TextSpan span) => new(span, ImmutableArray<TextSpan>.Empty);

    /// <summary>The code of <paramref name="body"/> that runs: its span without the local functions declared in it that nothing calls.</summary>
    public static BodyRegion Of(DslCallIndex index, SyntaxNode body)
    {
        var span = body.Span;
        var declared = index.LocalFunctionsWithin(span);
        if (declared.Count == 0) return Whole(span);

        // Called when named from code that runs: the body outside its local functions, then the functions found
        // called, again until no more are found (A calls B, which calls C).
        var called = new List<LocalFunctionStatementSyntax>(declared.Count);
        for (var found = true; found;)
        {
            found = false;
            foreach (var function in declared)
            {
                if (called.Contains(function) || !IsNamedInRunningCode(function, declared, called)) continue;
                called.Add(function);
                found = true;
            }
        }

        if (called.Count == declared.Count) return Whole(span);
        var spans = ImmutableArray.CreateBuilder<TextSpan>(declared.Count - called.Count);
        foreach (var function in declared)
        {
            if (!called.Contains(function)) spans.Add(function.Span);
        }

        return new BodyRegion(span, spans.MoveToImmutable());
    }

    /// <summary>The DSL calls that run with the body, in source order.</summary>
    public IEnumerable<InvocationExpressionSyntax> Calls(DslCallIndex index) => Running(index.CallsWithin(Span));

    /// <summary>The builder uses the rules cannot follow that run with the body.</summary>
    public IEnumerable<SyntaxNode> Opaque(DslCallIndex index) => Running(index.OpaqueWithin(Span));

    /// <summary>The calls on <c>base</c> that run with the body.</summary>
    public IEnumerable<InvocationExpressionSyntax> BaseCalls(DslCallIndex index) => Running(index.BaseCallsWithin(Span));

    /// <summary>Whether a member of a builder is read but not called (<c>rb.Verif</c> while typing) in code that runs with the body.</summary>
    public bool AnyUncalledMember(DslCallIndex index)
    {
        foreach (var _ in Running(index.UncalledMembersWithin(Span))) return true;
        return false;
    }

    private IEnumerable<T> Running<T>(IEnumerable<T> nodes) where T : SyntaxNode => _skipped.IsDefaultOrEmpty ? nodes : RunningOnly(nodes);

    private IEnumerable<T> RunningOnly<T>(IEnumerable<T> nodes) where T : SyntaxNode
    {
        foreach (var node in nodes)
        {
            if (!IsSkipped(node.Span)) yield return node;
        }
    }

    private bool IsSkipped(TextSpan span)
    {
        foreach (var skipped in _skipped)
        {
            if (skipped.Contains(span)) return true;
        }

        return false;
    }

    /// <summary>
    /// Whether the function's name is written as a reference (not in <c>nameof</c>) in the block that declares it,
    /// outside itself, where the innermost of <paramref name="declared"/> around it is none or one of <paramref name="called"/>.
    /// </summary>
    private static bool IsNamedInRunningCode(LocalFunctionStatementSyntax function, IReadOnlyList<LocalFunctionStatementSyntax> declared,
        List<LocalFunctionStatementSyntax> called)
    {
        var name = function.Identifier.ValueText;
        // A local function is in scope in the block (or switch section) it is declared in, and nowhere else.
        var scope = function.Parent ?? function;
        foreach (var token in scope.DescendantTokens())
        {
            if (!token.IsKind(SyntaxKind.IdentifierToken) || token.ValueText != name || function.Span.Contains(token.Span) ||
                token.Parent is not IdentifierNameSyntax reference || IsInNameOf(reference))
                continue;
            var writtenIn = InnermostAround(declared, token.Span);
            if (writtenIn is null || called.Contains(writtenIn)) return true;
        }

        return false;
    }

    /// <summary>The innermost of <paramref name="declared"/> whose span holds <paramref name="span"/>; null for none.</summary>
    private static LocalFunctionStatementSyntax? InnermostAround(IReadOnlyList<LocalFunctionStatementSyntax> declared, TextSpan span)
    {
        LocalFunctionStatementSyntax? innermost = null;
        foreach (var function in declared)
        {
            if (function.Span.Contains(span) && (innermost is null || innermost.Span.Contains(function.Span))) innermost = function;
        }

        return innermost;
    }

    /// <summary>Whether <paramref name="reference"/> is only named, in the argument of <c>nameof(…)</c>: nothing runs it.</summary>
    private static bool IsInNameOf(IdentifierNameSyntax reference)
    {
        for (SyntaxNode? node = reference; node is ExpressionSyntax or ArgumentSyntax or ArgumentListSyntax; node = node.Parent)
        {
            if (node is ArgumentListSyntax { Parent: InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } } }) return true;
        }

        return false;
    }
}
