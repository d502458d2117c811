using System.Reflection;
using RunbookSdk.Commands;

namespace RunbookSdk.Hosting;

/// <summary>
/// How the operator starts this process again, as shell words to paste: the closing hints of a run ("to go on: …
/// --resume …") said <c>run &lt;id&gt; --resume …</c>, which is no command — the engineer had to know whether it was
/// <c>dotnet Ops.dll</c>, <c>./Ops</c>, <c>dotnet run --project … --</c> or the <c>runbook</c> tool, at 3 a.m.
/// </summary>
internal static class ProgramCommand
{
    /// <summary>
    /// This process as it runs: <c>dotnet /srv/ops/Ops.dll</c> when started through the <c>dotnet</c> host (also a local
    /// tool, whose entry assembly is the tool's), else its executable's full path (an apphost: <c>/srv/ops/Ops</c>,
    /// which <c>dotnet run</c> starts too). Full paths, so the command works from any folder. Null when unknown.
    /// </summary>
    public static string? OfThisProcess() => Of(Environment.ProcessPath, Assembly.GetEntryAssembly()?.Location);

    /// <summary>
    /// The shell words that run a runbook of this host, up to its id: the host's <see cref="RunbookHostOptions.RunCommand"/>
    /// (the <c>runbook</c> tool forwarding here names itself), else this process and <c>run</c>. Null when unknown.
    /// </summary>
    public static string? RunOf(RunbookHostOptions options) => options.RunCommand ?? (OfThisProcess() is { } program ? program + " run" : null);

    /// <summary>The full path of this process's entry assembly (the runbook app's <c>.dll</c>, which the <c>runbook</c> tool takes as its APP); null when unknown.</summary>
    public static string? EntryAssembly() => Assembly.GetEntryAssembly()?.Location is { Length: > 0 } path ? path : null;

    /// <summary>The command for a process whose executable is <paramref name="processPath"/> and entry assembly <paramref name="entryAssembly"/>.</summary>
    internal static string? Of(string? processPath, string? entryAssembly)
    {
        if (string.IsNullOrEmpty(processPath)) return null;
        if (!IsDotnetHost(processPath)) return ShellQuoting.QuoteBare(processPath);
        return string.IsNullOrEmpty(entryAssembly) ? null : "dotnet " + ShellQuoting.QuoteBare(entryAssembly);
    }

    /// <summary>
    /// The <c>runbook</c> tool as the operator runs it: <c>runbook</c> from its apphost (a global tool on the PATH),
    /// <c>dotnet runbook</c> through the <c>dotnet</c> host (a local tool), else this process (a build of the tool run
    /// from its folder).
    /// </summary>
    public static string? OfTool(string toolName) => Environment.ProcessPath is { } path && IsDotnetHost(path)
        ? "dotnet " + toolName
        : Environment.ProcessPath is { } apphost && Path.GetFileNameWithoutExtension(apphost) == toolName ? toolName : OfThisProcess();

    /// <summary><paramref name="value"/> as one shell word: as it is when plain, else single-quoted.</summary>
    public static string Word(string value) => ShellQuoting.QuoteBare(value);

    private static bool IsDotnetHost(string processPath) =>
        Path.GetFileNameWithoutExtension(processPath).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
}
