using Microsoft.CodeAnalysis.Text;

namespace RunbookSdk.CodeFixes.Completion;

/// <summary>
/// Whether a typed character starts or continues a template name in <c>Notify("…</c>. Asked on every keystroke with
/// the text only, so it reads a few characters back from the caret and binds nothing; the provider checks the call.
/// </summary>
internal static class NotifyTemplateTrigger
{
    /// <summary>How far back a name may start: template names are short, and a long scan costs every keystroke.</summary>
    private const int LongestName = 80;

    public static bool IsTypingTemplateName(SourceText text, int caret, char typed)
    {
        if (typed != '"' && !char.IsLetterOrDigit(typed) && typed != '-' && typed != '_') return false;
        var quote = caret - 1;
        for (var scanned = 0; quote >= 0 && scanned < LongestName && text[quote] != '"'; quote--, scanned++)
        {
            if (text[quote] is '\n' or '\r' or '(' or ')') return false;
        }

        if (quote < 0 || text[quote] != '"') return false;
        var before = SkipSpaceBack(text, quote - 1);
        if (before >= 0 && text[before] == '@') before = SkipSpaceBack(text, before - 1);
        if (before < 0 || text[before] != '(') return false;
        var end = SkipSpaceBack(text, before - 1);
        const string name = "Notify";
        var start = end - name.Length + 1;
        if (start < 0) return false;
        for (var i = 0; i < name.Length; i++)
        {
            if (text[start + i] != name[i]) return false;
        }

        return start == 0 || !(char.IsLetterOrDigit(text[start - 1]) || text[start - 1] == '_');
    }

    private static int SkipSpaceBack(SourceText text, int position)
    {
        while (position >= 0 && char.IsWhiteSpace(text[position])) position--;
        return position;
    }
}
