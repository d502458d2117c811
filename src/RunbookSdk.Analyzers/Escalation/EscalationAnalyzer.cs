using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RunbookSdk.Analyzers.Dsl;

namespace RunbookSdk.Analyzers.Escalation;

/// <summary>
/// RB0008: escalation levels must be engaged in increasing elapsed time, each once.
/// RB0009: the first level must be engaged no later than the runbook's severity requires a response.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EscalationAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property of RB0009 on a runbook's own escalation: the severity's response time, in ticks.</summary>
    public const string RespondWithinProperty = "RespondWithinTicks";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.EscalationOrder, DiagnosticDescriptors.EscalationTooLate);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (RunbookCompilation.For(start.Compilation) is not { } runbooks) return;
            var reported = new ReportedOnce();
            start.RegisterSymbolAction(symbol => Analyze(symbol, runbooks, reported), SymbolKind.NamedType);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, RunbookCompilation runbooks, ReportedOnce reported)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var symbols = runbooks.Symbols;
        var isRunbook = symbols.IsRunbookType(type);
        if (type.IsAbstract || (!isRunbook && !symbols.IsHandbookType(type))) return;

        var facts = runbooks.FactsOf(type);
        ReportOrder(context, reported, facts.EscalationLevels);
        if (isRunbook) ReportTooLate(context, reported, runbooks, type, facts);
    }

    private static void ReportOrder(SymbolAnalysisContext context, ReportedOnce reported, ImmutableArray<EscalationLevelFact> levels)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        EscalationLevelFact? previous = null;
        foreach (var level in levels)
        {
            if (level.Who is { } who && !seen.Add(who))
            {
                reported.Report(context, Diagnostic.Create(DiagnosticDescriptors.EscalationOrder, level.WhoLocation, who, "is listed twice"));
            }
            else if (previous?.After is { } before && level.After is { } after && after <= before)
            {
                var problem = after == before
                    ? $"is engaged at the same time as '{previous.Who}' ({Durations.Format(after)}); merge them or make it later"
                    : $"is engaged after {Durations.Format(after)}, earlier than '{previous.Who}' before it ({Durations.Format(before)}); list levels in increasing time";
                reported.Report(context, Diagnostic.Create(DiagnosticDescriptors.EscalationOrder, level.AfterLocation, level.Who ?? "?", problem));
            }

            previous = level;
        }
    }

    private static void ReportTooLate(SymbolAnalysisContext context, ReportedOnce reported, RunbookCompilation runbooks, INamedTypeSymbol runbook, DocumentFacts facts)
    {
        if (facts.SeverityKey is not { } severity || facts.SeverityLocation is null) return;
        var handbook = runbooks.Symbols.HandbookOf(runbook) is { } handbookType ? runbooks.FactsOf(handbookType) : null;
        if (handbook is null || !handbook.ResponseTimes.TryGetValue(severity, out var respondWithin)) return;

        var ownLevels = !facts.EscalationLevels.IsEmpty;
        // An escalation of its own whose levels were not read (a method the rules do not follow adds them): the
        // handbook's levels are not the ones engaged, and the runbook's are unknown.
        if (!ownLevels && (facts.HasEscalation || facts.MayDeclareUnread(SectionKinds.Escalation))) return;
        var levels = ownLevels ? facts.EscalationLevels : handbook.EscalationLevels;
        if (levels.IsEmpty || levels[0].After is not { } first || first <= respondWithin) return;

        // Own escalation: point at the late level, and tell the code fix the response time its new first level needs.
        // Inherited: point at the severity this runbook chose; the handbook or the severity is for a person to change.
        var location = ownLevels ? levels[0].AfterLocation : facts.SeverityLocation;
        var properties = ownLevels
            ? ImmutableDictionary<string, string?>.Empty.Add(RespondWithinProperty, respondWithin.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : ImmutableDictionary<string, string?>.Empty;
        reported.Report(context, Diagnostic.Create(DiagnosticDescriptors.EscalationTooLate, location, properties,
            levels[0].Who ?? "?", Durations.Format(first), severity, Durations.Format(respondWithin)));
    }
}
