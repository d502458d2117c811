using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using RunbookSdk.Generators.Model;

namespace RunbookSdk.Generators.Emitting;

/// <summary>
/// Renders the runbooks' parts (page and runner data) for one generator instance, all of a run's runbooks at once so
/// that they render on all cores (<see cref="Concurrently"/>), reusing the part rendered in the run before for the same
/// type while its model and its own handbook are equal and the templates and options are equal to that run's. That is
/// what Roslyn's cache did for a per-runbook step: an edit in one runbook renders its page alone, and an edit of a
/// handbook the pages of its runbooks alone (a page shows its handbook's title, severities, escalation and templates,
/// and nothing of another handbook). The comparison is mostly by reference: <see cref="Reading.RunbookReads"/> and
/// <see cref="Reading.HandbookReads"/> hand back the same model while nothing it was read from changed.
/// </summary>
internal sealed class RunbookRenders
{
    private Run? _last;
    private int _count;

    /// <summary>How many parts were rendered rather than reused, for the tests that count work.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The parts of <paramref name="runbooks"/>, in their order.</summary>
    public ImmutableArray<GeneratedSource> RenderEach(
        ImmutableArray<RunbookModel> runbooks, RenderInputs inputs, bool concurrent,
        Func<RunbookModel, RenderInputs, CancellationToken, GeneratedSource> render, CancellationToken cancellationToken)
    {
        // Another driver may run this instance at the same time (the IDE's snapshots): each reads one run and
        // publishes its own; the worst case is a part rendered twice.
        var last = Volatile.Read(ref _last);
        var reusable = last is not null && last.Inputs.Templates.Equals(inputs.Templates) && last.Inputs.EmbedOutline == inputs.EmbedOutline ? last.Parts : null;
        var handbooks = HandbooksByType(inputs.Handbooks);
        var parts = Concurrently.Map(runbooks, concurrent, (runbook, ct) =>
        {
            if (reusable is not null && reusable.TryGetValue(runbook.Type.FileName, out var earlier) && earlier.Model.Equals(runbook)
                && Equals(earlier.Handbook, HandbookOf(runbook, handbooks)))
                return earlier.Part;
            Interlocked.Increment(ref _count);
            return render(runbook, inputs, ct);
        }, cancellationToken);

        // By the generated file's name, unique per type (Roslyn refuses two sources of one name).
        var byFile = new Dictionary<string, (RunbookModel, HandbookModel?, GeneratedSource)>(runbooks.Length, StringComparer.Ordinal);
        for (var i = 0; i < runbooks.Length; i++) byFile[runbooks[i].Type.FileName] = (runbooks[i], HandbookOf(runbooks[i], handbooks), parts[i]);
        Volatile.Write(ref _last, new Run(inputs, byFile));
        return ImmutableArray.Create(parts);
    }

    // The first handbook of each class, as the page finds a runbook's (RunbookGenerator.RenderRunbook).
    private static Dictionary<string, HandbookModel> HandbooksByType(EquatableArray<HandbookModel> handbooks)
    {
        var byType = new Dictionary<string, HandbookModel>(StringComparer.Ordinal);
        foreach (var handbook in handbooks)
        {
            if (!byType.ContainsKey(handbook.Type.GlobalName)) byType.Add(handbook.Type.GlobalName, handbook);
        }

        return byType;
    }

    private static HandbookModel? HandbookOf(RunbookModel runbook, Dictionary<string, HandbookModel> handbooks) =>
        runbook.HandbookType is { } type && handbooks.TryGetValue(type, out var handbook) ? handbook : null;

    private sealed record Run(RenderInputs Inputs, Dictionary<string, (RunbookModel Model, HandbookModel? Handbook, GeneratedSource Part)> Parts);
}
