using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace RunbookSdk.CodeFixes.Editing;

/// <summary>
/// Fix All for a fix that adds a member beside its edit (a new <c>[Parameter]</c> property): applies the fixes one
/// after another, each to the solution the previous one left, and moves the remaining findings through the text each
/// fix changed. The batch fixer computes every fix on the original text and merges the edits; two fixes inserting
/// different properties at the same place collide there, and it silently dropped all but one, so Fix All fixed only
/// some findings. Applied in turn, each fix also sees the properties the earlier ones added (reuses one, or picks a
/// name they do not use).
/// </summary>
internal sealed class SequentialFixAllProvider : FixAllProvider
{
    private readonly string title;
    private readonly Func<Document, Diagnostic, CancellationToken, Task<Solution>> fix;

    /// <param name="title">What the combined fix is called.</param>
    /// <param name="fix">The fix for one finding: the solution after it, or the same solution when it does not apply.</param>
    public SequentialFixAllProvider(string title, Func<Document, Diagnostic, CancellationToken, Task<Solution>> fix)
    {
        this.title = title;
        this.fix = fix;
    }

    /// <inheritdoc />
    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
        new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

    /// <inheritdoc />
    public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        var findings = new List<Diagnostic>();
        switch (fixAllContext.Scope)
        {
            case FixAllScope.Document when fixAllContext.Document is { } document:
                findings.AddRange(await fixAllContext.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false));
                break;
            case FixAllScope.Project:
                findings.AddRange(await fixAllContext.GetAllDiagnosticsAsync(fixAllContext.Project).ConfigureAwait(false));
                break;
            case FixAllScope.Solution:
                foreach (var project in fixAllContext.Solution.Projects)
                    findings.AddRange(await fixAllContext.GetAllDiagnosticsAsync(project).ConfigureAwait(false));
                break;
        }

        var solution = fixAllContext.Solution;
        var pending = findings
            .Where(d => d.Location.IsInSource && solution.GetDocumentId(d.Location.SourceTree) is not null)
            .Select(d => new Pending(solution.GetDocumentId(d.Location.SourceTree)!, d,
                d.AdditionalLocations.Select(l => (l.IsInSource ? solution.GetDocumentId(l.SourceTree) : null, (TextSpan?)l.SourceSpan)).ToList()))
            .ToList();
        if (pending.Count == 0) return null;

        return CodeAction.Create(title, token => ApplyAsync(solution, pending, token), fixAllContext.CodeActionEquivalenceKey);
    }

    private async Task<Solution> ApplyAsync(Solution solution, List<Pending> pending, CancellationToken cancellationToken)
    {
        foreach (var finding in pending)
        {
            if (finding.Span is not { } span || solution.GetDocument(finding.DocumentId) is not { } document) continue;
            var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
            if (tree is null) continue;

            var moved = Diagnostic.Create(finding.Diagnostic.Descriptor, Location.Create(tree, span),
                await AdditionalLocationsAsync(solution, finding, cancellationToken).ConfigureAwait(false), finding.Diagnostic.Properties);
            var fixedSolution = await fix(document, moved, cancellationToken).ConfigureAwait(false);
            foreach (var changed in fixedSolution.GetChanges(solution).GetProjectChanges().SelectMany(p => p.GetChangedDocuments()))
            {
                var before = solution.GetDocument(changed);
                var after = fixedSolution.GetDocument(changed);
                if (before is null || after is null) continue;
                var changes = (await after.GetTextChangesAsync(before, cancellationToken).ConfigureAwait(false)).OrderBy(c => c.Span.Start).ToList();
                foreach (var other in pending.Where(p => p != finding && p.DocumentId == changed && p.Span is not null))
                    other.Span = Move(other.Span!.Value, changes);
                foreach (var other in pending.Where(p => p != finding))
                {
                    for (var i = 0; i < other.Additional.Count; i++)
                    {
                        if (other.Additional[i].DocumentId == changed && other.Additional[i].Span is { } additional)
                            other.Additional[i] = (changed, MoveEnclosing(additional, changes));
                    }
                }
            }

            solution = fixedSolution;
        }

        return solution;
    }

    /// <summary>
    /// The finding's additional locations where they are now (RB0026's points at the template a fix edits, maybe in
    /// another file); one an earlier fix rewrote is left out, and the fix then does not apply.
    /// </summary>
    private static async Task<IEnumerable<Location>> AdditionalLocationsAsync(Solution solution, Pending finding, CancellationToken cancellationToken)
    {
        var locations = new List<Location>();
        foreach (var (documentId, span) in finding.Additional)
        {
            if (documentId is null || span is null || solution.GetDocument(documentId) is not { } document) continue;
            if (await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false) is { } tree) locations.Add(Location.Create(tree, span.Value));
        }

        return locations;
    }

    /// <summary>
    /// Where <paramref name="span"/> is after <paramref name="changes"/>, a change inside it (a placeholder corrected in
    /// the template an additional location marks) growing or shrinking it; null when a change crosses its bounds.
    /// </summary>
    private static TextSpan? MoveEnclosing(TextSpan span, IReadOnlyList<TextChange> changes)
    {
        var start = span.Start;
        var length = span.Length;
        foreach (var change in changes)
        {
            var delta = change.NewText!.Length - change.Span.Length;
            if (change.Span.End <= span.Start) start += delta;
            else if (change.Span.Start >= span.End) break;
            else if (change.Span.Start >= span.Start && change.Span.End <= span.End) length += delta;
            else return null;
        }

        return new TextSpan(start, length);
    }

    /// <summary>Where <paramref name="span"/> is after <paramref name="changes"/>; null when a change rewrote part of it.</summary>
    private static TextSpan? Move(TextSpan span, IReadOnlyList<TextChange> changes)
    {
        var delta = 0;
        foreach (var change in changes)
        {
            if (change.Span.End <= span.Start) delta += change.NewText!.Length - change.Span.Length;
            else if (change.Span.Start >= span.End) break;
            else return null;
        }

        return new TextSpan(span.Start + delta, span.Length);
    }

    /// <summary>A finding still to fix and where it is now; no span once an earlier fix rewrote its text.</summary>
    private sealed class Pending
    {
        public Pending(DocumentId documentId, Diagnostic diagnostic, List<(DocumentId? DocumentId, TextSpan? Span)> additional)
        {
            DocumentId = documentId;
            Diagnostic = diagnostic;
            Span = diagnostic.Location.SourceSpan;
            Additional = additional;
        }

        /// <summary>The finding's additional locations and where they are now; no span once an earlier fix rewrote it.</summary>
        public List<(DocumentId? DocumentId, TextSpan? Span)> Additional { get; }

        public DocumentId DocumentId { get; }

        public Diagnostic Diagnostic { get; }

        public TextSpan? Span { get; set; }
    }
}
