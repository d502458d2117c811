using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RunbookSdk.Analyzers.Dsl;

/// <summary>One DSL call found by a syntax-node action, with what the rules need to judge it.</summary>
internal sealed class DslInvocation(SyntaxNodeAnalysisContext context, InvocationExpressionSyntax syntax, string name, RunbookCompilation runbooks)
{
    private SyntaxValues? _values;

    public SyntaxNodeAnalysisContext Context => context;
    public InvocationExpressionSyntax Syntax => syntax;
    public string Name => name;
    public RunbookCompilation Runbooks => runbooks;
    public DslSyntax Dsl => runbooks.Syntax;

    /// <summary>The runbook or handbook (or helper) type the call is written in.</summary>
    public INamedTypeSymbol? ContainingType => context.ContainingSymbol as INamedTypeSymbol ?? context.ContainingSymbol?.ContainingType;

    /// <summary>Values read from syntax; the semantic model is only asked about names syntax cannot place.</summary>
    public SyntaxValues Values => _values ??= new SyntaxValues(runbooks, ContainingType, context.SemanticModel, context.CancellationToken);

    public ExpressionSyntax? Argument(string parameterName) => Dsl.Argument(syntax, parameterName);

    public void Report(DiagnosticDescriptor descriptor, Location location, params object?[] arguments) =>
        context.ReportDiagnostic(Diagnostic.Create(descriptor, location, arguments));

    /// <summary>Reports a finding whose properties tell the code fix what to create.</summary>
    public void Report(DiagnosticDescriptor descriptor, Location location, ImmutableDictionary<string, string?> properties, params object?[] arguments) =>
        context.ReportDiagnostic(Diagnostic.Create(descriptor, location, properties, arguments));

    /// <summary>
    /// Registers <paramref name="analyze"/> for DSL calls named in <paramref name="names"/>. A syntax-node action, not
    /// an operation action: operation actions make the compiler bind every method body a second time for the
    /// analyzers, and runbook bodies are deeply nested lambdas (docs/performance.md).
    /// </summary>
    public static void Register(CompilationStartAnalysisContext start, RunbookCompilation runbooks, ImmutableHashSet<string> names, Action<DslInvocation> analyze) =>
        start.RegisterSyntaxNodeAction(context =>
        {
            var invocation = (InvocationExpressionSyntax)context.Node;
            if (DslSyntax.CalledName(invocation) is not { } name || !names.Contains(name)) return;
            if (!runbooks.Syntax.IsDslCall(invocation)) return;
            analyze(new DslInvocation(context, invocation, name, runbooks));
        }, SyntaxKind.InvocationExpression);
}
