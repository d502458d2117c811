using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using RunbookSdk.Import.Outline;

namespace RunbookSdk.Import.Recognition;

/// <summary>
/// A paragraph (or a list item's paragraph) that tells the reader to run the shell command in its one code span, as wikis
/// write commands inline rather than in fenced blocks: the span alone (<c>`curl -fsS http://api/health`</c>), after a
/// lead-in ending with a colon (<c>Check the error rate: `curl …`</c>), after a verb (<c>Run `kubectl …`.</c>), after
/// what it is for and a verb (<c>To roll back, run `kubectl …`.</c>) or after an order and its means (<c>Restart the pods
/// with `kubectl rollout restart deploy/api`</c>, <c>Check the lag using `…`</c>). Read as
/// words, the runner asked the engineer to type what the document gives as a command, and a rollback or verification
/// written that way ran nothing. A span that names something (<c>the `payments` queue</c>), a span in the middle of a
/// sentence, a span that is no command (<see cref="UnlabelledShell"/>) and a lead-in that shows rather than orders
/// (<c>Example:</c>, <c>Never run:</c>, <c>Unless …:</c>, <c>Otherwise:</c>) stay text. A lead-in that names a case
/// (<c>If the pods are stuck: `kubectl delete pod …`</c>, <c>When the disk is full, run `…`</c>) gives the command with
/// that condition: the step runs only if it holds (<c>OnlyIf</c>).
/// </summary>
internal static partial class InlineCommand
{
    /// <summary>
    /// A command written inline: the title its lead-in gives (null when it has none: the span alone, or a verb), and the
    /// case it is for (<c>the pods are stuck</c>), or null when it is for every case.
    /// </summary>
    /// <remarks><paramref name="Numbered"/>: the lead-in numbers a step (<c>Step 1:</c>), so the command is a step of its own.</remarks>
    internal readonly record struct Found(string? Title, string Command, string? Condition = null, bool Numbered = false);

    /// <summary>
    /// The command <paramref name="paragraph"/> (whose inline markdown is <paramref name="inline"/>) tells the reader to
    /// run, with the title and the condition its lead-in gives, or null when it is text.
    /// </summary>
    public static Found? Read(ParagraphBlock paragraph, string inline)
    {
        if (Span(paragraph, inline) is not var (command, lead)) return null;
        if (lead.Length == 0 || Verb().IsMatch(lead)) return new(null, command);
        // "Step 1: `kubectl drain node-1`", "Step 2 - Uncordon the node: `…`": the number is no title, the runner numbers steps.
        if (StepNumber.IsBare(lead)) return new(null, command, Numbered: true);
        if (lead.EndsWith(':') && StepNumber.Title(lead) is { } numbered) return new(numbered, command, Numbered: true);
        // "If the pods are stuck:", "When the disk is full, run", "If the lag keeps growing, restart the consumer:": a
        // command for a case, the words after the case (when they are more than "run") its title, else the lead-in.
        if (Conditional().Match(lead) is { Success: true } conditional)
        {
            var then = conditional.Groups["then"].Value.Trim();
            // "If the pods are stuck, restart them with `…`": the order before the means is the title, as with a colon.
            var thenOrder = then.Length > 0 && !Verb().IsMatch(then) ? OrderBeforeMeans(then) ?? (lead.EndsWith(':') ? then : null) : null;
            if (then.Length > 0 && !Verb().IsMatch(then) && thenOrder is null) return null;
            var condition = conditional.Groups["condition"];
            var title = thenOrder is not null ? char.ToUpperInvariant(thenOrder[0]) + thenOrder[1..] : lead[..(condition.Index + condition.Length)];
            return new(title, command, condition.Value.Trim());
        }
        // "To roll back, run `kubectl rollout undo …`.": the purpose titles the step ("Roll back").
        if (Purpose().Match(lead) is { Success: true } purpose)
        {
            var what = purpose.Groups["what"].Value.Trim();
            return new(char.ToUpperInvariant(what[0]) + what[1..], command);
        }
        // "Restart the pods with `kubectl rollout restart deploy/api`", "Check the lag using `…`", "Verify by running:":
        // the order before the means titles the step. Read as words, the engineer copied the command by hand.
        // "Otherwise, restart them with `…`" alone stays text: only a case before it says when it applies.
        if (!Otherwise().IsMatch(lead) && OrderBeforeMeans(lead) is { } order) return new(order, command);
        if (!lead.EndsWith(':')) return null;
        var plain = lead.TrimEnd(':').TrimEnd();
        if (plain.Length == 0 || RemarkLabel.IsRemark(plain, hasValue: true) || NoOrder().IsMatch(plain)) return null;
        return new(plain, command);
    }

