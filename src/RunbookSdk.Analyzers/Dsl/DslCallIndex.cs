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
    // Where each listed node starts, kept beside the lists: a red node works its start out from its first token's
    // trivia every time it is asked, which made sorting and searching the lists most of the cost of building them.
    private readonly ImmutableArray<int> _callStarts, _opaqueStarts, _uncalledStarts, _baseCallStarts;

    private DslCallIndex(Sorted<InvocationExpressionSyntax> calls, Sorted<SyntaxNode> opaque, Sorted<MemberAccessExpressionSyntax> uncalledMembers, Sorted<InvocationExpressionSyntax> baseCalls,
        List<LocalFunctionStatementSyntax>? localFunctions)
    {
        LocalFunctions = localFunctions is null ? ImmutableArray<LocalFunctionStatementSyntax>.Empty : localFunctions.ToImmutableArray();
        (Calls, _callStarts) = (calls.Nodes, calls.Starts);
        (Opaque, _opaqueStarts) = (opaque.Nodes, opaque.Starts);
        (UncalledMembers, _uncalledStarts) = (uncalledMembers.Nodes, uncalledMembers.Starts);
        (BaseCalls, _baseCallStarts) = (baseCalls.Nodes, baseCalls.Starts);
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

    /// <summary>The local functions of the tree, in source order; empty in almost every file.</summary>
    public ImmutableArray<LocalFunctionStatementSyntax> LocalFunctions { get; }

    /// <summary>Walks <paramref name="root"/> (a whole tree, in the rules) once.</summary>
    public static DslCallIndex Build(DslSyntax dsl, SyntaxNode root)
    {
        // The calls are most of what a walk finds, a few hundred per runbook file: gathered in a list kept per thread
        // and reused file after file (growing a new one per file was the largest allocation of the index itself).
        var calls = t_calls ?? new List<(int, int, InvocationExpressionSyntax)>();
        t_calls = null;
        try
        {
            var walker = new BuilderWalker(dsl, calls);
            walker.Walk(root);
            return new DslCallIndex(Sort(calls), Sort(walker.Opaque), Sort(walker.UncalledMembers), Sort(walker.BaseCalls), walker.LocalFunctions);
        }
        finally
        {
            // Cleared, so it holds no syntax of the file; dropped when a huge file grew it past what is worth keeping.
            calls.Clear();
            if (calls.Capacity <= MaxRetainedCalls) t_calls = calls;
        }
    }

    private const int MaxRetainedCalls = 16 * 1024;

    [System.ThreadStatic] private static List<(int Start, int Length, InvocationExpressionSyntax Node)>? t_calls;

    /// <summary>True when <paramref name="invocation"/> is a DSL call (a binary search, no walk).</summary>
    public bool Contains(InvocationExpressionSyntax invocation)
    {
        var start = invocation.SpanStart;
        for (var i = FirstAtOrAfter(_callStarts, start); i < Calls.Length && _callStarts[i] == start; i++)
        {
            if (Calls[i] == invocation) return true;
        }

        return false;
    }

    /// <summary>True when <paramref name="invocation"/> is a DSL call of the method <paramref name="name"/>.</summary>
    public bool Contains(InvocationExpressionSyntax invocation, string name) =>
        DslSyntax.CalledName(invocation) == name && Contains(invocation);

    /// <summary>The DSL calls inside <paramref name="span"/>, in source order.</summary>
    public IEnumerable<InvocationExpressionSyntax> CallsWithin(TextSpan span) => Within(Calls, _callStarts, span);

    public bool AnyOpaqueWithin(TextSpan span) => Any(Opaque, _opaqueStarts, span);

    /// <summary>The builder uses the rules cannot follow inside <paramref name="span"/>, in source order.</summary>
    public IEnumerable<SyntaxNode> OpaqueWithin(TextSpan span) => Within(Opaque, _opaqueStarts, span);

    public bool AnyUncalledMemberWithin(TextSpan span) => Any(UncalledMembers, _uncalledStarts, span);

    public IEnumerable<MemberAccessExpressionSyntax> UncalledMembersWithin(TextSpan span) => Within(UncalledMembers, _uncalledStarts, span);

    public IEnumerable<InvocationExpressionSyntax> BaseCallsWithin(TextSpan span) => Within(BaseCalls, _baseCallStarts, span);

    /// <summary>The local functions declared inside <paramref name="span"/>, in source order (few: a look at each).</summary>
    public IReadOnlyList<LocalFunctionStatementSyntax> LocalFunctionsWithin(TextSpan span)
    {
        List<LocalFunctionStatementSyntax>? within = null;
        foreach (var function in LocalFunctions)
        {
            if (span.Contains(function.Span)) (within ??= new List<LocalFunctionStatementSyntax>()).Add(function);
        }

        return within ?? (IReadOnlyList<LocalFunctionStatementSyntax>)System.Array.Empty<LocalFunctionStatementSyntax>();
    }

    private static bool Any<T>(ImmutableArray<T> nodes, ImmutableArray<int> starts, TextSpan span) where T : SyntaxNode
    {
        foreach (var _ in Within(nodes, starts, span)) return true;
        return false;
    }

    private static IEnumerable<T> Within<T>(ImmutableArray<T> nodes, ImmutableArray<int> starts, TextSpan span) where T : SyntaxNode
    {
        for (var i = FirstAtOrAfter(starts, span.Start); i < nodes.Length && starts[i] < span.End; i++)
        {
            if (span.Contains(nodes[i].Span)) yield return nodes[i];
        }
    }

    private static int FirstAtOrAfter(ImmutableArray<int> starts, int position)
    {
        int low = 0, high = starts.Length;
        while (low < high)
        {
            var middle = low + (high - low) / 2;
            if (starts[middle] < position) low = middle + 1;
            else high = middle;
        }

        return low;
    }

    /// <summary>In source order: by start, and an outer node (longer) before an inner one starting at the same place.</summary>
    private static Sorted<T> Sort<T>(List<(int Start, int Length, T Node)> found) where T : SyntaxNode
    {
        // The walk meets a chain's innermost call first.
        found.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        var nodes = ImmutableArray.CreateBuilder<T>(found.Count);
        var starts = ImmutableArray.CreateBuilder<int>(found.Count);
        foreach (var (start, _, node) in found)
        {
            nodes.Add(node);
            starts.Add(start);
        }

        return new Sorted<T>(nodes.MoveToImmutable(), starts.MoveToImmutable());
    }

    private readonly struct Sorted<T>(ImmutableArray<T> nodes, ImmutableArray<int> starts)
    {
        public ImmutableArray<T> Nodes { get; } = nodes;
        public ImmutableArray<int> Starts { get; } = starts;
    }
}
