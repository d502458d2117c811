namespace RunbookSdk.Cli;

/// <summary>
/// Stops the GitHub Actions runner from reading workflow commands in what is written while it is open: the runner
/// takes a log line that starts with <c>::</c> (after spaces) or holds <c>##[</c> anywhere as a command. The report
/// echoes text a pull request wrote — a runbook id, a resource name, a page name — and a line break in it let
/// <c>::error …</c>, <c>::add-mask::…</c> or <c>::stop-commands::…</c> (which would hide the real annotations after it)
/// start a line of the job log. GitHub's own way out: <c>::stop-commands::TOKEN</c> before, <c>::TOKEN::</c> after,
/// with a token the text cannot know. The runner reads standard output and standard error as they come, in no set
/// order between the two: the pause is only sound on the stream the untrusted text is written to.
/// </summary>
internal sealed class WorkflowCommandPause : IDisposable
{
    private readonly TextWriter? _output;
    private readonly string _token = Guid.NewGuid().ToString("N");

    private WorkflowCommandPause(TextWriter? output)
    {
        _output = output;
        _output?.WriteLine($"::stop-commands::{_token}");
    }

    /// <summary>Pauses the runner's commands on <paramref name="output"/> until disposed; outside GitHub Actions, nothing.</summary>
    /// <param name="output">The stream the untrusted text is written to.</param>
    public static WorkflowCommandPause Around(TextWriter output) =>
        new(Environment.GetEnvironmentVariable("GITHUB_ACTIONS") == "true" ? output : null);

    /// <summary>Resumes the runner's commands (the annotations written after this are read again).</summary>
    public void Dispose() => _output?.WriteLine($"::{_token}::");
}
