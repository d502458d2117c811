using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.Generators.Reading;

/// <summary>
/// What <see cref="CompilationVersion"/> needs to know about one file: whether it declares a runbook, its global
/// usings, and the names of the types and namespaces it declares. Read once per syntax tree: in the IDE every file
/// but the edited one is the same tree from keystroke to keystroke, and walking all of them, and asking Roslyn for
/// the compilation's type names, was most of what building a version cost (docs/performance.md).
/// </summary>
internal sealed class TreeFacts
{
    private static readonly ConditionalWeakTable<SyntaxTree, TreeFacts> s_facts = new();

    private TreeFacts(bool declaresRunbook, ImmutableArray<UsingDirectiveSyntax> globalUsings, string[] globalUsingTexts, (int, int, int) names)
    {
        DeclaresRunbook = declaresRunbook;
        GlobalUsings = globalUsings;
        GlobalUsingTexts = globalUsingTexts;
        Names = names;
    }

    /// <summary>A type of the file has an attribute named Runbook (by name: an aliased one makes the file count as shared, which only costs reuse).</summary>
    public bool DeclaresRunbook { get; }

    /// <summary>The file's <c>global using</c> directives.</summary>
    public ImmutableArray<UsingDirectiveSyntax> GlobalUsings { get; }

    /// <summary>The same directives as text, to compare across trees; empty unless the file declares a runbook (the only files compared so).</summary>
    public string[] GlobalUsingTexts { get; }

    /// <summary>The names of the types (with their arity) and namespaces the file declares, as a count, sum and xor of their hashes.</summary>
    public (int Count, int Sum, int Xor) Names { get; }

    public static TreeFacts Of(SyntaxTree tree) => s_facts.GetValue(tree, Read);

    private static TreeFacts Read(SyntaxTree tree)
    {
        if (tree.GetRoot() is not CompilationUnitSyntax unit)
            return new TreeFacts(false, ImmutableArray<UsingDirectiveSyntax>.Empty, Array.Empty<string>(), (0, 0, 0));

        var globalUsings = ImmutableArray.CreateBuilder<UsingDirectiveSyntax>();
        // Global usings come first in a file.
        foreach (var directive in unit.Usings)
        {
            if (directive.GlobalKeyword.RawKind == 0) break;
            globalUsings.Add(directive);
        }

        var walk = new Walk();
        walk.Members(unit.Members);
        // Only a runbook file's global usings are compared as text; other files are compared as the same tree.
        var texts = walk.DeclaresRunbook ? new string[globalUsings.Count] : Array.Empty<string>();
        for (var i = 0; i < texts.Length; i++) texts[i] = globalUsings[i].ToString();
        return new TreeFacts(walk.DeclaresRunbook, globalUsings.ToImmutable(), texts, (walk.Count, walk.Sum, walk.Xor));
    }

    /// <summary>One pass over the file's declarations (not into member bodies).</summary>
    private sealed class Walk
    {
        public bool DeclaresRunbook { get; private set; }

        public int Count { get; private set; }

        public int Sum { get; private set; }

        public int Xor { get; private set; }

        public void Members(SyntaxList<MemberDeclarationSyntax> members)
        {
            foreach (var member in members)
            {
                switch (member)
                {
                    case BaseNamespaceDeclarationSyntax ns:
                        Name("namespace " + ns.Name);
                        Members(ns.Members);
                        break;
                    case TypeDeclarationSyntax type:
                        Name(type.Identifier.ValueText + "`" + type.Arity);
                        if (!DeclaresRunbook && HasRunbookAttribute(type)) DeclaresRunbook = true;
                        Members(type.Members);
                        break;
                    case BaseTypeDeclarationSyntax other:
                        Name(other.Identifier.ValueText);
                        break;
                    case DelegateDeclarationSyntax @delegate:
                        Name(@delegate.Identifier.ValueText + "`" + @delegate.Arity);
                        break;
                }
            }
        }

        private void Name(string name)
        {
            var hash = StringComparer.Ordinal.GetHashCode(name);
            Count++;
            unchecked { Sum += hash; }
            Xor ^= hash;
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
    }
}
