using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using RunbookSdk.Generators.Model;

namespace RunbookSdk.Generators.Reading;

/// <summary>
/// A model kept with what it was read from (<see cref="Dependencies"/>): the trees and the simple names looked up, and
/// the <see cref="CompilationVersion"/> it last held in. It holds in a later compilation while those trees are
/// unchanged and no type or namespace of those names was declared or removed since. Runbooks (<see cref="RunbookReads"/>)
/// and handbooks (<see cref="HandbookReads"/>) are kept alike.
/// </summary>
/// <typeparam name="TModel">The model read.</typeparam>
internal sealed class KeptRead<TModel>(Result<TModel> result, CompilationVersion version, ImmutableArray<SyntaxTree> trees, string[] names)
    where TModel : class
{
    // The last version the model was found to hold in: the next one is compared with it, so the names declared
    // since are those of one edit, not of every edit since the model was read.
    private CompilationVersion _version = version;
    // The trees it was read from, as that version has them: another parse of a file replaces the earlier one, so
    // the next look needs no comparison of texts and the earlier trees are not kept.
    private ImmutableArray<SyntaxTree> _trees = trees;

    public Result<TModel> Result { get; } = result;

    public bool IsValidIn(Compilation compilation, CompilationVersion current)
    {
        if (current.ChangesSince(Volatile.Read(ref _version)).Affects(names)) return false;
        var trees = _trees;
        SyntaxTree[]? reparsed = null;
        for (var i = 0; i < trees.Length; i++)
        {
            var same = current.SameFileAs(trees[i], compilation);
            if (same is null) return false;
            if (!ReferenceEquals(same, trees[i])) (reparsed ??= Enumerable.ToArray(trees))[i] = same;
        }

        if (reparsed is not null) _trees = ImmutableArray.Create(reparsed);
        Volatile.Write(ref _version, current);
        return true;
    }

    /// <summary>The read kept for one declaration node; none while its model depends on something no tree stands for.</summary>
    public sealed class Slot
    {
        private KeptRead<TModel>? _entry;

        public KeptRead<TModel>? Entry
        {
            get => Volatile.Read(ref _entry);
            set => Volatile.Write(ref _entry, value);
        }
    }
}
