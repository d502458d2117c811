using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RunbookSdk.Analyzers.Dsl;

/// <summary>
/// What every DSL call written directly in one type declaration shares while one rule reads them
/// (<see cref="DslInvocation.Register"/>): the analysis context, the compilation's RunbookSdk state, the tree's call
/// index, the type, and its <see cref="SyntaxValues"/>. Held once per declaration rather than copied into every call:
/// a context is a large struct, and a build's rules made one call object per DSL call and rule, a few per runbook step
/// (docs/performance.md).
/// </summary>
/// <param name="context">The symbol action's context: options, reporting, cancellation.</param>
/// <param name="runbooks">The compilation's RunbookSdk state.</param>
/// <param name="index">The DSL calls of the declaration's tree.</param>
/// <param name="type">The type the declaration declares; null for top-level statements.</param>
internal sealed class DslDeclaration(SymbolAnalysisContext context, RunbookCompilation runbooks, DslCallIndex index, INamedTypeSymbol? type)
{
    private SyntaxValues? _values;

    public SymbolAnalysisContext Context => context;

    public RunbookCompilation Runbooks => runbooks;

    /// <summary>What the tree does with builders: its DSL calls and the uses the rules cannot follow.</summary>
    public DslCallIndex Index => index;

    /// <summary>The runbook or handbook (or helper) type the calls are written in; null for top-level statements.</summary>
    public INamedTypeSymbol? Type => type;

    /// <summary>Values read from syntax as written in the type.</summary>
    public SyntaxValues Values => _values ??= new SyntaxValues(runbooks, Type, FallbackModel(), context.CancellationToken);

    // A symbol action is given no semantic model, and the values ask one only about names syntax cannot place (rare).
    // Under the analyzer driver the compilation hands out the driver's own cached model of the tree (the one a
    // semantic-model action is given), so RS1030's concern, a second model binding the same code again, does not apply.
#pragma warning disable RS1030 // Symbol actions so that the rules run while the compiler works, not after it (docs/performance.md).
    private SemanticModel FallbackModel() => context.Compilation.GetSemanticModel(index.Tree);
#pragma warning restore RS1030
}
