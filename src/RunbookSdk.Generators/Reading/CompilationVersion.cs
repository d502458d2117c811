using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.Generators.Reading;

/// <summary>
/// What a reused runbook model depends on beyond the trees it recorded (<see cref="Dependencies"/>): the
/// compilation's references and options, every file's global usings (one in any file changes what names mean in every file), and
/// the types and namespaces every file declares (a new type can change what a name binds to). What each file holds is
/// read once per tree (<see cref="TreeFacts"/>). Between two versions, <see cref="ChangesSince"/> says which simple
/// names were declared or removed; a model that looked none of them up still holds (docs/performance-history.md,
/// "An edit outside the runbooks, and typing a new type").
/// </summary>
/// <remarks>
/// Two versions are compared by content where they are not the same objects: a command-line build through the
/// compiler server's cached driver (<c>enable-generator-cache</c>, which the SDK's build targets turn on) parses
/// every file again, and loads references and options anew, for the same code. A file is the same when its path, parse
/// options and text are (<see cref="SameFile"/>), a reference when it is the same metadata, options when they are equal.
/// </remarks>
internal sealed class CompilationVersion
{
    private readonly MetadataReference[] _references;
    private readonly CompilationOptions _options;
    private readonly string? _assemblyName;
    private readonly ImmutableArray<SyntaxTree> _trees;
    private readonly TreeFacts[] _facts;
    private readonly (int Count, int Sum, int Xor) _names;
    private readonly string[] _globalUsings;

    // The last version compared with, and how it came out: thousands of reused models ask about the same one. Held
    // weakly: each version would otherwise keep the one before it alive, and with it every tree of every keystroke.
    private Comparison? _lastComparison;

    private Dependencies? _globalTypeUsingDependencies;

    // This version's file of each path, made when a tree of another parse is first looked up (SameFileAs), and what
    // each looked-up tree was found to be: a thousand runbooks read from the same handbook file ask about it. Keyed
    // weakly: the looked-up trees are the last build's, and a version the compiler server's kept driver holds would
    // otherwise keep every file of that build alive too (113 MB at 1,000 runbooks, docs/performance.md).
    private Dictionary<string, int>? _byPath;
    private readonly ConditionalWeakTable<SyntaxTree, SameFileFound> _sameFiles = new();
    private readonly ConditionalWeakTable<SyntaxTree, SameFileFound>.CreateValueCallback _findSameFile;

    private CompilationVersion(
        MetadataReference[] references, CompilationOptions options, string? assemblyName, ImmutableArray<SyntaxTree> trees, TreeFacts[] facts, (int, int, int) names,
        string[] globalUsings, ImmutableArray<string> runbookAliases, ImmutableArray<UsingDirectiveSyntax> globalTypeUsings)
    {
        _references = references;
        _options = options;
        _assemblyName = assemblyName;
        _trees = trees;
        _facts = facts;
        _names = names;
        _globalUsings = globalUsings;
        RunbookAliases = runbookAliases;
        GlobalTypeUsings = globalTypeUsings;
        _findSameFile = earlier => new SameFileFound(
            ByPath().TryGetValue(earlier.FilePath, out var index) && index >= 0 && SameFile(earlier, _trees[index]) ? _trees[index] : null);
    }

    /// <summary>The names <c>global using</c> aliases give the <c>[Runbook]</c> attribute (<see cref="RunbookDeclarations"/>).</summary>
    public ImmutableArray<string> RunbookAliases { get; }

    /// <summary>The compilation's <c>global using static</c> and alias directives: what they name applies in every file.</summary>
    public ImmutableArray<UsingDirectiveSyntax> GlobalTypeUsings { get; }

    /// <summary>What <see cref="GlobalTypeUsings"/> depend on, read once for all the runbooks read in this version.</summary>
    public Dependencies? GlobalTypeUsingDependencies(Compilation compilation, CancellationToken cancellationToken)
    {
        if (GlobalTypeUsings.IsEmpty) return null;
        // Read again by a second thread at worst; a cancelled read publishes nothing.
        return Volatile.Read(ref _globalTypeUsingDependencies)
            ?? Interlocked.CompareExchange(ref _globalTypeUsingDependencies, Dependencies.OfGlobalTypeUsings(GlobalTypeUsings, compilation, cancellationToken), null)
            ?? _globalTypeUsingDependencies!;
    }

