using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using RunbookSdk.Generators.Model;

namespace RunbookSdk.Generators.Reading;

/// <summary>
/// Reads runbooks for one generator instance, reusing a runbook's model while nothing it was read from changed.
/// Roslyn runs the transform of <c>ForAttributeWithMetadataName</c> again for every runbook whenever the compilation
/// changes — in the IDE, on every keystroke in any file — because a semantic model may answer differently; with a
/// thousand runbooks that was a thousand reads per keystroke to produce one new model (docs/performance.md). A
/// runbook's class declaration is the same syntax node for as long as its file is unchanged, so the model is kept
/// per node, with the trees it was read from and the <see cref="CompilationVersion"/> it was read in, and reused
/// while both hold. Command-line builds run the generator once and reuse nothing.
/// </summary>
internal sealed class RunbookReads
{
    private readonly ConditionalWeakTable<SyntaxNode, Slot> _models = new();
    private readonly ConditionalWeakTable<Compilation, CompilationVersion> _versions = new();
    private int _count;

    /// <summary>How many runbooks were read rather than reused, for the tests that count work.</summary>
    public int Count => Volatile.Read(ref _count);

    public Result<RunbookModel> Read(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var compilation = context.SemanticModel.Compilation;
        var version = _versions.GetValue(compilation, CompilationVersion.Of);
        var slot = _models.GetValue(context.TargetNode, static _ => new Slot());
        if (slot.Entry is { } entry && entry.IsValidIn(compilation, version)) return entry.Result;

        Interlocked.Increment(ref _count);
        var dependencies = new Dependencies();
        var result = RunbookReader.Read(context, cancellationToken, dependencies);
        slot.Entry = dependencies.IsUnknown ? null : new Entry(result, version, dependencies.Trees);
        return result;
    }

    private sealed class Slot
    {
        private Entry? _entry;

        public Entry? Entry
        {
            get => Volatile.Read(ref _entry);
            set => Volatile.Write(ref _entry, value);
        }
    }

    private sealed class Entry(Result<RunbookModel> result, CompilationVersion version, ImmutableArray<SyntaxTree> trees)
    {
        public Result<RunbookModel> Result { get; } = result;

        public bool IsValidIn(Compilation compilation, CompilationVersion current)
        {
            if (!current.IsEquivalentTo(version)) return false;
            foreach (var tree in trees)
            {
                if (!compilation.ContainsSyntaxTree(tree)) return false;
            }

            return true;
        }
    }
}
