using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using RunbookSdk.Generators.Model;

namespace RunbookSdk.Generators;

/// <summary>
/// The runbooks' diagnostics as the build reports them: a base class's <c>Define</c>, or a static helper, that several
/// runbooks run is read once per runbook, so code in it the page cannot read was RB0101 once per runbook at the same
/// place, and the IDE listed several warnings on that line that differed only in the runbook's name. One RB0101 per place
/// and text now names every runbook it holds for (<c>ApiDown, QueueBacklog: the generator cannot read …</c>); every page
/// still carries its own notice (the models are untouched). Any other diagnostic reported twice alike is reported once.
/// The handbooks' diagnostics are merged alike, apart from the runbooks': a base handbook's <c>Define</c> that several
/// handbooks inherit is read once per handbook.
/// </summary>
internal static class ReportedOnce
{
    /// <summary>The diagnostics of <paramref name="perRunbook"/> (each runbook's, or each handbook's), in order, each place and text once.</summary>
    public static EquatableArray<DiagnosticInfo> Merge(ImmutableArray<EquatableArray<DiagnosticInfo>> perRunbook)
    {
        var merged = new List<DiagnosticInfo>();
        var owners = new Dictionary<DiagnosticInfo, (int Index, List<string> Names)>();
        foreach (var diagnostics in perRunbook)
        {
            foreach (var diagnostic in diagnostics)
            {
                var (key, owner) = Split(diagnostic);
                if (owners.TryGetValue(key, out var seen))
                {
                    if (owner is not null && !seen.Names.Contains(owner)) seen.Names.Add(owner);
                    continue;
                }

                owners.Add(key, (merged.Count, owner is null ? new List<string>() : new List<string> { owner }));
                merged.Add(diagnostic);
            }
        }

        foreach (var pair in owners)
        {
            var (index, names) = pair.Value;
            if (names.Count > 1) merged[index] = pair.Key with { MessageArgs = new EquatableArray<string>([string.Join(", ", names), .. Rest(pair.Key)]) };
        }

        return new EquatableArray<DiagnosticInfo>(merged);
    }

    // RB0101's first argument is the runbook's name: the place and the rest of its text say what is unread.
    private static (DiagnosticInfo Key, string? Owner) Split(DiagnosticInfo diagnostic) =>
        diagnostic.Id == GeneratorDiagnostics.UnreadableDefinition.Id && diagnostic.MessageArgs.Count > 1
            ? (diagnostic with { MessageArgs = new EquatableArray<string>(["", .. Rest(diagnostic)]) }, diagnostic.MessageArgs[0])
            : (diagnostic, null);

    private static IEnumerable<string> Rest(DiagnosticInfo diagnostic)
    {
        for (var i = 1; i < diagnostic.MessageArgs.Count; i++) yield return diagnostic.MessageArgs[i];
    }
}
