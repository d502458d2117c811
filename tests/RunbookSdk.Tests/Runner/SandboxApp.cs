using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// The real Sandbox sample: its runbook app (samples/Sandbox) and its service (samples/Sandbox/Service), built once
/// per test run (with CI=true, so the build never rewrites the checked-in docs) and started as child processes.
/// </summary>
internal static class SandboxApp
{
    private static readonly Lazy<Task> Build = new(BuildAsync);

    public static string RepositoryRoot { get; } = FindRoot();
    public static string AppDll => Path.Combine(RepositoryRoot, "samples", "Sandbox", "bin", "Debug", "net10.0", "Sandbox.dll");
    public static string ServiceDll => Path.Combine(RepositoryRoot, "samples", "Sandbox", "Service", "bin", "Debug", "net10.0", "SandboxService.dll");
    private const string Env = "/usr/bin/env";

    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    public static Task EnsureBuiltAsync() => Build.Value;

    /// <summary>Starts the runbook app with <paramref name="args"/>; standard input is closed, so it runs non-interactively.</summary>
    public static Process Start(string workingDirectory, params string[] args) => Start(workingDirectory, new Dictionary<string, string?>(), args);

    /// <summary>Starts the runbook app with <paramref name="args"/> and these environment variables set (null: removed).</summary>
    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        // A test run started under nohup, or as a background job of a shell without job control, passes an ignored
        // SIGHUP or SIGINT on to every child, and the signal tests then waited minutes for a runner that could not
        // hear it. env restores every signal's default and execs the app in its own pid, so the tests signal the
        // runner whatever started them.
        var start = new ProcessStartInfo(OperatingSystem.IsLinux() && File.Exists(Env) ? Env : Dotnet)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        if (start.FileName == Env)
        {
            start.ArgumentList.Add("--default-signal");
            start.ArgumentList.Add(Dotnet);
        }
        start.ArgumentList.Add(AppDll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment) start.Environment[name] = value;
        var process = Process.Start(start)!;
        process.StandardInput.Close();
        return process;
    }

    /// <summary>Runs the app to the end and returns its exit code and output.</summary>
    public static Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, params string[] args) =>
        RunAsync(workingDirectory, new Dictionary<string, string?>(), args);

    /// <summary>Runs the app to the end with these environment variables set (null: removed); its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        using var process = Start(workingDirectory, environment, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static async Task BuildAsync()
    {
        var start = new ProcessStartInfo(Dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot,
        };
        foreach (var arg in new[] { "build", "samples/Sandbox/Sandbox.csproj", "--nologo", "-v", "q", "-nodeReuse:false" }) start.ArgumentList.Add(arg);
        start.Environment["CI"] = "true";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"building samples/Sandbox failed:\n{await output}\n{await errors}");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "RunbookSdk.sln"))) return dir.FullName;
        throw new InvalidOperationException("RunbookSdk.sln not found above the test assembly");
    }
}

/// <summary>One sandbox service process on a free 127.0.0.1 port, killed when disposed.</summary>
internal sealed class SandboxService : IAsyncDisposable
{
    private readonly Process _process;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private SandboxService(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    /// <summary>The service's address without a trailing slash, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl { get; }

    public static async Task<SandboxService> StartAsync()
    {
        await SandboxApp.EnsureBuiltAsync();
        var start = new ProcessStartInfo(SandboxApp.Dotnet) { RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add(SandboxApp.ServiceDll);
        var process = Process.Start(start)!;
        var first = await process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("the sandbox service printed nothing");
        var url = first.Split(' ').Single(w => w.StartsWith("http://", StringComparison.Ordinal)).TrimEnd('/');
        // Keep draining its request log so the pipe never fills.
        _ = process.StandardOutput.ReadToEndAsync();
        return new SandboxService(process, url);
    }

    public async Task<(int Status, JsonElement Body)> GetAsync(string path)
    {
        using var response = await _http.GetAsync(BaseUrl + path);
        return ((int)response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    public async Task PostAsync(string path, string body)
    {
        using var response = await _http.PostAsync(BaseUrl + path, new StringContent(body, Encoding.UTF8, "text/plain"));
        response.EnsureSuccessStatusCode();
    }

    public async Task<JsonElement> VersionAsync() => (await GetAsync("/version")).Body;

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        try { _process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { }
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
