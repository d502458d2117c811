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
    /// <summary>
    /// <paramref name="map"/> of every item, in the items' order. <paramref name="map"/> must not throw but for
    /// cancellation: the generator's steps turn every other exception into a diagnostic first.
    /// </summary>
    public static TResult[] Map<TItem, TResult>(ImmutableArray<TItem> items, bool concurrent, Func<TItem, CancellationToken, TResult> map, CancellationToken cancellationToken)
    {
        var results = new TResult[items.Length];
        // Any two items go to the thread pool: a few microseconds against a read or a page, and it keeps the tests'
        // small projects on the path a build takes.
        if (!concurrent || items.Length < 2)
        {
            for (var i = 0; i < items.Length; i++) results[i] = map(items[i], cancellationToken);
            return results;
        }

        // A cancelled item's exception comes out as the cancellation itself, not wrapped: Parallel.For unwraps
        // cancellations of the token it was given, and the driver then sees the run cancelled rather than failed.
        Parallel.For(0, items.Length, new ParallelOptions { CancellationToken = cancellationToken }, i => results[i] = map(items[i], cancellationToken));
        return results;
    }
}
