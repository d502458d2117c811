using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace RunbookSdk.Analyzers.Dsl;

/// <summary>One DSL call written in a tree, with what the rules need to judge it.</summary>
internal sealed class DslInvocation(DslFile file, InvocationExpressionSyntax syntax, string name)
{
    public InvocationExpressionSyntax Syntax => syntax;
    public string Name => name;
    public RunbookCompilation Runbooks => file.Runbooks;
    public DslSyntax Dsl => file.Runbooks.Syntax;

    /// <summary>What the call's tree does with builders: its DSL calls and the uses the rules cannot follow.</summary>
    public DslCallIndex Index => file.Index;

    /// <summary>The runbook or handbook (or helper) type the call is written in; null in top-level statements.</summary>
    public INamedTypeSymbol? ContainingType => file.Type;

    /// <summary>Values read from syntax; a semantic model is only asked about names syntax cannot place.</summary>
    public SyntaxValues Values => file.Values;

    public ExpressionSyntax? Argument(string parameterName) => Dsl.Argument(syntax, parameterName);

    /// <summary>The <c>.editorconfig</c> options that apply to the call's file.</summary>
    public AnalyzerConfigOptions ConfigOptions => file.Context.Options.AnalyzerConfigOptionsProvider.GetOptions(syntax.SyntaxTree);

    /// <summary>
    /// True when the call sits inside a <c>Verification(...)</c> section: in a lambda argument of that call, not in a
    /// call chained after it.
    /// </summary>
    public bool IsInVerification() => EnclosingCall("Verification", out _) is not null;

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
    /// Registers <paramref name="analyze"/> for DSL calls named in <paramref name="names"/>: a symbol action on named
    /// types that reads the DSL calls written directly in each of the type's declarations, from the tree's calls found
    /// once for all rules (<see cref="RunbookCompilation.IndexOf"/>).
    /// <list type="bullet">
    /// <item>Not a syntax-node action per rule: for each analyzer with node actions, the driver walks every member of
    /// every tree and dispatches every matching node, runbook or not.</item>
    /// <item>Not an operation action: those make the compiler bind every method body a second time, and runbook bodies
    /// are deeply nested lambdas.</item>
    /// <item>Not a semantic-model action, as before: a command-line compile raises a tree's "completed" event, which
    /// runs those, only after it has compiled every method, and then waits for them before writing the assembly. A
    /// type's declared event comes before the method bodies are compiled, so the rules run while the compiler works
    /// (docs/performance.md).</item>
    /// <item>Not a syntax-tree action: the IDE keeps its results until the file's text changes, and the rules read
    /// constants and handbooks declared in other files.</item>
    /// </list>
    /// </summary>
    /// <param name="start">The compilation's start.</param>
    /// <param name="runbooks">The compilation's RunbookSdk symbols and per-tree indexes.</param>
    /// <param name="names">The DSL calls to analyze.</param>
    /// <param name="analyze">The rule.</param>
    /// <param name="worthReading">When given, a tree whose text it turns down is not looked at (nor its DSL calls found).</param>
    public static void Register(
        CompilationStartAnalysisContext start, RunbookCompilation runbooks, ImmutableHashSet<string> names, Action<DslInvocation> analyze,
        Func<SourceText, bool>? worthReading = null) =>
        start.RegisterSymbolAction(context =>
        {
            if (context.IsGeneratedCode || context.Symbol is not INamedTypeSymbol type) return;
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                var tree = reference.SyntaxTree;
                if (context.FilterTree is { } filterTree && filterTree != tree) continue;
                // A type's declaration, or the compilation unit of top-level statements (the program's type).
                var scope = reference.GetSyntax(context.CancellationToken);
                var declaration = scope as BaseTypeDeclarationSyntax;
                if (declaration is null && scope is not CompilationUnitSyntax) continue;
                if (worthReading is not null && !worthReading(tree.GetText(context.CancellationToken))) continue;
                var index = runbooks.IndexOf(tree, context.CancellationToken);
                DslFile? file = null;
                foreach (var invocation in index.CallsWithin(scope.Span))
                {
                    // The IDE may ask about one part of the file.
                    if (context.FilterSpan is { } span && !span.IntersectsWith(invocation.Span)) continue;
                    var name = DslSyntax.CalledName(invocation)!;
                    if (!names.Contains(name)) continue;
                    // A nested type's calls are read with that type's own declaration.
                    if (invocation.FirstAncestorOrSelf<BaseTypeDeclarationSyntax>() != declaration) continue;
                    analyze(new DslInvocation(file ??= new DslFile(context, runbooks, index, declaration, type), invocation, name));
                }
            }
        }, SymbolKind.NamedType);
}
