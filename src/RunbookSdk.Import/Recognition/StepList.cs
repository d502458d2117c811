using Markdig.Extensions.Tables;
using Markdig.Syntax;
using RunbookSdk.Import.Outline;

namespace RunbookSdk.Import.Recognition;

/// <summary>
/// Whether a list's items are steps (each one a step of its own, running what it gives) or instructions the engineer
/// follows by hand. The step reader builds the steps by this rule, and the document reader counts the list as something
/// to do by it; decided apart, a list with one item that gives its command inline and one that does not start with
/// words (an empty bullet, a bullet that opens with a code block) made its section a runbook while its items became
/// instructions, with nothing to run.
/// </summary>
internal static class StepList
{
    /// <summary>
    /// True when some item gives its command inline (<see cref="InlineCommand"/>), has code, a list or a table under
    /// its words, or <paramref name="detachedCode"/> (code the document wrote below the last item) is not empty; and every
    /// item starts with words, which title its step.
    /// </summary>
    public static bool ItemsAreSteps(ListBlock list, MarkdownOutline outline, IReadOnlyList<CodeBlock>? detachedCode = null)
    {
        var items = list.OfType<ListItemBlock>().ToList();
        if (!items.All(i => i.FirstOrDefault() is ParagraphBlock)) return false;
        return detachedCode is { Count: > 0 }
            || items.Any(i => i.Skip(1).Any(b => b is CodeBlock or ListBlock or Table))
            || items.Any(i => InlineCommand.ReadItem(i, outline) is not null);
    }
}
