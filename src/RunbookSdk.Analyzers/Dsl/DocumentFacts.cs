using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace RunbookSdk.Analyzers.Dsl;

/// <summary>An escalation level as written: who, after how long (when constant), and where.</summary>
internal sealed record EscalationLevelFact(string? Who, TimeSpan? After, Location WhoLocation, Location AfterLocation);

/// <summary>
/// A <c>Communication(name, template, channel)</c> whose name is a constant; its text and channel when they are
/// constants too, for completion's description; and the string literal that writes the text, when one does in this
/// compilation's source (RB0026's fix corrects a misspelt placeholder there).
/// </summary>
internal sealed record CommunicationFact(string Name, string? Template, string? Channel, Location? TemplateLiteral = null);

/// <summary>A <c>Notify(template)</c> whose template is a constant, and where that constant is written.</summary>
internal sealed record NotificationFact(string Template, Location Location, bool IsLiteral)
{
    /// <summary>
    /// Whether the <c>Notify</c> is written in <paramref name="type"/>'s own code: one of an intermediate base class is
    /// reported once, on that class, not for each runbook deriving from it.
    /// </summary>
    public bool IsDeclaredIn(INamedTypeSymbol type) => DeclaredIn.Type(type, Location);
}

/// <summary>
/// What one runbook's or handbook's <c>Define</c> says, read once per compilation: which sections exist,
/// the escalation levels, severities and environment. Section rules judge these after inheritance.
/// </summary>
internal sealed class DocumentFacts
{
    public static readonly DocumentFacts Unknown = new() { IsComplete = false, UnreadSections = SectionKinds.All };

    /// <summary>False when the body could not be read (no body, or the builder is handed to helper code we do not follow).</summary>
    public bool IsComplete { get; init; } = true;

    /// <summary>
    /// The sections code the reader did not follow may still declare (none when <see cref="IsComplete"/>): every one
    /// for a body that does not compile yet or hands the runbook's builder on, none for one that hands on only a
    /// phase's or a step's builder (<see cref="SectionReach"/>). RB0001-RB0003 judge the others.
    /// </summary>
    public SectionKinds UnreadSections { get; init; }

    /// <summary>Whether code the reader did not follow may declare <paramref name="section"/>.</summary>
    public bool MayDeclareUnread(SectionKinds section) => (UnreadSections & section) != 0;
    /// <summary>Escalation levels, which every <c>Escalation(...)</c> adds to.</summary>
    public SectionFact Escalation { get; init; }
    /// <summary>The last <c>Rollback(...)</c>, which the runner keeps.</summary>
    public SectionFact Rollback { get; init; }
    /// <summary>The last <c>NoRollback(reason)</c>: empty when its reason is a blank constant.</summary>
    public SectionFact Waiver { get; init; }
    /// <summary>The last <c>Verification(...)</c>, which the runner keeps.</summary>
    public SectionFact Verification { get; init; }
    public bool HasEscalation => Escalation.IsFilled;
    public bool HasRollback => Rollback.IsFilled;
    public bool HasNoRollback => Waiver.IsFilled;
    public bool HasVerification => Verification.IsFilled;
    public ImmutableArray<EscalationLevelFact> EscalationLevels { get; init; } = ImmutableArray<EscalationLevelFact>.Empty;
    public string? SeverityKey { get; init; }
    public Location? SeverityLocation { get; init; }
    public ImmutableDictionary<string, TimeSpan> ResponseTimes { get; init; } = ImmutableDictionary<string, TimeSpan>.Empty;
    public ImmutableArray<string> Environments { get; init; } = ImmutableArray<string>.Empty;
    public ImmutableArray<string> Tags { get; init; } = ImmutableArray<string>.Empty;
    /// <summary>Its <c>Communication(name, …)</c> templates named by a constant.</summary>
    public ImmutableArray<CommunicationFact> Communications { get; init; } = ImmutableArray<CommunicationFact>.Empty;
    /// <summary>
    /// False unless every template's name is known: one named by a non-constant, or a document read from metadata
    /// (whose generated part lists no templates), may define any name.
    /// </summary>
    public bool CommunicationsKnown { get; init; }
    /// <summary>Its <c>Notify(template)</c> calls with a constant template.</summary>
    public ImmutableArray<NotificationFact> Notifications { get; init; } = ImmutableArray<NotificationFact>.Empty;
    /// <summary>Its steps (phase, decision, rollback and verification steps) whose title is a constant.</summary>
    public ImmutableArray<StepTitleFact> StepTitles { get; init; } = ImmutableArray<StepTitleFact>.Empty;
    /// <summary>Its steps' code reading <c>Outputs</c> by a constant name.</summary>
    public ImmutableArray<OutputReadFact> OutputReads { get; init; } = ImmutableArray<OutputReadFact>.Empty;
    /// <summary>The output names its steps' code sets (<c>SetOutput("name", …)</c>).</summary>
    public ImmutableArray<string> OutputNames { get; init; } = ImmutableArray<string>.Empty;
    /// <summary>
    /// False unless every name an output may have is known: the body read completely, every step titled by a constant,
    /// and every step's code a lambda that sets outputs by constant names and hands its context to nothing else.
    /// </summary>
    public bool OutputsKnown { get; init; }

