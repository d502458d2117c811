using System.Diagnostics;
using System.Text;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// The Sandbox app run on a real terminal: <c>script</c>'s pseudo-terminal, its keys read there, and what the terminal
/// showed kept as <see cref="Shown"/>. The terminal's input stays open (an end of input is not a hang-up); killing
/// <c>script</c> closes the terminal's master, which hangs it up.
/// </summary>
internal sealed class SandboxTerminal : IDisposable
{
    private const string Script = "/usr/bin/script";
    private readonly Process _script;
    private readonly StringBuilder _shown = new();
    private readonly Task _read;

    private SandboxTerminal(Process script)
    {
        _script = script;
        _read = ReadAsync();
        _ = script.StandardError.ReadToEndAsync();
    }

    /// <summary>Whether this machine has a <c>script</c> to make the terminal with.</summary>
    public static bool Available => OperatingSystem.IsLinux() && File.Exists(Script);

    /// <summary>
    /// Starts the app with <paramref name="args"/> on the terminal, behind <paramref name="wrapper"/> (e.g. <c>setsid -w</c>)
    /// and with <paramref name="redirection"/> after it (e.g. <c>&gt; run.log 2&gt;&amp;1</c>), as an engineer's shell would.
    /// </summary>
    public static async Task<SandboxTerminal> StartAsync(string workingDirectory, string wrapper, string redirection, params string[] args)
    {
        await SandboxApp.EnsureBuiltAsync();
        // env restores every signal's default (see SandboxApp.Start) and execs the app in its own pid.
        var command = string.Join(' ', [wrapper, "/usr/bin/env", "--default-signal", "NO_COLOR=1", .. new[] { SandboxApp.Dotnet, SandboxApp.AppDll }.Concat(args).Select(Quoted), redirection]).Trim();
        var start = new ProcessStartInfo(Script)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var arg in new[] { "-qfec", command, "/dev/null" }) start.ArgumentList.Add(arg);
        return new SandboxTerminal(Process.Start(start)!);
    }

    /// <summary>
    /// What the terminal has shown so far, its <c>\r\n</c> line ends as <c>\n</c>, without the sequence that switches its
    /// keypad to application mode (.NET's console sends it before it reads the first key; it shows nothing).
    /// </summary>
    public string Shown
    {
        get
        {
            lock (_shown) return _shown.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Replace(KeypadMode, "", StringComparison.Ordinal);
        }
    }

    private const string KeypadMode = "\u001b[?1h\u001b=";

    /// <summary>The lines the terminal showed.</summary>
    public IReadOnlyList<string> Lines => Shown.Split('\n');

    /// <summary>Waits until the app, and with it the terminal, has ended and everything it showed is read.</summary>
    public async Task ExitedAsync()
    {
        await _script.WaitForExitAsync();
        await _read;
    }

    /// <summary>Hangs the terminal up: its master closes with <c>script</c>.</summary>
    public async Task HangUpAsync()
    {
        _script.Kill();
        await _script.WaitForExitAsync();
    }

    public void Dispose()
    {
        try { _script.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { }
        _script.Dispose();
    }

    private async Task ReadAsync()
    {
        var buffer = new char[4096];
        int read;
        while ((read = await _script.StandardOutput.ReadAsync(buffer)) > 0)
        {
            lock (_shown) _shown.Append(buffer, 0, read);
        }
    }

    private static string Quoted(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
