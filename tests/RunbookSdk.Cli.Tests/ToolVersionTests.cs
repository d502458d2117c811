using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RunbookSdk.Cli.Tests;

/// <summary>
/// A runbook app built against a newer RunbookSdk than the tool's: in a monorepo a team upgrades its package before
/// the tool CI pins. The tool shares its RunbookSdk with the app, and the load failed with "Could not load file or
/// assembly 'RunbookSdk, Version=…'" and exit code 1, which did not say that the tool was what to upgrade.
/// </summary>
public sealed class ToolVersionTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("runbook-cli-version-");

    [Fact]
    public async Task An_app_built_against_a_newer_RunbookSdk_is_refused_naming_the_tool_version_to_install()
    {
        var app = NewerSdkApp();

        var (code, output, error) = await Cli.RunAsync(["run", app, "anything", "--dry-run"]);

        Assert.Equal(2, code);
        Assert.Contains("was built against RunbookSdk 99.1.0, newer than this runbook tool's", output + error, StringComparison.Ordinal);
        Assert.Contains("dotnet tool update RunbookSdk.Cli --version 99.1.0", output + error, StringComparison.Ordinal);
    }

    /// <summary>An app whose catalog type derives from a type of a RunbookSdk assembly of version 99.1.0.</summary>
    private string NewerSdkApp()
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) == "netstandard.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
        var sdk = CSharpCompilation.Create("RunbookSdk",
            [CSharpSyntaxTree.ParseText("[assembly: System.Reflection.AssemblyVersion(\"99.1.0.0\")] namespace RunbookSdk { public class Future { } }")],
            references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var app = CSharpCompilation.Create("NewerApp",
            [CSharpSyntaxTree.ParseText("namespace RunbookSdk.Generated { public static class GeneratedRunbookCatalog { public static RunbookSdk.Future Catalog => new(); } }")],
            [.. references, sdk.ToMetadataReference()], new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var path = Path.Combine(_work.FullName, "NewerApp.dll");
        var emitted = app.Emit(path);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return path;
    }

    public void Dispose() => _work.Delete(recursive: true);
}
