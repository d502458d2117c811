using RunbookSdk.Import.Model;
using RunbookSdk.Import.Outline;
using RunbookSdk.Import.Recognition;
using RunbookSdk.Import.Source;
using RunbookSdk.Import.Writing;

namespace RunbookSdk.Import;

/// <summary>
/// Imports a markdown incident-response document as a runbook project: a handbook class for the shared parts,
/// one runbook class per playbook or procedure, and a .csproj. Files are written only when the whole import
/// succeeded (into a temporary folder first, then moved), so a bad input leaves the output folder untouched. A file of
/// an earlier import that would change or be deleted stops the import unless <see cref="ImportOptions.ReplaceChangedFiles"/>.
/// </summary>
public static class RunbookImporter
{
    /// <summary>
    /// Imports <paramref name="markdownFile"/>; throws <see cref="ImportException"/> for bad input and
    /// <see cref="ImportWouldReplaceException"/> when it would change files of an earlier import (unless allowed).
    /// </summary>
    /// <param name="markdownFile">The markdown document.</param>
    /// <param name="options">Where to write, and how.</param>
    /// <returns>What was written.</returns>
    public static ImportResult Import(string markdownFile, ImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(markdownFile);
        ArgumentNullException.ThrowIfNull(options);
        var source = MarkdownSource.Load(markdownFile);
        var output = Path.GetFullPath(options.OutputDirectory);
        var ns = Namespace(options.Namespace, output, markdownFile);
        var project = Generate(source, ns, options.AllowIncomplete, output, options.RepositoryRoot ?? ProjectFile.FindRepository(output));
        var written = WriteAll(markdownFile, output, project.Files, options.ReplaceChangedFiles);
        return new ImportResult(Path.Combine(output, project.ProjectName + ".csproj"), written, project.RunbookIds, project.Warnings);
    }

    /// <summary>
    /// Names a runbook class must not take: the generated program, the DSL types the imported code names without a
    /// namespace (a class "TimeBox" in the project's namespace would hide RunbookSdk.TimeBox), and the members it declares.
    /// </summary>
    private static readonly string[] s_reservedNames =
    [
        "Program", "Runbook", "Handbook", "RunbookAttribute", "HandbookAttribute", "IRunbookBuilder", "IHandbookBuilder",
        "TimeBox", "TimeSpan", "Parameter", "ParameterAttribute", "Secret", "SecretAttribute", "RunbookSdk", "System", "Define",
    ];

    /// <summary>The generated files of a document, in memory (used by <see cref="Import"/> and by tests).</summary>
    internal sealed record GeneratedProject(string ProjectName, IReadOnlyDictionary<string, string> Files, IReadOnlyList<string> RunbookIds, IReadOnlyList<string> Warnings, ImportedDocument Document);

