using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using RunbookSdk.Generators.Model;

namespace RunbookSdk.Generators.Emitting;

/// <summary>
/// Renders the runbooks' parts (page and runner data) for one generator instance, all of a run's runbooks at once so
/// that they render on all cores (<see cref="Concurrently"/>), reusing the part rendered in the run before for the same
/// type while its model is equal and the handbooks, templates and options are equal to that run's. That is what
/// Roslyn's cache did for a per-runbook step: an edit in one runbook renders its page alone. The comparison is mostly by
/// reference: <see cref="Reading.RunbookReads"/> hands back the same model while nothing it was read from changed.
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
        var reusable = last is not null && last.Inputs.Equals(inputs) ? last.Parts : null;
        var parts = Concurrently.Map(runbooks, concurrent, (runbook, ct) =>
        {
            if (reusable is not null && reusable.TryGetValue(runbook.Type.FileName, out var earlier) && earlier.Model.Equals(runbook)) return earlier.Part;
            Interlocked.Increment(ref _count);
            return render(runbook, inputs, ct);
        }, cancellationToken);

        // By the generated file's name, unique per type (Roslyn refuses two sources of one name).
        var byFile = new Dictionary<string, (RunbookModel, GeneratedSource)>(runbooks.Length, StringComparer.Ordinal);
        for (var i = 0; i < runbooks.Length; i++) byFile[runbooks[i].Type.FileName] = (runbooks[i], parts[i]);
        Volatile.Write(ref _last, new Run(inputs, byFile));
        return ImmutableArray.Create(parts);
    }

    private sealed record Run(RenderInputs Inputs, Dictionary<string, (RunbookModel Model, GeneratedSource Part)> Parts);
}