    /// <summary>
    /// Combines the facts of a base Define that this one calls (<c>base.Define(rb)</c>). The sections, the severity
    /// and the escalation levels come from the reader, which knows the order of the calls (the base's count where the
    /// call is); the rest is the same whichever ran first.
    /// </summary>
    public DocumentFacts Merge(DocumentFacts other) => new()
    {
        IsComplete = IsComplete && other.IsComplete,
        UnreadSections = UnreadSections | other.UnreadSections,
        Escalation = Escalation,
        Rollback = Rollback,
        Waiver = Waiver,
        Verification = Verification,
        EscalationLevels = EscalationLevels.IsEmpty ? other.EscalationLevels : EscalationLevels,
        SeverityKey = SeverityKey ?? other.SeverityKey,
        SeverityLocation = SeverityLocation ?? other.SeverityLocation,
        ResponseTimes = Union(ResponseTimes, other.ResponseTimes),
        Environments = Environments.AddRange(other.Environments),
        Tags = Tags.AddRange(other.Tags),
        Communications = Communications.AddRange(other.Communications),
        CommunicationsKnown = CommunicationsKnown && other.CommunicationsKnown,
        Notifications = Notifications.AddRange(other.Notifications),
        StepTitles = StepTitles.AddRange(other.StepTitles),
        OutputReads = OutputReads.AddRange(other.OutputReads),
        OutputNames = OutputNames.AddRange(other.OutputNames),
        OutputsKnown = OutputsKnown && other.OutputsKnown,
    };

    /// <summary>
    /// A production document: its environment mentions prod/production, or it is tagged so.
    /// </summary>
    public bool IsProduction()
    {
        foreach (var environment in Environments)
        {
            if (System.Text.RegularExpressions.Regex.IsMatch(environment, @"(?i)\bprod(uction)?\b")) return true;
        }

        foreach (var tag in Tags)
        {
            if (string.Equals(tag, "production", StringComparison.OrdinalIgnoreCase) || string.Equals(tag, "prod", StringComparison.OrdinalIgnoreCase))
                return true;
        }

        return false;
    }

    private static ImmutableDictionary<string, TimeSpan> Union(ImmutableDictionary<string, TimeSpan> first, ImmutableDictionary<string, TimeSpan> second)
    {
        var result = first;
        foreach (KeyValuePair<string, TimeSpan> pair in second)
        {
            if (!result.ContainsKey(pair.Key)) result = result.Add(pair.Key, pair.Value);
        }

        return result;
    }
}
