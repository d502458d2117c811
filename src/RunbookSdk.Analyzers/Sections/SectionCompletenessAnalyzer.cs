using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RunbookSdk.Analyzers.Dsl;

namespace RunbookSdk.Analyzers.Sections;

/// <summary>
/// RB0001-RB0003: a runbook must say who to escalate to, how to undo its changes and how to prove recovery.
/// Judged after inheritance: escalation defined by the runbook's handbook counts.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SectionCompletenessAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.MissingEscalation, DiagnosticDescriptors.MissingRollback, DiagnosticDescriptors.MissingVerification);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (RunbookCompilation.For(start.Compilation) is not { } runbooks) return;
            start.RegisterSymbolAction(symbol => Analyze(symbol, runbooks), SymbolKind.NamedType);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, RunbookCompilation runbooks)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var symbols = runbooks.Symbols;
        if (type.IsAbstract || !symbols.IsRunbookType(type) || !DslSymbols.HasAttribute(type, symbols.RunbookAttribute)) return;

        var facts = runbooks.FactsOf(type);
        if (!facts.IsComplete) return;
        if (DslSyntax.TypeNameLocation(type) is not { } location) return;

        var handbook = symbols.HandbookOf(type) is { } handbookType ? runbooks.FactsOf(handbookType) : null;
        // An unreadable handbook (helper methods, no body yet) gets the benefit of the doubt.
        var escalated = facts.HasEscalation || handbook is { IsComplete: false } || handbook?.HasEscalation == true;
        if (!escalated) context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MissingEscalation, location, type.Name));
        if (!facts.HasRollback && !facts.HasNoRollback) context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MissingRollback, location, type.Name));
        if (!facts.HasVerification) context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MissingVerification, location, type.Name));
    }
}