    public static CompilationVersion Of(Compilation compilation)
    {
        // The compilation's own array, not a copy: a keystroke builds a version over every file.
        var trees = compilation is CSharpCompilation csharp ? csharp.SyntaxTrees : compilation.SyntaxTrees.ToImmutableArray();
        var facts = new TreeFacts[trees.Length];
        var globalUsings = new List<UsingDirectiveSyntax>();
        var globalUsingTexts = new List<string>();
        int count = 0, sum = 0, xor = 0;
        for (var i = 0; i < trees.Length; i++)
        {
            var treeFacts = facts[i] = TreeFacts.Of(trees[i]);
            globalUsings.AddRange(treeFacts.GlobalUsings);
            globalUsingTexts.AddRange(treeFacts.GlobalUsingTexts);
            count += treeFacts.Names.Count;
            unchecked { sum += treeFacts.Names.Sum; }
            xor ^= treeFacts.Names.Xor;
        }

        return new CompilationVersion(
            compilation.References.ToArray(), compilation.Options, compilation.AssemblyName, trees, facts, (count, sum, xor),
            globalUsingTexts.ToArray(), RunbookDeclarations.GlobalAliases(globalUsings),
            globalUsings.Where(static u => u.StaticKeyword.RawKind != 0 || u.Alias is not null).ToImmutableArray());
    }

    /// <summary>What changed since <paramref name="older"/> that could change what a name binds to.</summary>
    public NameChanges ChangesSince(CompilationVersion older)
    {
        if (ReferenceEquals(this, older)) return NameChanges.None;
        var last = Volatile.Read(ref _lastComparison);
        if (last is not null && last.Older.TryGetTarget(out var compared) && ReferenceEquals(compared, older)) return last.Changes;
        var changes = Compare(older);
        Volatile.Write(ref _lastComparison, new Comparison(older, changes));
        return changes;
    }

    private NameChanges Compare(CompilationVersion older)
    {
        // Options change seldom (a project setting), and some change what names bind to (which metadata members are
        // imported, a script's usings).
        if (!SameOptions(_options, older._options) || _assemblyName != older._assemblyName || !SameReferences(_references, older._references)
            || !_globalUsings.SequenceEqual(older._globalUsings, StringComparer.Ordinal))
            return NameChanges.Everything;

        // The files one version has and the other has not (in the IDE, the edited file's two trees; in a build that
        // parsed every file again, the files whose text changed). Files in another order change everything: a partial
        // class's parts, and so its parameters, are read in that order.
        var removed = new List<TreeFacts>();
        var added = new List<TreeFacts>();
        var kept = new bool[_trees.Length];
        var last = -1;
        for (var i = 0; i < older._trees.Length; i++)
        {
            var index = IndexOfSameFile(older._trees[i], last + 1);
            if (index < 0)
            {
                removed.Add(older._facts[i]);
                continue;
            }

            if (index <= last) return NameChanges.Everything;
            last = index;
            kept[index] = true;
        }

        for (var i = 0; i < _trees.Length; i++)
        {
            if (!kept[i]) added.Add(_facts[i]);
        }

        if (_names == older._names) return NameChanges.None;

        var counts = new Dictionary<string, (int Count, DeclaredName Name)>(StringComparer.Ordinal);
        void Count(List<TreeFacts> files, int by)
        {
            foreach (var facts in files)
            {
                foreach (var declared in facts.Declared)
                    counts[declared.Qualified] = (counts.TryGetValue(declared.Qualified, out var seen) ? seen.Count + by : by, declared);
            }
        }

        Count(removed, -1);
        Count(added, +1);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in counts.Values)
        {
            if (entry.Count == 0) continue;
            foreach (var name in entry.Name.SimpleNames)
            {
                names.Add(name);
                // An attribute written [Runbook] binds to a type named RunbookAttribute.
                names.Add(AttributeNames.WithoutSuffix(name));
            }
        }

