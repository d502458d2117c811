using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using RunbookSdk.Generators.Reading;

namespace RunbookSdk.Analyzers.Dsl;

/// <summary>One DSL call written in a tree, with what the rules need to judge it.</summary>
internal sealed class DslInvocation(DslFile file, InvocationExpressionSyntax syntax, string name)
{
    private BaseTypeDeclarationSyntax? _declaration;
    private bool _declarationKnown;

    public InvocationExpressionSyntax Syntax => syntax;
    public string Name => name;
    public RunbookCompilation Runbooks => file.Runbooks;
    public DslSyntax Dsl => file.Runbooks.Syntax;

    /// <summary>What the call's tree does with builders: its DSL calls and the uses the rules cannot follow.</summary>
    public DslCallIndex Index => file.Index;

    /// <summary>The runbook or handbook (or helper) type the call is written in; a declaration, so nothing is bound.</summary>
    public INamedTypeSymbol? ContainingType => file.TypeOf(Declaration);

    /// <summary>Values read from syntax; the semantic model is only asked about names syntax cannot place.</summary>
    public SyntaxValues Values => file.ValuesIn(Declaration);

    private BaseTypeDeclarationSyntax? Declaration
    {
        get
        {
            if (_declarationKnown) return _declaration;
            _declaration = syntax.FirstAncestorOrSelf<BaseTypeDeclarationSyntax>();
            _declarationKnown = true;
            return _declaration;
        }
    }

    public ExpressionSyntax? Argument(string parameterName) => Dsl.Argument(syntax, parameterName);

    /// <summary>What another tree of the compilation (another part of a partial runbook) does with builders.</summary>
    public DslCallIndex IndexOf(SyntaxTree tree) => tree == syntax.SyntaxTree ? file.Index : file.Runbooks.IndexOf(tree, file.Context.CancellationToken);

    /// <summary>
    /// The method the call binds to. A bind, which the rules otherwise spare: only for what the syntax cannot say, such
    /// as which builder a team's helper returned.
    /// </summary>
    public IMethodSymbol? Method() => MethodOf(syntax);

    /// <summary>The method another call in the same tree binds to (one bind, as for <see cref="Method"/>).</summary>
    /// <param name="invocation">A call in this call's tree, such as one in an argument.</param>
    public IMethodSymbol? MethodOf(InvocationExpressionSyntax invocation) =>
        file.Context.SemanticModel.GetSymbolInfo(invocation, file.Context.CancellationToken).Symbol as IMethodSymbol;

    /// <summary>
    /// The elements of the array a name in the call's arguments stands for, when the generator reads them too: a
    /// <c>static readonly</c> field or getter-only static property of this tree with an array written out
    /// (<see cref="ReadOnlyArrays"/>). One bind, for a name only.
    /// </summary>
    /// <param name="value">An argument, or an element of one.</param>
    public System.Collections.Generic.IReadOnlyList<ExpressionSyntax>? ReadOnlyArrayElements(ExpressionSyntax value)
    {
        value = SyntaxValues.Unwrap(value);
        if (!ReadOnlyArrays.IsName(value)) return null;
        var symbol = file.Context.SemanticModel.GetSymbolInfo(value, file.Context.CancellationToken).Symbol;
        return ReadOnlyArrays.ElementsOf(symbol, value.SyntaxTree, file.Context.CancellationToken);
    }

    /// <summary>
    /// Whether a name passed alone for a <c>params</c> parameter is the array itself (<c>Bullets(Steps)</c> with a
    /// <c>string[]</c> field) rather than its one element. One bind, for a name only.
    /// </summary>
    /// <param name="value">The argument.</param>
    /// <param name="paramsType">The <c>params</c> parameter's array type.</param>
    public bool IsNamedArrayOf(ExpressionSyntax value, ITypeSymbol paramsType)
    {
        value = SyntaxValues.Unwrap(value);
        return ReadOnlyArrays.IsName(value)
            && SymbolEqualityComparer.Default.Equals(file.Context.SemanticModel.GetTypeInfo(value, file.Context.CancellationToken).ConvertedType, paramsType);
    }

    /// <summary>The <c>.editorconfig</c> options that apply to the call's file.</summary>
    public AnalyzerConfigOptions ConfigOptions => file.Context.Options.AnalyzerConfigOptionsProvider.GetOptions(syntax.SyntaxTree);

    /// <summary>
    /// True when the call sits inside a <c>Verification(...)</c> section: in a lambda argument of that call, not in a
    /// call chained after it.
    /// </summary>
    /// <remarks>
    /// Also in a helper the verification uses: a method or local function given a builder
    /// (<c>static void Checks(IPhaseBuilder v) =&gt; v.Step(…)</c>) that a <c>Verification(...)</c> is handed
    /// (<c>.Verification(Checks)</c>) or calls (<c>v =&gt; Checks(v)</c>), or that such a helper calls. Before, moving the
    /// checks into a helper made the verification rules (RB0014) go quiet.
    /// </remarks>
    public bool IsInVerification() => EnclosingCall("Verification", out _) is not null || InVerificationHelper(syntax, depth: 0);

