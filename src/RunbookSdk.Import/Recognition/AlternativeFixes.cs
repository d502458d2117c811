using System.Text.RegularExpressions;

namespace RunbookSdk.Import.Recognition;

/// <summary>One way to do it, of several a document offers: its name and its pieces of the shell block.</summary>
internal sealed record Alternative(string Name, List<ShellPiece> Pieces);

/// <summary>
/// A shell block that offers alternatives rather than a sequence: one the engineer picks from, such as MacroAi's
/// <c># Common mitigation strategies</c> over <c># 1. Service restart</c>, <c># 2. Database connection reset</c>,
/// <c># 3. Cache clear</c> (<c>redis-cli FLUSHALL</c>) …, or a command followed by <c># Or manually via ECS</c> and the
/// other way. Imported as one sequence, the runner ran every alternative one after the other — restart, flush the
/// cache, roll back and scale in one go —, so each becomes a step of its own that runs only when chosen.
/// Numbered groups without such an announcement (<c># 1. Check database status</c>, <c># 2. Check for corruption</c>)
/// are a procedure, and stay one.
/// </summary>
internal static partial class AlternativeFixes
{
    /// <summary>
    /// The lead-in (notes before the first alternative) and the alternatives, or null when the block is a sequence.
    /// <paramref name="stepTitle"/>: the title of the step the block is in, which may announce a choice too.
    /// </summary>
    public static (List<ShellPiece> LeadIn, List<Alternative> Alternatives, string Noun)? Find(List<ShellPiece> pieces, string stepTitle)
    {
        if (pieces.Any(p => p.Output is not null)) return null; // a transcript shows what ran, it offers no choice
        return NumberedStrategies(pieces, stepTitle) ?? OrAlternatives(pieces);
    }

    /// <summary>The condition of an alternative's step, worded to follow "Only if".</summary>
    public static string Condition(string name, string noun, int count) =>
        $"you choose '{name}' as the {noun} (one of {count} alternatives)";

    private static (List<ShellPiece>, List<Alternative>, string)? NumberedStrategies(List<ShellPiece> pieces, string stepTitle)
    {
        var leadIn = pieces.TakeWhile(p => p.Command is null).ToList();
        var announcement = string.Join(" ", leadIn.Select(p => p.Comment)) + " " + stepTitle;
        if (!Announces().IsMatch(announcement)) return null;

        var alternatives = new List<Alternative>();
        foreach (var piece in pieces.Skip(leadIn.Count))
        {
            // The group's heading is the last line of the comments above its first command ("# 3. Cache clear").
            var lines = piece.Comment?.Split("\n# ") ?? [];
            if (lines.Length > 0 && Numbered().Match(lines[^1]) is { Success: true } numbered)
            {
                var before = lines[..^1];
                if (before.Length > 0 && alternatives.Count > 0) alternatives[^1].Pieces.Add(new ShellPiece(null, string.Join("\n# ", before)));
                // The group's heading stays the command's comment too: the page's code block reads as the document's.
                alternatives.Add(new Alternative(numbered.Groups["name"].Value.Trim(), [piece with { Comment = lines[^1] }]));
            }
            else if (alternatives.Count > 0)
            {
                alternatives[^1].Pieces.Add(piece);
            }
            else
            {
                return null; // a command before the first numbered group: not a plain list of choices
            }
        }
        return alternatives.Count >= 2 && alternatives.All(a => a.Pieces.Any(p => p.Command is not null))
            ? (leadIn, alternatives, Noun(announcement))
            : null;
    }

    /// <summary>
    /// <c>cmd</c>, then <c># Or …</c> and another command, and perhaps more such: only a block of exactly one command per
    /// way. With other commands around, which of them belong to which way is not written down: the import keeps the
    /// block as it is and warns.
    /// </summary>
    private static (List<ShellPiece>, List<Alternative>, string)? OrAlternatives(List<ShellPiece> pieces)
    {
        var leadIn = pieces.TakeWhile(p => p.Command is null).ToList();
        var rest = pieces.Skip(leadIn.Count).ToList();
        if (rest.Count < 2 || rest.Any(p => p.Command is null)) return null;
        var alternatives = new List<Alternative>();
        for (var i = 0; i < rest.Count; i++)
        {
            var lines = rest[i].Comment?.Split("\n# ") ?? [];
            var heading = lines.Length > 0 ? lines[^1] : null;
            if (i == 0)
            {
                alternatives.Add(new Alternative(heading ?? FirstWords(rest[i].Command!), [rest[i]]));
                continue;
            }
            if (heading is null || Or().Match(heading) is not { Success: true } or) return null;
            var name = or.Groups["name"].Value.Trim();
            // "# Or manually via ECS" stays the command's comment: it says, on the page too, what the step is instead of.
            alternatives.Add(new Alternative(name.Length == 0 ? FirstWords(rest[i].Command!) : char.ToUpperInvariant(name[0]) + name[1..], [rest[i]]));
        }
        return (leadIn, alternatives, "way to do this");
    }

    private static string FirstWords(string command) => string.Join(' ', command.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Take(3));

    private static string Noun(string announcement) => NounFor(announcement);

    /// <summary>What the choice is of, for the condition's wording: "mitigation" when the text speaks of one.</summary>
    public static string NounFor(string text) => Mitigation().IsMatch(text) ? "mitigation" : "option";

    /// <summary>
    /// A heading over alternatives rather than a sequence: "Common Mitigation Strategies", "Mitigation options",
    /// "Common Mitigation Actions" (a catalogue, by issue, to pick from), "Alternatives".
    /// </summary>
    public static bool AnnouncesCatalogue(string title) => Announces().IsMatch(title) || CommonFixes().IsMatch(title);

    // "Common Mitigation Actions", "Common fixes", "Common remediations": a catalogue, not a procedure.
    [GeneratedRegex(@"(?i)\bcommon\b.*\b(mitigations?|remediations?|fix(es)?|solutions)\b")]
    private static partial Regex CommonFixes();

    // "Common mitigation strategies", "Options", "Pick one of", "Alternatives", "Choose".
    [GeneratedRegex(@"(?i)\b(strateg(y|ies)|options|alternatives|choose|pick)\b")]
    private static partial Regex Announces();

    [GeneratedRegex(@"(?i)\bmitigat")]
    private static partial Regex Mitigation();

    // "1. Service restart", "2) Cache clear", "Option 3: Scale up"
    [GeneratedRegex(@"^(?i:option\s+)?\d{1,2}\s*[.):]\s*(?<name>\S.*)$")]
    private static partial Regex Numbered();

    // "Or manually via ECS", "Alternatively: restart the pods", "Or use auto-scaling"
    [GeneratedRegex(@"(?i)^(or|alternatively|alternative:)\b[\s:,]*(?<name>.*)$")]
    private static partial Regex Or();
}
