using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace RunbookSdk.Generators.Model;

/// <summary>
/// The compilation's syntax trees by file path, to report a diagnostic recorded as plain data
/// (<see cref="LocationInfo"/>) in the tree it was found in. A location made from a path alone is one outside the
/// compilation's sources, where the compiler applies no <c>#pragma warning disable</c>, no <c>[SuppressMessage]</c> and
/// no <c>.editorconfig</c> severity: RB0101 could be turned off only with <c>NoWarn</c> for the whole project.
/// </summary>
internal sealed class SourceTrees
{
    private readonly Compilation _compilation;
    private Dictionary<string, SyntaxTree?>? _byPath;

    public SourceTrees(Compilation compilation) => _compilation = compilation;

    /// <summary>The one tree of <paramref name="path"/>; null when there is none, or more than one.</summary>
    public SyntaxTree? Find(string path)
    {
        var byPath = _byPath;
        if (byPath is null)
        {
            byPath = new Dictionary<string, SyntaxTree?>(System.StringComparer.Ordinal);
            foreach (var tree in _compilation.SyntaxTrees)
                byPath[tree.FilePath] = byPath.ContainsKey(tree.FilePath) ? null : tree;
            _byPath = byPath; // built again by a racing thread at worst: the same content
        }

        return byPath.TryGetValue(path, out var found) ? found : null;
    }
}
