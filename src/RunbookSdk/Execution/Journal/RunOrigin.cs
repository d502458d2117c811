using System.Reflection;

namespace RunbookSdk.Execution;

/// <summary>
/// Who ran a run, where, and which build of the runbook and of the runner: what a post-incident review asks first and
/// the journal's <c>run-started</c> records. Without it a journal said when and what, but not which operator on which
/// machine ran which version of the runbook — and a runbook that changed between the run and its resume ran other steps.
/// </summary>
/// <param name="Operator">The operating-system user the runner ran as.</param>
/// <param name="Host">The machine's name.</param>
/// <param name="RunbookVersion">The version of the assembly the runbook is compiled into, as its informational version
/// (with the source commit, <c>1.4.0+9f2c1e7…</c>, when it was built from a git checkout).</param>
/// <param name="SdkVersion">The version of RunbookSdk that ran it.</param>
internal sealed record RunOrigin(string Operator, string Host, string RunbookVersion, string SdkVersion)
{
    /// <summary>This process, running a runbook of <paramref name="runbookType"/>.</summary>
    public static RunOrigin Of(Type runbookType) =>
        new(Environment.UserName, Environment.MachineName, VersionOf(runbookType.Assembly), VersionOf(typeof(RunOrigin).Assembly));

    private static string VersionOf(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? assembly.GetName().Version?.ToString()
        ?? "unknown";
}