    // Helpers calling helpers are followed a few levels deep; a deeper chain is not judged as verification.
    private const int HelperDepth = 3;

    private bool InVerificationHelper(SyntaxNode node, int depth)
    {
        if (depth > HelperDepth || HelperUses.Of(node, ContainingType, builder: null, throughLambdas: true) is not { } helper) return false;
        foreach (var use in helper.Uses())
        {
            if (IsArgumentOf(use, IndexOf(use.SyntaxTree), "Verification") || InVerificationHelper(use, depth + 1)) return true;
        }

        return false;
    }

    /// <summary>Whether <paramref name="node"/> is inside the arguments of a DSL call named <paramref name="name"/>.</summary>
    private static bool IsArgumentOf(SyntaxNode node, DslCallIndex index, string name)
    {
        var previous = node;
        for (var current = node.Parent; current is not null && current is not MemberDeclarationSyntax; previous = current, current = current.Parent)
        {
            if (current is InvocationExpressionSyntax invocation && previous is ArgumentListSyntax && index.Contains(invocation, name)) return true;
        }

        return false;
    }

    /// <summary>The lambda of the innermost enclosing <c>Step(...)</c>, if any.</summary>
    public LambdaExpressionSyntax? EnclosingStepLambda() => EnclosingCall("Step", out var lambda) is null ? null : lambda;

    /// <summary>
    /// The innermost DSL call named <paramref name="name"/> whose arguments hold this call (not one chained after it),
    /// and the outermost lambda between the two.
    /// </summary>
    private InvocationExpressionSyntax? EnclosingCall(string name, out LambdaExpressionSyntax? lambda)
    {
        lambda = null;
        var previous = (SyntaxNode)syntax;
        for (var current = syntax.Parent; current is not null && current is not MemberDeclarationSyntax; previous = current, current = current.Parent)
        {
            if (current is LambdaExpressionSyntax function) lambda = function;
            if (current is InvocationExpressionSyntax invocation && previous is ArgumentListSyntax && file.Index.Contains(invocation, name)) return invocation;
        }

        return null;
    }

    public void Report(DiagnosticDescriptor descriptor, Location location, params object?[] arguments) =>
        file.Context.ReportDiagnostic(Diagnostic.Create(descriptor, location, arguments));

    /// <summary>Reports a finding whose properties tell the code fix what to create.</summary>
    public void Report(DiagnosticDescriptor descriptor, Location location, ImmutableDictionary<string, string?> properties, params object?[] arguments) =>
        file.Context.ReportDiagnostic(Diagnostic.Create(descriptor, location, properties, arguments));

    /// <summary>
    /// Registers <paramref name="analyze"/> for DSL calls named in <paramref name="names"/>. A semantic-model action
    /// that reads the tree's DSL calls found once for all rules (<see cref="RunbookCompilation.IndexOf"/>), not a
    /// syntax-node action per rule: for each analyzer with node actions, the driver walks every member of every tree
    /// and dispatches every matching node, runbook or not (docs/performance.md). Never an operation action:
    /// those make the compiler bind every method body a second time, and runbook bodies are deeply nested lambdas.
    /// </summary>
    /// <param name="start">The compilation's start.</param>
    /// <param name="runbooks">The compilation's RunbookSdk symbols and per-tree indexes.</param>
    /// <param name="names">The DSL calls to analyze.</param>
    /// <param name="analyze">The rule.</param>
    /// <param name="worthReading">When given, a tree whose text it turns down is not looked at (nor its DSL calls found).</param>
    public static void Register(
        CompilationStartAnalysisContext start, RunbookCompilation runbooks, ImmutableHashSet<string> names, Action<DslInvocation> analyze,
        Func<SourceText, bool>? worthReading = null) =>
        start.RegisterSemanticModelAction(context =>
        {
            if (worthReading is not null && !worthReading(context.SemanticModel.SyntaxTree.GetText(context.CancellationToken))) return;
            var index = runbooks.IndexOf(context.SemanticModel.SyntaxTree, context.CancellationToken);
            DslFile? file = null;
            foreach (var invocation in index.Calls)
            {
                // The IDE may ask about one part of the file.
                if (context.FilterSpan is { } span && !span.IntersectsWith(invocation.Span)) continue;
                var name = DslSyntax.CalledName(invocation)!;
                if (names.Contains(name)) analyze(new DslInvocation(file ??= new DslFile(context, runbooks, index), invocation, name));
            }
        });
}
