using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using RunbookSdk.Hosting;

namespace RunbookSdk.Cli.Commands;

/// <summary>A runbook app's catalog, loaded from its built assembly (building the project first when given one).</summary>
internal static class RunbookApp
{
    private const string CatalogType = "RunbookSdk.Generated.GeneratedRunbookCatalog";

    /// <summary>
    /// The assembly of <paramref name="path"/>: the path itself for a <c>.dll</c>, else the project's Debug build
    /// output as MSBuild names it (<c>TargetPath</c>, so an <c>OutputPath</c>, artifacts layout or assembly name of the
    /// project's own is honoured), built first unless <paramref name="noBuild"/>; for a project also the folder its
    /// build writes the docs to.
    /// </summary>
    /// <param name="path">A project, its folder or a built assembly.</param>
    /// <param name="noBuild">Use the project's build output as it is.</param>
    /// <param name="buildWritesDocs">
    /// False to build without the SDK's target that writes the docs after every build (outside CI): for
    /// <c>runbook docs</c>, which writes them itself, and whose <c>--check</c> must see the folder as it was.
    /// </param>
    /// <param name="log">Where the build is announced.</param>
    /// <param name="cancellationToken">Cancels the build.</param>
    /// <exception cref="RunbookAppException">The path is neither, the build failed, or the assembly is missing.</exception>
    public static async Task<RunbookAppBuild> LocateAsync(string path, bool noBuild, bool buildWritesDocs, TextWriter log, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        if (full.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            return File.Exists(full) ? new RunbookAppBuild(full, null) : throw new RunbookAppException($"the assembly '{path}' does not exist.");

        var project = ProjectFile(full, path);
        if (!noBuild)
        {
            log.WriteLine($"Building {project} ...");
            string[] arguments = ["build", project, "--nologo", "-v", "q", "-c", Configuration];
            await DotnetAsync(cancellationToken, buildWritesDocs ? arguments : [.. arguments, "-p:RunbookSdkWriteDocs=false"]);
        }

        var build = await EvaluateAsync(project, cancellationToken);
        return File.Exists(build.AssemblyPath)
            ? build
            : throw new RunbookAppException($"'{build.AssemblyPath}' does not exist{(noBuild ? ": build the project first, or drop --no-build" : " after the build")}.");
    }

    // The configuration `dotnet build` and `dotnet run` use by default, so a project the developer just built is used as is.
    private const string Configuration = "Debug";

    /// <summary>Loads the assembly into its own load context (sharing RunbookSdk with this tool) and reads its generated catalog.</summary>
    /// <exception cref="RunbookAppException">The assembly cannot be loaded or has no runbook catalog.</exception>
    public static RunbookCatalog LoadCatalog(string assemblyPath)
    {
        Assembly assembly;
        try
        {
            assembly = new AppLoadContext(assemblyPath).LoadFromAssemblyPath(assemblyPath);
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException or FileNotFoundException)
        {
            throw new RunbookAppException($"cannot load '{assemblyPath}': {e.Message}");
        }

        // The tool shares its RunbookSdk with the app. A team that upgraded its package before the tool pinned in CI
        // got "Could not load file or assembly 'RunbookSdk, Version=…'" (exit 1), which did not say what to upgrade.
        var sdk = typeof(RunbookCatalog).Assembly.GetName();
        if (assembly.GetReferencedAssemblies().FirstOrDefault(r => string.Equals(r.Name, sdk.Name, StringComparison.OrdinalIgnoreCase)) is { Version: { } wanted }
            && sdk.Version is { } have && wanted > have)
            throw new RunbookAppException(
                $"'{assemblyPath}' was built against RunbookSdk {Short(wanted)}, newer than this runbook tool's {Short(have)}: install the tool of the "
                + $"version the project references (dotnet tool update RunbookSdk.Cli --version {Short(wanted)}, or RUNBOOK_TOOL_VERSION in CI).");

        var property = assembly.GetType(CatalogType)?.GetProperty("Catalog", BindingFlags.Public | BindingFlags.Static)
            ?? throw new RunbookAppException($"'{assemblyPath}' has no runbook catalog ({CatalogType}.Catalog): is it a runbook project built with the RunbookSdk generator?");
        try
        {
            return property.GetValue(null) as RunbookCatalog
                ?? throw new RunbookAppException($"'{assemblyPath}' was built against a different RunbookSdk than this tool's ({typeof(RunbookCatalog).Assembly.GetName().Version}).");
        }
        catch (TargetInvocationException e)
        {
            throw new RunbookAppException($"the runbook catalog of '{assemblyPath}' failed to load: {e.InnerException?.Message ?? e.Message}");
        }
    }

    private static string Short(Version version) => $"{version.Major}.{version.Minor}.{Math.Max(version.Build, 0)}";

    private static string ProjectFile(string full, string given)
    {
        if (File.Exists(full) && full.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)) return full;
        if (Directory.Exists(full))
        {
            var projects = Directory.GetFiles(full, "*.csproj");
            if (projects.Length == 1) return projects[0];
            throw new RunbookAppException(projects.Length == 0
                ? $"'{given}' holds no project file (.csproj).{ProjectsBelowHint(full)}"
                : $"'{given}' holds {projects.Length} project files: name one.");
        }
        throw new RunbookAppException($"'{given}' is not a runbook project (.csproj or its folder) or assembly (.dll).");
    }

