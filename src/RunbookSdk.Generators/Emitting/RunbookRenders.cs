using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using RunbookSdk.Generators.Model;

namespace RunbookSdk.Generators.Emitting;

/// <summary>
/// Renders the runbooks' parts (page and runner data) for one generator instance, all of a run's runbooks at once so
/// that they render on all cores (<see cref="Concurrently"/>), reusing the part rendered in the run before for a runbook
/// whose model is the same object — <see cref="Reading.RunbookReads"/> hands back the same model while nothing it was
/// read from changed — and when the handbooks, templates and options are equal to that run's. That is what Roslyn's
/// cache did for a per-runbook step: an edit in one runbook renders its page alone.
/// </summary>
internal sealed class RunbookRenders
{
    private Run? _last;

    /// <summary>How many parts were rendered rather than reused, for the tests that count work.</summary>
    public int Count => Volatile.Read(ref _count);

    private int _count;

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
            if (reusable is not null && reusable.TryGetValue(runbook, out var part)) return part;
            Interlocked.Increment(ref _count);
            return render(runbook, inputs, ct);
        }, cancellationToken);

        var byModel = new Dictionary<RunbookModel, GeneratedSource>(runbooks.Length, ReferenceComparer.Instance);
        for (var i = 0; i < runbooks.Length; i++) byModel[runbooks[i]] = parts[i];
        Volatile.Write(ref _last, new Run(inputs, byModel));
        return ImmutableArray.Create(parts);
    }

    private sealed record Run(RenderInputs Inputs, Dictionary<RunbookModel, GeneratedSource> Parts);

    /// <summary>Models by identity: comparing two by content walks every step of both.</summary>
    private sealed class ReferenceComparer : IEqualityComparer<RunbookModel>
    {
        public static readonly ReferenceComparer Instance = new();

        public bool Equals(RunbookModel? x, RunbookModel? y) => ReferenceEquals(x, y);

        public int GetHashCode(RunbookModel obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
