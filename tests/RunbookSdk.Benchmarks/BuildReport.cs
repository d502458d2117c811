using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace RunbookSdk.Benchmarks;

/// <summary>
/// What users feel: the corpus written to disk as a project and compiled by the real compiler through
/// <c>dotnet build</c>, with and without the generator and analyzers. In-process measurements cannot show this:
/// <c>CompilationWithAnalyzers</c> binds the whole compilation to feed the analyzers, where a real build shares
/// that work with the compile. Reported figure: the <c>Csc</c> task's time from MSBuild's performance summary,
/// the median of several runs per configuration, configurations shuffled within each round so drift and the build
/// before hit them alike, and each one's ratio to the baseline of its own round (paired). The
/// generator's cost includes compiling the code it generates. On Linux it also reports the CPU time the compiler
/// server spent on each build, which wanders far less than wall time on a shared VM (same work, same CPU) and shows
/// work that runs beside the compile on another core.
/// </summary>
/// <remarks>
/// <c>build-split</c> measures what the generator's share is made of instead: its own run, and compiling what it
/// generated, its output from one build compiled as ordinary sources without it (<see cref="SaveGeneratedSources"/>).
/// The generator and analyzers reach the compile as <c>Analyzer</c> items naming their built assemblies, which is
/// how the package delivers them (analyzers/dotnet/cs), not as project references: a project reference makes
/// MSBuild resolve that project in every build, and that cost a generator that does nothing +5 % of wall time and
/// no compiler CPU in an interleaved run of 8 — a cost no package user pays, which this report used to charge to
/// the generator.
/// </remarks>
internal static partial class BuildReport
{
    internal sealed record Configuration(
        string Name, bool Generator, bool Analyzers, bool SdkAnalyzers = true, string? Repository = null, bool NoOpGenerator = false, bool GeneratedSources = false,
        bool GeneratorCache = true, bool GeneratorCacheAlone = false);

    // The baseline is what the project costs without RunbookSdk: the compile plus the analyzers every .NET project
    // runs by default (RunAnalyzers=true).
    /// <summary>The baseline's line in a report, which <see cref="PooledRounds"/> pairs every other line's rounds with.</summary>
    internal const string BaselineName = "compile (baseline: .NET SDK defaults)";

    internal static readonly Configuration s_baseline = new(BaselineName, Generator: false, Analyzers: false);
    private static readonly Configuration s_withoutAnalyzers = new("compile, RunAnalyzers=false", Generator: false, Analyzers: false, SdkAnalyzers: false);

    // The first line, with no analyzers at all, is context.
    private static readonly Configuration[] s_configurations =
    [
        s_withoutAnalyzers,
        s_baseline,
        // What any source generator costs this build: one that registers nothing (context for the budget).
        new("+ a generator that does nothing", Generator: false, Analyzers: false, NoOpGenerator: true),
        new("+ RunbookSdk generator", Generator: true, Analyzers: false),
        new("+ RunbookSdk analyzers", Generator: false, Analyzers: true),
        new("+ RunbookSdk generator and analyzers", Generator: true, Analyzers: true),
        // What the package's build targets turn on (enable-generator-cache) is worth: the same without it, as a build
        // with RunbookSdkGeneratorCache=false or a CI job's first build pays; and the flag alone, which also keeps the
        // .NET SDK's own generators (regex, logging, interop) from build to build.
        new("+ both, RunbookSdkGeneratorCache=false", Generator: true, Analyzers: true, GeneratorCache: false),
        new("compile, enable-generator-cache alone", Generator: false, Analyzers: false, GeneratorCacheAlone: true),
    ];

    // What the generator's share is made of: its own run (generator minus its output) and compiling what it
    // generated (its output, saved from a build, compiled as ordinary sources without the generator), with the
    // analyzers every project runs and without them, each pair against its own compile.
    private static readonly Configuration[] s_split =
    [
        s_baseline,
        new("+ the generator's output, as sources", Generator: false, Analyzers: false, GeneratedSources: true),
        new("+ RunbookSdk generator", Generator: true, Analyzers: false),
        s_withoutAnalyzers,
        new("+ its output, as sources, RunAnalyzers=false", Generator: false, Analyzers: false, SdkAnalyzers: false, GeneratedSources: true),
        new("+ RunbookSdk generator, RunAnalyzers=false", Generator: true, Analyzers: false, SdkAnalyzers: false),
    ];

