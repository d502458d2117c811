using System;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;

namespace RunbookSdk.Generators;

/// <summary>
/// Runs a pipeline step's work for each of many items on all cores, when the compilation allows a concurrent build.
/// Roslyn runs generators before the compile and a step's items one after another, so reading and rendering a
/// thousand runbooks one at a time left the other cores idle for most of the generator's run in a build
/// (docs/performance.md). A compilation made without a concurrent build (<c>/parallel-</c>) gets the items one by one.
/// </summary>
internal static class Concurrently
{
    // Below this, handing items to other threads costs more than it saves.
    private const int ConcurrentFrom = 16;

    /// <summary>
    /// <paramref name="map"/> of every item, in the items' order. <paramref name="map"/> must not throw but for
    /// cancellation: the generator's steps turn every other exception into a diagnostic first.
    /// </summary>
    public static TResult[] Map<TItem, TResult>(ImmutableArray<TItem> items, bool concurrent, Func<TItem, CancellationToken, TResult> map, CancellationToken cancellationToken)
    {
        var results = new TResult[items.Length];
        if (!concurrent || items.Length < ConcurrentFrom)
        {
            for (var i = 0; i < items.Length; i++) results[i] = map(items[i], cancellationToken);
            return results;
        }

        try
        {
            Parallel.For(0, items.Length, new ParallelOptions { CancellationToken = cancellationToken }, i => results[i] = map(items[i], cancellationToken));
        }
        catch (AggregateException e) when (cancellationToken.IsCancellationRequested && e.InnerExceptions.Count > 0 && AllCancellations(e))
        {
            // A cancelled item throws inside the loop: the driver expects the cancellation itself, not a wrapped one.
            throw new OperationCanceledException(cancellationToken);
        }

        return results;
    }

    private static bool AllCancellations(AggregateException e)
    {
        foreach (var inner in e.InnerExceptions)
        {
            if (inner is not OperationCanceledException) return false;
        }

        return true;
    }
}
