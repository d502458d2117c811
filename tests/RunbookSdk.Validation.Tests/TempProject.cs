namespace RunbookSdk.Validation.Tests;

/// <summary>A runbook project written to a temp folder (outside any git work tree), deleted afterwards.</summary>
internal sealed class TempProject : IDisposable
{
    public const string AppProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="RunbookSdk" Version="0.1.0" />
          </ItemGroup>
        </Project>
        """;

    public TempProject(string name = "Payments")
    {
        Root = Path.Combine(Path.GetTempPath(), "runbook-validate-" + Guid.NewGuid().ToString("N")[..8]);
        Directory = Path.Combine(Root, name);
        System.IO.Directory.CreateDirectory(Directory);
        ProjectFile = Path.Combine(Directory, name + ".csproj");
        File.WriteAllText(ProjectFile, AppProject);
    }

    public string Root { get; }
    public string Directory { get; }
    public string ProjectFile { get; }

    public TempProject With(string relativePath, string text)
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    /// <summary>Validates once and writes the generated pages to docs/, as a build would.</summary>
    public async Task WriteCurrentDocsAsync()
    {
        var pages = await Pages.OfAsync(ProjectFile);
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "docs"));
        foreach (var (file, content) in pages) File.WriteAllText(Path.Combine(Directory, "docs", file), content);
    }

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
    }
}

internal static class Pages
{
    public static async Task<IReadOnlyList<(string File, string Content)>> OfAsync(string projectFile)
    {
        var project = Projects.ProjectDiscovery.Find(projectFile).Single();
        var compiled = await Compiling.ProjectCompiler.CompileAsync(project, CancellationToken.None);
        var generated = compiled.Compilation.SyntaxTrees.Where(t => !project.Sources.Contains(t.FilePath)).ToArray();
        return Docs.GeneratedPages.Descriptors(compiled.Compilation, generated).Select(d => (d.FileName, d.Documentation))
            .Append(("index.md", Docs.GeneratedPages.Index(generated)!))
            .ToArray();
    }
}

internal static class Runbooks
{
    public const string Handbook = """
        using RunbookSdk;

        namespace Payments;

        [Handbook("payments")]
        public sealed class PaymentsHandbook : Handbook
        {
            public override void Define(IHandbookBuilder hb) => hb
                .Title("Payments handbook")
                .Escalation(e => e.Level("Payments on-call", TimeSpan.Zero, "payments@example.com"));
        }
        """;

    public const string Complete = """
        using RunbookSdk;

        namespace Payments;

        [Runbook("payments-api-down")]
        public sealed class ApiDown : Runbook<PaymentsHandbook>
        {
            public override void Define(IRunbookBuilder rb) => rb
                .Title("Payments API down")
                .Severity(Severity.P1)
                .Phase("Assess", TimeBox.Minutes(0, 5), p => p
                    .Step("Check health", s => s.Http("GET", "https://payments.example.com/health").ExpectStatus(200)))
                .Rollback(r => r.Step("Roll back", s => s.Run("./rollback.sh").RequiresConfirmation()))
                .Verification(v => v.Step("Health is green", s => s.Http("GET", "https://payments.example.com/health").ExpectStatus(200)));
        }
        """;

    public const string WithoutRollback = """
        using RunbookSdk;

        namespace Payments;

        [Runbook("payments-queue-stuck")]
        public sealed class QueueStuck : Runbook<PaymentsHandbook>
        {
            public override void Define(IRunbookBuilder rb) => rb
                .Title("Payments queue stuck")
                .Severity(Severity.P2)
                .Phase("Assess", TimeBox.Minutes(0, 5), p => p
                    .Step("Look at the queue", s => s.Instruction("Open the queue dashboard")))
                .Verification(v => v.Step("Queue drains", s => s.Http("GET", "https://payments.example.com/queue").ExpectStatus(200)));
        }
        """;
}

internal static class Solutions
{
    public const string ProjectGuid = "{5D2D7A6E-0B5C-4B7E-9E43-4C3C1D2B1A10}";

    /// <summary>
    /// A <c>.sln</c> listing one C# project, which its Debug and Release configurations build (each with a
    /// <c>.Build.0</c> line: without one, <c>dotnet build x.sln</c> does not build it) in the configuration they map it to.
    /// </summary>
    public static string Sln(string name, string relativePath, string debugMapsTo = "Debug|Any CPU", string releaseMapsTo = "Release|Any CPU", bool debugBuilds = true) => $$"""
        Microsoft Visual Studio Solution File, Format Version 12.00
        Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "{{name}}", "{{relativePath}}", "{{ProjectGuid}}"
        EndProject
        Global
        	GlobalSection(SolutionConfigurationPlatforms) = preSolution
        		Debug|Any CPU = Debug|Any CPU
        		Release|Any CPU = Release|Any CPU
        	EndGlobalSection
        	GlobalSection(ProjectConfigurationPlatforms) = postSolution
        		{{ProjectGuid}}.Debug|Any CPU.ActiveCfg = {{debugMapsTo}}
        {{(debugBuilds ? $"\t\t{ProjectGuid}.Debug|Any CPU.Build.0 = {debugMapsTo}" : "")}}
        		{{ProjectGuid}}.Release|Any CPU.ActiveCfg = {{releaseMapsTo}}
        		{{ProjectGuid}}.Release|Any CPU.Build.0 = {{releaseMapsTo}}
        	EndGlobalSection
        EndGlobal
        """;
}