    // A CI job's build: the compiler server and MSBuild's nodes start with the build (cold JIT, no cached metadata).
    // Each such build takes several times as long as a warm one, so only the lines the budget is about.
    private static readonly Configuration[] s_cold =
    [
        s_baseline,
        new("+ RunbookSdk generator", Generator: true, Analyzers: false),
        new("+ RunbookSdk generator and analyzers", Generator: true, Analyzers: true),
    ];

    /// <param name="runbooks">Runbooks in the corpus.</param>
    /// <param name="repetitions">Timed builds per configuration.</param>
    /// <param name="split">Split the generator's share into its own run and compiling its output.</param>
    /// <param name="cold">Stop the build servers before every build, as a CI job's first build finds them.</param>
    public static int Print(int runbooks, int repetitions, bool split = false, bool cold = false)
    {
        var repository = FindRepository();
        // RUNBOOK_SDK_COMPARE_WITH=/path/to/other/checkout measures that checkout's generator and analyzers in the
        // same run, interleaved with this one's: a change smaller than the drift between runs shows only this way.
        var other = Environment.GetEnvironmentVariable("RUNBOOK_SDK_COMPARE_WITH") is { Length: > 0 } path ? Path.GetFullPath(path) : null;
        if (other is not null && split)
            Console.WriteLine("RUNBOOK_SDK_COMPARE_WITH is not used by build-split: only `build` and `build-cold` interleave another checkout.");
        var otherName = other is null ? null : Path.GetFileName(other.TrimEnd(Path.DirectorySeparatorChar));
        var configurations = split ? s_split
            // A cold build takes half a minute: of the other checkout only what the budget is about, both together.
            : cold ? other is null ? s_cold : [.. s_cold, new("+ both of " + otherName, Generator: true, Analyzers: true, Repository: other)]
            : other is null
            ? s_configurations
            : [.. s_configurations.Skip(1), // the context line (no analyzers at all) left out: the run is long enough
                new("+ generator of " + otherName, Generator: true, Analyzers: false, Repository: other),
                new("+ analyzers of " + otherName, Generator: false, Analyzers: true, Repository: other),
                new("+ both of " + otherName, Generator: true, Analyzers: true, Repository: other),
                new("+ both of " + otherName + ", cache=false", Generator: true, Analyzers: true, GeneratorCache: false, Repository: other)];
        var directory = CorpusDirectory(repository, runbooks);
        WriteProject(directory, repository, runbooks);
        Console.WriteLine($"corpus: {runbooks} runbooks in {directory}");

        // Build the SDK, its analyzer assemblies and the no-op generator once; every timed build after this compiles
        // only the corpus.
        foreach (var tools in new[] { repository, other }.OfType<string>().Distinct()) WriteToolsProps(directory, tools);
        Run(directory, "build", Path.Combine("NoOpGenerator", "NoOpGenerator.csproj"), "-c", "Release", "-nologo", "-v:q");
        Run(directory, "build", "-c", "Release", "-nologo", "-v:q");
        if (split) SaveGeneratedSources(directory, repository);

        // Per configuration, each round's figure by round number: a build's ratio to the baseline of its own round
        // cancels drift that is slower than a round.
        var times = configurations.ToDictionary(c => c, _ => new SortedDictionary<int, double>());
        var cpuTimes = configurations.ToDictionary(c => c, _ => new SortedDictionary<int, double>());
        // In a fixed order every configuration would follow the same one in every round, and whatever a build leaves
        // behind for the next (the compiler server's heap, caches) would favour or burden the same configuration
        // each time. Shuffled each round instead, with a fixed seed so that runs compare.
        var shuffle = new Random(9);
        // Cold builds need no warm-up round: there is nothing for it to warm.
        for (var round = cold ? 1 : 0; round <= repetitions; round++)
        {
            foreach (var configuration in configurations.OrderBy(_ => shuffle.Next()).ToList())
            {
                if (cold) Run(directory, "build-server", "shutdown");
                var cpuBefore = CompilerServerCpuMilliseconds();
                var output = Build(directory, repository, configuration, reportAnalyzer: false);
                if (round == 0) continue; // warm-up: JIT of the compiler server and of our assemblies

                times[configuration][round] = CscMilliseconds(output);
                // A server that restarted mid-build has a smaller total: that build is left out of the CPU figures.
                if (CompilerServerCpuMilliseconds() is { } cpuAfter && cpuBefore is { } before && cpuAfter >= before) cpuTimes[configuration][round] = cpuAfter - before;
            }
        }

        // The compiler's own accounting of our code comes from untimed builds: ReportAnalyzer wraps every analyzer
        // callback in a stopwatch, work that no user's build does, so the timed builds above run without it.
        // Generator and analyzers together; the split has no analyzers of ours, so there its generator.
        var both = configurations.FirstOrDefault(c => c.Generator && c.Analyzers && c.Repository is null)
            ?? configurations.First(c => c.Generator && c.SdkAnalyzers && c.Repository is null);
        var analyzerSeconds = new List<double>();
        var generatorSeconds = new List<double>();
        for (var run = 0; run < 3; run++)
        {
            if (cold) Run(directory, "build-server", "shutdown");
            var output = Build(directory, repository, both, reportAnalyzer: true);
            if (both.Analyzers) analyzerSeconds.Add(ReportedSeconds(output, "RunbookSdk.Analyzers"));
            generatorSeconds.Add(ReportedSeconds(output, "RunbookSdk.Generators"));
        }

        var baseline = times[s_baseline];
        var baselineMedian = Median(baseline.Values);
        Console.WriteLine($"Csc task time, median of {repetitions} runs (dotnet build, {(cold ? "build servers stopped before each build" : "compiler server")}, Release); paired: median of each round's ratio to that round's baseline, [the interval that holds its true median, and how surely]:");
        foreach (var configuration in configurations)
        {
            var median = Median(times[configuration].Values);
            Console.WriteLine($"  {configuration.Name,-44} {median,8:F0} ms  ratio {median / baselineMedian:F2}  paired {PairedRatio(times[configuration], baseline):F2} {PairedInterval(times[configuration], baseline)}  (runs: {Runs(times[configuration], repetitions)})");
        }

        // The budget (issue #9): generator and analyzers add under 15 % to the compile. A run's rounds decide it only
        // when the whole interval of the paired ratio lies on one side of the line.
        foreach (var configuration in configurations.Where(c => c.Generator && c.Analyzers && c.Repository is null))
        {
            var interval = MedianInterval.Of(RoundRatios(times[configuration], baseline));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  budget, under 1.15 for {configuration.Name}: {interval.Against(1.15)} (paired ratio's {interval.Confidence:P0} interval {interval.Low:F2}–{interval.High:F2}, {times[configuration].Count} rounds)"));
        }

        if (cpuTimes.Values.All(t => t.Count > 0))
        {
            var cpuBaseline = cpuTimes[s_baseline];
            var cpuBaselineMedian = Median(cpuBaseline.Values);
            Console.WriteLine($"CPU time of the compiler server per build, median of {repetitions} runs:");
            foreach (var configuration in configurations)
            {
                var median = Median(cpuTimes[configuration].Values);
                Console.WriteLine($"  {configuration.Name,-44} {median,8:F0} ms  {(median - cpuBaselineMedian).ToString("+0;-0;0", CultureInfo.InvariantCulture),6} ms ({(median / cpuBaselineMedian - 1).ToString("+0.0%;-0.0%;0.0%", CultureInfo.InvariantCulture),6})  paired {(PairedRatio(cpuTimes[configuration], cpuBaseline) - 1).ToString("+0.0%;-0.0%;0.0%", CultureInfo.InvariantCulture),6} {PairedInterval(cpuTimes[configuration], cpuBaseline, asChange: true)}  (runs: {Runs(cpuTimes[configuration], repetitions)})");
            }
        }

        if (split) PrintSplit(configurations, times, cpuTimes);
        Console.WriteLine($"  compiler-reported time of RunbookSdk's own code with {(both.Analyzers ? "both" : "the generator")} (ReportAnalyzer, 3 untimed builds): generator {Median(generatorSeconds):F2} s{(both.Analyzers ? $", analyzers {Median(analyzerSeconds):F2} s summed over threads" : "")}");
        return 0;
    }

    /// <summary>
    /// The generator's share in two parts, paired per round against the compile with the same analyzers: compiling
    /// its output (the output as sources over the compile) and its own run (the generator over its output).
    /// </summary>
    private static void PrintSplit(Configuration[] configurations, Dictionary<Configuration, SortedDictionary<int, double>> times, Dictionary<Configuration, SortedDictionary<int, double>> cpuTimes)
    {
        Console.WriteLine("The generator's share, paired per round (wall / server CPU):");
        foreach (var compile in new[] { s_baseline, s_withoutAnalyzers })
        {
            var sources = configurations.Single(c => c.GeneratedSources && c.SdkAnalyzers == compile.SdkAnalyzers);
            var generator = configurations.Single(c => c.Generator && c.SdkAnalyzers == compile.SdkAnalyzers);
            string Share(Dictionary<Configuration, SortedDictionary<int, double>> figures)
            {
                if (figures[compile].Count == 0) return "n/a";
                var output = PairedRatio(figures[sources], figures[compile]);
                var all = PairedRatio(figures[generator], figures[compile]);
                return string.Create(CultureInfo.InvariantCulture, $"compiling its output {output - 1:+0.0%;-0.0%}, its own run {all - output:+0.0%;-0.0%}");
            }

            Console.WriteLine($"  {(compile.SdkAnalyzers ? "with the SDK's analyzers" : "RunAnalyzers=false"),-26} wall: {Share(times)}; CPU: {Share(cpuTimes)}");
        }
    }

    /// <summary>
    /// Builds the corpus once with the generator and keeps what it generated in GeneratedSources/, which the
    /// configurations with <see cref="Configuration.GeneratedSources"/> compile as ordinary sources.
    /// </summary>
    private static void SaveGeneratedSources(string directory, string repository)
    {
        var saved = Path.Combine(directory, "GeneratedSources");
        if (Directory.Exists(saved)) Directory.Delete(saved, recursive: true);
        File.AppendAllText(Path.Combine(directory, "Unrelated.cs"), "\n"); // the compile is up to date otherwise
        Run(directory, "build", "-c", "Release", "-nologo", "-v:q", "--no-restore", "-p:WithGenerator=true", "-p:EmitCompilerGeneratedFiles=true",
            $"-p:CompilerGeneratedFilesOutputPath={saved}", $"-p:RunbookSdkTools={ToolsProps(directory, repository)}");
        // Only ours: another generator's output (none in this corpus) is still generated in every configuration.
        foreach (var other in Directory.GetDirectories(saved).Where(d => Path.GetFileName(d) != "RunbookSdk.Generators")) Directory.Delete(other, recursive: true);
        var files = Directory.GetFiles(saved, "*.cs", SearchOption.AllDirectories);
        if (files.Length == 0) throw new InvalidOperationException($"The generator wrote nothing to {saved}.");
        Console.WriteLine($"generator's output: {files.Length} files, {files.Sum(f => new FileInfo(f).Length) / 1000:N0} KB, compiled as sources in the split");
    }

    /// <summary>Where a checkout's corpus of <paramref name="runbooks"/> is written: one per size and checkout, reused by every report.</summary>
    internal static string CorpusDirectory(string repository, int runbooks) =>
        Path.Combine(Path.GetTempPath(), $"runbook-corpus-{runbooks}-{Path.GetFileName(repository.TrimEnd(Path.DirectorySeparatorChar))}");

    internal static void WriteProject(string directory, string repository, int runbooks)
    {
        SyntheticCorpus.WriteTo(directory, runbooks);
        File.WriteAllText(Path.Combine(directory, "Corpus.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <Compile Remove="NoOpGenerator/**" />
                <Compile Remove="GeneratedSources/**" Condition="'$(WithGeneratedSources)' != 'true'" />
                <ProjectReference Include="{repository}/src/RunbookSdk/RunbookSdk.csproj" />
                <Analyzer Include="NoOpGenerator/bin/Release/netstandard2.0/NoOpGenerator.dll" Condition="'$(WithNoOpGenerator)' == 'true'" />
              </ItemGroup>
              <!-- RunbookSdk's generator and analyzers of one checkout (see WriteToolsProps), chosen per build. -->
              <Import Project="$(RunbookSdkTools)" Condition="'$(RunbookSdkTools)' != ''" />
            </Project>
            """);
        WriteNoOpGenerator(Path.Combine(directory, "NoOpGenerator"), repository);
        File.WriteAllText(Path.Combine(directory, "Unrelated.cs"), "internal static class Unrelated { }\n");
    }

    /// <summary>
    /// Builds a checkout's SDK and writes a props file named after the checkout into the corpus: its generator and
    /// analyzers as <c>Analyzer</c> items, the same assemblies its package carries in analyzers/dotnet/cs (each
    /// project's <c>GetTargetPath</c>, as the package's pack target collects them: the generator with Scriban beside
    /// it, the analyzers, the code fixes), switched by <c>WithGenerator</c> and <c>WithAnalyzers</c>, and with them the
    /// package's build targets (build/RunbookSdk.targets), which NuGet imports into every project that references it.
    /// </summary>
    internal static void WriteToolsProps(string directory, string checkout)
    {
        Run(directory, "build", Path.Combine(checkout, "src", "RunbookSdk", "RunbookSdk.csproj"), "-c", "Release", "-nologo", "-v:q");
        string Items(string project) => string.Concat(TargetPaths(directory, Path.Combine(checkout, "src", project, project + ".csproj"))
            .Select(path => $"\n    <Analyzer Include=\"{path}\" />"));
        var targets = Path.Combine(checkout, "src", "RunbookSdk", "build", "RunbookSdk.targets");
        File.WriteAllText(ToolsProps(directory, checkout), $"""
            <Project>
              <ItemGroup Condition="'$(WithGenerator)' == 'true'">{Items("RunbookSdk.Generators")}
              </ItemGroup>
              <ItemGroup Condition="'$(WithAnalyzers)' == 'true'">{Items("RunbookSdk.Analyzers")}{Items("RunbookSdk.CodeFixes")}
              </ItemGroup>
              <Import Project="{targets}" Condition="Exists('{targets}') and ('$(WithGenerator)' == 'true' or '$(WithAnalyzers)' == 'true')" />
            </Project>
            """);
    }

    // Named after the checkout's whole path: two checkouts compared may share their folder's name.
    private static string ToolsProps(string directory, string checkout) =>
        Path.Combine(directory, $"RunbookSdk{checkout.TrimEnd(Path.DirectorySeparatorChar).Replace(Path.DirectorySeparatorChar, '.')}.props");

    /// <summary>The assemblies a project's <c>GetTargetPath</c> returns in Release, asked of MSBuild.</summary>
    private static IEnumerable<string> TargetPaths(string directory, string project)
    {
        using var result = JsonDocument.Parse(Run(directory, "msbuild", project, "-getTargetResult:GetTargetPath", "-p:Configuration=Release", "-nologo"));
        return result.RootElement.GetProperty("TargetResults").GetProperty("GetTargetPath").GetProperty("Items")
            .EnumerateArray().Select(item => item.GetProperty("FullPath").GetString()!).ToList();
    }

    /// <summary>
    /// A source generator that registers nothing, built against the same Roslyn version as ours: what a build pays
    /// for having any generator at all, before it does any work.
    /// </summary>
    private static void WriteNoOpGenerator(string directory, string repository)
    {
        Directory.CreateDirectory(directory);
        var pins = Path.Combine(repository, "Directory.Packages.props");
        var roslyn = Regex.Match(File.ReadAllText(pins), @"Include=""Microsoft\.CodeAnalysis\.CSharp"" Version=""(?<v>[^""]+)""") is { Success: true } pin
            ? pin.Groups["v"].Value
            : throw new InvalidOperationException($"{pins} pins no Microsoft.CodeAnalysis.CSharp version for the no-op generator.");
        File.WriteAllText(Path.Combine(directory, "NoOpGenerator.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>netstandard2.0</TargetFramework>
                <IsRoslynComponent>true</IsRoslynComponent>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.CodeAnalysis.CSharp" Version="{roslyn}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "NoOpGenerator.cs"), """
            using Microsoft.CodeAnalysis;

            [Generator(LanguageNames.CSharp)]
            public sealed class NoOpGenerator : IIncrementalGenerator
            {
                public void Initialize(IncrementalGeneratorInitializationContext context)
                {
                }
            }
            """);
    }

    /// <summary>
    /// One build of the corpus in <paramref name="configuration"/>, after an edit in one runbook, another each build
    /// (a line at its end): what a developer's build after changing a runbook compiles. With the generator's cache
    /// that runbook is read again and the others are not, so the edit is in a runbook rather than an unrelated file,
    /// which would read none.
    /// </summary>
    internal static string Build(string directory, string repository, Configuration configuration, bool reportAnalyzer,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        // The compiler server stays warm between builds.
        var runbooks = Directory.GetFiles(directory, "Runbook*.cs").Length;
        File.AppendAllText(Path.Combine(directory, $"Runbook{s_edits++ % runbooks}.cs"), "\n");
        string[] arguments =
        [
            "build", "-c", "Release", "-nologo", "--no-restore", "--no-dependencies",
            "-v:d", "-clp:PerformanceSummary", "-p:UseSharedCompilation=true", $"-p:ReportAnalyzer={reportAnalyzer}",
            $"-p:WithGenerator={configuration.Generator}", $"-p:WithAnalyzers={configuration.Analyzers}", $"-p:RunAnalyzers={configuration.SdkAnalyzers}",
            $"-p:RunbookSdkTools={ToolsProps(directory, configuration.Repository ?? repository)}", $"-p:WithNoOpGenerator={configuration.NoOpGenerator}",
            $"-p:WithGeneratedSources={configuration.GeneratedSources}", $"-p:RunbookSdkGeneratorCache={configuration.GeneratorCache}",
            // A global property no target can add to: only where the flag alone is measured.
            .. configuration.GeneratorCacheAlone ? ["-p:Features=enable-generator-cache"] : Array.Empty<string>(),
        ];
        var output = Run(directory, environment, arguments);
        // A generator that fails costs next to nothing: the eighteenth session's kept driver failed every runbook of
        // every build after the first (RB0104, options the compiler server cannot compare) and measured as a win.
        // RB0104 is an error now and fails the build, unless a project lowers it; the compiler reports a generator
        // that threw (CS8785) and a rule that threw (AD0001) as warnings and goes on.
        if (FailedWork(output) is { } failure)
            throw new InvalidOperationException($"The generator or a rule failed in a measured build ({configuration.Name}): nothing it measures is real.\n{failure}");
        if (MismatchedAnalyzers(output, configuration) is { } mismatch)
            throw new InvalidOperationException($"A measured build did not compile as its configuration says ({configuration.Name}): {mismatch}");
        return output;
    }

    /// <summary>
    /// What the compiler was handed against what <paramref name="configuration"/> says it measures, or null when they
    /// agree: a property the project file stopped honouring would time two builds of the same thing and report the
    /// SDK as free. Read from the compiler's command line, which a detailed build prints.
    /// </summary>
    internal static string? MismatchedAnalyzers(string buildOutput, Configuration configuration)
    {
        var analyzers = AnalyzerArguments().Matches(buildOutput).Select(m => Path.GetFileName(m.Groups["path"].Value.Trim('"'))).ToHashSet(StringComparer.Ordinal);
        if (analyzers.Count == 0) return "no compiler command line with its analyzers in the build's output";
        foreach (var (assembly, expected) in new[]
        {
            ("RunbookSdk.Generators.dll", configuration.Generator),
            ("RunbookSdk.Analyzers.dll", configuration.Analyzers),
            ("NoOpGenerator.dll", configuration.NoOpGenerator),
        })
        {
            if (analyzers.Contains(assembly) != expected)
                return $"{assembly} {(expected ? "was not" : "was")} among its analyzers ({string.Join(", ", analyzers.Order(StringComparer.Ordinal))})";
        }

        return null;
    }

    [GeneratedRegex(@"/analyzer:(?<path>""[^""]+""|\S+)")]
    private static partial Regex AnalyzerArguments();

    /// <summary>The first line of a build's output that says the generator or a rule failed, or null.</summary>
    internal static string? FailedWork(string buildOutput) =>
        FailureLine().Match(buildOutput) is { Success: true } failure ? failure.Value.Trim() : null;

    [GeneratedRegex(@"[^\n]*(?:warning|error) (RB0104|CS8785|AD0001)\b[^\n]*")]
    private static partial Regex FailureLine();

    private static int s_edits;

    internal static string Run(string directory, params string[] arguments) => Run(directory, null, arguments);

    /// <summary>Runs <c>dotnet</c> to its end, with <paramref name="environment"/> added to its own; throws when it fails.</summary>
    internal static string Run(string directory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed:\n{output}\n{error.Result}");
        return output;
    }

    /// <summary>
    /// User plus system CPU time of the compiler server (VBCSCompiler) so far, from /proc; null where there is no
    /// /proc (the report then shows wall time only).
    /// </summary>
    private static double? CompilerServerCpuMilliseconds()
    {
        if (!Directory.Exists("/proc/self")) return null;
        double total = 0;
        foreach (var process in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (!File.ReadAllText(Path.Combine(process, "cmdline")).Contains("VBCSCompiler", StringComparison.Ordinal)) continue;
                var stat = File.ReadAllText(Path.Combine(process, "stat"));
                // Fields after the command name's closing parenthesis; utime and stime are the 12th and 13th, in clock ticks.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                total += (double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture)) * 1000 / ClockTicksPerSecond;
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return total;
    }

    // USER_HZ: 100 on every Linux architecture .NET runs on.
    private const double ClockTicksPerSecond = 100;

    internal static double CscMilliseconds(string output) =>
        CscLine().Match(output) is { Success: true } match
            ? double.Parse(match.Groups["ms"].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException("No Csc line in the performance summary:\n" + output);

    /// <summary>The assembly's line in the compiler's ReportAnalyzer table: "0.970   95   RunbookSdk.Generators, Version=...".</summary>
    private static double ReportedSeconds(string output, string assembly) =>
        Regex.Match(output, $@"^\s*(?<s>[\d.]+)\s+\S+\s+{Regex.Escape(assembly)}, Version=", RegexOptions.Multiline) is { Success: true } match
            ? double.Parse(match.Groups["s"].Value, CultureInfo.InvariantCulture)
            : double.NaN;

    /// <summary>The median over rounds of a configuration's figure divided by the baseline's in the same round.</summary>
    private static double PairedRatio(SortedDictionary<int, double> figures, SortedDictionary<int, double> baseline) =>
        Median(RoundRatios(figures, baseline));

    /// <summary>Each round's figure of a configuration divided by the baseline's in the same round.</summary>
    private static IEnumerable<double> RoundRatios(SortedDictionary<int, double> figures, SortedDictionary<int, double> baseline) =>
        figures.Where(round => baseline.ContainsKey(round.Key)).Select(round => round.Value / baseline[round.Key]);

    /// <summary>
    /// "[1.05–1.27, 97 %]" (or "[+5.0 %–+27.0 %, 97 %]" as a change): where the paired ratio's true median lies,
    /// whatever the rounds' distribution; nothing for the baseline, whose ratio to itself is 1 in every round.
    /// </summary>
    private static string PairedInterval(SortedDictionary<int, double> figures, SortedDictionary<int, double> baseline, bool asChange = false)
    {
        if (ReferenceEquals(figures, baseline)) return "";
        var interval = MedianInterval.Of(RoundRatios(figures, baseline));
        return asChange
            ? string.Create(CultureInfo.InvariantCulture, $"[{interval.Low - 1:+0.0%;-0.0%;0.0%}–{interval.High - 1:+0.0%;-0.0%;0.0%}, {interval.Confidence:P0}]")
            : string.Create(CultureInfo.InvariantCulture, $"[{interval.Low:F2}–{interval.High:F2}, {interval.Confidence:P0}]");
    }

    /// <summary>The figures in round order, for the eye to judge the spread.</summary>
    private static string Runs(SortedDictionary<int, double> figures, int rounds) =>
        // A round without a figure (a compiler server that restarted mid-build has no CPU figure) is a "-", so that
        // `pool` pairs every figure with its own round's baseline.
        string.Join(", ", Enumerable.Range(1, rounds).Select(round => figures.TryGetValue(round, out var figure) ? figure.ToString("F0", CultureInfo.InvariantCulture) : "-"));

    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0) return double.NaN;
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    internal static string FindRepository()
    {
        // RUNBOOK_SDK_REPOSITORY points at another checkout, e.g. an older commit, to measure it with the same corpus.
        if (Environment.GetEnvironmentVariable("RUNBOOK_SDK_REPOSITORY") is { Length: > 0 } other) return Path.GetFullPath(other);
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RunbookSdk.sln"))) return directory.FullName;
        }

        throw new InvalidOperationException("Run from inside the RunbookSdk repository.");
    }

    [GeneratedRegex(@"^\s*(?<ms>\d+) ms\s+Csc\s+\d+ calls", RegexOptions.Multiline)]
    private static partial Regex CscLine();
}
