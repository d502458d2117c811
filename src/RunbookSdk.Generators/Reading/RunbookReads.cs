using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RunbookSdk.Generators.Model;
using Entry = RunbookSdk.Generators.Reading.KeptRead<RunbookSdk.Generators.Model.RunbookModel>;
using Slot = RunbookSdk.Generators.Reading.KeptRead<RunbookSdk.Generators.Model.RunbookModel>.Slot;

namespace RunbookSdk.Generators.Reading;

/// <summary>
/// Finds and reads runbooks for one generator instance, reusing a runbook's model while nothing it was read from
/// changed. Every candidate class meets every new compilation, as a syntax provider's transform would — in the IDE,
/// on every keystroke in any file — because a semantic model may answer differently; with a
/// thousand runbooks that was a thousand reads per keystroke to produce one new model (docs/performance.md). A
/// runbook's class declaration is the same syntax node for as long as its file is unchanged, so the model is kept
/// per node, with the trees and the simple names it was read from (<see cref="Dependencies"/>) and the
/// <see cref="CompilationVersion"/> it last held in, and reused while the trees are unchanged and no type or namespace
/// of those names was declared or removed since — before anything is bound, which is why runbooks are found with <see cref="RunbookDeclarations"/>
/// rather than <c>ForAttributeWithMetadataName</c>. A build through the compiler server's cached driver
/// (<c>enable-generator-cache</c>) keeps this instance from build to build but parses every file again: there a model
/// is found by its file's path and the class's position, and kept while every file it was read from has the same
/// text (<see cref="CompilationVersion.SameFileAs"/>). A build without that cache runs a new instance and reuses nothing.
/// </summary>
internal sealed class RunbookReads
{
    private readonly ConditionalWeakTable<SyntaxNode, Slot> _models = new();
    private readonly ConditionalWeakTable<Compilation, CompilationVersion> _versions = new();
    // Per file path, the last parse of it a model was read or found in, with its runbooks' slots by position.
    private readonly Dictionary<string, FileSlots> _files = new(StringComparer.Ordinal);
    // The version the generator last ran over, and how many it has run over: a slot neither in the compilation nor
    // refreshed in the run before belongs to a file deleted, renamed or without runbooks now (ForgetFilesGone).
    private CompilationVersion? _lastVersion;
    private int _generation;
    private int _count;
    private int _countWithoutBinding;
    // What the names of runbook declarations mean, per compilation and scope (UnboundRunbook).
    private readonly ConditionalWeakTable<Compilation, SdkNameScopes> _scopes = new();
    private readonly bool _bindEveryRunbook;

    /// <param name="bindEveryRunbook">Bind every runbook's attributes and base list, even one whose declaration says what
    /// they mean (<see cref="UnboundRunbook"/>): what the tests compare the reads without binding with.</param>
    public RunbookReads(bool bindEveryRunbook = false) => _bindEveryRunbook = bindEveryRunbook;

    /// <summary>How many runbooks were read rather than reused, for the tests that count work.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>How many of <see cref="Count"/> were read without binding their attributes and base list (<see cref="UnboundRunbook"/>).</summary>
    public int CountWithoutBinding => Volatile.Read(ref _countWithoutBinding);

    /// <summary>The models kept with the files' last parses, for the tests that check what a kept driver holds.</summary>
    internal IReadOnlyList<Result<RunbookModel>> Held()
    {
        lock (_files)
        {
            return _files.Values.SelectMany(static file => file.Results).ToList();
        }
    }

    /// <summary>
    /// What <paramref name="compilation"/> holds, made once per compilation and shared with <see cref="HandbookReads"/>:
    /// a keystroke builds one version, and a kept model is compared with the version it last held in.
    /// </summary>
    public CompilationVersion VersionOf(Compilation compilation) => _versions.GetValue(compilation, CompilationVersion.Of);

    /// <summary>The model of a candidate class (<see cref="RunbookDeclarations.Candidates"/>) of <paramref name="compilation"/>; null when it is no runbook.</summary>
    public Result<RunbookModel>? Read(ClassDeclarationSyntax declaration, Compilation compilation, CancellationToken cancellationToken)
    {
        var version = VersionOf(compilation);
        if (!ReferenceEquals(Volatile.Read(ref _lastVersion), version)) ForgetFilesGone(compilation, version);
        Entry? stale = null;
        if (_models.TryGetValue(declaration, out var reused) && reused.Entry is { } entry)
        {
            if (entry.IsValidIn(compilation, version)) return entry.Result;
            stale = entry;
        }

        if (FromEarlierParse(declaration, compilation, version, ref stale) is { } earlier) return earlier.Result;
        if (!RunbookDeclarations.MayBeRunbook(declaration, version.RunbookAliases)) return null;
        var semanticModel = compilation.GetSemanticModel(declaration.SyntaxTree);
        var unbound = _bindEveryRunbook ? null : UnboundRunbook.Match(declaration, semanticModel, version, _scopes.GetValue(compilation, static _ => new SdkNameScopes()), cancellationToken);
        var target = unbound is null ? RunbookDeclarations.Bind(declaration, semanticModel, cancellationToken) : null;
        if (unbound is null && target is null) return null;

        Interlocked.Increment(ref _count);
        if (unbound is not null) Interlocked.Increment(ref _countWithoutBinding);
        var dependencies = new Dependencies(cancellationToken);
        if (version.GlobalTypeUsingDependencies(compilation, cancellationToken) is { } global) dependencies.Include(global);
        var result = unbound is not null ? RunbookReader.Read(unbound, cancellationToken, dependencies) : RunbookReader.Read(target!.Value, cancellationToken, dependencies);
        // Read again and the same (the references changed, say, and every runbook is read again): the earlier object.
        // Roslyn keeps its earlier, equal value in every table; holding the new one here would keep a second copy of
        // every model alive in the compiler server's kept driver (18 MB at 1,000 runbooks, docs/performance.md).
        if (stale is not null && stale.Result.Equals(result)) result = stale.Result;
        var read = dependencies.IsUnknown ? null : new Entry(result, version, dependencies.Trees, dependencies.Names);
        _models.GetValue(declaration, static _ => new Slot()).Entry = read;
        SlotsOf(declaration.SyntaxTree, version)?.Set(declaration.SpanStart, read);
        return result;
    }

