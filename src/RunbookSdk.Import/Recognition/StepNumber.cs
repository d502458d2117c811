using System.Text.RegularExpressions;

namespace RunbookSdk.Import.Recognition;

/// <summary>
/// A step the document numbers itself: <c>Step 1: Drain the node</c>, <c>Step 2 - Patch the kernel</c>,
/// <c>Step 3. Uncordon</c>, as a paragraph or as a heading (<c>#### Step 1: Scale workers</c>). The number says the
/// order, which the runner and the page give every step themselves: kept in the title, the page showed
/// <c>1.1 Step 1: Scale workers</c>. The words after it are the step's title.
/// </summary>
internal static partial class StepNumber
{
    /// <summary>
    /// The title of a numbered step (<c>Drain the node</c> for <c>Step 1: Drain the node</c>), without a closing
    /// period or colon; null when <paramref name="plain"/> (plain text, one line) does not number a step.
    /// </summary>
    public static string? Title(string plain) =>
        NumberedStep().Match(plain) is { Success: true } numbered
            && numbered.Groups["title"].Value.TrimEnd('.', ':').TrimEnd() is { Length: > 0 } title
            ? title
            : null;

    /// <summary>
    /// A heading without the outline number a wiki put before it (<c>3.1 Promote the replica</c>, <c>3.1.2. Drain</c>,
    /// <c>2) Drain</c>): the page numbers steps itself, and kept, it showed <c>3.1 3.1 Promote the replica</c>.
    /// </summary>
    public static string WithoutOutlineNumber(string heading) =>
        OutlineNumber().Match(heading) is { Success: true } number ? heading[number.Length..] : heading;

    // "3.1 ", "3.1.2. ", "1. ", "2) " before a capitalised word; not "404 Errors" (no dot or parenthesis: a number the
    // heading is about), nor "1.5 million requests" (a quantity, not a title's first word).
    [GeneratedRegex(@"^(?:\d+(?:\.\d+)+\.?|\d+[.)])\s+(?=\p{Lu})")]
    private static partial Regex OutlineNumber();

    /// <summary>
    /// True when <paramref name="plain"/> (plain text, one line) is a step's number alone (<c>Step 1</c>, <c>Step 2:</c>):
    /// a wiki that writes <c>**Step 1**</c> over a line of its own titles the step by that line, which the title was
    /// without: the page and the console showed a step "Step 1" that said nothing of what it does.
    /// </summary>
    public static bool IsBare(string plain) => BareNumber().IsMatch(plain);

    [GeneratedRegex(@"(?i)^step\s+\d+[a-z]?\s*[:.)\-\u2013\u2014]?$")]
    private static partial Regex BareNumber();

    // "Step 1: Drain the node", "Step 2 - Patch the kernel", "Step 3. Uncordon" (bold or not, read as plain text). A
    // sentence about a step ("Step 3 is optional") has no separator after the number and is no numbered step.
    [GeneratedRegex(@"(?i)^step\s+\d+[a-z]?\s*[:.)\-\u2013\u2014]\s*(?<title>\S.*)$")]
    private static partial Regex NumberedStep();
}
