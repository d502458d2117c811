using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using RunbookSdk.Analyzers.Dsl;
using RunbookSdk.Execution;

namespace RunbookSdk.CodeFixes.Completion;

/// <summary>
/// A <c>{placeholder}</c> being typed in the template text of <c>Communication(name, "…")</c>: the name typed so far
/// after the <c>{</c>, and the names the runner fills there — the parameters of the runbooks that can send it (the
/// runbook that defines it, or every runbook of the handbook that does) and the run's facts.
/// </summary>
internal sealed class TemplatePlaceholderSite
{
    private TemplatePlaceholderSite(TextSpan nameSpan, bool closed, ImmutableArray<TemplatePlaceholderChoice> choices)
    {
        NameSpan = nameSpan;
        IsClosed = closed;
        Choices = choices;
    }

    /// <summary>The name typed after the <c>{</c> (and on after the caret), which a chosen name replaces.</summary>
    public TextSpan NameSpan { get; }

    /// <summary>Whether a <c>}</c> already follows the name, so committing does not write another.</summary>
    public bool IsClosed { get; }

    public ImmutableArray<TemplatePlaceholderChoice> Choices { get; }

    /// <summary>The site at <paramref name="position"/>, or null outside a template's <c>{…</c>. Never throws on half-typed code.</summary>
    public static async Task<TemplatePlaceholderSite?> FindAsync(Document document, int position, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || LiteralAt(root, position) is not { } literal || TemplateOf(literal) is not { } invocation) return null;
        if (NameSpanAt(literal.Token, position) is not { } nameSpan) return null;

        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null || RunbookCompilation.For(model.Compilation) is not { } runbooks) return null;
        var symbolInfo = model.GetSymbolInfo(invocation, cancellationToken);
        var method = symbolInfo.Symbol as IMethodSymbol ?? (symbolInfo.CandidateSymbols.Length > 0 ? symbolInfo.CandidateSymbols[0] as IMethodSymbol : null);
        if (method is null || method.Name != "Communication" || !runbooks.Symbols.IsBuilder(method.ContainingType)) return null;

        var enclosing = model.GetEnclosingSymbol(position, cancellationToken);
        if ((enclosing as INamedTypeSymbol ?? enclosing?.ContainingType) is not { } type) return null;
        var text = literal.Token.Text;
        var after = nameSpan.End - literal.Token.SpanStart;
        var closed = after < text.Length && text[after] == '}';
        return new TemplatePlaceholderSite(nameSpan, closed, ChoicesFor(type, runbooks, model.Compilation, cancellationToken));
    }

    private static LiteralExpressionSyntax? LiteralAt(SyntaxNode root, int position)
    {
        foreach (var token in new[] { root.FindToken(position), root.FindToken(Math.Max(0, position - 1)) })
        {
            if (token.Parent is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) &&
                position > token.SpanStart && position <= token.Span.End)
                return literal;
        }

        return null;
    }

    /// <summary>The <c>Communication(...)</c> call whose template (second, or named <c>template:</c>) argument is <paramref name="literal"/>.</summary>
    private static InvocationExpressionSyntax? TemplateOf(LiteralExpressionSyntax literal)
    {
        if (literal.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } list } argument) return null;
        if (invocation.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Communication" }) return null;
        var isTemplate = argument.NameColon is { } named ? named.Name.Identifier.ValueText == "template" : list.Arguments.IndexOf(argument) == 1;
        return isTemplate ? invocation : null;
    }

    /// <summary>
    /// The name around the caret when a <c>{</c> opens it on the caret's line with nothing but a name between
    /// (<c>"{Re|"</c>, <c>"{|}"</c>), its rest after the caret included; null anywhere else.
    /// </summary>
    private static TextSpan? NameSpanAt(SyntaxToken token, int position)
    {
        var text = token.Text;
        var caret = position - token.SpanStart;
        if (caret <= 0 || caret > text.Length) return null;
        var start = caret;
        while (start > 0 && IsNamePart(text[start - 1])) start--;
        if (start == 0 || text[start - 1] != '{' || start >= 2 && text[start - 2] == '{') return null;
        var end = caret;
        while (end < text.Length && IsNamePart(text[end])) end++;
        return TextSpan.FromBounds(token.SpanStart + start, token.SpanStart + end);
    }

    private static bool IsNamePart(char c) => char.IsLetterOrDigit(c) || c == '_';

    /// <summary>
    /// The runbook's parameters (its base classes' too); for a handbook's template, those of every runbook of the
    /// handbook in this compilation, each once, with the runbooks that have it; then the run's facts.
    /// </summary>
    private static ImmutableArray<TemplatePlaceholderChoice> ChoicesFor(INamedTypeSymbol type, RunbookCompilation runbooks, Compilation compilation, CancellationToken cancellationToken)
    {
        var owners = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        var order = new List<string>();
        void AddParametersOf(INamedTypeSymbol runbook)
        {
            for (var current = runbook; current is not null; current = current.BaseType)
            {
                foreach (var property in current.GetMembers().OfType<IPropertySymbol>().Where(runbooks.Symbols.IsParameter))
                {
                    if (!owners.TryGetValue(property.Name, out var list)) { owners[property.Name] = list = new List<string>(); order.Add(property.Name); }
                    if (!list.Contains(runbook.Name)) list.Add(runbook.Name);
                }
            }
        }

        if (runbooks.Symbols.IsHandbookType(type))
        {
            foreach (var runbook in RunbooksOf(type, runbooks, compilation.GlobalNamespace, cancellationToken)) AddParametersOf(runbook);
        }
        else
        {
            AddParametersOf(type);
        }

        var choices = ImmutableArray.CreateBuilder<TemplatePlaceholderChoice>();
        foreach (var name in order) choices.Add(new TemplatePlaceholderChoice(name, "parameter of " + string.Join(", ", owners[name]), IsFact: false));
        foreach (var fact in TemplatePlaceholders.RunFacts)
        {
            if (!owners.ContainsKey(fact)) choices.Add(new TemplatePlaceholderChoice(fact, "run fact", IsFact: true));
        }

        return choices.ToImmutable();
    }

    /// <summary>The runbooks declared in this compilation that belong to <paramref name="handbook"/> (not abstract base classes).</summary>
    private static IEnumerable<INamedTypeSymbol> RunbooksOf(INamedTypeSymbol handbook, RunbookCompilation runbooks, INamespaceSymbol ns, CancellationToken cancellationToken)
    {
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(ns);
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var member in pending.Pop().GetMembers())
            {
                if (member is INamespaceSymbol inner) { pending.Push(inner); continue; }
                if (member is not INamedTypeSymbol type || !type.Locations.Any(l => l.IsInSource)) continue;
                pending.Push(type);
                // A base runbook class is no runbook of its own: its parameters are offered with the runbooks deriving from it.
                if (!type.IsAbstract && runbooks.Symbols.HandbookOf(type) is { } owner && SymbolEqualityComparer.Default.Equals(owner, handbook)) yield return type;
            }
        }
    }
}

/// <summary>A name a template's placeholder can take, and what fills it.</summary>
internal sealed record TemplatePlaceholderChoice(string Name, string Description, bool IsFact);
