using RunbookSdk.Model;

namespace RunbookSdk.Execution;

/// <summary>
/// <c>OneOf</c> decisions in a live run: asked once, when the run reaches the first option still to run; the chosen
/// option then runs as any step, and the others are skipped. The choice and the skipped options are journaled at once,
/// so a resume finds the decision made even when the chosen step failed or the run died in it.
/// </summary>
internal sealed partial class LiveRun
{
    /// <summary>
    /// The <c>--choose</c> answers a resume was given for decisions the journal's run made otherwise. A decision is made
    /// once in a run — the options not taken are journaled skipped, and the one taken may have run — so the journal's
    /// answer stands; before, the other answer was ignored without a word, and the engineer believed their option ran.
    /// </summary>
    internal IReadOnlyList<OverruledChoice> ChoicesTheJournalMade()
    {
        if (_resume is null) return [];
        var overruled = new List<OverruledChoice>();
        foreach (var (section, steps) in Sections())
        {
            foreach (var group in ChoiceGroup.All(steps))
            {
                var remaining = Enumerable.Range(group.Start, group.Options.Count).Where(j => !IsCompleted(StepKey(section, j), section)).ToArray();
                if (remaining.Length > 1 || remaining.Length == group.Options.Count) continue; // not decided in the resumed journal
                if (_choices.Given(group) is not { Problem: null } given || _choices.Typed(group) is not { } typed) continue;
                _resume.Decisions.TryGetValue(group.Title.Trim(), out var recorded);
                // A journal older than its choice records (or one that lost it) still tells the option left to run.
                int? made = recorded is not null
                    ? (recorded.Option is > 0 and var number && number <= group.Options.Count ? number - 1 : null)
                    : remaining.Length == 1 ? remaining[0] - group.Start : -1;
                if (made == -1 || made == given.Option) continue;
                var standing = made is { } m ? $"'{group.Options[m].Title}' (option {m + 1})" : "none of its options";
                var who = recorded is { Operator: { } user } ? $"by {user}{(recorded.At is { } at ? $" at {FormatTime(at)}" : "")}" : null;
                overruled.Add(new OverruledChoice(group.Title, made is { } t ? group.Options[t].Title : "none", made,
                    $"{typed} is not taken: the journal's run already chose {standing} for '{group.Title}'{(who is null ? "" : $" ({who})")}, "
                    + "and that answer stands: the resume goes on with it. A decision is made once in a run; to decide it again, start the "
                    + "runbook afresh (without --resume)."));
            }
        }
        return overruled;
    }

    /// <summary>Makes the decision <paramref name="index"/>'s step belongs to, unless made; null when the run goes on, else what stops it.</summary>
    private async Task<StepOutcome?> DecideAsync(string section, PhasePlan phase, int index, CancellationToken cancellationToken)
    {
        var group = ChoiceGroup.At(phase.Steps, index)!;
        var id = $"{section}/{group.Start}";
        if (_decided.ContainsKey(id)) return null;
        var keys = Enumerable.Range(group.Start, group.Options.Count).Select(j => StepKey(section, j)).ToArray();
        // The earlier run decided: it journaled the options it did not choose as skipped, and the chosen one is left.
        if (keys.Count(k => !IsCompleted(k, section)) == 1 && keys.Length > 1)
        {
            _decided[id] = Array.FindIndex(keys, k => !IsCompleted(k, section));
            return null;
        }

        _console.Step($"Choose one: {group.Title}");
        ListOptions(_console, group);

        int? chosen;
        string by;
        if (_choices.Given(group) is { Problem: null } given)
        {
            (chosen, by) = (given.Option, StepChoices.Flag);
        }
        else if (!Interactive)
        {
            // Preflight refuses such a run before anything runs; this keeps a caller that skipped it from guessing.
            _journal.Write("choice", ("key", keys[0]), ("about", "alternative"), ("group", group.Title), ("choice", "refused"), ("by", "--non-interactive"));
            return new StepOutcome(StepResult.Failed, $"'{group.Title}' is a choice, and --non-interactive never asks: pass {StepChoices.Flag} \"{group.Title}=<option>\", or run interactively");
        }
        else
        {
            SayTheDecisionsOptions(group);
            try
            {
                chosen = await AskAsync(StepKey(section, index), phase.Steps[index].Title, "alternative", $"the choice '{group.Title}'",
                    () => _prompts.ChooseAsync($"Choose one: {group.Title}", group.Options.Select(o => o.Title).ToArray(), cancellationToken), group.Title);
                cancellationToken.ThrowIfCancellationRequested();
                // An index no option has (a front end answering the number shown, from 1) is no answer either: thrown
                // after the prompt, it ended the run outside any step, with no rollback, verification or run-finished.
                if (chosen is < 0 || chosen >= group.Options.Count)
                    throw new InvalidOperationException($"the operator prompts answered option index {chosen} of '{group.Title}', which has {group.Options.Count} options (indexes 0 to {group.Options.Count - 1}, or null for none of them)");
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                _journal.Write("choice", ("key", keys[0]), ("about", "alternative"), ("group", group.Title), ("choice", "interrupted"), ("by", "operator"));
                return new StepOutcome(StepResult.Interrupted, $"interrupted by the operator (Ctrl+C) at the choice '{group.Title}'; none of its options ran");
            }
            catch (Exception e) when (UnansweredQuestion.Is(e, cancellationToken))
            {
                // Not "none of these" either: that is a decision, and the run would go on past it on a guess.
                var why = Unanswered($"choice '{group.Title}'", e);
                _journal.Write("choice", ("key", keys[0]), ("about", "alternative"), ("group", group.Title), ("choice", "unanswered"), ("reason", why));
                return new StepOutcome(StepResult.Aborted, $"{why}; none of its options ran");
            }
            by = "operator";
        }

        _decided[id] = chosen;
        var choice = chosen is { } c ? group.Options[c].Title : "none";
        _journal.Write("choice", ("key", keys[0]), ("about", "alternative"), ("group", group.Title), ("choice", choice),
            ("option", chosen + 1), ("by", by));
        _console.Info(chosen is { } taken ? $"chosen: {taken + 1}. {choice}" : "chosen: none of these; every option is skipped");
        var reason = chosen is null
            ? $"not chosen: none of the options of '{group.Title}' was taken"
            : $"not chosen: '{group.Title}' took '{choice}'";
        for (var k = 0; k < keys.Length; k++)
        {
            if (k == chosen || IsCompleted(keys[k], section)) continue;
            _notChosen[keys[k]] = reason;
            _journal.Write("step-finished", ("key", keys[k]), ("title", group.Options[k].Title), ("result", "skipped"),
                ("reason", reason), ("durationMs", 0L));
        }
        return null;
    }
}

/// <summary>
/// A <c>--choose</c> answer a resume did not take, as the journal had decided otherwise: the decision, the answer that
/// stands (its title, <c>none</c>; and its index among the options, null for none), and what the console says.
/// </summary>
internal sealed record OverruledChoice(string Group, string Standing, int? StandingOption, string Message);
