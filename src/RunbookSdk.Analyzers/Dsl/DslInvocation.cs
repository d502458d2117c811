using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace RunbookSdk.Analyzers.Dsl;

/// <summary>One DSL call written in a tree, with what the rules need to judge it.</summary>
internal sealed class DslInvocation(DslDeclaration shared, InvocationExpressionSyntax syntax, string name)
{
    public InvocationExpressionSyntax Syntax => syntax;
    public string Name => name;
    public RunbookCompilation Runbooks => shared.Runbooks;
    public DslSyntax Dsl => shared.Runbooks.Syntax;

    /// <summary>What the call's tree does with builders: its DSL calls and the uses the rules cannot follow.</summary>
    public DslCallIndex Index => shared.Index;

    /// <summary>The runbook or handbook (or helper) type the call is written in; null in top-level statements.</summary>
    public INamedTypeSymbol? ContainingType => shared.Type;

    /// <summary>Values read from syntax; a semantic model is only asked about names syntax cannot place.</summary>
    public SyntaxValues Values => shared.Values;

    public ExpressionSyntax? Argument(string parameterName) => Dsl.Argument(syntax, parameterName);

    /// <summary>The <c>.editorconfig</c> options that apply to the call's file.</summary>
    public AnalyzerConfigOptions ConfigOptions => shared.Context.Options.AnalyzerConfigOptionsProvider.GetOptions(syntax.SyntaxTree);

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
            if (current is InvocationExpressionSyntax invocation && previous is ArgumentListSyntax && shared.Index.Contains(invocation, name)) return invocation;
        }

        return null;
    }

    public void Report(DiagnosticDescriptor descriptor, Location location, params object?[] arguments) =>
        shared.Context.ReportDiagnostic(Diagnostic.Create(descriptor, location, arguments));

    /// <summary>Reports a finding whose properties tell the code fix what to create.</summary>
    public void Report(DiagnosticDescriptor descriptor, Location location, ImmutableDictionary<string, string?> properties, params object?[] arguments) =>
        shared.Context.ReportDiagnostic(Diagnostic.Create(descriptor, location, properties, arguments));

    /// <summary>
    /// Registers <paramref name="analyze"/> for DSL calls named in <paramref name="names"/>: a symbol action on named
    /// types that reads the DSL calls written directly in each of the type's declarations, from the tree's calls found
    /// once for all rules (<see cref="RunbookCompilation.IndexOf"/>).
    /// <list type="bullet">
    /// <item>Not a syntax-node action per rule: for each analyzer with node actions, the driver walks every member of
    /// every tree and dispatches every matching node, runbook or not.</item>
    /// <item>Not an operation action: those make the compiler bind every method body a second time, and runbook bodies
    /// are deeply nested lambdas.</item>
    /// <item>Not a semantic-model action: a command-line compile raises a tree's "completed" event, which
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
    /// <param name="worthReading">When given, the calls of a tree whose text it turns down are not read (it is asked once a
    /// declaration holds one of the calls).</param>
    public static void Register(
        CompilationStartAnalysisContext start, RunbookCompilation runbooks, ImmutableHashSet<string> names, Action<DslInvocation> analyze,
        Func<SourceText, bool>? worthReading = null) =>
        start.RegisterSymbolAction(context =>
        {
            if (context.IsGeneratedCode || context.Symbol is not INamedTypeSymbol type) return;
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (context.FilterTree is { } filterTree && filterTree != reference.SyntaxTree) continue;
                // A type's declaration, or the compilation unit of top-level statements (the program's type).
                var scope = reference.GetSyntax(context.CancellationToken);
                if (scope is BaseTypeDeclarationSyntax or CompilationUnitSyntax) Read(context, runbooks, scope, type, names, analyze, worthReading);
            }
        }, SymbolKind.NamedType);

    private static void Read(
        SymbolAnalysisContext context, RunbookCompilation runbooks, SyntaxNode scope, INamedTypeSymbol type, ImmutableHashSet<string> names,
        Action<DslInvocation> analyze, Func<SourceText, bool>? worthReading)
    {
        var index = runbooks.IndexOf(scope.SyntaxTree, context.CancellationToken);
        var owner = scope is CompilationUnitSyntax ? null : scope;
        DslDeclaration? declared = null;
        foreach (var invocation in index.CallsWithin(scope.Span))
        {
            // The IDE may ask about one part of the file.
            if (context.FilterSpan is { } span && !span.IntersectsWith(invocation.Span)) continue;
            var name = DslSyntax.CalledName(invocation)!;
            if (!names.Contains(name)) continue;
            // A nested type's calls are read with that type's own declaration.
            if (OwningType(invocation) != owner) continue;
            if (declared is null)
            {
                if (worthReading is not null && !worthReading(scope.SyntaxTree.GetText(context.CancellationToken))) return;
                declared = new DslDeclaration(context, runbooks, index, owner is null ? null : type);
            }

            analyze(new DslInvocation(declared, invocation, name));
        }
    }

    /// <summary>
    /// The declaration a call is read with: the innermost class, struct, record, interface or enum around it, or none
    /// in top-level statements. Any other type-like declaration (a C# 14 extension block, which the Roslyn version the
    /// rules are built against cannot name, and which may raise no symbol action of its own) is read with the type
    /// around it.
    /// </summary>
    private static SyntaxNode? OwningType(SyntaxNode call)
    {
        for (var node = call.Parent; node is not null; node = node.Parent)
        {
            if (node is ClassDeclarationSyntax or StructDeclarationSyntax or RecordDeclarationSyntax or InterfaceDeclarationSyntax or EnumDeclarationSyntax)
                return node;
        }

        return null;
    }
}
