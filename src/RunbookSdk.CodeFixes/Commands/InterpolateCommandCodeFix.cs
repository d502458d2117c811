using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RunbookSdk.CodeFixes.Editing;

namespace RunbookSdk.CodeFixes.Commands;

/// <summary>
/// RB0013: a command pasted together — <c>Run("… " + FunctionName)</c>, <c>Run(string.Format("… {0}", Region))</c>, or a
/// local built that way and used once — becomes <c>Run($"… {FunctionName}")</c>, which binds to the command
/// interpolation handler and quotes every parameter for the shell. Constants stay literal text. A command that is a
/// variable or a call as a whole gets no fix: as one hole it would become a single quoted word.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InterpolateCommandCodeFix)), Shared]
public sealed class InterpolateCommandCodeFix : CodeFixProvider
{
    internal const string Key = "InterpolateCommand";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("RB0013");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (Plan(root, model, diagnostic, context.CancellationToken) is null) continue;
            context.RegisterCodeFix(
                CodeAction.Create("Interpolate the command so parameters are quoted for the shell", token => FixAsync(context.Document, diagnostic, token), Key),
                diagnostic);
        }
    }

    /// <summary>What to replace, with what, and the local declaration to remove when the command was a local.</summary>
    private sealed record FixPlan(ExpressionSyntax Argument, string Interpolated, LocalDeclarationStatementSyntax? InlinedLocal);

    private static FixPlan? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var argument = node as ExpressionSyntax ?? (node as ArgumentSyntax)?.Expression;
        if (argument is null || argument.Span != diagnostic.Location.SourceSpan) return null;

        if (argument is IdentifierNameSyntax identifier)
        {
            if (LocalUsedOnce(identifier, model, cancellationToken) is not { } local) return null;
            var initializer = local.Declaration.Variables[0].Initializer!.Value;
            return InterpolatedCommandText.From(initializer, model, cancellationToken) is { } inlined ? new FixPlan(argument, inlined, local) : null;
        }

        return InterpolatedCommandText.From(argument, model, cancellationToken) is { } text ? new FixPlan(argument, text, null) : null;
    }

    /// <summary>The declaration of the local the identifier reads, when it declares only that local and nothing else reads it.</summary>
    private static LocalDeclarationStatementSyntax? LocalUsedOnce(IdentifierNameSyntax identifier, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetSymbolInfo(identifier, cancellationToken).Symbol is not ILocalSymbol symbol) return null;
        if (symbol.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer: not null } declarator ||
            declarator.Parent?.Parent is not LocalDeclarationStatementSyntax { Declaration.Variables.Count: 1 } statement ||
            statement.Parent is null) return null;

        var reads = statement.Parent.DescendantNodes().OfType<IdentifierNameSyntax>()
            .Count(name => name.Identifier.ValueText == symbol.Name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, symbol));
        return reads == 1 ? statement : null;
    }

    private static async Task<Document> FixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || Plan(root, model, diagnostic, cancellationToken) is not { } plan) return document;

        var endOfLine = FluentChain.EndOfLine(root);
        var replacement = SyntaxFactory.ParseExpression(plan.Interpolated).WithTriviaFrom(plan.Argument);
        if (plan.InlinedLocal is not { } local)
        {
            // The pieces' comments ("aws … " /* the name */ + FunctionName) have no place inside one string: they follow it.
            var inner = Comments(plan.Argument.DescendantTrivia(plan.Argument.Span));
            if (inner.Count > 0) replacement = replacement.WithTrailingTrivia(After(inner, IndentOf(plan.Argument), endOfLine).AddRange(plan.Argument.GetTrailingTrivia()));
            return document.WithSyntaxRoot(root.ReplaceNode(plan.Argument, replacement));
        }

        // The local goes, its comments (above it, after it, between its pieces) stay: above the statement that ran it.
        var user = local.Parent!.ChildNodes().OfType<StatementSyntax>().FirstOrDefault(statement => statement.Span.Contains(plan.Argument.Span));
        var comments = Comments(local.DescendantTrivia());
        var edited = user is null ? root.TrackNodes(plan.Argument, local) : root.TrackNodes(plan.Argument, local, user);
        edited = edited.ReplaceNode(edited.GetCurrentNode(plan.Argument)!, replacement);
        if (user is not null && comments.Count > 0)
        {
            var current = edited.GetCurrentNode(user)!;
            edited = edited.ReplaceNode(current, current.WithLeadingTrivia(Above(current.GetLeadingTrivia(), comments, endOfLine)));
        }

        edited = edited.RemoveNode(edited.GetCurrentNode(local)!, SyntaxRemoveOptions.KeepNoTrivia)!;
        return document.WithSyntaxRoot(edited);
    }

    private static System.Collections.Generic.List<SyntaxTrivia> Comments(System.Collections.Generic.IEnumerable<SyntaxTrivia> trivia) =>
        trivia.Where(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia)).ToList();

    /// <summary>Comments after an expression: a line comment ends its line, and the code goes on at the expression's indentation.</summary>
    private static SyntaxTriviaList After(System.Collections.Generic.List<SyntaxTrivia> comments, string indentation, string endOfLine)
    {
        var trivia = new System.Collections.Generic.List<SyntaxTrivia>();
        var lineStart = false;
        foreach (var comment in comments)
        {
            if (!lineStart) trivia.Add(SyntaxFactory.Space);
            trivia.Add(comment);
            lineStart = comment.IsKind(SyntaxKind.SingleLineCommentTrivia);
            if (lineStart) trivia.AddRange(new[] { SyntaxFactory.EndOfLine(endOfLine), SyntaxFactory.Whitespace(indentation) });
        }

        return SyntaxFactory.TriviaList(trivia);
    }

    /// <summary><paramref name="leading"/> with each comment on a line of its own before the statement, at its indentation.</summary>
    private static SyntaxTriviaList Above(SyntaxTriviaList leading, System.Collections.Generic.List<SyntaxTrivia> comments, string endOfLine)
    {
        var indentation = leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia) ? leading[leading.Count - 1] : default;
        var trivia = new System.Collections.Generic.List<SyntaxTrivia>(indentation == default ? leading : leading.Take(leading.Count - 1));
        foreach (var comment in comments)
        {
            if (indentation != default) trivia.Add(indentation);
            trivia.Add(comment);
            trivia.Add(SyntaxFactory.EndOfLine(endOfLine));
        }

        if (indentation != default) trivia.Add(indentation);
        return SyntaxFactory.TriviaList(trivia);
    }

    /// <summary>The whitespace that starts the line <paramref name="node"/> starts on.</summary>
    private static string IndentOf(SyntaxNode node)
    {
        var text = node.SyntaxTree.GetText();
        var line = text.Lines.GetLineFromPosition(node.SpanStart).ToString();
        return line.Substring(0, line.Length - line.TrimStart().Length);
    }
}
