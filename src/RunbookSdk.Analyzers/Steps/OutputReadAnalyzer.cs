using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RunbookSdk.Analyzers.Dsl;

namespace RunbookSdk.Analyzers.Steps;

/// <summary>
/// RB0029: a step's code reads <c>Outputs["Check status"]</c> by a name that two steps share, that nothing has, or
/// that only a step keeping no output has (an instruction, a wait, a note: no <c>Run</c>, no <c>Http</c>) or a step that
/// certainly runs only after the code reading it.
/// Two steps of one title come from a step pasted and not renamed: the runner keeps a step's output under its title, so
/// the code gets whichever of them ran last, silently. A name nothing has comes from a step renamed since the code was
/// written: the read throws when the step runs, failing it; so does a read of a step whose output the runner never
/// keeps, as only a command's and a request's is kept under the step's title. Two steps of one title are fine
/// otherwise — a rollback step named as the phase step it undoes, a check repeated after the fix — the page, the
/// journal and a resume tell them apart by position; only a read by that title cannot.
/// </summary>
/// <remarks>
/// Titles compare case-insensitively, as the runner looks outputs up. Steps and reads are those the runbook's
/// <c>Define</c> (and a base <c>Define</c> it calls) writes out with constants. A name nothing has is judged only when
/// every name is known (<see cref="DocumentFacts.OutputsKnown"/>): steps added by helper code, a title or output name
/// that is not a constant, code that hands its context on could give it. So is a step that keeps no output, and only
/// when its actions are a lambda written out (<see cref="StepTitleFact.KeepsNoOutput"/>); so is a step that runs only
/// later, and only when the order is certain from the text (<see cref="StepPlace"/>).
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OutputReadAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.UnclearOutputRead);

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

    private static void Report(SymbolAnalysisContext context, OutputReadFact read, string problem) =>
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnclearOutputRead, read.Location, read.Name, problem));

    /// <summary>
    /// Where <paramref name="step"/> runs after the code of <paramref name="read"/>, when the order is certain (both
    /// places known, in one <c>Define</c>); null when it may run before.
    /// </summary>
    private static string? RunsOnlyAfter(StepTitleFact step, OutputReadFact read)
    {
        if (step.Place is not { } place || read.Reader is not { } reader || !place.Define.Equals(reader.Define)) return null;
        if (place.Step == reader.Step)
            return step.OutputFrom > read.Action ? "its command or request comes after this code in the same step" : null;
        if (!reader.RunsBefore(place)) return null;
        return place.Section == reader.Section
            ? "later in the " + (place.Section == StepSection.Phase ? "phases" : place.Section == StepSection.Rollback ? "rollback" : "verification")
            : "in the " + (place.Section == StepSection.Rollback ? "rollback, after the phases" : "verification, after " + (reader.Section == StepSection.Phase ? "the phases and the rollback" : "the rollback"));
    }

    private static void Analyze(SymbolAnalysisContext context, RunbookCompilation runbooks)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (type.IsAbstract || !runbooks.Symbols.IsRunbookType(type)) return;
        var facts = runbooks.FactsOf(type);
        if (facts.OutputReads.IsEmpty) return;

        var steps = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var byTitle = new Dictionary<string, StepTitleFact>(StringComparer.OrdinalIgnoreCase);
        foreach (var step in facts.StepTitles)
        {
            steps[step.Title] = steps.TryGetValue(step.Title, out var count) ? count + 1 : 1;
            byTitle[step.Title] = step;
        }
        var set = new HashSet<string>(facts.OutputNames, StringComparer.OrdinalIgnoreCase);
        foreach (var read in facts.OutputReads)
        {
            if (!read.IsDeclaredIn(type)) continue;
            var sharing = steps.TryGetValue(read.Name, out var count) ? count : 0;
            if (sharing > 1)
            {
                Report(context, read, $"holds the output of whichever of the {sharing} steps titled '{read.Name}' ran last; give each step its own title");
            }
            else if (sharing == 0 && read.Throws && facts.OutputsKnown && !set.Contains(read.Name))
            {
                // A step renamed since the code was written: the read throws when the step runs, failing it (and
                // starting the rollback) in the middle of the incident.
                Report(context, read, $"names no step's title and no output a step's code sets, so it throws KeyNotFoundException when the step runs; name the step it means");
            }
            else if (sharing == 1 && read.Throws && facts.OutputsKnown && !set.Contains(read.Name))
            {
                var step = byTitle[read.Name];
                if (step.KeepsNoOutput)
                {
                    // An instruction, a wait, a note, code: the runner keeps only a command's or a request's output under
                    // the step's title, so the read throws when the step runs, as for a name nothing has.
                    Report(context, read, $"is the title of a step with no shell command or HTTP request, which keeps no output, so it throws KeyNotFoundException when the step runs; read a Run or Http step's title, or a name code sets with SetOutput");
                }
                else if (RunsOnlyAfter(step, read) is { } when)
                {
                    // Nothing has the output yet when the code asks for it: the read throws, every time.
                    Report(context, read, $"is the title of a step that runs only after this code ({when}), so it throws KeyNotFoundException when the step runs; read it from a step after '{step.Title}'");
                }
            }
        }
    }
}
