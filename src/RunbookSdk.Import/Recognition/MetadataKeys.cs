using RunbookSdk.Import.Outline;

namespace RunbookSdk.Import.Recognition;

/// <summary>
/// Keys of a document's metadata (YAML front matter, a <c>Field | Value</c> table at the top) and the document fact
/// each one is (see <see cref="HandbookReader.ReadFact"/>). Metadata names a fact by a bare key (<c>team</c>,
/// <c>date</c>), which in running text could mean anything, so these aliases apply to metadata only.
/// </summary>
internal static class MetadataKeys
{
    private static readonly Dictionary<string, string> s_facts = new(StringComparer.Ordinal)
    {
        ["owner"] = "owner",
        ["owners"] = "owner",
        ["owned by"] = "owner",
        ["team"] = "owner",
        ["maintainer"] = "owner",
        ["maintainers"] = "owner",
        ["maintained by"] = "owner",
        ["last updated"] = "last updated",
        ["updated"] = "last updated",
        ["last reviewed"] = "last reviewed",
        ["date"] = "last updated",
        ["next review"] = "next review",
        ["next review date"] = "next review",
        ["review date"] = "next review",
        ["review by"] = "next review",
        ["environment"] = "environment",
        ["env"] = "environment",
    };

    /// <summary>The key in lower case, its words separated by single spaces (<c>last_updated</c> → <c>last updated</c>).</summary>
    public static string Normalise(string key) =>
        string.Join(" ", Text.Plain(key).ToLowerInvariant().Split([' ', '_', '-'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The fact <paramref name="key"/> names, or null.</summary>
    public static string? Fact(string key) => s_facts.GetValueOrDefault(Normalise(key));
}