    /// <summary>The command a list item's first paragraph gives inline, or null (<see cref="Read"/>).</summary>
    public static Found? ReadItem(ListItemBlock item, MarkdownOutline outline) =>
        item.FirstOrDefault() is ParagraphBlock paragraph ? Read(paragraph, outline.Inline(paragraph)) : null;

    /// <summary>
    /// The command of the other case, when <paramref name="paragraph"/> follows one for a case (<c>Otherwise: `…`</c>,
    /// <c>Otherwise, run `…`</c>, <c>Else, restart the consumer: `…`</c>), titled by its lead-in; null when it is not
    /// one. Alone, such a paragraph stays text (<see cref="Read"/>): only the case before it says when it applies.
    /// </summary>
    public static Found? ReadOtherwise(ParagraphBlock paragraph, string inline) =>
        Span(paragraph, inline) is var (command, lead) && Otherwise().Match(lead) is { Success: true } otherwise
            && (otherwise.Groups["then"].Value.Trim() is var then && (then.Length == 0 || Verb().IsMatch(then) || lead.EndsWith(':') || OrderBeforeMeans(then) is not null))
            ? new(OtherCaseTitle(lead, otherwise.Groups["then"]), command)
            : null;

    /// <summary>
    /// The title of the other case's step: its lead-in, without the means of an order (<c>Otherwise, restart them with</c>
    /// is <c>Otherwise, restart them</c>).
    /// </summary>
    private static string OtherCaseTitle(string lead, Group then) =>
        OrderBeforeMeans(then.Value.Trim()) is { } order ? lead[..then.Index] + order : lead.TrimEnd(':').TrimEnd();

    /// <summary>
    /// The order in <paramref name="lead"/> when it ends with the means of carrying it out (<c>Restart the pods with</c>,
    /// <c>Check the lag using</c>, <c>Verify the rollout by running:</c>, <c>Drain the node — run</c>): <c>Restart the
    /// pods</c>; null when there is no such ending, or the words before it do not order (<c>Never restart with</c>,
    /// <c>Example with</c>), or describe what someone does or did (<c>The pods are restarted with</c>, <c>We restarted
    /// them with</c>, <c>You can check with</c>), which a runner must not take as a step to run.
    /// </summary>
    private static string? OrderBeforeMeans(string lead)
    {
        if (Means().Match(lead) is not { Success: true } means) return null;
        var order = means.Groups["order"].Value.Trim();
        if (order.Length == 0 || !char.IsLetter(order[0]) || NoOrder().IsMatch(order) || RemarkLabel.IsRemark(order, hasValue: true)) return null;
        return Describes().IsMatch(order) ? null : order;
    }

    /// <summary>
    /// The command of <paramref name="paragraph"/>'s one code span and the plain words before it, when the span ends
    /// the paragraph (a full stop aside) and holds a command; null otherwise.
    /// </summary>
    private static (string Command, string Lead)? Span(ParagraphBlock paragraph, string inline)
    {
        if (paragraph.Inline is not { } container) return null;
        var spans = container.Descendants<CodeInline>().ToList();
        if (spans is not [{ } span] || span.Parent != container) return null;
        // Nothing but a full stop after the span: "`kubectl …` on the bastion" says more than the command.
        for (var after = span.NextSibling; after is not null; after = after.NextSibling)
        {
            if (after is LineBreakInline) continue;
            if (after is not LiteralInline literal || literal.Content.ToString().Trim() is not ("" or "." or ";")) return null;
        }
        var command = span.Content.Trim();
        if (!IsCommand(command)) return null;
        var tick = inline.IndexOf('`');
        if (tick < 0) return null;
        return (command, Text.Plain(ChecklistBox().Replace(inline[..tick].Replace('\n', ' '), "")).Trim());
    }

