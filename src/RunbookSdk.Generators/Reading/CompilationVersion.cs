using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.Generators.Reading;

/// <summary>
/// What a reused runbook model depends on beyond the trees it recorded (<see cref="Dependencies"/>): the
/// compilation's references, the names of its types and namespaces (a new type can change what a name binds to),
/// and every tree that declares no runbook — handbooks, shared constants, global usings, the rest of the project.
/// Editing a runbook's file leaves the version of the compilation as it was; editing any other file changes it,
/// and every runbook is read again, as without reuse.
/// </summary>
internal sealed class CompilationVersion
{
    private readonly MetadataReference[] _references;
    private readonly SyntaxTree[] _sharedTrees;
    private readonly (int Count, int Sum, int Xor) _names;

    // The last versions compared with, and how it came out: thousands of reused models ask about the same two.
    private CompilationVersion? _lastEquivalent;
    private CompilationVersion? _lastDifferent;

    private CompilationVersion(MetadataReference[] references, SyntaxTree[] sharedTrees, (int, int, int) names)
    {
        _references = references;
        _sharedTrees = sharedTrees;
        _names = names;
    }

    public static CompilationVersion Of(Compilation compilation)
    {
        var shared = compilation.SyntaxTrees.Where(tree => !DeclaresRunbook(tree)).ToArray();
        return new CompilationVersion(compilation.References.ToArray(), shared, NamesOf(compilation.Assembly));
    }

    public bool IsEquivalentTo(CompilationVersion other)
    {
        if (ReferenceEquals(this, other) || ReferenceEquals(_lastEquivalent, other)) return true;
        if (ReferenceEquals(_lastDifferent, other)) return false;
        var equivalent = _names == other._names
            && SameObjects(_references, other._references)
            && SameObjects(_sharedTrees, other._sharedTrees);
        if (equivalent) _lastEquivalent = other;
        else _lastDifferent = other;
        return equivalent;
    }

    private static (int Count, int Sum, int Xor) NamesOf(IAssemblySymbol assembly)
    {
        int count = 0, sum = 0, xor = 0;
        foreach (var name in assembly.TypeNames.Concat(assembly.NamespaceNames.Select(n => "namespace " + n)))
        {
            var hash = StringComparer.Ordinal.GetHashCode(name);
            count++;
            unchecked { sum += hash; }
            xor ^= hash;
        }

        return (count, sum, xor);
    }

    /// <summary>A tree with a type whose attribute is named Runbook (syntax only: this runs for every tree, every run).</summary>
    private static bool DeclaresRunbook(SyntaxTree tree) =>
        tree.GetRoot() is CompilationUnitSyntax unit && AnyRunbook(unit.Members);

    private static bool AnyRunbook(SyntaxList<MemberDeclarationSyntax> members)
    {
        foreach (var member in members)
        {
            switch (member)
            {
                case BaseNamespaceDeclarationSyntax ns when AnyRunbook(ns.Members):
                    return true;
                case TypeDeclarationSyntax type when HasRunbookAttribute(type) || AnyRunbook(type.Members):
                    return true;
            }
        }

        return false;
    }

    private static bool HasRunbookAttribute(TypeDeclarationSyntax type)
    {
        foreach (var list in type.AttributeLists)
        {
            foreach (var attribute in list.Attributes)
            {
                if (AttributeNames.Is(attribute, "Runbook")) return true;
            }
        }

        return false;
    }

    /// <summary>The same objects in the same order: an unchanged tree or reference is the same instance.</summary>
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
