using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using RunbookSdk.Analyzers.Dsl;
using RunbookSdk.Analyzers.Identity;

namespace RunbookSdk.CodeFixes.Identity;

/// <summary>
/// The ids Fix All of RB0030 gives the classes it adds <c>[Runbook("id")]</c> to. Two class names can give one id
/// (<c>DBFailover</c> and <c>DbFailover</c>, or two nested <c>Drain</c> classes): the first, in file and position order,
/// gets the id its name gives, each later one that id with the first free <c>-2</c>, <c>-3</c>… suffix. A suffixed id is
/// never one a runbook or handbook of the project already has, one a referenced runbook library's runbook has, another
/// finding's own id, or <c>index</c> (RB0011 would refuse each of them).
/// </summary>
internal static class DistinctRunbookIds
{
    private const string IndexPageId = "index";

    /// <summary>
    /// The id of each finding of <paramref name="findings"/> that has a suggested id, keyed by where the finding is; the
    /// same for every document of the Fix All, as each document's part is computed from the same findings.
    /// </summary>
    public static Dictionary<(SyntaxTree Tree, TextSpan Span), string> Assign(IEnumerable<Diagnostic> findings, RunbookCompilation? runbooks)
    {
        var ordered = findings
            .Where(d => d.Location.IsInSource && SuggestedId(d) is not null)
            .OrderBy(d => d.Location.SourceTree!.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start)
            .ToList();
        // Every finding's own id is kept for it: a later class must not be given, as a suffixed id, the id another
        // class's name gives (DbFailover2 keeps db-failover2; DbFailover's twin is not given it).
        var given = new HashSet<string>(ordered.Select(d => SuggestedId(d)!), StringComparer.Ordinal);
        var firstOfId = new HashSet<string>(StringComparer.Ordinal);
        var ids = new Dictionary<(SyntaxTree Tree, TextSpan Span), string>();
        foreach (var finding in ordered)
        {
            var id = SuggestedId(finding)!;
            if (firstOfId.Add(id))
            {
                ids[Where(finding)] = id;
                continue;
            }

            for (var n = 2; ; n++)
            {
                var candidate = id + "-" + n;
                if (given.Contains(candidate) || IsTaken(candidate, runbooks)) continue;
                given.Add(candidate);
                ids[Where(finding)] = candidate;
                break;
            }
        }

        return ids;
    }

    /// <summary>The key of <see cref="Assign"/>'s answer for <paramref name="diagnostic"/>.</summary>
    public static (SyntaxTree Tree, TextSpan Span) Where(Diagnostic diagnostic) => (diagnostic.Location.SourceTree!, diagnostic.Location.SourceSpan);

    /// <summary>The id the analyzer worked out for the finding's class, or null when another runbook already has it.</summary>
    public static string? SuggestedId(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(IdentityAnalyzer.SuggestedIdProperty, out var id) ? id : null;

    private static bool IsTaken(string id, RunbookCompilation? runbooks) =>
        id == IndexPageId || runbooks is not null &&
        (runbooks.TypesWithId(id, handbook: false).Any() || runbooks.TypesWithId(id, handbook: true).Any() || runbooks.ReferencedRunbookWithId(id) is not null);
}
