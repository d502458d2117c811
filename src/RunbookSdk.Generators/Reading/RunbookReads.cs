using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RunbookSdk.Generators.Model;

namespace RunbookSdk.Generators.Reading;

/// <summary>
/// Finds and reads runbooks for one generator instance, reusing a runbook's model while nothing it was read from
/// changed. Roslyn runs a syntax provider's transform again for every class it found whenever the compilation
/// changes — in the IDE, on every keystroke in any file — because a semantic model may answer differently; with a
/// thousand runbooks that was a thousand reads per keystroke to produce one new model (docs/performance.md). A
/// runbook's class declaration is the same syntax node for as long as its file is unchanged, so the model is kept
/// per node, with the trees and the simple names it was read from (<see cref="Dependencies"/>) and the
/// <see cref="CompilationVersion"/> it last held in, and reused while the trees are unchanged and no type or namespace
/// of those names was declared or removed since — before anything is bound, which is why runbooks are found with <see cref="RunbookDeclarations"/>
/// rather than <c>ForAttributeWithMetadataName</c>. Command-line builds run the generator once and reuse nothing.
/// </summary>
internal sealed class RunbookReads
{
    private readonly ConditionalWeakTable<SyntaxNode, Slot> _models = new();
    private readonly ConditionalWeakTable<Compilation, CompilationVersion> _versions = new();
    private int _count;

    /// <summary>How many runbooks were read rather than reused, for the tests that count work.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The model of a class the syntax provider found (<see cref="RunbookDeclarations.IsCandidate"/>); null when it is no runbook.</summary>
    public Result<RunbookModel>? Read(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.Node is not ClassDeclarationSyntax declaration) return null;
        var compilation = context.SemanticModel.Compilation;
        var version = _versions.GetValue(compilation, CompilationVersion.Of);
        if (_models.TryGetValue(declaration, out var reused) && reused.Entry is { } entry && entry.IsValidIn(compilation, version)) return entry.Result;
        if (!RunbookDeclarations.MayBeRunbook(declaration, version.RunbookAliases)) return null;
        if (RunbookDeclarations.Bind(declaration, context.SemanticModel, cancellationToken) is not { } target) return null;

        Interlocked.Increment(ref _count);
        var dependencies = new Dependencies(cancellationToken);
        if (version.GlobalTypeUsingDependencies(compilation, cancellationToken) is { } global) dependencies.Include(global);
        var result = RunbookReader.Read(target, cancellationToken, dependencies);
        _models.GetValue(declaration, static _ => new Slot()).Entry = dependencies.IsUnknown ? null : new Entry(result, version, dependencies.Trees, dependencies.Names);
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

    private sealed class Entry(Result<RunbookModel> result, CompilationVersion version, ImmutableArray<SyntaxTree> trees, string[] names)
    {
        // The last version the model was found to hold in: the next one is compared with it, so the names declared
        // since are those of one edit, not of every edit since the model was read.
        private CompilationVersion _version = version;

        public Result<RunbookModel> Result { get; } = result;

        public bool IsValidIn(Compilation compilation, CompilationVersion current)
        {
            if (current.ChangesSince(Volatile.Read(ref _version)).Affects(names)) return false;
            foreach (var tree in trees)
            {
                if (!compilation.ContainsSyntaxTree(tree)) return false;
            }

            Volatile.Write(ref _version, current);
            return true;
        }
    }
}
