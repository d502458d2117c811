using System.Diagnostics;
using System.IO.Compression;
using RunbookSdk.Generators.Docs;
using RunbookSdk.Generators.Emitting;
using RunbookSdk.Generators.Model;

namespace RunbookSdk.Benchmarks;

/// <summary>
/// What embedding the pages costs a build, in its three places: the generator renders them (its serial run), the
/// generator driver parses the parts that carry them (also the serial run), and the compile binds and emits them
/// (and embeds them in the PDB). Each is measured against the same parts with an empty page; the compile also with
/// the pages deflated and base64-encoded, the obvious alternative. In-process, so it isolates what the build run
/// (`build`) can only see through ±5 % of noise.
/// </summary>
internal static class PageCostReport
{
    public static void Print(int runbooks, int rounds)
    {
        var corpus = CorpusCompilation.Create(runbooks);
        var run = CorpusCompilation.EnsureGenerated(CorpusCompilation.Driver(track: true).RunGenerators(corpus), corpus).GetRunResult();
        var steps = run.Results.Single().TrackedSteps;
        var models = steps["RunbookResults"].SelectMany(s => s.Outputs).Select(o => o.Value)
            .OfType<Result<RunbookModel>>().Select(r => r.Model).OfType<RunbookModel>().ToList();
        var handbook = steps["Handbooks"].SelectMany(s => s.Outputs).Select(o => o.Value).OfType<EquatableArray<HandbookModel>>().Single()[0];
        // The catalog and the handbook's part are the same in every configuration.
        var otherParts = run.GeneratedTrees.Where(t => !t.FilePath.EndsWith(".Runbook.g.cs", StringComparison.Ordinal))
            .Select(t => (Name: Path.GetFileName(t.FilePath), Text: t.GetText().ToString())).ToList();

        Console.WriteLine($"corpus: {runbooks} runbooks; pages as the generator renders them, GC {(System.Runtime.GCSettings.IsServerGC ? "server (as the compiler)" : "workstation")}");
        var pages = RenderPages(models, handbook, rounds);

        List<string> packed = [];
        var deflating = Measure(() => packed = pages.Select(Pack).ToList());
        Console.WriteLine($"deflating the pages (base64 of deflate, CompressionLevel.Fastest): {deflating.Milliseconds:F0} ms");
        Console.WriteLine($"  {pages.Sum(p => (long)p.Length) / 1e6:F2} M characters of pages, deflated {packed.Sum(p => (long)p.Length) / 1e6:F2} M");

        List<(string Name, string Text)> Parts(Func<int, string> page) =>
            models.Select((m, i) => (m.Type.FileName + ".Runbook.g.cs", RunbookEmitter.Emit(m, handbook.Id, page(i), embedOutline: false))).Concat(otherParts).ToList();
        var configurations = new (string Name, List<(string Name, string Text)>? Parts)[]
        {
            ("the corpus alone", null),
            ("+ the parts, pages as embedded", Parts(i => pages[i])),
            ("+ the parts, pages deflated", Parts(i => packed[i])),
            ("+ the parts, empty pages", Parts(_ => "")),
        };

        foreach (var (name, parts) in configurations.Skip(1).Where(c => c.Name != "+ the parts, pages deflated"))
        {
            var figures = Enumerable.Range(0, rounds + 1).Select(_ => Measure(() => parts!.Select(p => CorpusCompilation.Parse(p.Text, p.Name)).ToList())).ToList();
            figures.RemoveAt(0); // warm-up
            Console.WriteLine($"parsing {name[2..]} (the driver parses what a generator adds): {BuildReport.Median(figures.Select(f => f.Milliseconds)):F0} ms (best {figures.Min(f => f.Milliseconds):F0}), {figures[^1].Megabytes:F1} MB");
        }

        // Compile and emit with a portable PDB embedding the parts, as a build embeds generated sources; the
        // configurations shuffled per round (fixed seed) so that none always follows the same one.
        var cpu = configurations.ToDictionary(c => c.Name, _ => new List<double>());
        var allocated = configurations.ToDictionary(c => c.Name, _ => 0.0);
        var random = new Random(7);
        // Round -1 warms up (JIT, the compiler's caches) and is not counted.
        for (var round = -1; round < rounds; round++)
        {
            foreach (var (name, parts) in configurations.OrderBy(_ => random.Next()))
            {
                var compilation = CorpusCompilation.Create(runbooks);
                var trees = parts?.Select(p => CorpusCompilation.Parse(p.Text, "generated/" + p.Name)).ToList() ?? [];
                var figures = Measure(() => CorpusCompilation.Emit(compilation.AddSyntaxTrees(trees), trees));
                if (round < 0) continue;
                cpu[name].Add(figures.CpuSeconds);
                allocated[name] = figures.Megabytes;
            }
        }

        var baseline = BuildReport.Median(cpu[configurations[0].Name]);
        Console.WriteLine($"compile and emit (process CPU, median of {rounds}, shuffled rounds):");
        foreach (var (name, _) in configurations)
        {
            var median = BuildReport.Median(cpu[name]);
            Console.WriteLine($"  {name,-32} {median:F2} s{(name == configurations[0].Name ? "" : $" ({median - baseline:+0.00;-0.00} s)")}, fastest {cpu[name].Min():F2} s, {allocated[name]:F0} MB allocated");
        }
    }

    /// <summary>Each page as the generator makes it — view, render, part — keeping only the parts, as the driver does.</summary>
    private static List<string> RenderPages(List<RunbookModel> models, HandbookModel handbook, int rounds)
    {
        List<string> pages = [];
        var figures = Enumerable.Range(0, rounds + 1).Select(_ => Measure(() =>
        {
            pages = new List<string>(models.Count);
            var parts = new List<string>(models.Count);
            foreach (var model in models)
            {
                var page = TemplateSet.Render(TemplateSet.Default.Runbook, DocumentViews.Runbook(model, handbook));
                pages.Add(page);
                parts.Add(RunbookEmitter.Emit(model, handbook.Id, page, embedOutline: false));
            }
        })).Skip(1).ToList(); // the first warms up
        Console.WriteLine($"rendering the pages into their parts: {BuildReport.Median(figures.Select(f => f.Milliseconds)):F0} ms (best {figures.Min(f => f.Milliseconds):F0}), {figures[^1].Megabytes:F1} MB, median of {rounds}");
        return pages;
    }

    /// <summary>Wall time, the process's CPU time and bytes allocated by <paramref name="work"/>, after a full collection.</summary>
    private static (double Milliseconds, double CpuSeconds, double Megabytes) Measure(Action work)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        work();
        var milliseconds = watch.Elapsed.TotalMilliseconds;
        process.Refresh();
        return (milliseconds, (process.TotalProcessorTime - cpuBefore).TotalSeconds, (GC.GetTotalAllocatedBytes(precise: true) - before) / 1e6);
    }

    private static string Pack(string page)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(page);
        using var output = new MemoryStream();
        using (var deflate = new DeflateStream(output, CompressionLevel.Fastest)) deflate.Write(bytes, 0, bytes.Length);
        return Convert.ToBase64String(output.ToArray());
    }
}
