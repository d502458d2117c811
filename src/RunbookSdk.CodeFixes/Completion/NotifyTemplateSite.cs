using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using RunbookSdk.Analyzers.Dsl;

namespace RunbookSdk.CodeFixes.Completion;

/// <summary>
/// The template name being typed in <c>Notify("…")</c>: the text between the quotes, whether the literal is verbatim,
/// and the templates the runbook can send (its own <c>Communication(...)</c> calls first, then its handbook's).
/// </summary>
internal sealed class NotifyTemplateSite
{
    private NotifyTemplateSite(TextSpan nameSpan, bool isVerbatim, ImmutableArray<NotifyTemplateChoice> choices)
    {
        NameSpan = nameSpan;
        IsVerbatim = isVerbatim;
        Choices = choices;
    }

    /// <summary>The literal's contents, which a chosen name replaces whole (<c>Notify("cust|omer")</c> included).</summary>
    public TextSpan NameSpan { get; }

    /// <summary>An <c>@"…"</c> literal, where a quote is doubled rather than escaped.</summary>
    public bool IsVerbatim { get; }

    public ImmutableArray<NotifyTemplateChoice> Choices { get; }

    /// <summary>
    /// The site at <paramref name="position"/>, or null when it is not inside the template argument of a DSL
    /// <c>Notify</c> in a runbook or handbook. Never throws on half-typed code: an unclosed literal counts.
    /// </summary>
    public static async Task<NotifyTemplateSite?> FindAsync(Document document, int position, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || LiteralAt(root, position) is not { } literal) return null;
        if (TemplateArgumentOf(literal) is not { } invocation) return null;

        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null || RunbookCompilation.For(model.Compilation) is not { } runbooks) return null;
        var symbolInfo = model.GetSymbolInfo(invocation, cancellationToken);
        var method = symbolInfo.Symbol as IMethodSymbol ?? (symbolInfo.CandidateSymbols.Length > 0 ? symbolInfo.CandidateSymbols[0] as IMethodSymbol : null);
        if (method is null || method.Name != "Notify" || !runbooks.Symbols.IsBuilder(method.ContainingType)) return null;

        var enclosing = model.GetEnclosingSymbol(position, cancellationToken);
        if ((enclosing as INamedTypeSymbol ?? enclosing?.ContainingType) is not { } type) return null;
        var token = literal.Token;
        var isVerbatim = token.Text.StartsWith("@", StringComparison.Ordinal);
        return new NotifyTemplateSite(ContentsOf(token, isVerbatim), isVerbatim, ChoicesFor(type, runbooks));
    }

    /// <summary>
    /// The contents of the string literal at <paramref name="position"/>, as they are now: at commit, a name typed on
    /// after the list opened is replaced too.
    /// </summary>
    public static TextSpan? NameSpanAt(SyntaxNode root, int position) =>
        LiteralAt(root, position) is { } literal ? ContentsOf(literal.Token, literal.Token.Text.StartsWith("@", StringComparison.Ordinal)) : null;

    /// <summary>
    /// The string literal the caret is in. At the very end of an unclosed literal (<c>Notify("cust|</c> at a line's
    /// end) the caret is past the token, so the token before it is asked too.
    /// </summary>
    private static LiteralExpressionSyntax? LiteralAt(SyntaxNode root, int position)
    {
        foreach (var token in new[] { root.FindToken(position), root.FindToken(Math.Max(0, position - 1)) })
        {
            if (!token.IsKind(SyntaxKind.StringLiteralToken) || token.Parent is not LiteralExpressionSyntax literal) continue;
            var contents = ContentsOf(token, token.Text.StartsWith("@", StringComparison.Ordinal));
            if (position >= contents.Start && position <= contents.End) return literal;
        }

        return null;
    }

    private static TextSpan ContentsOf(SyntaxToken token, bool isVerbatim)
    {
        var start = token.SpanStart + (isVerbatim ? 2 : 1);
        var text = token.Text;
        var closed = text.Length >= (isVerbatim ? 3 : 2) && text.EndsWith("\"", StringComparison.Ordinal) && !token.ContainsDiagnostics;
        var end = Math.Max(start, closed ? token.Span.End - 1 : token.Span.End);
        return TextSpan.FromBounds(start, end);
    }

    /// <summary>The <c>Notify(...)</c> call whose template (first, or named <c>template:</c>) argument is <paramref name="literal"/>.</summary>
    private static InvocationExpressionSyntax? TemplateArgumentOf(LiteralExpressionSyntax literal)
    {
        if (literal.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } list } argument) return null;
        var name = invocation.Expression switch
        {
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            _ => null,
        };
        if (name != "Notify") return null;
        var isTemplate = argument.NameColon is { } named ? named.Name.Identifier.ValueText == "template" : list.Arguments.IndexOf(argument) == 0;
        return isTemplate ? invocation : null;
    }

    /// <summary>The type's own templates, then its handbook's; a name defined twice is offered once, as the runner finds it.</summary>
    private static ImmutableArray<NotifyTemplateChoice> ChoicesFor(INamedTypeSymbol type, RunbookCompilation runbooks)
    {
        var choices = ImmutableArray.CreateBuilder<NotifyTemplateChoice>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        void Add(INamedTypeSymbol owner)
        {
            foreach (var communication in runbooks.FactsOf(owner).Communications)
            {
                if (seen.Add(communication.Name))
                    choices.Add(new NotifyTemplateChoice(communication.Name, communication.Template, communication.Channel, owner.Name));
            }
        }

        Add(type);
        if (runbooks.Symbols.HandbookOf(type) is { } handbook) Add(handbook);
        return choices.ToImmutable();
    }
}
