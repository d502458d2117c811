namespace RunbookSdk.Execution;

/// <summary>
/// The C# code (<c>Execute(...)</c>) a run is in, as the journal will record it: a runner going away (a SIGTERM, a
/// SIGHUP, a second Ctrl+C) journals it from here — what it wrote to the console so far, masked, and that it was
/// interrupted — since the run's own flow never gets to. The code cannot be killed as a command's processes are; it
/// ends with the runner's process.
/// </summary>
/// <param name="key">The journal key of its step.</param>
/// <param name="title">Its step's title.</param>
/// <param name="stepStarted">When its step started (a monotonic timestamp of the run's clock).</param>
/// <param name="description">The code's description, as journaled.</param>
internal sealed class RunningCode(string key, string title, long stepStarted, string description)
{
    /// <summary>The journal key of its step.</summary>
    public string Key => key;

    /// <summary>Its step's title.</summary>
    public string Title => title;

    /// <summary>When its step started (monotonic).</summary>
    public long StepStarted => stepStarted;

    /// <summary>The code's description.</summary>
    public string Description => description;

    /// <summary>What it wrote to the console so far, masked (the step's capture).</summary>
    public required Func<IReadOnlyList<string>> WrittenSoFar { get; init; }

    /// <summary>When the code started (monotonic); meaningful once <see cref="Body"/> is set.</summary>
    public long Started { get; private set; }

    /// <summary>The code's task once it was started; null while the runner may still decide not to start it.</summary>
    public Task? Body { get; private set; }

    /// <summary>The code started: from now on a runner going away journals it.</summary>
    public void Start(Task body, long started)
    {
        Started = started;
        Body = body;
    }
}
