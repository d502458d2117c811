using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RunbookSdk.Validation.Compiling;

/// <summary>
/// The <c>.editorconfig</c> and <c>.globalconfig</c> files that apply to a project's sources (their folders and every
/// folder above, as MSBuild finds them), as the compiler applies them: <c>dotnet_diagnostic.RBxxxx.severity</c> per source file
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

    /// <summary>The paths of the config files found, in ordinal order.</summary>
    public IReadOnlyList<string> Files { get; private init; } = [];

    /// <summary>
    /// Reads the config files a build of the project applies: every <c>.editorconfig</c> and <c>.globalconfig</c> in
    /// the folder of each source and every folder above it, as MSBuild collects them for the compiler (its
    /// <c>EditorConfigFiles</c> items). The compiler, not this reader, honours <c>root = true</c>: a root file in a
    /// subfolder hides the ones above only for the files under it.
    /// </summary>
    /// <param name="projectDirectory">The project's folder.</param>
    /// <param name="sources">The project's C# sources (full paths); their folders may lie below the project's.</param>
    /// <param name="buildProperties">MSBuild properties visible to the generator and analyzers.</param>
    public static EditorConfigOptions For(string projectDirectory, IEnumerable<string> sources, IReadOnlyDictionary<string, string> buildProperties)
    {
        var directories = new HashSet<string>(StringComparer.Ordinal);
        foreach (var folder in sources.Select(Path.GetDirectoryName).Append(projectDirectory))
        {
            for (var directory = folder is null ? null : new DirectoryInfo(folder); directory is not null; directory = directory.Parent)
                if (!directories.Add(directory.FullName)) break;
        }

        var files = directories
            .SelectMany(directory => new[] { Path.Combine(directory, ".editorconfig"), Path.Combine(directory, ".globalconfig") })
            .Where(File.Exists)
            .Order(StringComparer.Ordinal)
            .ToList();
        var configs = files.Select(path => AnalyzerConfig.Parse(File.ReadAllText(path), path)).ToList();
        return new EditorConfigOptions(AnalyzerConfigSet.Create(configs), buildProperties) { Files = files };
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