    internal static GeneratedProject Generate(MarkdownSource source, string ns, bool allowIncomplete, string outputDirectory, string? repository)
    {
        // "[[_TOC_]]" and its kin mark where a wiki draws its contents: no content, and no wiki link.
        source = TableOfContents.Blank(source);
        // "&nbsp;", a line-ending "<br/>" and "<p>…</p>" lines an HTML export left: the runner prints text as written.
        source = HtmlLeftovers.Clean(source);
        // "[[Database Failover]]" is a link to the page beside the document, which the next step leads from docs/.
        source = WikiLinks.Resolve(source);
        // The pages are written to the project's docs/ folder: relative links lead from there to what they named.
        (source, var rebasedLinks) = RelativeLinks.Rebase(source, Path.Combine(outputDirectory, "docs"));
        var outline = MarkdownOutline.Parse(source);
        var document = DocumentReader.Read(outline, Path.GetFileNameWithoutExtension(source.File));
        ParameterExtractor.Extract(document);

        var shortName = ns.Split('.').Last();
        var handbookClass = shortName + "Handbook";
        var baseClass = shortName + "Runbook";
        var taken = new HashSet<string>(s_reservedNames, StringComparer.Ordinal) { handbookClass, baseClass, shortName };
        // A class may not share its name with its members (Define, its parameters).
        taken.UnionWith(document.SharedParameters.Concat(document.Runbooks.SelectMany(r => r.Parameters)).Select(p => p.Name));
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var handbookId = Id(Text.Kebab(shortName, 4), "handbook");
        ids.Add(handbookId);
        foreach (var runbook in document.Runbooks)
        {
            runbook.ClassName = Unique(Identifier(Text.Pascal(runbook.ShortTitle ?? runbook.Title, 5), "ImportedRunbook"), taken);
            runbook.Id = Unique(Id(Text.Kebab(runbook.ShortTitle ?? runbook.Title, 6), "runbook"), ids, "-");
        }

        var warnings = new List<string>(source.Warnings);
        if (rebasedLinks > 0)
            warnings.Add($"{source.File}: {rebasedLinks} relative link(s) rewritten to lead from the project's docs/ folder, where the pages are written, to what they named: they break if the project or the document moves");
        warnings.AddRange(document.Warnings.Select(w => $"{source.File}: {w}"));
        if (document.Runbooks.Count == 0)
            warnings.Add($"{source.File}: no runbook was found (no playbook, runbook or procedure heading, no section of phases or symptoms): "
                + "the project holds the handbook alone, with the document's content as its sections; see what import recognises in docs/import.md");
        foreach (var runbook in document.Runbooks)
        {
            var missing = new List<string>();
            if (document.Handbook.Escalation.Count == 0 && runbook.Escalation.Count == 0) missing.Add("escalation (RB0001)");
            if (runbook.Rollback is null) missing.Add("rollback (RB0002)");
            if (runbook.Verification is null) missing.Add("verification (RB0003)");
            if (missing.Count > 0)
                warnings.Add($"{source.File}: runbook {runbook.Id} has no {string.Join(", ", missing)}{(allowIncomplete ? "; waived (--allow-incomplete)" : "; the build reports it")}");
        }

        // How every file names the document it came from (ImportedFrom).
        var documentReference = ImportedFrom.Reference(source.File, outputDirectory);
        var writer = new SourceWriter(document, ns, source.File, allowIncomplete)
        {
            HandbookClass = handbookClass, BaseClass = baseClass, HandbookId = handbookId, Document = documentReference,
        };
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [shortName + ".csproj"] = ProjectFile.Write(ns, documentReference, outputDirectory, repository),
            [handbookClass + ".cs"] = writer.Handbook(),
        };
        if (writer.SharedBase() is { } shared) files[baseClass + ".cs"] = shared;
        foreach (var runbook in document.Runbooks) files[runbook.ClassName + ".cs"] = writer.Runbook(runbook);
        warnings.AddRange(writer.SecretWarnings);
        return new GeneratedProject(shortName, files, document.Runbooks.Select(r => r.Id).ToList(), warnings, document);
    }

    private static IReadOnlyList<string> WriteAll(string markdownFile, string output, IReadOnlyDictionary<string, string> files, bool replaceChangedFiles)
    {
        var stale = new List<string>();
        if (Directory.Exists(output))
        {
            var foreign = Directory.EnumerateFiles(output, "*", SearchOption.TopDirectoryOnly)
                .Where(f => !IsEarlierImport(f, markdownFile, output)) // also a file of a name this import writes: it would be overwritten
                .Select(f => Path.GetFileName(f)!)
                .Order(StringComparer.Ordinal)
                .ToList();
            if (foreign.Count > 0)
                throw new ImportException(markdownFile, null, $"output folder {output} already holds {Count(foreign.Count, "file")} this import did not write ({Listed(foreign)}); choose an empty folder");

            // Sources of an earlier import of the same document that this one no longer writes would still compile: removed below.
            stale.AddRange(Directory.EnumerateFiles(output, "*.cs").Where(f => !files.ContainsKey(Path.GetFileName(f)) && IsEarlierImport(f, markdownFile, output)).Order(StringComparer.Ordinal));
            if (!replaceChangedFiles)
            {
                // Checked before anything is written: the user may have edited what the last import wrote, and an
                // import that stopped half-way would leave a project mixing both versions.
                var replaced = files.Where(f => Differs(Path.Combine(output, f.Key), f.Value)).Select(f => Path.Combine(output, f.Key)).Order(StringComparer.Ordinal).ToList();
                if (replaced.Count > 0 || stale.Count > 0)
                    throw new ImportWouldReplaceException(markdownFile, output, replaced, stale);
            }
        }
        var parent = Path.GetDirectoryName(output) ?? ".";
        var staging = Path.Combine(parent, $".{Path.GetFileName(output)}.import-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(staging);
            foreach (var (name, text) in files) File.WriteAllText(Path.Combine(staging, name), text, Utf8);
            Directory.CreateDirectory(output);
            foreach (var file in stale) File.Delete(file);
            var written = new List<string>();
            foreach (var name in files.Keys)
            {
                var target = Path.Combine(output, name);
                File.Move(Path.Combine(staging, name), target, overwrite: true);
                written.Add(target);
            }
            return written;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImportException(markdownFile, null, $"cannot write to {output}: {e.Message}");
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    // The first names, and how many more: a reader who removed only the files named would otherwise meet the same
    // refusal again, naming the next ones.
    private static string Listed(IReadOnlyList<string> names) =>
        names.Count <= ListedNames ? string.Join(", ", names) : $"{string.Join(", ", names.Take(ListedNames))} and {names.Count - ListedNames} more";

    private const int ListedNames = 5;

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    /// <summary>Whether <paramref name="path"/> exists with other content than <paramref name="text"/> written as the import writes it.</summary>
    private static bool Differs(string path, string text) =>
        File.Exists(path) && !File.ReadAllBytes(path).AsSpan().SequenceEqual(Utf8.GetBytes(text));

    // How the files are written, and compared with what is there: UTF-8 without a byte order mark.
    private static readonly System.Text.UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// A file an earlier import of the same document wrote (its header names the document): it may be replaced.
    /// An import of another document is someone's work, perhaps edited since: it makes the import stop.
    /// </summary>
    private static bool IsEarlierImport(string file, string markdownFile, string output)
    {
        if (!file.EndsWith(".cs", StringComparison.Ordinal) && !file.EndsWith(".csproj", StringComparison.Ordinal)) return false;
        using var reader = new StreamReader(file);
        return ImportedFrom.Names(reader.ReadLine() + reader.ReadLine(), markdownFile, output);
    }

    private static string Namespace(string? requested, string output, string markdownFile)
    {
        if (requested is not null)
        {
            var parts = requested.Split('.');
            if (parts.Any(p => Identifier(p, "") != p || p.Length == 0))
                throw new ImportException(markdownFile, null, $"--namespace {requested} is not a C# namespace (letters, digits and '_', parts joined by '.')");
            if (parts.FirstOrDefault(CSharpKeywords.IsReserved) is { } keyword)
                throw new ImportException(markdownFile, null, $"--namespace {requested} has a part named {keyword}, a C# keyword, which no namespace may be named; choose another name");
            // A namespace named like a type the imported code uses (TimeBox, Handbook, ...) would hide that type.
            if (parts.FirstOrDefault(p => s_reservedNames.Contains(p, StringComparer.Ordinal)) is { } hiding)
                throw new ImportException(markdownFile, null, $"--namespace {requested} has a part named {hiding}, which would hide RunbookSdk's {hiding} in the imported code; choose another name");
            return requested;
        }
        var name = Identifier(Text.Pascal(Path.GetFileName(output.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)), 4), "ImportedRunbooks");
        return s_reservedNames.Contains(name, StringComparer.Ordinal) ? name + "Runbooks" : name;
    }

    private static string Identifier(string text, string fallback)
    {
        var cleaned = new string(text.Where(c => char.IsAsciiLetterOrDigit(c) || c == '_').ToArray());
        if (cleaned.Length == 0) return fallback;
        if (char.IsDigit(cleaned[0])) cleaned = (fallback.Length > 0 ? fallback : "N") + cleaned;
        return cleaned;
    }

    private static string Id(string kebab, string fallback)
    {
        var id = string.Join("-", kebab.Split('-', StringSplitOptions.RemoveEmptyEntries));
        return id.Length == 0 ? fallback : char.IsDigit(id[0]) ? fallback + "-" + id : id;
    }

    private static string Unique(string name, HashSet<string> taken, string separator = "")
    {
        var unique = name;
        for (var n = 2; !taken.Add(unique); n++) unique = name + separator + n;
        return unique;
    }
}
