using System.Text;
using System.Text.RegularExpressions;

namespace RunbookSdk.Validation.Projects;

/// <summary>
/// One path or wildcard of an item's <c>Include</c>, <c>Exclude</c> or <c>Remove</c> as MSBuild reads it: relative to
/// the project folder, <c>\</c> or <c>/</c> as separator, <c>*</c> and <c>?</c> within a folder name, <c>**</c> any
/// number of folders (<c>Legacy/**</c> is every file below <c>Legacy</c>). Case as MSBuild on Linux (checked with
/// <c>dotnet msbuild -getItem</c>): the wildcard part matches names in any case (<c>*.cs</c> takes <c>A.CS</c>), the folder
/// before it is a path on the disk (<c>Exclude="legacy/**"</c> leaves <c>Legacy/</c> in), and a <c>Remove</c> compares
/// whole paths in any case (<see cref="Removes"/>). On Windows every comparison ignores case.
/// </summary>
/// <remarks>
/// Why not Microsoft.Extensions.FileSystemGlobbing, which NuGet serves here (10.0.15 restores on net10.0) and which
/// does most of this (checked against <c>dotnet msbuild -getItem</c> on the same folder): its patterns have <c>*</c>
/// and <c>**</c> but no <c>?</c> — <c>a?.cs</c> matched nothing where MSBuild's <c>Include="a?.cs"</c> gave
/// <c>ab.cs</c> — so a <c>Compile Remove="Test?.cs"</c> would silently stop removing, and no pattern it takes
/// expresses one character (turning <c>?</c> into <c>*</c> would remove <c>Test10.cs</c> too). Its in-memory
/// <c>Matcher.Match(root, path)</c>, which <c>Remove</c> and <c>Exclude</c> need (they match items, not the disk), also
/// answered false for <c>../Extra/*.cs</c> against <c>../Extra/e.cs</c>, so the folder part before the first wildcard
/// would have to be split off as here anyway. What is left to it is the part after that folder: a few lines of
/// regular expression, kept here.
/// </remarks>
internal sealed class MsBuildGlob
{
    private static readonly StringComparison PathComparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    // Every file below, dot-files too (MSBuild's ** matches them), past folders that cannot be read.
    private static readonly EnumerationOptions AllFiles = new() { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 };

    private readonly Regex? _pattern;
    private readonly Regex? _patternAnyCase;
    private readonly string _path;

    private MsBuildGlob(string baseDirectory, string path, string? pattern)
    {
        BaseDirectory = baseDirectory;
        _path = path;
        if (pattern is null) return;
        _pattern = new Regex(pattern, (OperatingSystem.IsWindows() ? RegexOptions.IgnoreCase : RegexOptions.None) | RegexOptions.CultureInvariant);
        _patternAnyCase = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    /// <summary>The folder the wildcard part starts in (or the file's folder for a literal path).</summary>
    public string BaseDirectory { get; }

    /// <summary>The full path of the one file it names when it has no wildcard (the file may not exist), else null.</summary>
    public string? LiteralPath => _pattern is null ? _path : null;

    /// <summary>The globs of a <c>;</c>-separated item value.</summary>
    /// <param name="value">The value, properties expanded.</param>
    /// <param name="projectDirectory">The folder relative paths start from.</param>
    public static IReadOnlyList<MsBuildGlob> Parse(string value, string projectDirectory) =>
        value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(part => ParseOne(part, projectDirectory)).ToArray();

    private static MsBuildGlob ParseOne(string text, string projectDirectory)
    {
        var segments = text.Replace('\\', '/').Split('/');
        var firstWildcard = Array.FindIndex(segments, s => s.Contains('*') || s.Contains('?'));
        if (firstWildcard < 0)
        {
            var full = Path.GetFullPath(Path.Combine(projectDirectory, string.Join(Path.DirectorySeparatorChar, segments)));
            return new MsBuildGlob(Path.GetDirectoryName(full)!, full, null);
        }

        var baseDirectory = Path.GetFullPath(Path.Combine(projectDirectory, string.Join(Path.DirectorySeparatorChar, segments[..firstWildcard])));
        var pattern = new StringBuilder("^").Append(Regex.Escape(baseDirectory.TrimEnd(Path.DirectorySeparatorChar).Replace('\\', '/') + "/")).Append("(?i:");
        var rest = segments[firstWildcard..];
        for (var i = 0; i < rest.Length; i++)
        {
            var last = i == rest.Length - 1;
            if (rest[i] == "**")
            {
                pattern.Append(last ? ".*" : "(?:[^/]+/)*");
                continue;
            }

            foreach (var c in rest[i])
                pattern.Append(c switch { '*' => "[^/]*", '?' => "[^/]", _ => Regex.Escape(c.ToString()) });
            if (!last) pattern.Append('/');
        }

        return new MsBuildGlob(baseDirectory, text, pattern.Append(")$").ToString());
    }

    /// <summary>Whether <paramref name="fullPath"/> is this path or matches this wildcard, as an <c>Exclude</c> tests it.</summary>
    /// <param name="fullPath">A full file path.</param>
    public bool Matches(string fullPath) => _pattern is null
        ? string.Equals(_path, fullPath, PathComparison)
        : _pattern.IsMatch(fullPath.Replace('\\', '/'));

    /// <summary>Whether a <c>Remove</c> of this takes out the item <paramref name="fullPath"/>: MSBuild compares in any case.</summary>
    /// <param name="fullPath">A full file path.</param>
    public bool Removes(string fullPath) => _patternAnyCase is null
        ? string.Equals(_path, fullPath, StringComparison.OrdinalIgnoreCase)
        : _patternAnyCase.IsMatch(fullPath.Replace('\\', '/'));

    /// <summary>The existing files it names.</summary>
    public IEnumerable<string> Files()
    {
        if (_pattern is null) return File.Exists(_path) ? [_path] : [];
        return Directory.Exists(BaseDirectory)
            ? Directory.EnumerateFiles(BaseDirectory, "*", AllFiles).Where(Matches).Select(Path.GetFullPath)
            : [];
    }
}