        return names.Count == 0 ? NameChanges.None : new NameChanges(names);
    }

    /// <summary>
    /// This version's file that is <paramref name="earlier"/> parsed again (<see cref="SameFile"/>): the tree itself when
    /// this version has it, null when it has no such file.
    /// </summary>
    public SyntaxTree? SameFileAs(SyntaxTree earlier, Compilation compilation)
    {
        if (compilation.ContainsSyntaxTree(earlier)) return earlier;
        if (earlier.FilePath.Length == 0) return null;
        return _sameFiles.GetValue(earlier, _findSameFile).Tree;
    }

    /// <summary>Where this version has <paramref name="tree"/> itself; -1 when it has not.</summary>
    public int IndexOf(SyntaxTree tree) => _trees.IndexOf(tree);

    /// <summary>
    /// Whether this version has a file of <paramref name="path"/>, looked for first at <paramref name="hint"/> (where
    /// the file was in an earlier version: a keystroke or a build that parsed every file again leaves it there).
    /// </summary>
    public bool HasFile(string path, int hint) =>
        (hint >= 0 && hint < _trees.Length && string.Equals(_trees[hint].FilePath, path, StringComparison.Ordinal)) || ByPath().ContainsKey(path);

    /// <summary>
    /// Where this version has <paramref name="older"/>'s file (the tree itself, or the same file parsed again), looked
    /// for first at <paramref name="expected"/>, the place after the last file found; -1 when it has no such file.
    /// </summary>
    private int IndexOfSameFile(SyntaxTree older, int expected)
    {
        if (expected < _trees.Length)
        {
            var there = _trees[expected];
            if (ReferenceEquals(there, older)) return expected;
            // The same path in the same place: the file itself, edited or not (the IDE's keystroke, a build's edit).
            if (older.FilePath.Length > 0 && string.Equals(there.FilePath, older.FilePath, StringComparison.Ordinal))
                return SameFile(older, there) ? expected : -1;
        }

        var index = _trees.IndexOf(older);
        if (index >= 0 || older.FilePath.Length == 0) return index;
        return ByPath().TryGetValue(older.FilePath, out index) && index >= 0 && SameFile(older, _trees[index]) ? index : -1;
    }

    /// <summary>Each path's place in this version: -1 for a path two files have (generated or linked twice), which neither matches.</summary>
    private Dictionary<string, int> ByPath()
    {
        if (Volatile.Read(ref _byPath) is { } byPath) return byPath;
        var paths = new Dictionary<string, int>(_trees.Length, StringComparer.Ordinal);
        for (var i = 0; i < _trees.Length; i++)
        {
            var path = _trees[i].FilePath;
            if (path.Length > 0) paths[path] = paths.ContainsKey(path) ? -1 : i;
        }

        Volatile.Write(ref _byPath, paths);
        return paths;
    }

    /// <summary>
    /// Whether two trees are one file parsed twice: the same path, parse options (language version, preprocessor
    /// symbols) and text. The text's checksum, which the compiler computes for the PDB anyway, decides when both have one.
    /// </summary>
    public static bool SameFile(SyntaxTree first, SyntaxTree second) =>
        first.FilePath.Length > 0
        && string.Equals(first.FilePath, second.FilePath, StringComparison.Ordinal)
        && first.Length == second.Length
        && first.Options.Equals(second.Options)
        && first.GetText().ContentEquals(second.GetText());

    private static bool SameMetadata(PortableExecutableReference first, PortableExecutableReference second)
    {
        try
        {
            return first.GetMetadataId() == second.GetMetadataId();
        }
        catch (Exception e) when (e is System.IO.IOException or BadImageFormatException or UnauthorizedAccessException)
        {
            return false; // a file that cannot be read now: the compilation reports it, and nothing is reused
        }
    }

    /// <summary>
    /// Equal options, compared without their resolvers and providers. The compiler server gives each build new ones
    /// that cannot be compared: its metadata reference resolver's <c>Equals</c> throws <see cref="NotImplementedException"/>
    /// (which failed every runbook of every build after the first), and its syntax tree options provider (the
    /// .editorconfig's per-file severities and generated-code marks) is equal only to itself (which read every
    /// runbook again in every build). None of them changes a runbook's model: they resolve <c>#r</c>, <c>#load</c>
    /// and XML doc includes, sign the assembly, set diagnostics' severities, and mark generated files, whose nullable
    /// context no model reads. Options that still cannot be compared count as changed: nothing is reused, nothing fails.
    /// </summary>
    private static bool SameOptions(CompilationOptions first, CompilationOptions second)
    {
        if (ReferenceEquals(first, second)) return true;
        try
        {
            return WithoutResolvers(first).Equals(WithoutResolvers(second));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return false;
        }
    }

    private static CompilationOptions WithoutResolvers(CompilationOptions options) => options
        .WithMetadataReferenceResolver(null)
        .WithSourceReferenceResolver(null)
        .WithXmlReferenceResolver(null)
        .WithStrongNameProvider(null)
        .WithSyntaxTreeOptionsProvider(null);

    /// <summary>
    /// The same references in the same order: the same instance, or — a compiler server's new reference to a file it
    /// has cached — a file reference of the same path and properties whose metadata is the same instance.
    /// </summary>
    private static bool SameReferences(MetadataReference[] first, MetadataReference[] second)
    {
        if (first.Length != second.Length) return false;
        for (var i = 0; i < first.Length; i++)
        {
            if (ReferenceEquals(first[i], second[i])) continue;
            if (first[i] is not PortableExecutableReference a || second[i] is not PortableExecutableReference b) return false;
            if (!string.Equals(a.FilePath, b.FilePath, StringComparison.Ordinal) || !a.Properties.Equals(b.Properties)) return false;
            if (!SameMetadata(a, b)) return false;
        }

        return true;
    }

    private sealed class SameFileFound(SyntaxTree? tree)
    {
        public SyntaxTree? Tree { get; } = tree;
    }

    private sealed class Comparison(CompilationVersion older, NameChanges changes)
    {
        public WeakReference<CompilationVersion> Older { get; } = new(older);

        public NameChanges Changes { get; } = changes;
    }
}
