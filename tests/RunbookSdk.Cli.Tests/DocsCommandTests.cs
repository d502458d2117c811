using System.Diagnostics;

namespace RunbookSdk.Cli.Tests;

/// <summary>
/// A small runbook app, written to a temporary folder and built for real by the first <c>runbook docs</c> of it. Its
/// docs folder is its own (<c>RunbookSdkDocsDirectory</c>), so the tool's default is seen to come from the project;
/// its build writes docs as every runbook app's does outside CI.
/// </summary>
public sealed class DocsApp : IDisposable
{
    public DocsApp()
    {
        Directory.CreateDirectory(ProjectDirectory);
        File.WriteAllText(Path.Combine(ProjectDirectory, "OpsRunbooks.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <RunbookSdkDocsDirectory>runbook-pages</RunbookSdkDocsDirectory>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{Repository.Path("src/RunbookSdk/RunbookSdk.csproj")}" />
                <ProjectReference Include="{Repository.Path("src/RunbookSdk.Generators/RunbookSdk.Generators.csproj")}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
                <ProjectReference Include="{Repository.Path("src/RunbookSdk.Analyzers/RunbookSdk.Analyzers.csproj")}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
              </ItemGroup>
              <Import Project="{Repository.Path("src/RunbookSdk/build/RunbookSdk.targets")}" />
            </Project>
            """);
        File.WriteAllText(Path.Combine(ProjectDirectory, "OpsHandbook.cs"), """
            using RunbookSdk;

            namespace OpsRunbooks;

            [Handbook("ops")]
            public sealed class OpsHandbook : Handbook
            {
                public override void Define(IHandbookBuilder hb) => hb
                    .Title("Operations")
                    .Escalation(e => e.Level("On-call engineer", TimeSpan.Zero, "oncall@example.com"));
            }
            """);
        File.WriteAllText(Path.Combine(ProjectDirectory, "QueueStuck.cs"), """
            using RunbookSdk;

            namespace OpsRunbooks;

            [Runbook("queue-stuck")]
            public sealed class QueueStuck : Runbook<OpsHandbook>
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Title("Queue stuck — répondre vite")
                    .Severity(Severity.P2)
                    .Phase("Mitigate", TimeBox.Minutes(0, 5), p => p
                        .Step("Restart the worker", s => s.Run($"echo restarted").Timeout(TimeSpan.FromSeconds(30))))
                    .Rollback(r => r.Step("Start the old worker", s => s.Run($"echo old-worker").Timeout(TimeSpan.FromSeconds(30))))
                    .Verification(v => v.Step("Worker is healthy", s => s.Run($"echo healthy").Timeout(TimeSpan.FromSeconds(30))));
            }
            """);

        // The build, the evaluation of the docs folder and the first write: what the tests then look at.
        FirstWrite = Cli.RunAsync("docs", ProjectDirectory).GetAwaiter().GetResult();
        AssemblyPath = Path.Combine(ProjectDirectory, "bin", "Debug", "net10.0", "OpsRunbooks.dll");
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "runbook-cli-docs-" + Guid.NewGuid().ToString("N")[..8]);

    public string ProjectDirectory => Path.Combine(Root, "OpsRunbooks");

    /// <summary>The folder the project's build writes its pages to.</summary>
    public string DocsDirectory => Path.Combine(ProjectDirectory, "runbook-pages");

    public string AssemblyPath { get; }

    public (int Code, string Out, string Error) FirstWrite { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

/// <summary>
/// <c>runbook docs APP [--out DIR] [--check]</c>: the pages of a really built runbook app, written where its build
/// writes them, byte for byte what the app's own <c>docs</c> command writes; <c>--check</c> names every difference
/// and writes nothing.
/// </summary>
// Building the app builds the SDK's projects: never at the same time as RunCommandTests' build of its test app.
[Collection(EnvironmentCollection.Name)]
public sealed class DocsCommandTests(DocsApp app) : IClassFixture<DocsApp>, IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "runbook-cli-docs-out-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        if (Directory.Exists(_work)) Directory.Delete(_work, recursive: true);
    }

    /// <summary>File name to content of every file in <paramref name="directory"/>.</summary>
    private static Dictionary<string, byte[]> Files(string directory) =>
        Directory.GetFiles(directory).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);

    private static void AssertSameFiles(string expected, string actual)
    {
        var want = Files(expected);
        var have = Files(actual);
        Assert.Equal(want.Keys.Order(StringComparer.Ordinal), have.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, bytes) in want) Assert.True(bytes.AsSpan().SequenceEqual(have[name]), $"{name} differs");
    }

    /// <summary>Runs <paramref name="file"/> with <c>dotnet</c> in <paramref name="workingDirectory"/>, as a user would.</summary>
    private static (int Code, string Output) Dotnet(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result);
    }

    [Fact]
    public void WithoutOutThePagesGoWhereTheProjectsBuildWritesThem()
    {
        var (code, output, error) = app.FirstWrite;

        Assert.True(code == 0, output + error);
        Assert.Contains($"Wrote 3 pages to {app.DocsDirectory}.", output, StringComparison.Ordinal);
        Assert.Equal(["index.md", "ops.md", "queue-stuck.md"], Directory.GetFiles(app.DocsDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(app.ProjectDirectory, "docs")));
    }

    [Fact]
    public void ThePagesAreTheBytesTheAppsOwnDocsCommandWritesWhichWritesDocsInTheCurrentFolderByDefault()
    {
        Directory.CreateDirectory(_work);

        // The app itself, as a user runs it: no --out, so docs/ in the folder it runs in.
        var (code, output) = Dotnet(_work, app.AssemblyPath, "docs");

        Assert.True(code == 0, output);
        Assert.Contains($"Wrote 3 pages to {Path.Combine(_work, "docs")}.", output, StringComparison.Ordinal);
        AssertSameFiles(Path.Combine(_work, "docs"), app.DocsDirectory);
    }

    [Fact]
    public async Task OutWritesTheSamePagesElsewhereFromTheAssembly()
    {
        var (code, output, error) = await Cli.RunAsync("docs", app.AssemblyPath, "--out", _work);

        Assert.True(code == 0, output + error);
        AssertSameFiles(app.DocsDirectory, _work);
    }

    [Fact]
    public void AnAssemblyWithoutOutWritesDocsInTheCurrentFolderAsTheAppDoes()
    {
        // The installed tool, as a process: an assembly does not say where its project is.
        Directory.CreateDirectory(_work);
        var tool = Path.Combine(AppContext.BaseDirectory, "RunbookSdk.Cli.dll");

        var (code, output) = Dotnet(_work, tool, "docs", app.AssemblyPath);

        Assert.True(code == 0, output);
        AssertSameFiles(app.DocsDirectory, Path.Combine(_work, "docs"));
    }

    [Fact]
    public async Task CheckPassesWhenThePagesAreCurrent()
    {
        var (code, output, error) = await Cli.RunAsync("docs", app.ProjectDirectory, "--no-build", "--check");

        Assert.True(code == 0, output + error);
        Assert.Contains($"Docs in {app.DocsDirectory} are up to date (3 pages).", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckOfAProjectItBuildsFindsAnEditedPageAndLeavesItEdited()
    {
        // The build it runs first must not write the pages either: outside CI the SDK's build target rewrites them.
        var page = Path.Combine(app.DocsDirectory, "queue-stuck.md");
        var generated = File.ReadAllBytes(page);
        File.AppendAllText(page, "edited by hand\n");
        var edited = File.ReadAllBytes(page);
        try
        {
            var (code, output, error) = await Cli.RunAsync("docs", app.ProjectDirectory, "--check");

            Assert.True(code == 1, output + error);
            Assert.Contains("  stale:   queue-stuck.md", error, StringComparison.Ordinal);
            Assert.Equal(edited, File.ReadAllBytes(page));
        }
        finally
        {
            File.WriteAllBytes(page, generated);
        }
    }

    [Fact]
    public async Task CheckNamesEveryStaleMissingAndExtraPageAndWritesNothing()
    {
        await Cli.RunAsync("docs", app.AssemblyPath, "--out", _work);
        File.AppendAllText(Path.Combine(_work, "ops.md"), "edited by hand\n");
        File.Delete(Path.Combine(_work, "queue-stuck.md"));
        File.Copy(Path.Combine(_work, "index.md"), Path.Combine(_work, "retired-runbook.md"));
        var before = Files(_work);

        var (code, output, error) = await Cli.RunAsync("docs", app.ProjectDirectory, "--no-build", "--out", _work, "--check");

        Assert.True(code == 1, output + error);
        Assert.Contains($"error: docs in {_work} are not up to date:", error, StringComparison.Ordinal);
        Assert.Contains("  stale:   ops.md", error, StringComparison.Ordinal);
        Assert.Contains("  missing: queue-stuck.md", error, StringComparison.Ordinal);
        Assert.Contains("  extra:   retired-runbook.md", error, StringComparison.Ordinal);
        var after = Files(_work);
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        Assert.All(before, f => Assert.True(f.Value.AsSpan().SequenceEqual(after[f.Key]), $"{f.Key} was changed"));
    }

    [Fact]
    public async Task InGitHubActionsCheckNamesThePagesWithoutTheRunnerReadingACommandInTheirNames()
    {
        // The names --check lists are the docs folder's files and the runbooks' ids, which a pull request writes: a line
        // break in one put "::error file=README.md…" (or ::add-mask::, ::stop-commands::, which hides every annotation
        // after it) at the start of a log line, where the runner took it as a command; "##[" is one anywhere in a line.
        await Cli.RunAsync("docs", app.AssemblyPath, "--out", _work);
        var smuggled = "old\n::error file=README.md,line=1::Injected\n::stop-commands::hidden\nsee ##[warning]Injected.md";
        File.Copy(Path.Combine(_work, "index.md"), Path.Combine(_work, smuggled));
        using var actions = new EnvironmentVariable("GITHUB_ACTIONS", "true");

        var (code, output, error) = await Cli.RunAsync("docs", app.ProjectDirectory, "--no-build", "--out", _work, "--check");

        Assert.True(code == 1, output + error);
        Assert.Contains("  extra:   old\n::error file=README.md,line=1::Injected", error, StringComparison.Ordinal);
        // The list is on standard error, so its pause is too: the runner keeps the order of the lines of one stream only.
        Assert.DoesNotContain(RunnerLog.Commands(error), c => c.Data.StartsWith("Injected", StringComparison.Ordinal) || c.Data == "hidden");
        Assert.DoesNotContain(RunnerLog.Commands(output + "\n" + error), c => c.Data.StartsWith("Injected", StringComparison.Ordinal) || c.Data == "hidden");
    }

    [Fact]
    public async Task AFolderWithoutAProjectIsAUsageError()
    {
        Directory.CreateDirectory(_work);

        var (code, _, error) = await Cli.RunAsync("docs", _work);

        Assert.Equal(2, code);
        Assert.Contains("holds no project file (.csproj)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AtTheRootOfANewRunbookRepositoryTheErrorNamesTheRunbookProjectsFolder()
    {
        // The layout `dotnet new runbook-project -n Payments` writes: the app references the package, its tests the app.
        var app = Path.Combine(_work, "src", "Payments");
        var tests = Path.Combine(_work, "tests", "Payments.Tests");
        Directory.CreateDirectory(app);
        Directory.CreateDirectory(tests);
        File.WriteAllText(Path.Combine(_work, "Payments.sln"), "");
        File.WriteAllText(Path.Combine(app, "Payments.csproj"), """<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="RunbookSdk" /></ItemGroup></Project>""");
        File.WriteAllText(Path.Combine(tests, "Payments.Tests.csproj"), """<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><ProjectReference Include="../../src/Payments/Payments.csproj" /></ItemGroup></Project>""");

        var (code, _, error) = await Cli.RunAsync("docs", _work);

        Assert.Equal(2, code);
        Assert.Contains($"holds no project file (.csproj). Give the runbook project's folder instead: {app}", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Payments.Tests", error, StringComparison.Ordinal);
    }
}
