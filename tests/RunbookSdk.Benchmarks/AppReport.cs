using System.Diagnostics;

namespace RunbookSdk.Benchmarks;

/// <summary>
/// What a runbook app of the corpus costs outside the compile: a <c>dotnet build</c> that compiles nothing (the
/// package's docs target), the app's own <c>docs</c> command, and the <c>runbook validate</c> a CI job runs — as the
/// tool ships (tiered PGO off) and with tiered PGO on, alternating round by round.
/// </summary>
internal static class AppReport
{
    private const string Project = "CorpusApp";

    public static int Print(int runbooks, int rounds)
    {
        var repository = BuildReport.FindRepository();
        var directory = Path.Combine(Path.GetTempPath(), $"runbook-app-{runbooks}-{Path.GetFileName(repository.TrimEnd(Path.DirectorySeparatorChar))}");
        WriteApp(directory, repository, runbooks);
        Console.WriteLine($"app: {runbooks} runbooks in {directory}");
        BuildReport.Run(directory, "build", "-c", "Release", "-nologo", "-v:q");
        var cli = Path.Combine(repository, "src", "RunbookSdk.Cli");
        BuildReport.Run(cli, "build", "-c", "Release", "-nologo", "-v:q");
        var tool = Path.Combine(cli, "bin", "Release", "net10.0", "RunbookSdk.Cli.dll");
        var app = Path.Combine(directory, "bin", "Release", "net10.0", Project + ".dll");

        var skipped = BuildReport.Run(directory, "build", "-c", "Release", "-nologo", "-v:n", "--no-restore")
            .Contains("Skipping target \"RunbookSdkWriteDocs\"", StringComparison.Ordinal);
        Console.WriteLine($"a build that compiles nothing skips the docs target: {(skipped ? "yes" : "NO")}");

        var figures = new Dictionary<string, List<double>>();
        for (var round = 0; round < rounds; round++)
        {
            Time(figures, "dotnet build, nothing to compile", directory, null, "build", "-c", "Release", "-nologo", "-v:q", "--no-restore");
            Time(figures, "the app's docs command (pages current)", directory, null, app, "docs", "--out", "docs");
            Time(figures, "runbook validate, as shipped (TieredPGO off)", directory, null, tool, "validate", Project + ".csproj");
            Time(figures, "runbook validate, DOTNET_TieredPGO=1", directory, "1", tool, "validate", Project + ".csproj");
        }

        Console.WriteLine($"wall time, median of {rounds} rounds (range):");
        foreach (var (name, times) in figures)
            Console.WriteLine(FormattableString.Invariant($"  {name,-48} {BuildReport.Median(times),8:F0} ms  ({times.Min():F0}-{times.Max():F0})"));
        return 0;
    }

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> once and records its wall time under <paramref name="name"/>.</summary>
    private static void Time(Dictionary<string, List<double>> figures, string name, string directory, string? tieredPgo, params string[] arguments)
    {
        var environment = tieredPgo is null ? null : new Dictionary<string, string> { ["DOTNET_TieredPGO"] = tieredPgo };
        var watch = Stopwatch.StartNew();
        BuildReport.Run(directory, environment, arguments);
        watch.Stop();
        if (!figures.TryGetValue(name, out var times)) figures[name] = times = [];
        times.Add(watch.Elapsed.TotalMilliseconds);
    }

    /// <summary>
    /// The corpus as a runbook app: an <c>Exe</c> wired to the SDK from source the way the samples are (the runtime
    /// library, the generator and analyzers as analyzers, the package's build targets), so it writes its docs.
    /// </summary>
    private static void WriteApp(string directory, string repository, int runbooks)
    {
        SyntheticCorpus.WriteTo(directory, runbooks);
        var src = Path.Combine(repository, "src");
        File.WriteAllText(Path.Combine(directory, Project + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{src}/RunbookSdk/RunbookSdk.csproj" />
                <ProjectReference Include="{src}/RunbookSdk.Generators/RunbookSdk.Generators.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
                <ProjectReference Include="{src}/RunbookSdk.Analyzers/RunbookSdk.Analyzers.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
              </ItemGroup>
              <Import Project="{src}/RunbookSdk/build/RunbookSdk.targets" />
            </Project>
            """);
    }
}
