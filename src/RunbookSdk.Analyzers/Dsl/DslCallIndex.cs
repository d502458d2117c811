using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace RunbookSdk.Analyzers.Dsl;

/// <summary>
/// What one syntax tree does with builders, found in one top-down pass (<see cref="BuilderWalker"/>) and shared by
/// every rule: the DSL calls, and the uses of a builder the rules cannot follow. Rules and the section reader ask it
/// about a span (a Define body, a step's lambda) instead of walking the syntax and asking of each call whether it
/// is made on a builder, which walked the same chains and lambdas again for every call (docs/performance.md).
/// Lists are in source order: an outer call before the calls inside it, as <c>DescendantNodes</c> yields them.
/// </summary>
internal sealed class DslCallIndex
{
    private static readonly Comparer<SyntaxNode> s_sourceOrder = Comparer<SyntaxNode>.Create(
        static (a, b) => a.SpanStart != b.SpanStart ? a.SpanStart.CompareTo(b.SpanStart) : b.Span.Length.CompareTo(a.Span.Length));

    private DslCallIndex(
        ImmutableArray<InvocationExpressionSyntax> calls, ImmutableArray<SyntaxNode> opaque,
        ImmutableArray<MemberAccessExpressionSyntax> uncalledMembers, ImmutableArray<InvocationExpressionSyntax> baseCalls)
    {
        Calls = calls;
        Opaque = opaque;
        UncalledMembers = uncalledMembers;
        BaseCalls = baseCalls;
    }

    /// <summary>Calls of builder methods made on a builder.</summary>
    public ImmutableArray<InvocationExpressionSyntax> Calls { get; }

    /// <summary>
    /// Builder uses the rules cannot follow: a call on a builder that no builder method has (<c>rb.Helper()</c>,
    /// <c>rb.Step&lt;T&gt;()</c>), a builder handed to other code (<c>Configure(rb)</c>), nesting too deep to read.
    /// </summary>
    public ImmutableArray<SyntaxNode> Opaque { get; }

    /// <summary>Members of a builder read but not called (<c>rb.Verif</c> while typing).</summary>
    public ImmutableArray<MemberAccessExpressionSyntax> UncalledMembers { get; }

    /// <summary>Calls on <c>base</c> (<c>base.Define(rb)</c>).</summary>
    public ImmutableArray<InvocationExpressionSyntax> BaseCalls { get; }

    public static DslCallIndex Build(DslSyntax dsl, SyntaxNode root)
    {
        var collector = new Collector(dsl);
        collector.Collect(root);
        return new DslCallIndex(Sorted(collector.Calls), Sorted(collector.Opaque), Sorted(collector.UncalledMembers), Sorted(collector.BaseCalls));
    }

    /// <summary>True when <paramref name="invocation"/> is a DSL call (a binary search, no walk).</summary>
    public bool Contains(InvocationExpressionSyntax invocation)
    {
        for (var i = FirstAtOrAfter(Calls, invocation.SpanStart); i < Calls.Length && Calls[i].SpanStart == invocation.SpanStart; i++)
        {
            if (Calls[i] == invocation) return true;
        }

        return false;
    }

    /// <summary>True when <paramref name="invocation"/> is a DSL call of the method <paramref name="name"/>.</summary>
    public bool Contains(InvocationExpressionSyntax invocation, string name) =>
        DslSyntax.CalledName(invocation) == name && Contains(invocation);

    /// <summary>The DSL calls inside <paramref name="span"/>, in source order.</summary>
    public IEnumerable<InvocationExpressionSyntax> CallsWithin(TextSpan span) => Within(Calls, span);

    public bool AnyOpaqueWithin(TextSpan span) => Any(Opaque, span);

    public bool AnyUncalledMemberWithin(TextSpan span) => Any(UncalledMembers, span);

    public IEnumerable<InvocationExpressionSyntax> BaseCallsWithin(TextSpan span) => Within(BaseCalls, span);

    private static bool Any<T>(ImmutableArray<T> nodes, TextSpan span) where T : SyntaxNode
    {
        foreach (var _ in Within(nodes, span)) return true;
        return false;
    }

    private static IEnumerable<T> Within<T>(ImmutableArray<T> nodes, TextSpan span) where T : SyntaxNode
    {
        for (var i = FirstAtOrAfter(nodes, span.Start); i < nodes.Length && nodes[i].SpanStart < span.End; i++)
        {
            if (span.Contains(nodes[i].Span)) yield return nodes[i];
        }
    }

    private static int FirstAtOrAfter<T>(ImmutableArray<T> nodes, int position) where T : SyntaxNode
    {
        int low = 0, high = nodes.Length;
        while (low < high)
        {
            var middle = low + (high - low) / 2;
            if (nodes[middle].SpanStart < position) low = middle + 1;
            else high = middle;
        }

        return low;
    }

    private static ImmutableArray<T> Sorted<T>(List<T> nodes) where T : SyntaxNode
    {
        // The walk meets a chain's innermost call first.
        nodes.Sort(s_sourceOrder);
        return nodes.ToImmutableArray();
    }

    private sealed class Collector(DslSyntax dsl) : BuilderWalker(dsl)
    {
        public List<InvocationExpressionSyntax> Calls { get; } = new();
        public List<SyntaxNode> Opaque { get; } = new();
        public List<MemberAccessExpressionSyntax> UncalledMembers { get; } = new();
        public List<InvocationExpressionSyntax> BaseCalls { get; } = new();

        public void Collect(SyntaxNode root) => Walk(root, parameters: null);

        protected override void OnBuilderCall(InvocationExpressionSyntax invocation, MemberAccessExpressionSyntax access, string? name)
        {
            if (name is not null && Dsl.Vocabulary.Contains(name)) Calls.Add(invocation);
            else Opaque.Add(invocation);
        }

        protected override void OnBuilderHandedOff(InvocationExpressionSyntax invocation) => Opaque.Add(invocation);

        protected override void OnTooDeep(SyntaxNode node) => Opaque.Add(node);

        protected override void OnUncalledBuilderMember(MemberAccessExpressionSyntax access) => UncalledMembers.Add(access);

        protected override void OnBaseCall(InvocationExpressionSyntax invocation, MemberAccessExpressionSyntax access) => BaseCalls.Add(invocation);
    }
}
