using System.Globalization;

namespace RunbookSdk.Execution;

/// <summary>
/// The answers given in advance to <c>OneOf</c> decisions (<c>--choose "Mitigation strategy=Cache clear"</c>), read
/// against the runbook's decisions: an option's title (case-insensitive) or number from 1, or <c>none</c> (also 0).
/// </summary>
internal sealed class StepChoices(RunnerOptions options)
{
    public const string Flag = "--choose";

    /// <summary>The answers given, for the run's header and journal; null when none was.</summary>
    public string? Mode => options.Choices.Count == 0
        ? null
        : string.Join(", ", options.Choices.Select(c => $"{Flag} \"{c.Key}={c.Value}\""));

    /// <summary>The answer given for <paramref name="group"/> as typed (<c>--choose "Mitigation=1"</c>), or null when none was.</summary>
    public string? Typed(ChoiceGroup group) => Answer(group) is { Key: not null } answer ? $"{Flag} \"{answer.Key}={answer.Value}\"" : null;

    private KeyValuePair<string, string> Answer(ChoiceGroup group) =>
        options.Choices.FirstOrDefault(c => string.Equals(c.Key.Trim(), group.Title.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The answer given for <paramref name="group"/>, or null when it is to be asked.</summary>
    public ChoiceAnswerGiven? Given(ChoiceGroup group)
    {
        var answer = Answer(group);
        if (answer.Key is null) return null;
        var value = answer.Value.Trim();
        if (value.Equals("none", StringComparison.OrdinalIgnoreCase) || value == "0") return new ChoiceAnswerGiven(null, null);
        var byTitle = group.Options.Select((o, i) => (o, i)).Where(x => string.Equals(x.o.Title.Trim(), value, StringComparison.OrdinalIgnoreCase)).ToArray();
        if (byTitle.Length == 1) return new ChoiceAnswerGiven(byTitle[0].i, null);
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= group.Options.Count)
            return new ChoiceAnswerGiven(number - 1, null);
        return new ChoiceAnswerGiven(null,
            $"{Flag} \"{answer.Key}={answer.Value}\": '{answer.Value}' is no option of '{group.Title}'; its options are {group.Numbered}, or none");
    }

    /// <summary>Answers that name no decision of the runbook: a misspelt title must not leave its decision unanswered unnoticed.</summary>
    public IEnumerable<string> Unknown(IReadOnlyCollection<string> decisions) => options.Choices.Keys
        .Where(k => !decisions.Any(d => string.Equals(d.Trim(), k.Trim(), StringComparison.OrdinalIgnoreCase)))
        .Select(k => decisions.Count == 0
            ? $"{Flag} \"{k}=…\": this runbook has no OneOf decision"
            : $"{Flag} \"{k}=…\": this runbook has no decision '{k}'; its decisions are {string.Join(", ", decisions.Distinct(StringComparer.OrdinalIgnoreCase).Select(d => $"'{d}'"))}");

    /// <summary>Why a non-interactive run cannot make <paramref name="group"/>'s decision alone.</summary>
    public static string Unanswered(ChoiceGroup group) =>
        $"'{group.Title}' is a choice of one of {group.Numbered}: pass {Flag} \"{group.Title}=<option title or number>\" (or =none to run none of them), or run interactively";
}

/// <summary>An answer given in advance: the chosen option's index (null for none), or why the answer is no option.</summary>
internal sealed record ChoiceAnswerGiven(int? Option, string? Problem);
