using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace RunbookSdk.Benchmarks;

/// <summary>Methods the JIT compiled and the time it took, of one part of a trace.</summary>
internal readonly record struct JitWork(int Methods, double Milliseconds)
{
    public static JitWork Of(IEnumerable<JitEvent> events)
    {
        var (methods, milliseconds) = (0, 0.0);
        foreach (var e in events) (methods, milliseconds) = (methods + 1, milliseconds + e.Milliseconds);
        return new JitWork(methods, milliseconds);
    }
}

/// <summary>
/// What the JIT did in a build with RunbookSdk against the same build without it, from the compiler server's two
/// traces: by tier, by whose code, and the compiler's own methods that only the build with RunbookSdk compiled.
/// </summary>
internal static class JitComparison
{
    /// <summary>The tiers a report shows, in the order a method climbs them, with what each one is.</summary>
    public static readonly (OptimizationTier Tier, string Name)[] Tiers =
    [
        (OptimizationTier.QuickJitted, "tier 0 (first calls, unoptimised)"),
        (OptimizationTier.QuickJittedInstrumented, "tier 0, instrumented (hot, for PGO)"),
        (OptimizationTier.OptimizedTier1Instrumented, "tier 1, instrumented (hot precompiled code, for PGO)"),
        (OptimizationTier.OptimizedTier1, "tier 1 (hot, optimised)"),
        (OptimizationTier.OptimizedTier1OSR, "on-stack replacement (hot loops)"),
        (OptimizationTier.Optimized, "optimised at once"),
    ];

    /// <summary>The row for every tier not in <see cref="Tiers"/>.</summary>
    public const string OtherTiers = "other";

    /// <summary>The rows of <see cref="ByTier"/>, in its order.</summary>
    public static IEnumerable<string> TierNames => Tiers.Select(tier => tier.Name).Append(OtherTiers);

    /// <summary>The JIT's work at each tier of <see cref="Tiers"/>, and at any other.</summary>
    public static IEnumerable<(string Tier, JitWork Work)> ByTier(IReadOnlyCollection<JitEvent> events) =>
        Tiers.Select(tier => (tier.Name, JitWork.Of(events.Where(e => e.Tier == tier.Tier))))
            .Append((OtherTiers, JitWork.Of(events.Where(e => !Tiers.Any(tier => tier.Tier == e.Tier)))));

    /// <summary>The JIT's work per owner (<see cref="JitTrace.OwnerOf"/>), most first.</summary>
    public static IEnumerable<(string Owner, JitWork Work)> ByOwner(IReadOnlyCollection<JitEvent> events) =>
        events.GroupBy(e => e.Owner).Select(group => (group.Key, JitWork.Of(group))).OrderByDescending(owner => owner.Item2.Milliseconds);

    /// <summary>
    /// The compiler's and the framework's methods that the build with RunbookSdk compiled and the build without it
    /// never compiled at any tier: code our calls made hot enough to be compiled again (the compiler's own code is
    /// precompiled, so its methods reach the JIT only when hot or generic over a type it was not precompiled for).
    /// </summary>
    public static List<JitEvent> TheirsOnlyWithUs(IReadOnlyCollection<JitEvent> withUs, IReadOnlyCollection<JitEvent> without)
    {
        var compiledWithout = without.Select(e => e.Method).ToHashSet(StringComparer.Ordinal);
        return withUs.Where(e => e.Owner is "the compiler" or "the framework" && !compiledWithout.Contains(e.Method)).ToList();
    }
}
