using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace RunbookSdk.Import.Source;

/// <summary>
/// A document's relative links (<c>[Release Process](./release-process.md)</c>, <c>![topology](images/topology.png)</c>,
/// <c>[db]: ../db/failover.md</c>) lead from the document's folder, and the generated pages live in the project's
/// <c>docs/</c> folder: kept as written, every such link on the page the engineer opens led nowhere. Each is rewritten
/// to lead from <c>docs/</c> to what it named, its <c>#fragment</c> or <c>?query</c> kept. Links to a site
/// (<c>https://…</c>, <c>mailto:</c>), to a path from the root (<c>/wiki/…</c>) and to a place on the page (<c>#api</c>)
/// are left as they are.
/// </summary>
internal static class RelativeLinks
{
    /// <summary>The document with its relative links leading from <paramref name="docsDirectory"/>, and how many were rewritten.</summary>
    /// <param name="source">The document.</param>
    /// <param name="docsDirectory">The folder the generated pages are written to.</param>
    public static (MarkdownSource Source, int Rewritten) Rebase(MarkdownSource source, string docsDirectory)
    {
        var from = Path.GetDirectoryName(Path.GetFullPath(source.File))!;
        var document = Markdown.Parse(source.Text, SourceMarkdown.Pipeline);
        var links = document.Descendants<LinkInline>().Where(l => !l.IsAutoLink).Select(l => (l.Url, l.UrlSpan))
            .Concat(document.Descendants<LinkReferenceDefinition>().Select(d => (d.Url, d.UrlSpan)))
            // The destination as written (not <…>, not a reference whose span is its definition's).
            .Where(l => IsRelative(l.Url) && l.UrlSpan.Length == l.Url!.Length && l.UrlSpan.End < source.Text.Length
                        && source.Text.Substring(l.UrlSpan.Start, l.UrlSpan.Length) == l.Url)
            .DistinctBy(l => l.UrlSpan.Start)
            .OrderByDescending(l => l.UrlSpan.Start)
            .ToList();
        if (links.Count == 0) return (source, 0);

        var text = source.Text;
        foreach (var (url, span) in links)
        {
            var cut = url!.IndexOfAny(['#', '?']);
            var (path, suffix) = cut < 0 ? (url, "") : (url[..cut], url[cut..]);
            var target = WikiPage(Path.GetFullPath(Path.Combine(from, path)));
            var rebased = Path.GetRelativePath(Path.GetFullPath(docsDirectory), target).Replace('\\', '/') + suffix;
            text = text[..span.Start] + rebased + text[(span.End + 1)..];
        }
        return (source with { Text = text }, links.Count);
    }

    /// <summary>
    /// The file of the page <paramref name="name"/> (<c>Database-Failover</c>, <c>Database-Failover.md</c>) in
    /// <paramref name="folder"/>, read as <see cref="Rebase"/> reads a link's destination (a wiki's page without its
    /// extension is its <c>.md</c> file), or null when there is no such file.
    /// </summary>
    public static string? PageFile(string folder, string name)
    {
        var target = WikiPage(Path.GetFullPath(Path.Combine(folder, name)));
        return File.Exists(target) ? target : null;
    }

    /// <summary>
    /// The page a GitHub or GitLab wiki link names: <c>[Database Failover](Database-Failover)</c> leads to the page
    /// <c>Database-Failover.md</c> beside it, which the wiki serves without its extension. Rewritten without it, the link
    /// led from <c>docs/</c> to a file that does not exist. <paramref name="target"/> as it is when it exists, has an
    /// extension, or no such page is there.
    /// </summary>
    private static string WikiPage(string target) =>
        !File.Exists(target) && !Directory.Exists(target) && Path.GetExtension(target).Length == 0 && File.Exists(target + ".md")
            ? target + ".md"
            : target;

    private static bool IsRelative(string? url) =>
        url is { Length: > 0 } && url[0] is not ('#' or '/' or '\\' or '?' or '~' or '{' or '<' or '$')
        && !url.Contains("://", StringComparison.Ordinal)
        && !Uri.TryCreate(url, UriKind.Absolute, out _)
        && !url.Any(char.IsWhiteSpace);
}