    /// <summary>
    /// The model of the class at the same place in an earlier parse of the same file, if it still holds; one that
    /// no longer does is <paramref name="stale"/>, unless the node's own was.
    /// </summary>
    private Entry? FromEarlierParse(ClassDeclarationSyntax declaration, Compilation compilation, CompilationVersion version, ref Entry? stale)
    {
        var tree = declaration.SyntaxTree;
        if (tree.FilePath.Length == 0) return null;
        FileSlots? file;
        lock (_files)
        {
            if (!_files.TryGetValue(tree.FilePath, out file)) return null;
        }

        // The slots are this parse's when another runbook of the file was found first: they were carried over.
        if (!ReferenceEquals(file.Tree, tree) && !CompilationVersion.SameFile(file.Tree, tree)) return null;
        if (file.Get(declaration.SpanStart) is not { } entry) return null;
        if (!entry.IsValidIn(compilation, version))
        {
            stale ??= entry;
            return null;
        }

        _models.GetValue(declaration, static _ => new Slot()).Entry = entry;
        SlotsOf(tree, version)?.Set(declaration.SpanStart, entry);
        return entry;
    }

    /// <summary>
    /// At the first runbook of a new version, forgets the files whose runbooks will not be looked up again. A slot
    /// of a file the compilation has is current. One of an earlier parse goes at once when the compilation has no file
    /// of its path (deleted, renamed); otherwise it is refreshed in the run over this version whenever the file still
    /// declares a runbook (<see cref="SlotsOf"/>), so a slot older than the run before is of a file without runbooks
    /// now. Kept, it held its models and, through them, every file of the version they were last valid in: in the
    /// compiler server's kept driver, a whole build's parse per deleted file (docs/performance.md). Costs a lookup per
    /// file with runbooks, and allocates nothing unless a file goes.
    /// </summary>
    private void ForgetFilesGone(Compilation compilation, CompilationVersion version)
    {
        lock (_files)
        {
            if (ReferenceEquals(_lastVersion, version)) return;
            _lastVersion = version;
            var generation = ++_generation;
            List<string>? gone = null;
            foreach (var file in _files)
            {
                if (compilation.ContainsSyntaxTree(file.Value.Tree)) file.Value.Generation = generation;
                else if (file.Value.Generation < generation - 1 || !version.HasFile(file.Key, file.Value.Index)) (gone ??= new List<string>()).Add(file.Key);
            }

            if (gone is null) return;
            foreach (var path in gone) _files.Remove(path);
        }
    }

    /// <summary>
    /// The slots of <paramref name="tree"/>'s path, now for this parse of it: an earlier parse's slots are kept when
    /// the text is the same (its other runbooks still apply), dropped otherwise. One parse per path is kept.
    /// </summary>
    private FileSlots? SlotsOf(SyntaxTree tree, CompilationVersion version)
    {
        if (tree.FilePath.Length == 0) return null;
        lock (_files)
        {
            if (_files.TryGetValue(tree.FilePath, out var earlier) && ReferenceEquals(earlier.Tree, tree)) return earlier;
            var slots = new FileSlots(tree, earlier is not null && CompilationVersion.SameFile(earlier.Tree, tree) ? earlier : null)
            {
                Generation = _generation,
                Index = version.IndexOf(tree),
            };
            _files[tree.FilePath] = slots;
            return slots;
        }
    }

    private sealed class FileSlots
    {
        private readonly ConcurrentDictionary<int, Entry> _entries;

        public FileSlots(SyntaxTree tree, FileSlots? sameText)
        {
            Tree = tree;
            _entries = sameText is null ? new ConcurrentDictionary<int, Entry>() : new ConcurrentDictionary<int, Entry>(sameText._entries);
        }

        public SyntaxTree Tree { get; }

        /// <summary>The last run (<see cref="ForgetFilesGone"/>) in which this was the file's current parse.</summary>
        public int Generation { get; set; }

        /// <summary>Where the compilation the slots were made in had the file: where a later one most likely has it.</summary>
        public int Index { get; init; }

        public IEnumerable<Result<RunbookModel>> Results => _entries.Values.Select(static entry => entry.Result);

        public Entry? Get(int position) => _entries.TryGetValue(position, out var entry) ? entry : null;

        public void Set(int position, Entry? entry)
        {
            if (entry is null) _entries.TryRemove(position, out _);
            else _entries[position] = entry;
        }
    }
}
