using System.Globalization;
using RunbookSdk.Commands;
using RunbookSdk.Model;

namespace RunbookSdk.Hosting;

/// <summary>
/// Derives a <see cref="PlanOutline"/> from the plan the runner executes. The detail texts use the exact
/// format the generator uses for its documented outline; keep the two in step.
/// </summary>
public static class PlanOutlines
{
    /// <summary>The outline of a recorded plan: phases, then rollback and verification when present.</summary>
    /// <param name="plan">The plan.</param>
    public static PlanOutline FromPlan(RunbookPlan plan)
    {
        var phases = plan.Phases.Select(FromPhase).ToList();
        if (plan.Rollback is not null) phases.Add(FromPhase(plan.Rollback));
        if (plan.Verification is not null) phases.Add(FromPhase(plan.Verification));
        return new PlanOutline(phases);
    }

    /// <summary>Formats a duration as outline details do (<c>c</c> format, invariant).</summary>
    /// <param name="value">The duration.</param>
    public static string FormatDuration(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);

    private static OutlinePhase FromPhase(PhasePlan phase) =>
        new(phase.Name, phase.TimeBox?.ToString(), phase.Steps.Select(FromStep).ToArray());

    private static OutlineStep FromStep(StepPlan step) =>
        new(step.Title, step.RequiresConfirmation, step.Actions.Select(FromAction).ToArray())
        {
            Condition = step.Condition,
            Idempotent = step.Idempotent,
            Choice = step.Choice is { } choice ? $"{choice.Option}/{choice.Options} {choice.Title}" : null,
        };

    private static OutlineAction FromAction(StepAction action) => action switch
    {
        ShellCommandAction shell => new("shell", FromCommand(shell.Command), ShellDetails(shell)),
        HttpRequestAction http => new("http", Literal(http.Url), HttpDetails(http)),
        ManualInstructionAction manual => new("manual", Literal(manual.Text), []),
        WaitAction wait => new("wait", Literal(wait.Reason ?? ""), [$"duration={FormatDuration(wait.Duration)}"]),
        MonitorAction monitor => new("monitor", Literal(monitor.What), [$"duration={FormatDuration(monitor.Duration)}"]),
        DelegateAction @delegate => new("delegate", Literal(@delegate.Description), @delegate.Timeout is { } timeout ? [$"timeout={FormatDuration(timeout)}"] : []),
        NotificationAction notify => new("notify", Literal(notify.Template), notify.Channel is null ? [] : [$"channel={notify.Channel}"]),
        SnippetAction snippet => new("snippet", Literal(snippet.Code), SnippetDetails(snippet)),
        NoteAction note => new("note", Literal(note.Text), []),
        _ => throw new NotSupportedException($"Unknown step action {action.GetType().Name}."),
    };

    private static OutlineSegment[] Literal(string text) => [new(text, IsHole: false)];

    private static OutlineSegment[] FromCommand(CommandTemplate command) => command.Segments
        .Select(s => s switch
        {
            LiteralSegment literal => new OutlineSegment(literal.Text, IsHole: false),
            HoleSegment hole => new OutlineSegment(string.Join(' ', hole.Values), IsHole: true),
            _ => throw new NotSupportedException(),
        })
        .ToArray();

    private static string[] ShellDetails(ShellCommandAction shell)
    {
        var details = new List<string>();
        if (shell.Comment is not null) details.Add($"comment={shell.Comment}");
        if (!shell.ExpectedExitCodes.SequenceEqual([0])) details.Add($"expect-exit={string.Join(",", shell.ExpectedExitCodes)}");
        if (shell.Timeout is { } timeout) details.Add($"timeout={FormatDuration(timeout)}");
        if (shell.Attempts != 1) details.Add($"retry={shell.Attempts}x{FormatDuration(shell.RetryBackoff)}");
        return details.ToArray();
    }

    private static string[] HttpDetails(HttpRequestAction http)
    {
        var details = new List<string> { $"method={http.Method}" };
        if (http.Comment is not null) details.Add($"comment={http.Comment}");
        details.AddRange(http.Headers.Select(h => $"header={h.Key}: {h.Value}"));
        if (http.Body is not null) details.Add($"body={http.Body}");
        if (http.ExpectedStatus is { } status) details.Add($"expect-status={status}");
        details.AddRange(http.BodyContains.Select(text => $"expect-body={text}"));
        details.AddRange(http.JsonEquals.Select(j => $"expect-json={j.Key}={j.Value}"));
        if (http.Timeout is { } timeout) details.Add($"timeout={FormatDuration(timeout)}");
        if (http.Attempts != 1) details.Add($"retry={http.Attempts}x{FormatDuration(http.RetryBackoff)}");
        return details.ToArray();
    }

    private static string[] SnippetDetails(SnippetAction snippet) =>
        snippet.Caption is null ? [$"language={snippet.Language}"] : [$"language={snippet.Language}", $"caption={snippet.Caption}"];
}