    /// <summary>
    /// A command the runner can run: what <see cref="UnlabelledShell"/> takes for shell, on one line, and more than a
    /// program's name (<c>Use `kubectl`</c> names the tool), unless it is a script (<c>./failover</c>, <c>drain.sh</c>).
    /// </summary>
    private static bool IsCommand(string command) =>
        command.Length > 0 && !command.Contains('\n') && UnlabelledShell.Holds(command) &&
        (command.Contains(' ') || command.StartsWith("./", StringComparison.Ordinal) || command.EndsWith(".sh", StringComparison.Ordinal));

    // "Run", "Then run:", "Execute the command", "Now type": an order to run what follows, with no title of its own.
    // "Otherwise:", "Otherwise, run", "Else, restart the consumer:": the other case of the one before; what follows the
    // comma is an order or the step's title, as after a case.
    [GeneratedRegex(@"(?i)^(?:otherwise|else)\s*(?::|,\s*(?<then>[^,:]*?)\s*:?)?$")]
    private static partial Regex Otherwise();

    [GeneratedRegex(@"(?i)^(?:(?:then|now|next|first|finally|and)\s*,?\s+)?(?:run|execute|exec|type|enter|issue|invoke|use)(?:\s+(?:this|the(?:\s+following)?)\s+command)?\s*:?$")]
    private static partial Regex Verb();

    // "To roll back, run", "To check the lag, execute:": what the command is for, then the order to run it.
    [GeneratedRegex(@"(?i)^to\s+(?<what>[^,:]+?)\s*,\s*(?:then\s+|just\s+)?(?:run|execute|use|type)(?:\s+(?:this|the(?:\s+following)?)\s+command)?\s*:?$")]
    private static partial Regex Purpose();

    // "Restart the pods with", "Check the lag using:", "Verify the rollout by running", "Drain the node, then run": an order,
    // then the means of carrying it out. A bare "run" after the order needs a mark between them ("Drain the node: run"),
    // since "Drain the node and run" is two things to do.
    [GeneratedRegex(@"(?i)^(?<order>.+?)\s*(?:(?:,\s*)?(?:\bwith|\busing|\bvia|\bby\s+(?:running|executing|calling|typing|using))|(?:[,:;]|\s[—–-])\s*(?:then\s+|just\s+)?(?:run|execute|use))(?:\s+(?:this|the(?:\s+following)?)\s+command)?\s*:?$")]
    private static partial Regex Means();

    // Words that say what someone does or did rather than order it: a subject first ("The pods are restarted", "We
    // restarted", "You can check", "It is done"), or a verb in the past ("Restarted the pods", "Applied the fix", as a
    // timeline notes it; not "Proceed", "Feed").
    [GeneratedRegex(@"(?i)^(?:(?:the|a|an|this|that|these|those|it|its|we|you|they|i|he|she|our|your|their|there|someone|somebody|one|engineers?|on-?call)\b|\w{2,}[^\We]ed\b|\w+ied\b)")]
    private static partial Regex Describes();

    // "If the pods are stuck:", "When the queue is over 10k, run", "Only if the primary is down, then fail over:": the case
    // ends at the first comma or colon, as a sub-item's does. What follows the comma is an order or the step's title.
    [GeneratedRegex(@"(?i)^(?:only\s+)?(?:if|when|in\s+case)\s+(?<condition>[^,:]+?)\s*(?::|,\s*(?:then\s*,?\s*)?(?<then>[^,:]*?)\s*:?)$")]
    private static partial Regex Conditional();

    // Lead-ins that show a command rather than order it ("Example:", "Expected output:"), forbid it ("Never run:", "Do not
    // use:") or make it depend on a case the runner cannot tell ("If the pods are stuck:", "Otherwise:").
    [GeneratedRegex(@"(?i)^(?:examples?|e\.g\.?|for example|for instance|sample|output|expected( output)?|result|returns?|syntax|usage|if\b.*|otherwise|else|when\b.*|unless\b.*|never\b.*|don'?t\b.*|do not\b.*|avoid\b.*|not\b.*)$")]
    private static partial Regex NoOrder();

    [GeneratedRegex(@"^\s*\[[ xX]\]\s*")]
    private static partial Regex ChecklistBox();
}
