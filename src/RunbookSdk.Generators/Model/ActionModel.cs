using System.Collections.Generic;
using System.Linq;

namespace RunbookSdk.Generators.Model;

/// <summary>
/// One action of a step as read from source. <see cref="Kind"/> is shell, http, manual, wait, monitor,
/// delegate, notify, snippet or note; the other members apply to the kinds that use them.
/// </summary>
internal sealed record ActionModel(string Kind, TextValue Text)
{
    // Shared: every action of every runbook starts with it, and each one used to allocate two arrays for it.
    private static readonly EquatableArray<int> OnlyExitCodeZero = new(System.Collections.Immutable.ImmutableArray.Create(0));

    public string? Comment { get; init; }
    public EquatableArray<int> ExpectedExitCodes { get; init; } = OnlyExitCodeZero;
    public DurationModel? Timeout { get; init; }
    public int Attempts { get; init; } = 1;
    public DurationModel? RetryBackoff { get; init; }
    public string? Method { get; init; }
    public EquatableArray<HeaderModel> Headers { get; init; } = EquatableArray<HeaderModel>.Empty;
    public string? Body { get; init; }
    public int? ExpectedStatus { get; init; }
    public EquatableArray<string> BodyContains { get; init; } = EquatableArray<string>.Empty;
    public EquatableArray<HeaderModel> JsonEquals { get; init; } = EquatableArray<HeaderModel>.Empty;
    public DurationModel? Duration { get; init; }
    public string? Channel { get; init; }
    public string? Language { get; init; }
    public string? Caption { get; init; }

    /// <summary>
    /// Refinements as <c>name=value</c> texts. Must match RunbookSdk.Hosting.PlanOutlines exactly: the
    /// docs-and-runner agreement test compares the two.
    /// </summary>
    public IReadOnlyList<string> Details()
    {
        var details = new List<string>();
        switch (Kind)
        {
            case "shell":
                if (Comment is not null) details.Add("comment=" + Comment);
                if (!ExpectsOnlyExitCodeZero) details.Add("expect-exit=" + string.Join(",", ExpectedExitCodes));
                if (Timeout is not null) details.Add("timeout=" + Format(Timeout));
                if (Attempts != 1) details.Add(RetryDetail());
                break;
            case "http":
                details.Add("method=" + Method);
                if (Comment is not null) details.Add("comment=" + Comment);
                details.AddRange(Headers.Select(h => "header=" + h.Name + ": " + h.Value));
                if (Body is not null) details.Add("body=" + Body);
                if (ExpectedStatus is { } status) details.Add("expect-status=" + status);
                details.AddRange(BodyContains.Select(text => "expect-body=" + text));
                details.AddRange(JsonEquals.Select(j => "expect-json=" + j.Name + "=" + j.Value));
                if (Timeout is not null) details.Add("timeout=" + Format(Timeout));
                if (Attempts != 1) details.Add(RetryDetail());
                break;
            case "delegate":
                if (Timeout is not null) details.Add("timeout=" + Format(Timeout));
                break;
            case "wait":
            case "monitor":
                details.Add("duration=" + (Duration is null ? "" : Format(Duration)));
                break;
            case "notify":
                if (Channel is not null) details.Add("channel=" + Channel);
                break;
            case "snippet":
                details.Add("language=" + Language);
                if (Caption is not null) details.Add("caption=" + Caption);
                break;
        }
        return details;
    }

    // The back-off the runtime model holds when Retry's is not known (2 seconds).
    private string RetryDetail() => "retry=" + Attempts + "x" + (RetryBackoff is null ? "00:00:02" : Format(RetryBackoff));

    /// <summary>The default expectation: the command succeeds with exit code 0 and nothing else.</summary>
    public bool ExpectsOnlyExitCodeZero => ExpectedExitCodes.Count == 1 && ExpectedExitCodes[0] == 0;

    private static string Format(DurationModel duration) =>
        duration.Value is { } value ? value.ToString("c", System.Globalization.CultureInfo.InvariantCulture) : duration.Source;
}

internal sealed record HeaderModel(string Name, string Value);
