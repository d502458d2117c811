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
/// A local function counts as called when its name is written anywhere in the block that declares it outside its own
/// body and outside the local functions not called (a call, a method group, <c>nameof</c>): that over-counts, never
/// under-counts, so the rules may wait but never miss a section that runs. Two local functions that only call each other
/// count as called. A body with no local function (almost every Define) costs one look at the index and no allocation.
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

        var skipped = new List<LocalFunctionStatementSyntax>();
        // Not called until a name written outside the functions found not called says so; again, as one found not
        // called may have been the only caller of another.
        for (var found = true; found;)
        {
            found = false;
            foreach (var function in declared)
            {
                if (skipped.Contains(function) || IsNamedOutside(function, skipped)) continue;
                skipped.Add(function);
                found = true;
            }
        }

        if (skipped.Count == 0) return Whole(span);
        var spans = ImmutableArray.CreateBuilder<TextSpan>(skipped.Count);
        foreach (var function in skipped) spans.Add(function.Span);
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

    /// <summary>Whether the function's name is written in the block that declares it, outside itself and <paramref name="skipped"/>.</summary>
    private static bool IsNamedOutside(LocalFunctionStatementSyntax function, List<LocalFunctionStatementSyntax> skipped)
    {
        var name = function.Identifier.ValueText;
        // A local function is in scope in the block (or switch section) it is declared in, and nowhere else.
        var scope = function.Parent ?? function;
        foreach (var token in scope.DescendantTokens())
        {
            if (!token.IsKind(SyntaxKind.IdentifierToken) || token.ValueText != name || function.Span.Contains(token.Span)) continue;
            var inSkipped = false;
            foreach (var other in skipped)
            {
                if (other.Span.Contains(token.Span)) inSkipped = true;
            }

            if (!inSkipped) return true;
        }

        return false;
    }
}
