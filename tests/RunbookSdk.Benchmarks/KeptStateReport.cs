using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RunbookSdk.Benchmarks;

/// <summary>
/// What the compiler server holds for one project between builds when the package keeps the generator's state
/// (<c>enable-generator-cache</c>): the project's last generator driver, kept until the server stops or its cache
/// of drivers (the 100 projects built last, in SDK 10.0.401's VBCSCompiler) drops it. Measured as the managed heap with that driver alive
/// minus the heap after it is let go, after full blocking collections, with every compilation let go in both: what
/// the driver alone keeps alive. A driver of a generator that registers nothing gives the floor any kept driver
/// pays; the corpus's parsed files alone, the part of the figure that is the project's own source.
/// </summary>
internal static class KeptStateReport
{
    public static void Print(int runbooks, int builds)
    {
        // Warm-up: JIT and the generator's static caches (templates), which no single project's driver holds.
        Retained(() => KeptDriver(20, new RunbookSdk.Generators.RunbookGenerator(), builds: 2));

        Console.WriteLine($"corpus: {runbooks} runbooks; the managed heap a kept generator driver holds after {builds} builds through it (each parses every file again; every build after the first edits one runbook):");
        var ours = Retained(() => KeptDriver(runbooks, new RunbookSdk.Generators.RunbookGenerator(), builds));
        Console.WriteLine($"  RunbookSdk generator's driver:                 {Megabytes(ours)}");
        // The generator instance is part of the driver: its models, and the trees they were read from.
        var instance = Retained(() =>
        {
            var generator = new RunbookSdk.Generators.RunbookGenerator();
            KeptDriver(runbooks, generator, builds);
            return generator;
        });
        Console.WriteLine($"    of which the generator instance's own state:  {Megabytes(instance)}");
        // A referenced project rebuilt before each build: other metadata, so every runbook is read again.
        var newMetadata = Retained(() => KeptDriver(runbooks, new RunbookSdk.Generators.RunbookGenerator(), builds, newMetadataEachBuild: true));
        Console.WriteLine($"  the same, each build against new metadata:     {Megabytes(newMetadata)}");
        // A runbook's file deleted before each build after the first: its runbook is never looked up again.
        var deleted = Retained(() => KeptDriver(runbooks, new RunbookSdk.Generators.RunbookGenerator(), builds, deleteARunbookEachBuild: true));
        Console.WriteLine($"  the same, a runbook's file deleted each build: {Megabytes(deleted)}");
        var noOp = Retained(() => KeptDriver(runbooks, new NoOpGenerator(), builds));
        Console.WriteLine($"  driver of a generator that registers nothing:  {Megabytes(noOp)}");
        var parsed = Retained(() => CorpusCompilation.Create(runbooks).SyntaxTrees.ToList());
        Console.WriteLine($"  for scale, the corpus's {runbooks + 2} files parsed:        {Megabytes(parsed)}");
        var walked = Retained(() =>
        {
            var trees = CorpusCompilation.Create(runbooks).SyntaxTrees.ToList();
            foreach (var tree in trees) tree.GetRoot().DescendantNodes().Count();
            return trees;
        });
        Console.WriteLine($"  and the same with every syntax node visited:   {Megabytes(walked)}");
    }

    /// <summary>
    /// <paramref name="builds"/> builds of the corpus through one driver, as the server runs them: each parses every
    /// file (edited one runbook after the first), runs the generators and compiles the result, which binds every
    /// file. Only the driver is returned. With <paramref name="newMetadataEachBuild"/>, each build references
    /// assemblies read anew, as after a referenced project was rebuilt; with <paramref name="deleteARunbookEachBuild"/>,
    /// each build after the first has one runbook file fewer.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static GeneratorDriver KeptDriver(int runbooks, IIncrementalGenerator generator, int builds, bool newMetadataEachBuild = false, bool deleteARunbookEachBuild = false)
    {
        // One set of references for every build: the server reads each referenced assembly once and shares its
        // metadata, until a referenced assembly changes.
        var references = CorpusCompilation.References();
        GeneratorDriver driver = CSharpGeneratorDriver.Create([generator.AsSourceGenerator()], parseOptions: new CSharpParseOptions(LanguageVersion.Latest));
        for (var build = 0; build < builds; build++)
        {
            Compilation parsed = CorpusCompilation.Create(runbooks, newMetadataEachBuild ? CorpusCompilation.References() : references);
            if (build > 0) parsed = CorpusCompilation.ReplaceText(parsed, $"Runbook{build}.cs", t => t + "\n");
            for (var deleted = runbooks - 1; deleteARunbookEachBuild && deleted > runbooks - 1 - build; deleted--)
                parsed = parsed.RemoveSyntaxTrees(parsed.SyntaxTrees.Single(t => t.FilePath == $"Runbook{deleted}.cs"));
            driver = driver.RunGeneratorsAndUpdateCompilation(parsed, out var compiled, out _);
            if (generator is RunbookSdk.Generators.RunbookGenerator) CorpusCompilation.EnsureGenerated(driver, parsed);
            CorpusCompilation.Emit(compiled);
        }

        return driver;
    }

    /// <summary>The heap that what <paramref name="keep"/> returns holds alive, and nothing else.</summary>
    private static long Retained(Func<object> keep)
    {
        var held = new object?[1];
        Hold(held, keep);
        var with = Heap();
        held[0] = null;
        var without = Heap();
        return with - without;
    }

    // Not inlined, so that no local of the caller's frame still refers to what was kept once it is let go.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Hold(object?[] held, Func<object> keep) => held[0] = keep();

    private static long Heap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static string Megabytes(long bytes) => $"{bytes / 1_000_000.0,7:F1} MB";

    /// <summary>A generator that registers nothing: what any driver the server keeps holds.</summary>
    private sealed class NoOpGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
        }
    }
}
