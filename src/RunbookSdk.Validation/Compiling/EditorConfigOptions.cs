using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RunbookSdk.Validation.Compiling;

/// <summary>
/// The <c>.editorconfig</c> files that apply to a project (its folder and every folder above, up to one marked
/// <c>root = true</c>), as the compiler applies them: <c>dotnet_diagnostic.RBxxxx.severity</c> per source file
/// through <see cref="SyntaxTreeOptionsProvider"/>, every other key as analyzer options, plus the MSBuild
/// properties a build makes visible to the generator (<c>build_property.*</c>).
/// </summary>
internal sealed class EditorConfigOptions : AnalyzerConfigOptionsProvider
{
    private readonly AnalyzerConfigSet _set;
    private readonly DictionaryOptions _global;

    private EditorConfigOptions(AnalyzerConfigSet set, IReadOnlyDictionary<string, string> buildProperties)
    {
        _set = set;
        var global = set.GlobalConfigOptions.AnalyzerOptions.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in buildProperties) global["build_property." + name] = value;
        _global = new DictionaryOptions(global);
        TreeOptions = new TreeSeverities(set);
    }

    /// <summary>Per-file diagnostic severities, for <see cref="CompilationOptions.WithSyntaxTreeOptionsProvider"/>.</summary>
    public SyntaxTreeOptionsProvider TreeOptions { get; }

    /// <summary>The paths of the config files found, nearest last.</summary>
    public IReadOnlyList<string> Files { get; private init; } = [];

    /// <summary>Reads the <c>.editorconfig</c> files that apply to <paramref name="projectDirectory"/>.</summary>
    /// <param name="projectDirectory">The project's folder.</param>
    /// <param name="buildProperties">MSBuild properties visible to the generator and analyzers.</param>
    public static EditorConfigOptions For(string projectDirectory, IReadOnlyDictionary<string, string> buildProperties)
    {
        var files = new List<string>();
        for (var directory = new DirectoryInfo(projectDirectory); directory is not null; directory = directory.Parent)
        {
            var path = Path.Combine(directory.FullName, ".editorconfig");
            if (!File.Exists(path)) continue;
            files.Add(path);
            if (IsRoot(File.ReadAllText(path))) break;
        }

        files.Reverse();
        var configs = files.Select(path => AnalyzerConfig.Parse(File.ReadAllText(path), path)).ToList();
        return new EditorConfigOptions(AnalyzerConfigSet.Create(configs), buildProperties) { Files = files };
    }

    // `root = true` before the first section ends the search upwards, as in every editorconfig reader.
    private static bool IsRoot(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith('[')) return false;
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && line[..equals].Trim().Equals("root", StringComparison.OrdinalIgnoreCase))
                return line[(equals + 1)..].Trim().Equals("true", StringComparison.OrdinalIgnoreCase);
        }

        return false;
    }

    /// <inheritdoc />
    public override AnalyzerConfigOptions GlobalOptions => _global;

    /// <inheritdoc />
    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => ForPath(tree.FilePath);

    /// <inheritdoc />
    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => ForPath(textFile.Path);

    private DictionaryOptions ForPath(string path) =>
        Path.IsPathRooted(path)
            ? new DictionaryOptions(_set.GetOptionsForSourcePath(path).AnalyzerOptions.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase))
            : DictionaryOptions.Empty;

    private sealed class DictionaryOptions(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new(new Dictionary<string, string>());

        public override IEnumerable<string> Keys => values.Keys;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }

    private sealed class TreeSeverities(AnalyzerConfigSet set) : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = ReportDiagnostic.Default;
            return Path.IsPathRooted(tree.FilePath) && Lookup(set.GetOptionsForSourcePath(tree.FilePath).TreeOptions, diagnosticId, out severity);
        }

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            Lookup(set.GlobalConfigOptions.TreeOptions, diagnosticId, out severity);

        private static bool Lookup(ImmutableDictionary<string, ReportDiagnostic> options, string id, out ReportDiagnostic severity) =>
            options.TryGetValue(id, out severity);
    }
}
