using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RunbookSdk.Generators.Model;
using Scriban.Runtime;

namespace RunbookSdk.Generators.Docs;

/// <summary>
/// What a page says when the generator could not read part of its <c>Define</c> (RB0101): the build warns the developer,
/// but the on-call engineer reads the page, which showed no sign of it — it could lack steps the runner runs, or say no
/// verification was defined while the runner verifies. The notice stands near the top, names what was not read and
/// where, and says how to see everything the runner does.
/// </summary>
internal static class IncompleteNotice
{
    /// <summary>How many unread parts the notice names before "and N more": the build's warnings list them all.</summary>
    public const int Named = 3;

    /// <summary>
    /// The built-in page's notice for a runbook, a markdown quote; null when everything was read. The <c>--dry-run</c>
    /// commands are the ones the page's introduction gives.
    /// </summary>
    public static string? ForRunbook(EquatableArray<UnreadModel> unread, string id) =>
        Notice(unread, "this runbook's", "the runner runs " + (unread.Count == 1 ? "it" : "them") + ". In the runbook app's folder, " +
            Markdown.Code("dotnet run -- run " + id + " --dry-run") + " (or " + Markdown.Code("runbook run . " + id + " --dry-run") + ") prints every step the runner runs");

    /// <summary>The built-in page's notice for a handbook; null when everything was read.</summary>
    public static string? ForHandbook(EquatableArray<UnreadModel> unread) =>
        Notice(unread, "this handbook's", "the runner uses " + (unread.Count == 1 ? "it" : "them") + ". In a runbook app's folder, " +
            Markdown.Code("dotnet run -- run <runbook id> --dry-run") + " prints the escalation levels that apply to that runbook");

    /// <summary>Each unread part for a template of the project's own: <c>what</c> (a code span), <c>file</c> (a code span, or empty) and <c>line</c> (0 when unknown).</summary>
    public static ScriptArray Items(EquatableArray<UnreadModel> unread)
    {
        var items = new ScriptArray(unread.Count);
        foreach (var part in unread)
        {
            var item = new ScriptObject(3);
            item["what"] = Markdown.Code(part.What);
            item["file"] = part.FileName.Length == 0 ? "" : Markdown.Code(part.FileName);
            item["line"] = part.Line;
            items.Add(item);
        }

        return items;
    }

    private static string? Notice(EquatableArray<UnreadModel> unread, string whose, string stillRuns)
    {
        if (unread.Count == 0) return null;
        var named = unread.Take(Named).Select(Describe).ToList();
        var list = unread.Count > Named
            ? string.Join(", ", named) + " and " + (unread.Count - Named).ToString(CultureInfo.InvariantCulture) + " more"
            : named.Count == 1 ? named[0] : string.Join(", ", named.Take(named.Count - 1)) + " and " + named[named.Count - 1];
        return "> **This page may be incomplete.** The generator could not read " + list + " in " + whose + " `Define` (build warning RB0101): " +
            "what " + (unread.Count == 1 ? "it adds" : "they add") + " is not on this page, but " + stillRuns + ".";
    }

    // `Helpers.AddAll(rb)` (`ApiDown.cs`, line 12): the code as RB0101 quotes it, and where it is written.
    private static string Describe(UnreadModel part)
    {
        var where = new List<string>(2);
        if (part.FileName.Length > 0) where.Add(Markdown.Code(part.FileName));
        if (part.Line > 0) where.Add("line " + part.Line.ToString(CultureInfo.InvariantCulture));
        return Markdown.Code(part.What) + (where.Count == 0 ? "" : " (" + string.Join(", ", where) + ")");
    }
}