    // A repository's root holds the solution, its runbook app is in src/NAME: say where to point instead.
    private static string ProjectsBelowHint(string folder) => RunbookProjectsBelow.Find(folder) switch
    {
        [] => "",
        [var only] => $" Give the runbook project's folder instead: {only}",
        var several => $" Give one of the project folders below it instead: {string.Join(", ", several)}",
    };

    /// <summary>
    /// Where the project's build puts its assembly and its docs, asked of MSBuild. A second evaluation after the
    /// build, because <c>dotnet build -getProperty</c> only evaluates: it prints the path and exits 0 without building.
    /// </summary>
    private static async Task<RunbookAppBuild> EvaluateAsync(string project, CancellationToken cancellationToken)
    {
        // With more than one -getProperty MSBuild prints {"Properties": {"Name": "value", ...}}.
        var json = await DotnetAsync(cancellationToken, "msbuild", project, "-nologo", "-getProperty:TargetPath", "-getProperty:RunbookSdkDocsDirectory", $"-p:Configuration={Configuration}");
        string? Property(string name)
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.GetProperty("Properties").TryGetProperty(name, out var value) && value.GetString() is { Length: > 0 } text ? text.Trim() : null;
        }

        var targetPath = Property("TargetPath")
            ?? throw new RunbookAppException($"'{project}' builds for several target frameworks: give the built assembly (.dll) of one instead.");
        // As the build target writes them: RunbookSdkDocsDirectory (relative to the project, as MSBuild's Exec runs
        // there), else the docs folder beside the project (a project that does not import RunbookSdk.targets).
        var projectDirectory = Path.GetDirectoryName(project)!;
        var docs = Path.GetFullPath(Property("RunbookSdkDocsDirectory") ?? "docs", projectDirectory);
        return new RunbookAppBuild(targetPath, docs);
    }

    /// <summary>Runs the .NET CLI and returns what it printed; a failure becomes the error, with its output.</summary>
    private static async Task<string> DotnetAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new RunbookAppException($"could not start 'dotnet {arguments[0]}'.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new RunbookAppException($"'dotnet {arguments[0]} {arguments[1]}' failed (exit code {process.ExitCode}):\n{(await output + await errors).Trim()}");
        return await output;
    }

    /// <summary>
    /// The app's own dependencies come from its folder; whatever this tool ships (RunbookSdk, Spectre.Console) is
    /// shared, so the catalog's types are the tool's types.
    /// </summary>
    private sealed class AppLoadContext(string assemblyPath) : AssemblyLoadContext("runbook-app: " + Path.GetFileName(assemblyPath))
    {
        private readonly AssemblyDependencyResolver _resolver = new(assemblyPath);

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            if (File.Exists(Path.Combine(AppContext.BaseDirectory, assemblyName.Name + ".dll"))) return null;
            return _resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;
        }

        protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
            _resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;
    }
}

/// <summary>The runbook app cannot be built or loaded; the message says why.</summary>
/// <param name="message">What is wrong.</param>
internal sealed class RunbookAppException(string message) : Exception(message);
