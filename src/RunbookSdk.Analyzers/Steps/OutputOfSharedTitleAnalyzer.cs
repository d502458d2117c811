using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RunbookSdk.Analyzers.Dsl;

namespace RunbookSdk.Analyzers.Steps;

/// <summary>
/// RB0029: a step's code reads <c>Outputs["Check status"]</c> and two steps of the runbook are titled "Check status"
/// (a step pasted and not renamed). The runner keeps a step's output under its title, so the code gets whichever of
/// them ran last, silently. Two steps of one title are fine otherwise — a rollback step named as the phase step it
/// undoes, a check repeated after the fix — the page, the journal and a resume tell them apart by position; only a
/// read by that title cannot.
/// </summary>
/// <remarks>
/// Titles compare case-insensitively, as the runner looks outputs up. Steps and reads are those the runbook's
/// <c>Define</c> (and a base <c>Define</c> it calls) writes out with constants; steps added by helper code are not seen,
/// so a rule that cannot see them stays quiet rather than guessing.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OutputOfSharedTitleAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.OutputOfSharedTitle);

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
        if (type.IsAbstract || !runbooks.Symbols.IsRunbookType(type)) return;
        var facts = runbooks.FactsOf(type);
        if (facts.OutputReads.IsEmpty || facts.StepTitles.Length < 2) return;

        var steps = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var step in facts.StepTitles) steps[step.Title] = steps.TryGetValue(step.Title, out var count) ? count + 1 : 1;
        foreach (var read in facts.OutputReads)
        {
            if (steps.TryGetValue(read.Name, out var sharing) && sharing > 1 && read.IsDeclaredIn(type))
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.OutputOfSharedTitle, read.Location, read.Name, sharing));
        }
    }
}
