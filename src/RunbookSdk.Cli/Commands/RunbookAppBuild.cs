namespace RunbookSdk.Cli.Commands;

/// <summary>A runbook app's built assembly and, when it was given as a project, where its build writes the docs.</summary>
/// <param name="AssemblyPath">Full path of the assembly.</param>
/// <param name="DocsDirectory">
/// Full path of the project's docs folder (<c>RunbookSdkDocsDirectory</c>, by default <c>docs</c> beside the
/// project); null when the app was given as an assembly, which does not say where its project is.
/// </param>
internal sealed record RunbookAppBuild(string AssemblyPath, string? DocsDirectory);
