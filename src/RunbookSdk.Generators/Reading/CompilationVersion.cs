using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.Generators.Reading;

/// <summary>
/// What a reused runbook model depends on beyond the trees it recorded (<see cref="Dependencies"/>): the
/// compilation's references, the names of the types and namespaces every file declares (a new type can change what
/// a name binds to) and every file's global usings (one in any file changes what names mean in every file). What
/// each file holds is read once per tree (<see cref="TreeFacts"/>). Editing a file leaves the version of the
/// compilation as it was unless it declares, renames or removes a type or namespace or changes a global using; a
/// runbook is then read again only when its model was read from the edited file (docs/performance.md, "An edit
/// outside the runbooks").
/// </summary>
internal sealed class CompilationVersion
{
    private readonly MetadataReference[] _references;
    private readonly (int Count, int Sum, int Xor) _names;
    private readonly string[] _globalUsings;

    // The last versions compared with, and how it came out: thousands of reused models ask about the same two.
    private CompilationVersion? _lastEquivalent;
    private CompilationVersion? _lastDifferent;

    private CompilationVersion(MetadataReference[] references, (int, int, int) names, string[] globalUsings, ImmutableArray<string> runbookAliases)
    {
        _references = references;
        _names = names;
        _globalUsings = globalUsings;
        RunbookAliases = runbookAliases;
    }

    /// <summary>The names <c>global using</c> aliases give the <c>[Runbook]</c> attribute (<see cref="RunbookDeclarations"/>).</summary>
    public ImmutableArray<string> RunbookAliases { get; }

    public static CompilationVersion Of(Compilation compilation)
    {
        var globalUsings = new List<UsingDirectiveSyntax>();
        var globalUsingTexts = new List<string>();
        int count = 0, sum = 0, xor = 0;
        foreach (var tree in compilation.SyntaxTrees)
        {
            var facts = TreeFacts.Of(tree);
            globalUsings.AddRange(facts.GlobalUsings);
            globalUsingTexts.AddRange(facts.GlobalUsingTexts);
            count += facts.Names.Count;
            unchecked { sum += facts.Names.Sum; }
            xor ^= facts.Names.Xor;
        }

        return new CompilationVersion(
            compilation.References.ToArray(), (count, sum, xor), globalUsingTexts.ToArray(), RunbookDeclarations.GlobalAliases(globalUsings));
    }

    public bool IsEquivalentTo(CompilationVersion other)
    {
        if (ReferenceEquals(this, other) || ReferenceEquals(_lastEquivalent, other)) return true;
        if (ReferenceEquals(_lastDifferent, other)) return false;
        var equivalent = _names == other._names
            && SameObjects(_references, other._references)
            && _globalUsings.SequenceEqual(other._globalUsings, StringComparer.Ordinal);
        if (equivalent) _lastEquivalent = other;
        else _lastDifferent = other;
        return equivalent;
    }

    /// <summary>The same objects in the same order: an unchanged reference is the same instance.</summary>
    private static bool SameObjects<T>(T[] first, T[] second) where T : class
    {
        if (first.Length != second.Length) return false;
        for (var i = 0; i < first.Length; i++)
        {
            if (!ReferenceEquals(first[i], second[i])) return false;
        }

        return true;
    }
}
