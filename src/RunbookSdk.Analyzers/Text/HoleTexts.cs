using System.Collections.Generic;

namespace RunbookSdk.Analyzers.Text;

/// <summary>
/// How a hole reads in a command's flat text, <c>${Name}</c>, made once per name and thread: the same few names (a
/// runbook's parameters) fill most holes of a project, and a string per hole was a large share of what the command
/// rules allocated in a build (docs/performance.md).
/// </summary>
internal static class HoleTexts
{
    // Bounded: an IDE session sees names come and go, and a name costs its string again after a clear.
    private const int MaxNames = 512;

    [System.ThreadStatic] private static Dictionary<string, string>? t_texts;

    public static string Of(string name)
    {
        var texts = t_texts ??= new Dictionary<string, string>(System.StringComparer.Ordinal);
        if (texts.TryGetValue(name, out var text)) return text;
        if (texts.Count >= MaxNames) texts.Clear();
        text = "${" + name + "}";
        texts.Add(name, text);
        return text;
    }
}
