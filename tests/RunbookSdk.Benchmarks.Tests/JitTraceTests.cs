using System.Diagnostics;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace RunbookSdk.Benchmarks.Tests;

/// <summary>
/// `jit` reads what the runtime's JIT compiled from a real process's EventPipe trace, says whose code each method is,
/// and pairs a build with RunbookSdk against one without it by the methods only the first compiled.
/// </summary>
public class JitTraceTests
{
    [Fact]
    public void A_real_processs_trace_holds_the_methods_its_JIT_compiled_at_tier_0_with_their_owner()
    {
        var traces = Directory.CreateTempSubdirectory("runbook-jit-test-");
        try
        {
            // The benchmarks themselves, asked to pool no files: a short run that calls PooledRounds.Print, which only
            // the JIT can have compiled (nothing here is precompiled).
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(typeof(PooledRounds).Assembly.Location);
            start.ArgumentList.Add("pool");
            foreach (var (name, value) in JitTrace.Environment(traces.FullName)) start.Environment[name] = value;
            using (var process = Process.Start(start)!)
            {
                process.StandardOutput.ReadToEnd();
                process.StandardError.ReadToEnd();
                process.WaitForExit();
                Assert.Equal(2, process.ExitCode); // "no files to pool"
            }

            var events = JitTrace.Read(Assert.Single(traces.GetFiles("*.nettrace")).FullName);

            var print = Assert.Single(events, e => e.Method.StartsWith("RunbookSdk.Benchmarks.PooledRounds::Print", StringComparison.Ordinal));
            Assert.Equal(JitTrace.Ours, print.Owner);
            Assert.Equal(OptimizationTier.QuickJitted, print.Tier);
            Assert.True(print.Milliseconds > 0);
            Assert.Contains(events, e => e.Owner == "the framework");
        }
        finally
        {
            traces.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("RunbookSdk.Generators.Reading.RunbookReader", JitTrace.Ours)]
    [InlineData("Microsoft.CodeAnalysis.NodeStateTable`1[RunbookSdk.Generators.Model.RunbookModel]", JitTrace.Ours)]
    [InlineData("System.Collections.Generic.Dictionary`2[System.String,RunbookSdk.Analyzers.Dsl.TypeFacts]", JitTrace.Ours)]
    [InlineData("Scriban.Syntax.ScriptBinaryExpression", "Scriban")]
    [InlineData("Microsoft.CodeAnalysis.CSharp.Binder", "the compiler")]
    [InlineData("Roslyn.Utilities.GeneratedCodeUtilities", "the compiler")]
    [InlineData("System.Collections.Immutable.ImmutableArray`1+Builder[System.__Canon]", "the framework")]
    [InlineData("Microsoft.Build.Tasks.Csc", "other")]
    public void A_generic_instantiated_over_our_types_is_our_code_the_rest_by_namespace(string type, string owner) =>
        Assert.Equal(owner, JitTrace.OwnerOf(type));

    [Fact]
    public void Only_the_compilers_and_frameworks_methods_the_bare_build_never_compiled_at_any_tier_count_as_made_hot_by_us()
    {
        JitEvent Compiled(string method, string owner, OptimizationTier tier, double ms = 1) => new(method, owner, tier, ms, Thread: 1);
        var without = new[]
        {
            Compiled("Binder::BindA", "the compiler", OptimizationTier.OptimizedTier1),
        };
        var withUs = new[]
        {
            // Compiled in the bare build too, at another tier: not ours to answer for.
            Compiled("Binder::BindA", "the compiler", OptimizationTier.OptimizedTier1Instrumented),
            Compiled("Binder::BindB", "the compiler", OptimizationTier.OptimizedTier1Instrumented, 3),
            Compiled("List::Sort", "the framework", OptimizationTier.QuickJitted, 2),
            // Our own code and Scriban's are counted as such, not as code we made hot.
            Compiled("RunbookReader::Read", JitTrace.Ours, OptimizationTier.QuickJitted),
            Compiled("Template::Render", "Scriban", OptimizationTier.QuickJitted),
        };

        var onlyWithUs = JitComparison.TheirsOnlyWithUs(withUs, without);

        Assert.Equal(["Binder::BindB", "List::Sort"], onlyWithUs.Select(e => e.Method));
        var byTier = JitComparison.ByTier(onlyWithUs).ToDictionary(row => row.Tier, row => row.Work);
        Assert.Equal(new JitWork(1, 3), byTier["tier 1, instrumented (hot precompiled code, for PGO)"]);
        Assert.Equal(new JitWork(1, 2), byTier["tier 0 (first calls, unoptimised)"]);
        Assert.Equal(new JitWork(0, 0), byTier[JitComparison.OtherTiers]);
        Assert.Equal(JitComparison.TierNames, byTier.Keys);
    }
}
