using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.Generators.Reading;

/// <summary>
/// What <see cref="CompilationVersion"/> needs to know about one file: its global usings and the names of the
/// types and namespaces it declares. Read once per syntax tree: in the IDE every file
/// but the edited one is the same tree from keystroke to keystroke, and walking all of them, and asking Roslyn for
/// the compilation's type names, was most of what building a version cost (docs/performance.md).
/// </summary>
internal sealed class TreeFacts
{
    private static readonly ConditionalWeakTable<SyntaxTree, TreeFacts> s_facts = new();

    private TreeFacts(ImmutableArray<UsingDirectiveSyntax> globalUsings, string[] globalUsingTexts, DeclaredName[] declared, (int, int, int) names)
    {
        GlobalUsings = globalUsings;
        GlobalUsingTexts = globalUsingTexts;
        Declared = declared;
        Names = names;
    }

    /// <summary>The file's <c>global using</c> directives.</summary>
    public ImmutableArray<UsingDirectiveSyntax> GlobalUsings { get; }

    /// <summary>The same directives as text, to compare across trees (an edited file is a new tree).</summary>
    public string[] GlobalUsingTexts { get; }

    /// <summary>The types and namespaces the file declares.</summary>
    public DeclaredName[] Declared { get; }

    /// <summary>Their qualified names as a count, sum and xor of their hashes: two versions of a file that declare the same compare equal at once.</summary>
    public (int Count, int Sum, int Xor) Names { get; }

    public static TreeFacts Of(SyntaxTree tree) => s_facts.GetValue(tree, Read);

    private static TreeFacts Read(SyntaxTree tree)
    {
        if (tree.GetRoot() is not CompilationUnitSyntax unit)
            return new TreeFacts(ImmutableArray<UsingDirectiveSyntax>.Empty, Array.Empty<string>(), Array.Empty<DeclaredName>(), (0, 0, 0));

        var globalUsings = ImmutableArray.CreateBuilder<UsingDirectiveSyntax>();
        // Global usings come first in a file; one written after a plain using is an error that still applies everywhere.
        foreach (var directive in unit.Usings)
        {
            if (directive.GlobalKeyword.RawKind != 0) globalUsings.Add(directive);
        }

        var walk = new Walk();
        walk.Members(unit.Members, "");
        var texts = globalUsings.Count == 0 ? Array.Empty<string>() : new string[globalUsings.Count];
        for (var i = 0; i < texts.Length; i++) texts[i] = globalUsings[i].ToString();
        return new TreeFacts(globalUsings.ToImmutable(), texts, walk.Declared.ToArray(), (walk.Declared.Count, walk.Sum, walk.Xor));
    }

    /// <summary>One pass over the file's declarations (not into member bodies).</summary>
    private sealed class Walk
    {
        private bool _program;

        public List<DeclaredName> Declared { get; } = new();

        public int Sum { get; private set; }

        public int Xor { get; private set; }

        /// <param name="members">The members of a compilation unit, namespace or type.</param>
        /// <param name="container">Their namespace or type, qualified (a type moved to another namespace in the same file changes what names bind to).</param>
        public void Members(SyntaxList<MemberDeclarationSyntax> members, string container)
        {
            foreach (var member in members)
            {
                switch (member)
                {
                    case BaseNamespaceDeclarationSyntax ns:
                        var qualified = container + ns.Name + ".";
                        Name("namespace " + qualified, Segments(ns.Name));
                        Members(ns.Members, qualified);
                        break;
                    case TypeDeclarationSyntax type:
                        var name = container + type.Identifier.ValueText + "`" + type.Arity;
                        var kind = type is RecordDeclarationSyntax record ? record.ClassOrStructKeyword.ValueText + " " : "";
                        Name(kind + Written(type.Modifiers, type.Keyword) + name, type.Identifier.ValueText);
                        Members(type.Members, name + "+");
                        break;
                    case BaseTypeDeclarationSyntax other:
                        Name(Written(other.Modifiers, other is EnumDeclarationSyntax e ? e.EnumKeyword : default) + container + other.Identifier.ValueText, other.Identifier.ValueText);
                        break;
                    case DelegateDeclarationSyntax @delegate:
                        Name(Written(@delegate.Modifiers, @delegate.DelegateKeyword) + container + @delegate.Identifier.ValueText + "`" + @delegate.Arity, @delegate.Identifier.ValueText);
                        break;
                    case GlobalStatementSyntax statement:
                        TopLevel(statement);
                        break;
                }
            }
        }

        private void Name(string qualified, params string[] simpleNames)
        {
            Declared.Add(new DeclaredName(qualified, simpleNames));
            var hash = StringComparer.Ordinal.GetHashCode(qualified);
            unchecked { Sum += hash; }
            Xor ^= hash;
        }

        /// <summary>
        /// Top-level statements declare the class <c>Program</c> in the global namespace — one half-typed statement
        /// does — and their locals and local functions are found by lookups in every file (as errors, which change
        /// what a constant reads): all of them count as declared names.
        /// </summary>
        private void TopLevel(GlobalStatementSyntax statement)
        {
            if (!_program)
            {
                _program = true;
                Name("top-level Program", "Program");
            }

            // Every way a statement declares a local: a declaration, a deconstruction, `out var`, a pattern, a local
            // function (also behind a label). Some are scoped more narrowly; counting them too only costs reuse.
            foreach (var node in statement.DescendantNodes())
            {
                var declared = node switch
                {
                    VariableDeclaratorSyntax variable => variable.Identifier,
                    SingleVariableDesignationSyntax designation => designation.Identifier,
                    LocalFunctionStatementSyntax function => function.Identifier,
                    _ => default,
                };
                if (declared.RawKind != 0) Name("top-level " + declared.ValueText, declared.ValueText);
            }
        }

        /// <summary>
        /// What a type is declared with, as written: its accessibility — a <c>file</c> or <c>private</c> type becoming
        /// <c>public</c> keeps its name but changes where a lookup finds it — and its kind (a class that becomes a
        /// delegate can be called; a struct cannot be null).
        /// </summary>
        private static string Written(SyntaxTokenList modifiers, SyntaxToken keyword)
        {
            var written = keyword.ValueText + " ";
            foreach (var modifier in modifiers)
            {
                switch (modifier.Kind())
                {
                    case SyntaxKind.PublicKeyword:
                    case SyntaxKind.InternalKeyword:
                    case SyntaxKind.ProtectedKeyword:
                    case SyntaxKind.PrivateKeyword:
                    case SyntaxKind.FileKeyword:
                        written += modifier.ValueText + " ";
                        break;
                }
            }

            return written;
        }

        private static string[] Segments(NameSyntax name)
        {
            var segments = new List<string>();
            for (var current = name; current is not null;)
            {
                switch (current)
                {
                    case QualifiedNameSyntax qualified:
                        segments.Add(qualified.Right.Identifier.ValueText);
                        current = qualified.Left;
                        break;
                    case SimpleNameSyntax simple:
                        segments.Add(simple.Identifier.ValueText);
                        current = null;
                        break;
                    default: // an alias-qualified name cannot name a namespace being declared
                        current = null;
                        break;
                }
            }

            return segments.ToArray();
        }
    }
}
