using System.Reflection;
using BenchmarkDotNet.Attributes;
using RunbookSdk.Benchmarks;

namespace RunbookSdk.Benchmarks.Tests;

/// <summary>
/// Every BenchmarkDotNet benchmark, run once over a small corpus as its attributes say: parameters set, global set-up,
/// the benchmark, global clean-up. BenchmarkDotNet runs by hand only (a run takes minutes and its times wander on a
/// shared VM), so without this a benchmark that broke (a corpus the DSL no longer compiles, a run the runner refuses,
/// a generator or rule that throws) would be found by the next person who needed its figure. Each benchmark checks
/// that it measured real work (<see cref="CorpusCompilation.EnsureGenerated"/>, <see cref="CorpusCompilation.EnsureNoRuleThrew"/>,
/// the runner's outcome), so running it is the test.
/// </summary>
public sealed class BenchmarkSmokeTests
{
    /// <summary>The runbooks in place of each benchmark's own <c>[Params]</c> (1,000): the code paths are the same.</summary>
    private const int SmallCorpus = 20;

    public static TheoryData<string, string> Benchmarks()
    {
        var data = new TheoryData<string, string>();
        foreach (var type in typeof(CorpusCompilation).Assembly.GetTypes().OrderBy(t => t.Name, StringComparer.Ordinal))
            foreach (var method in type.GetMethods().Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null).OrderBy(m => m.Name, StringComparer.Ordinal))
                data.Add(type.Name, method.Name);
        return data;
    }

    [Fact]
    public void Every_benchmark_class_is_found()
    {
        // The reflection above must not find nothing and pass vacuously.
        var classes = Benchmarks().Select(row => (string)row[0]).Distinct().ToList();
        Assert.Equal(["AnalyzerBenchmarks", "GeneratorBenchmarks", "RunnerBenchmarks"], classes);
    }

    [Theory]
    [MemberData(nameof(Benchmarks))]
    public async Task A_benchmark_runs_and_measures_real_work(string benchmarkClass, string benchmark)
    {
        var type = typeof(CorpusCompilation).Assembly.GetTypes().Single(t => t.Name == benchmarkClass);
        var instance = Activator.CreateInstance(type)!;
        foreach (var parameter in type.GetProperties().Where(p => p.GetCustomAttribute<ParamsAttribute>() is not null))
            parameter.SetValue(instance, SmallCorpus);

        await InvokeAll<GlobalSetupAttribute>(instance);
        try
        {
            await Invoke(instance, type.GetMethod(benchmark)!);
        }
        finally
        {
            await InvokeAll<GlobalCleanupAttribute>(instance);
        }
    }

    private static async Task InvokeAll<TAttribute>(object instance) where TAttribute : Attribute
    {
        foreach (var method in instance.GetType().GetMethods().Where(m => m.GetCustomAttribute<TAttribute>() is not null))
            await Invoke(instance, method);
    }

    /// <summary>Calls <paramref name="method"/>, and awaits it when it returns a task; what it throws is thrown as itself.</summary>
    private static async Task Invoke(object instance, MethodInfo method)
    {
        if (method.Invoke(instance, BindingFlags.DoNotWrapExceptions, binder: null, parameters: null, culture: null) is Task task) await task;
    }
}
