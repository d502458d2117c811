using System.Collections.Immutable;
using System.Linq;
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
        // A section code the reader did not follow may declare is not judged; a phase's or a step's builder handed
        // on (p => Helpers.More(p)) can declare none, so the runbook is still judged (DocumentFacts.UnreadSections).
        if (facts.UnreadSections == SectionKinds.All) return;
        if (DslSyntax.TypeNameLocation(type) is not { } location) return;

        var handbook = symbols.HandbookOf(type) is { } handbookType ? runbooks.FactsOf(handbookType) : null;
        // An unreadable handbook (helper methods, no body yet) gets the benefit of the doubt, and so does one the compiler
        // cannot resolve (a renamed handbook class): it reports that, and "add Escalation(...)" would send the author to
        // a handbook that has one.
        var escalated = facts.HasEscalation || facts.MayDeclareUnread(SectionKinds.Escalation) || handbook?.MayDeclareUnread(SectionKinds.Escalation) == true || handbook?.HasEscalation == true || symbols.HasUnresolvedHandbook(type);
        if (!escalated)
        {
            var (at, advice) = facts.Escalation.EmptyAt is { } own ? (own, ": its Escalation(...) adds no level; say who is engaged and when with Level(who, after)")
                : handbook?.Escalation.EmptyAt is { } inherited ? (inherited, ": its handbook's Escalation(...) adds no level; say who is engaged and when with Level(who, after)")
                : (null, "; add Escalation(...) to it or to its handbook");
            Report(context, DiagnosticDescriptors.MissingEscalation, type, location, at, advice);
        }

        if (!facts.HasRollback && !facts.HasNoRollback && !facts.MayDeclareUnread(SectionKinds.Rollback))
        {
            var (at, advice) = facts.Waiver.EmptyAt is { } blank ? (blank, ": NoRollback(...) gives no reason; say why nothing needs undoing, which the on-call engineer reads in place of a rollback")
                : facts.Rollback.EmptyAt is { } empty ? (empty, ": its Rollback(...) adds no step; add the steps that undo the change, or state why none is needed with NoRollback(\"reason\")")
                : (null, "; add Rollback(...) or state why none is needed with NoRollback(\"reason\")");
            Report(context, DiagnosticDescriptors.MissingRollback, type, location, at, advice);
        }

        if (!facts.HasVerification && !facts.MayDeclareUnread(SectionKinds.Verification))
        {
            var (at, advice) = facts.Verification.EmptyAt is { } empty ? (empty, ": its Verification(...) adds no step; add the check that proves the system is healthy again")
                : (null, "; add Verification(...) to prove the system is healthy again");
            Report(context, DiagnosticDescriptors.MissingVerification, type, location, at, advice);
        }
    }

    /// <summary>
    /// Reports at the empty declaration when the runbook itself wrote it, so the squiggle is on what to fill in;
    /// at the type's name when nothing was declared, or the empty one is in a base class or the handbook, which
    /// other runbooks share.
    /// </summary>
    private static void Report(SymbolAnalysisContext context, DiagnosticDescriptor rule, INamedTypeSymbol type, Location typeName, Location? emptyAt, string advice)
    {
        var own = emptyAt is { SourceTree: { } tree } && type.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == tree && r.Span.Contains(emptyAt.SourceSpan));
        context.ReportDiagnostic(Diagnostic.Create(rule, own ? emptyAt : typeName, type.Name, advice));
    }
}
