using System.Reflection;
using System.Text.Json;

namespace RunbookSdk.Packaging.Tests;

/// <summary>
/// What a team does to adopt RunbookSdk, done once for the test classes of <see cref="Collection"/>: pack this checkout's three packages
/// into a local feed, install the templates from it and create <c>Payments</c> with <c>dotnet new runbook-project</c>,
/// all in a temp folder outside the repository.
/// </summary>
/// <remarks>
/// Isolation, so the test neither depends on nor changes the machine: a unique prerelease version (no NuGet cache can
/// serve a stale package), an empty NUGET_PACKAGES, a NuGet.config with only the feed and the public registry, a
/// temp DOTNET_CLI_HOME and template hive (the user's templates and tools are untouched), and build output of the
/// pack under the temp folder (--artifacts-path), so the checkout's bin/ and obj/ are not rewritten either.
/// </remarks>
public sealed class NewRunbookRepository : IAsyncLifetime
{
    /// <summary>
    /// The test classes that share one packed repository: packing takes minutes, and they take turns, since each edits
    /// the same project and puts it back.
    /// </summary>
    public const string Collection = "A repository made from the packed packages";

    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(8);
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    public string Version { get; } = $"0.1.0-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "runbooksdk-e2e-" + Guid.NewGuid().ToString("N")[..12]);
    public string Feed => Path.Combine(Root, "feed");
    public string Hive => Path.Combine(Root, "template-hive");
    public string Work => Path.Combine(Root, "work");
    public string Repository => Path.Combine(Work, "Payments");
    public string RunbookProject => Path.Combine(Repository, "src", "Payments");
    public string Runbook => Path.Combine(RunbookProject, "ApiOutage.cs");
    public string Docs => Path.Combine(RunbookProject, "docs");
    public DotnetProcess Processes { get; }

    /// <summary>Each step's result, in order: the tests report them and the durations.</summary>
    public List<ProcessResult> Steps { get; } = [];

    /// <summary>The first <c>dotnet build</c> of the new repository.</summary>
    public ProcessResult FirstBuild { get; private set; } = null!;

    public NewRunbookRepository()
    {
        Processes = new DotnetProcess(new Dictionary<string, string?>
        {
            ["NUGET_PACKAGES"] = Path.Combine(Root, "packages"),
            ["DOTNET_CLI_HOME"] = Path.Combine(Root, "cli-home"),
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            // No MSBuild nodes or compiler server outliving a step: they would hold its output pipes open.
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
            ["UseSharedCompilation"] = "false",
            ["NO_COLOR"] = "1",
        });
    }

    /// <summary>The pages in the runbook project's docs folder, by file name.</summary>
    public Dictionary<string, string> ReadDocs() =>
        Directory.GetFiles(Docs, "*.md").ToDictionary(path => Path.GetFileName(path), File.ReadAllText, StringComparer.Ordinal);

    public static string RepositoryRoot => typeof(NewRunbookRepository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(Work);
        File.WriteAllText(Path.Combine(Root, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="packed" value="{Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);

        // One solution filter, one restore and one build graph for the three packages.
        var filter = Path.Combine(Root, "packages.slnf");
        File.WriteAllText(filter, JsonSerializer.Serialize(new
        {
            solution = new
            {
                path = Path.Combine(RepositoryRoot, "RunbookSdk.sln"),
                projects = new[]
                {
                    "src/RunbookSdk/RunbookSdk.csproj",
                    "src/RunbookSdk.Cli/RunbookSdk.Cli.csproj",
                    "templates/RunbookSdk.Templates/RunbookSdk.Templates.csproj",
                },
            },
        }));
        await Step(Root, PackTimeout, "pack", filter, "--configuration", "Release", "--output", Feed,
            "--artifacts-path", Path.Combine(Root, "artifacts"), $"-p:Version={Version}",
            $"-p:RestoreConfigFile={Path.Combine(Root, "NuGet.config")}");

        await Step(Root, Timeout, "new", "install", Path.Combine(Feed, $"RunbookSdk.Templates.{Version}.nupkg"), "--debug:custom-hive", Hive);
        await Step(Work, Timeout, "new", "runbook-project", "--name", "Payments", "--debug:custom-hive", Hive);
        FirstBuild = await Processes.Dotnet(Repository, Timeout, "build");
        Steps.Add(FirstBuild);
    }

    /// <summary>Runs one set-up step; a failure stops the set-up with everything it printed.</summary>
    private async Task Step(string directory, TimeSpan timeout, params string[] arguments)
    {
        var result = await Processes.Dotnet(directory, timeout, arguments);
        Steps.Add(result);
        if (result.ExitCode != 0) throw new InvalidOperationException($"Set-up step failed:\n{result}");
    }

    public Task DisposeAsync()
    {
        // RUNBOOKSDK_KEEP_E2E=1 keeps the folder to look into after a failure.
        if (Environment.GetEnvironmentVariable("RUNBOOKSDK_KEEP_E2E") != "1")
        {
            try { Directory.Delete(Root, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return Task.CompletedTask;
    }
}
