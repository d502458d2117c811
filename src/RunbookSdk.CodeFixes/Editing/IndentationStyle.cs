using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.CodeFixes.Editing;

/// <summary>
/// How a document indents: the unit one level adds (a tab, two spaces, four spaces) and how wide a tab is, so lines a
/// fix writes read like the lines around them.
/// </summary>
/// <remarks>
/// The document's <c>.editorconfig</c> (<c>indent_style</c>, <c>indent_size</c>, <c>tab_width</c>) is read the way
/// Roslyn's own code fixes read their formatting options, from the analyzer config options of the document's tree.
/// Where it declares nothing, the file's own lines decide (as the editor's adaptive formatting does): the step from a
/// type's indentation to its members' (or from a namespace block's to its types') is the unit the author typed. Four
/// spaces only when neither says anything.
/// </remarks>
internal sealed class IndentationStyle
{
    private const int DefaultSize = 4;

    private IndentationStyle(string unit, int tabWidth)
    {
        Unit = unit;
        TabWidth = tabWidth;
    }

    /// <summary>The whitespace of one indentation level.</summary>
    public string Unit { get; }

    /// <summary>The columns a tab advances to a multiple of.</summary>
    public int TabWidth { get; }

    /// <summary>The columns one level is wide.</summary>
    public int UnitWidth => Width(Unit);

    private bool UsesTabs => Unit.Contains("\t");

    /// <summary>
    /// The indentation style of the document that <paramref name="member"/> is declared in (a member of a type, or a
    /// type, whose step inside its container shows the unit when no <c>.editorconfig</c> names one).
    /// </summary>
    public static async Task<IndentationStyle> OfAsync(Document document, MemberDeclarationSyntax member, CancellationToken cancellationToken)
    {
        var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
        var options = tree is null ? null : document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(tree);

        string? style = null, size = null, tabWidth = null;
        options?.TryGetValue("indent_style", out style);
        options?.TryGetValue("indent_size", out size);
        options?.TryGetValue("tab_width", out tabWidth);

        var tab = PositiveNumber(tabWidth) ?? PositiveNumber(size) ?? DefaultSize;
        if (style is not null || size is not null)
        {
            var useTabs = string.Equals(style?.Trim(), "tab", System.StringComparison.OrdinalIgnoreCase);
            // indent_size = tab means one level is one tab wide.
            var levelWidth = string.Equals(size?.Trim(), "tab", System.StringComparison.OrdinalIgnoreCase) ? tab : PositiveNumber(size) ?? (useTabs ? tab : DefaultSize);
            return new IndentationStyle(Whitespace(levelWidth, useTabs, tab), tab);
        }

        return new IndentationStyle(UnitShownBy(member) ?? new string(' ', DefaultSize), tab);
    }

    /// <summary>The columns <paramref name="whitespace"/> spans from the start of a line.</summary>
    public int Width(string whitespace)
    {
        var column = 0;
        foreach (var c in whitespace)
            column = c == '\t' ? (column / TabWidth + 1) * TabWidth : column + 1;
        return column;
    }

    /// <summary>Whitespace that spans <paramref name="columns"/> columns from the start of a line, in this style.</summary>
    public string Whitespace(int columns) => Whitespace(columns, UsesTabs, TabWidth);

    /// <summary>The column <paramref name="token"/> starts at, tabs counted as this style counts them.</summary>
    public int ColumnOf(SyntaxToken token)
    {
        var text = token.SyntaxTree?.GetText();
        if (text is null) return token.GetLocation().GetLineSpan().StartLinePosition.Character;
        var line = text.Lines.GetLineFromPosition(token.SpanStart);
        return Width(text.ToString(Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(line.Start, token.SpanStart)));
    }

    private static string Whitespace(int columns, bool useTabs, int tabWidth)
    {
        if (!useTabs) return new string(' ', columns);
        var result = new StringBuilder();
        result.Append('\t', columns / tabWidth);
        result.Append(' ', columns % tabWidth);
        return result.ToString();
    }

    /// <summary>
    /// What the member's line adds to its container's indentation, when it adds something: a type's for a member, a
    /// namespace block's for a type (a type with no members yet shows the unit by its step inside its namespace).
    /// </summary>
    private static string? UnitShownBy(MemberDeclarationSyntax member)
    {
        if (member.Parent is not (TypeDeclarationSyntax or NamespaceDeclarationSyntax)) return null;
        var memberIndent = LineIndentation(member.GetFirstToken());
        var containerIndent = LineIndentation(member.Parent.GetFirstToken());
        return memberIndent.Length > containerIndent.Length && memberIndent.StartsWith(containerIndent, System.StringComparison.Ordinal)
            ? memberIndent.Substring(containerIndent.Length)
            : null;
    }

    /// <summary>The whitespace that starts <paramref name="token"/>'s line, when the token is the first on it.</summary>
    public static string LineIndentation(SyntaxToken token)
    {
        var leading = token.LeadingTrivia;
        return leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia) ? leading[leading.Count - 1].ToString() : "";
    }

    private static int? PositiveNumber(string? value) =>
        int.TryParse(value?.Trim(), out var number) && number > 0 ? number : null;
}
