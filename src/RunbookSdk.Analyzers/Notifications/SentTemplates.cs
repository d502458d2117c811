using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using RunbookSdk.Analyzers.Dsl;

namespace RunbookSdk.Analyzers.Notifications;

/// <summary>
/// What a runbook's <c>Notify</c> calls can send: the communication templates the runner looks in — the runbook's own,
/// then its handbook's, in that order — and the runbook's <c>Notify</c> calls. Known only when both <c>Define</c>s
/// were read completely and every template is named by a constant (RB0023 and RB0026 judge nothing otherwise).
/// </summary>
internal sealed class SentTemplates
{
    private SentTemplates(ImmutableArray<CommunicationFact> templates, ImmutableArray<NotificationFact> notifications)
    {
        Templates = templates;
        Notifications = notifications;
    }

    /// <summary>The templates, in the order the runner looks for a name: the first of a name is the one sent.</summary>
    public ImmutableArray<CommunicationFact> Templates { get; }

    /// <summary>The runbook's <c>Notify</c> calls whose template is named by a constant.</summary>
    public ImmutableArray<NotificationFact> Notifications { get; }

    /// <summary>What <paramref name="type"/> sends, or null when it is no runbook, sends nothing, or not all is known.</summary>
    public static SentTemplates? Of(INamedTypeSymbol type, RunbookCompilation runbooks)
    {
        if (type.IsAbstract || !runbooks.Symbols.IsRunbookType(type)) return null;
        var facts = runbooks.FactsOf(type);
        if (facts.Notifications.IsEmpty || !facts.IsComplete || !facts.CommunicationsKnown) return null;

        var templates = facts.Communications;
        if (runbooks.Symbols.HandbookOf(type) is { } handbookType)
        {
            var handbook = runbooks.FactsOf(handbookType);
            if (!handbook.IsComplete || !handbook.CommunicationsKnown) return null;
            templates = templates.AddRange(handbook.Communications);
        }

        return new SentTemplates(templates, facts.Notifications);
    }
}
