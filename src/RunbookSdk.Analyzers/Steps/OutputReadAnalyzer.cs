using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RunbookSdk.Analyzers.Dsl;
using RunbookSdk.Analyzers.Escalation;

namespace RunbookSdk.Analyzers.Steps;

/// <summary>
/// RB0029: a step's code reads <c>Outputs["Check status"]</c> by a name that two steps share, that nothing has, or
/// that only a step keeping no output has (an instruction, a wait, a note: no <c>Run</c>, no <c>Http</c>) or a step that
/// certainly runs only after the code reading it, or one that may not have run: skipped by its <c>OnlyIf</c>, an option
/// of a <c>OneOf</c> not chosen, or a rollback step read by the verification, which runs after every run while the
/// rollback runs only after a failure.
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
/// when its actions are a lambda written out or a method of the class read in its place
/// (<see cref="StepTitleFact.KeepsNoOutput"/>, <see cref="BuilderMethodArgument"/>); so is a step that runs only
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
            // A step method of another class given to several runbooks (Step("Ask", Team.Steps.Ask)) is read for each:
            // its reads are reported once per place and words, not once per runbook.
            var shared = new ReportedOnce();
            start.RegisterSymbolAction(symbol => Analyze(symbol, runbooks, shared), SymbolKind.NamedType);
        });
    }

    private static void Report(SymbolAnalysisContext context, OutputReadFact read, Reported reported, string problem)
    {
        reported.Here.Add(read.Location);
        // Through the compilation's ReportedOnce: a read in another class's method (or another runbook's) may be this
        // runbook's and another's finding, at the same place in the same words.
        reported.Shared.Report(context, Diagnostic.Create(DiagnosticDescriptors.UnclearOutputRead, read.Location, read.Name, problem));
    }

    /// <summary>
    /// Whether a read of the runbook's facts is this runbook's to report: one written in the runbook's class, or in a
    /// method of a class outside its hierarchy that a step is given (<c>Step("Ask", Team.Steps.Ask)</c>, read for every
    /// runbook that gives it, so reported through <see cref="ReportedOnce"/>). One in a base class is that class's.
    /// </summary>
    private static bool IsReportedFor(OutputReadFact read, INamedTypeSymbol type)
    {
        if (read.IsDeclaredIn(type)) return true;
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (DeclaredIn.Type(current, read.Location)) return false;
        }

        return read.Location.IsInSource;
    }

    /// <summary>Where this runbook's findings went: its reads' places, and the compilation's findings.</summary>
    private sealed class Reported(ReportedOnce shared)
    {
        public ReportedOnce Shared { get; } = shared;

        public HashSet<Location> Here { get; } = new();
    }

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

    /// <summary>
    /// Why <paramref name="step"/> may not have run when the code of <paramref name="read"/>, a later step's, asks for
    /// its output (it is written <c>OnlyIf(…)</c>, is an option of a <c>OneOf</c>, or is a rollback step read from the
    /// verification); null when it ran, or that is not certain from the text: a place not known, the read in the step
    /// itself or in an option of the same <c>OneOf</c>, a reading step that is conditional itself (it may run on the
    /// same answer).
    /// </summary>
    private static string? MayNotHaveRun(StepTitleFact step, OutputReadFact read, DocumentFacts facts)
    {
        if (step.Place is not { } place || read.Reader is not { } reader || !place.Define.Equals(reader.Define)) return null;
        if (place.Step == reader.Step || place.Order == reader.Order) return null;
        if (facts.StepTitles.Any(s => s.Conditional && s.Place is { } readingPlace && readingPlace.Define.Equals(reader.Define) && readingPlace.Step == reader.Step)) return null;
        // The verification runs after every run, the rollback only after a failed phase step, and not when the
        // operator declines it: in every run that went well the read throws (docs/runner.md, Semantics 3 and 4).
        if (place.Section == StepSection.Rollback && reader.Section == StepSection.Verification)
            return "runs only in the rollback, after a phase step failed";
        if (step.Conditional) return "runs only if its OnlyIf condition holds";
        return place.Order != place.Step ? "is an option of a OneOf, which runs only when it is chosen" : null;
    }

    private static void Analyze(SymbolAnalysisContext context, RunbookCompilation runbooks, ReportedOnce shared)
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
        // A method given to two steps as their code is read for each: its reads are reported once.
        var reported = new Reported(shared);
        foreach (var read in facts.OutputReads)
        {
            if (reported.Here.Contains(read.Location) || !IsReportedFor(read, type)) continue;
            var sharing = steps.TryGetValue(read.Name, out var count) ? count : 0;
            if (sharing > 1)
            {
                Report(context, read, reported, $"holds the output of whichever of the {sharing} steps titled '{read.Name}' ran last; give each step its own title");
            }
            else if (sharing == 0 && read.Throws && facts.OutputsKnown && !set.Contains(read.Name))
            {
                // A step renamed since the code was written: the read throws when the step runs, failing it (and
                // starting the rollback) in the middle of the incident.
                Report(context, read, reported, $"names no step's title and no output a step's code sets, so it throws KeyNotFoundException when the step runs; name the step it means");
            }
            else if (sharing == 1 && read.Throws && facts.OutputsKnown && !set.Contains(read.Name))
            {
                var step = byTitle[read.Name];
                if (step.KeepsNoOutput)
                {
                    // An instruction, a wait, a note, code: the runner keeps only a command's or a request's output under
                    // the step's title, so the read throws when the step runs, as for a name nothing has.
                    Report(context, read, reported, $"is the title of a step with no shell command or HTTP request, which keeps no output, so it throws KeyNotFoundException when the step runs; read a Run or Http step's title, or a name code sets with SetOutput");
                }
                else if (RunsOnlyAfter(step, read) is { } when)
                {
                    // Nothing has the output yet when the code asks for it: the read throws, every time.
                    Report(context, read, reported, $"is the title of a step that runs only after this code ({when}), so it throws KeyNotFoundException when the step runs; read it from a step after '{step.Title}'");
                }
                else if (MayNotHaveRun(step, read, facts) is { } why)
                {
                    // A step the engineer skipped, or an option not chosen, keeps no output: the read throws, failing
                    // the step and starting the rollback, on the very answer the runbook offers.
                    Report(context, read, reported, $"is the title of a step that {why}, so it throws KeyNotFoundException when that step did not run; ask with ctx.Outputs.TryGetValue");
                }
            }
        }
    }
}
