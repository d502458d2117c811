using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.Analyzers.Parameters;

/// <summary>
/// The names one file mentions in the ways code reads a parameter, read once per syntax tree (a keystroke reads only
/// the edited file): names used in code (<c>Region</c>, <c>this.Region</c>, <c>nameof(Region)</c>, <c>$"… {Region}"</c>),
/// names read from another object (<c>rb.Region</c>, <c>runbook?.Region</c>, as a helper reads them), placeholders
/// in text (<c>"… {Region} …"</c>, a communication template's, case-insensitive as the runner fills them) and whole
/// string literals (<c>ctx.Parameters["Region"]</c>). RB0031 judges with these by name, never binding code.
/// </summary>
internal sealed class ParameterMentions
{
    private static readonly ConditionalWeakTable<SyntaxTree, ParameterMentions> Cache = new();

    private ParameterMentions() { }

    /// <summary>Names used as identifiers in code, however qualified (declarations are not uses).</summary>
    public HashSet<string> Identifiers { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Names read as a member of an object other than <c>this</c> or <c>base</c> (<c>rb.Region</c>, and a property
    /// pattern's <c>rb is QueueStuck { Region: "eu" }</c>).
    /// </summary>
    public HashSet<string> MemberReads { get; } = new(StringComparer.Ordinal);

    /// <summary>The names between braces in string literals (<c>{Region}</c>, <c>{this.Region}</c>), case-insensitive.</summary>
    public HashSet<string> Placeholders { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>String literals whose whole text is a name (<c>"Region"</c>), case-insensitive as the runner's lookup.</summary>
    public HashSet<string> NameLiterals { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The names of the types the file declares (<c>Templates</c>, <c>Helpers</c>): a runbook that names one uses the
    /// file, so the templates, names and member reads there may be its own.
    /// </summary>
    public HashSet<string> DeclaredTypes { get; } = new(StringComparer.Ordinal);

    /// <summary>What <paramref name="tree"/> mentions.</summary>
    public static ParameterMentions Of(SyntaxTree tree, System.Threading.CancellationToken cancellationToken) =>
        Cache.GetValue(tree, t => Read(t.GetRoot(cancellationToken)));

    private static ParameterMentions Read(SyntaxNode root)
    {
        var mentions = new ParameterMentions();
        foreach (var token in root.DescendantTokens())
        {
            switch (token.Kind())
            {
                case SyntaxKind.IdentifierToken when token.Parent is IdentifierNameSyntax name:
                    mentions.Identifiers.Add(token.ValueText);
                    if (IsReadFromAnotherObject(name)) mentions.MemberReads.Add(token.ValueText);
                    break;
                case SyntaxKind.IdentifierToken when token.Parent is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax:
                    mentions.DeclaredTypes.Add(token.ValueText);
                    break;
                case SyntaxKind.StringLiteralToken:
                case SyntaxKind.SingleLineRawStringLiteralToken:
                case SyntaxKind.MultiLineRawStringLiteralToken:
                case SyntaxKind.Utf8StringLiteralToken:
                case SyntaxKind.Utf8SingleLineRawStringLiteralToken:
                case SyntaxKind.Utf8MultiLineRawStringLiteralToken:
                case SyntaxKind.InterpolatedStringTextToken:
                    // An attribute's text is no read: [Parameter("Region")] describes the parameter in one word.
                    if (token.Parent?.FirstAncestorOrSelf<AttributeSyntax>() is not null) break;
                    mentions.AddText(token.ValueText, whole: !token.IsKind(SyntaxKind.InterpolatedStringTextToken));
                    break;
            }
        }

        return mentions;
    }

    private static bool IsReadFromAnotherObject(IdentifierNameSyntax name) => name.Parent switch
    {
        MemberAccessExpressionSyntax access => access.Name == name && access.Expression is not (ThisExpressionSyntax or BaseExpressionSyntax),
        MemberBindingExpressionSyntax => true,
        // `runbook is QueueStuck { Region: "eu" }`: the pattern reads the property of the object it matches.
        BaseExpressionColonSyntax { Parent: SubpatternSyntax } => true,
        _ => false,
    };

    /// <summary>The names between braces in <paramref name="text"/>, as <see cref="Placeholders"/> holds them.</summary>
    public static IEnumerable<string> PlaceholdersIn(string text)
    {
        var mentions = new ParameterMentions();
        mentions.AddText(text, whole: false);
        return mentions.Placeholders;
    }

    private void AddText(string text, bool whole)
    {
        if (whole && IsName(text, 0, text.Length)) NameLiterals.Add(text);
        for (var open = text.IndexOf('{'); open >= 0; open = text.IndexOf('{', open + 1))
        {
            var start = open + 1;
            if (string.CompareOrdinal(text, start, "this.", 0, 5) == 0) start += 5;
            var end = start;
            while (end < text.Length && IsNameChar(text[end])) end++;
            if (end > start && end < text.Length && text[end] is '}' or ':' && IsName(text, start, end - start)) Placeholders.Add(text.Substring(start, end - start));
        }
    }

    /// <summary>
    /// True when <paramref name="name"/> is written as a whole word in <paramref name="text"/> (in code, a string or a
    /// comment alike) outside the characters from <paramref name="skipFrom"/> to <paramref name="skipTo"/>.
    /// </summary>
    public static bool WrittenOutside(string text, string name, int skipFrom, int skipTo)
    {
        for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + name.Length, StringComparison.Ordinal))
        {
            if (at >= skipFrom && at < skipTo) continue;
            var wordStart = at == 0 || !IsNameChar(text[at - 1]);
            var wordEnd = at + name.Length == text.Length || !IsNameChar(text[at + name.Length]);
            if (wordStart && wordEnd) return true;
        }

        return false;
    }

    private static bool IsName(string text, int start, int length)
    {
        if (length == 0 || length > 128 || char.IsDigit(text[start])) return false;
        for (var i = start; i < start + length; i++)
        {
            if (!IsNameChar(text[i])) return false;
        }

        return true;
    }

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
