using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace RunbookSdk.Benchmarks;

/// <summary>
/// Where a warm generator run's bytes go, by the type allocated: the runtime's allocation ticks (one about every
/// 100 KB a thread allocates, naming the type that crossed the mark) summed per type, so the types that make up most
/// of the bytes show, each within a sampling error of about 100 KB times the square root of its ticks.
/// </summary>
internal static class AllocationReport
{
    public static void Print(int runbooks, int top)
    {
        // Warm: the JIT and Roslyn's caches as a compiler server has them after a first build.
        CorpusCompilation.Driver().RunGenerators(CorpusCompilation.Create(Math.Min(runbooks, 50)));
        // As the IDE runs the generator (runbooks read, no page rendered or part emitted), then as a build runs it: the
        // difference between the two is what rendering the pages and emitting the parts allocate.
        var reading = Sample(runbooks, asTheIdeRuns: true);
        var building = Sample(runbooks, asTheIdeRuns: false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"a warm generator run over {runbooks} runbooks, declarations bound before it: {building.Total / 1_000_000.0:F1} MB allocated as a build runs it, {reading.Total / 1_000_000.0:F1} MB as the IDE does (no page rendered)"));
        Console.WriteLine("  MB (build)  MB (IDE)  type (sampled by allocation ticks, about every 100 KB)");
        foreach (var (type, bytes) in building.BytesByType.OrderByDescending(p => p.Value).Take(top))
        {
            var ide = reading.BytesByType.TryGetValue(type, out var b) ? b : 0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {bytes / 1_000_000.0,9:F1}  {ide / 1_000_000.0,8:F1}  {type}"));
        }
    }

    private static (long Total, IReadOnlyDictionary<string, long> BytesByType) Sample(int runbooks, bool asTheIdeRuns)
    {
        var declared = CorpusCompilation.Create(runbooks);
        // What a compile does anyway before generators run is not the generator's: the declaration table and the
        // namespace and type symbols it binds when it asks for attributes. Forcing them here leaves the generator's own work.
        _ = declared.GetDeclarationDiagnostics();
        using var listener = new AllocationTickListener();
        var total = AllocatedBytes.GeneratorRun(declared, asTheIdeRuns);
        listener.Stop();
        return (total, listener.BytesByType);
    }

    /// <summary>Sums the runtime's GC allocation ticks by the type named in each.</summary>
    private sealed class AllocationTickListener : EventListener
    {
        private const int AllocationTickEventId = 10;
        private volatile bool stopped;

        public ConcurrentDictionary<string, long> BytesByType { get; } = new(StringComparer.Ordinal);

        public void Stop() => stopped = true;

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1 /* GC */);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (stopped || eventData.EventId != AllocationTickEventId || eventData.Payload is null) return;
            var type = eventData.PayloadNames!.IndexOf("TypeName") is var t and >= 0 ? eventData.Payload[t] as string ?? "?" : "?";
            var amount = eventData.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(eventData.Payload[a], CultureInfo.InvariantCulture) : 0;
            BytesByType.AddOrUpdate(type, amount, (_, sum) => sum + amount);
        }
    }
}
