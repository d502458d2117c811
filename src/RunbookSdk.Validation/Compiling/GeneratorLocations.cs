using Microsoft.CodeAnalysis;

namespace RunbookSdk.Validation.Compiling;

/// <summary>
/// The generator reports its findings (RB0101–RB0105) at a file and a span, not in a syntax tree: its model keeps no
/// trees, so that it stays equatable. A build prints them at their line, but validation took only findings in a tree:
/// the finding had no path and no line, so SARIF had no location for it, the check run no annotation, and the runbook's
/// row said "ok". Placed in the compilation's tree of that file, such a finding has its line in every report and counts
/// against the runbook declared there.
/// </summary>
internal static class GeneratorLocations
{
    /// <summary><paramref name="diagnostic"/> in the tree of the file it names, when it names a file of <paramref name="compilation"/>; else as it is.</summary>
    /// <param name="diagnostic">A diagnostic of the compilation or of its generators.</param>
    /// <param name="compilation">The compilation whose trees are looked in.</param>
    public static Diagnostic InSource(Diagnostic diagnostic, Compilation compilation)
    {
        if (diagnostic.Location is not { Kind: LocationKind.ExternalFile } external) return diagnostic;
        var path = external.GetLineSpan().Path;
        var tree = compilation.SyntaxTrees.FirstOrDefault(t => string.Equals(t.FilePath, path, StringComparison.Ordinal));
        if (tree is null || external.SourceSpan.End > tree.Length) return diagnostic;

        // Its text and effective severity kept; only the place changes.
        return RewrittenDiagnostic.Of(diagnostic, Location.Create(tree, external.SourceSpan), diagnostic.Severity,
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }
}
