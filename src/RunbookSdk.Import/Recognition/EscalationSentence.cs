using System.Text.RegularExpressions;
using RunbookSdk.Import.Model;

namespace RunbookSdk.Import.Recognition;

/// <summary>
/// An escalation level written as a sentence, as wiki pages write it: "Escalate to the database team (#dba-oncall) if not
/// resolved in 30 minutes.", "If this doesn't work within 15 min, page the platform on-call.", "After 1 hour, call the VP
/// of Engineering at +1 555 0199." Who, after how long, and the contact only where the sentence writes one (in brackets,
/// or after <c>at</c>/<c>via</c>/<c>on</c>/<c>in</c>: a channel, a handle, an e-mail address or a phone number).
/// </summary>
/// <remarks>
/// A sentence is read only when it both tells someone to be reached (escalate to, page, call, contact, notify, …) and
/// gives the time as a delay (<c>after</c>, <c>within</c>, <c>in</c>, <c>more than</c> …): "Page the DBA" alone says
/// when no more than a list item without a time, which cannot be ordered (RB0008).
/// </remarks>
internal static partial class EscalationSentence
{
    /// <summary>The escalation levels of <paramref name="text"/>, one per sentence; null unless every sentence is one.</summary>
    public static List<ImportedEscalationLevel>? ReadAll(string text)
    {
        var sentences = Sentences(text);
        var levels = new List<ImportedEscalationLevel>();
        foreach (var sentence in sentences)
        {
            if (Read(sentence) is not { } level) return null;
            levels.Add(level);
        }
        return levels.Count > 0 ? levels : null;
    }

    /// <summary>The sentences of <paramref name="text"/>.</summary>
    public static List<string> Sentences(string text) => [.. SentenceEnd().Split(text.Trim()).Where(s => s.Trim().Length > 0)];

    /// <summary>The level <paramref name="sentence"/> gives, or null when it is not an escalation with a delay.</summary>
    public static ImportedEscalationLevel? Read(string sentence)
    {
        var text = Whitespace().Replace(sentence, " ").Trim().TrimEnd('.', '!', ' ');
        var match = ReachThenWhen().Match(text);
        if (!match.Success) match = WhenThenReach().Match(text);
        if (!match.Success) return null;
        if (Times.Duration(match.Groups["delay"].Value) is not { } after) return null;
        var who = match.Groups["who"].Value.Trim();
        if (who.Length == 0 || !who.Any(char.IsLetter)) return null;
        var contact = match.Groups["contact"].Success ? match.Groups["contact"].Value.Trim() : null;
        return new ImportedEscalationLevel(char.ToUpperInvariant(who[0]) + who[1..], after, contact);
    }

    private const string Reach =
        @"(?:escalate(?:\s+(?:it|this|the\s+incident))?\s+to|page|call|contact|notify|ping|loop\s+in|reach\s+out\s+to|hand(?:\s+(?:it|this))?\s+over\s+to|engage|involve)";

    // "the database team", "the platform on-call": words up to a bracket, a comma, or the words that end it.
    private const string Who = @"(?:the\s+)?(?<who>[\p{L}\d][\p{L}\d'&/ -]*?)";

    private const string Contact =
        @"(?:\s*\((?<contact>[^()]+)\)|\s+(?:at|via|on|in)\s+(?<contact>#[\w-]+|@[\w.-]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\+?\d[\d ()-]{5,}\d))?";

    private const string Delay =
        @"(?<delay>(?:within|in|after|past|beyond|(?:more|longer)\s+than|over)\s+(?:\w+\s+)?\d+\s*(?:minutes?|mins?|hours?|hrs?)\b)";

    // "Escalate to WHO (CONTACT) if not resolved in 30 minutes", "Page WHO after 15 minutes without progress".
    [GeneratedRegex(@"^" + Reach + @"\s+" + Who + Contact + @"\s*,?\s+(?:(?:if|when|unless)\b[^,;]*?\s)?" + Delay + @"(?:\s[^,;]*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ReachThenWhen();

    // "If this doesn't work within 15 min, page WHO", "After 1 hour, call WHO at CONTACT".
    [GeneratedRegex(@"^(?:(?:if|when)\b[^,;]*?\s)?" + Delay + @"[^,;]*,\s*(?:then\s+)?" + Reach + @"\s+" + Who + Contact + @"$", RegexOptions.IgnoreCase)]
    private static partial Regex WhenThenReach();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
