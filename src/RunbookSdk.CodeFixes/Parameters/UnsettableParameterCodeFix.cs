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
using RunbookSdk.Analyzers.Parameters;

namespace RunbookSdk.CodeFixes.Parameters;

/// <summary>
/// RB0024: makes a <c>[Parameter]</c> settable. <c>static</c> is removed; <c>{ get; }</c> becomes
/// <c>{ get; init; }</c>; <c>=> "eu-west-1";</c> becomes <c>{ get; init; } = "eu-west-1";</c>, the value kept as the
/// default. A getter with a body of its own computes something: turning that into a parameter is the author's call.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnsettableParameterCodeFix)), Shared]
public sealed class UnsettableParameterCodeFix : CodeFixProvider
{
    internal const string Key = "UnsettableParameter";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("RB0024");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindToken(diagnostic.Location.SourceSpan.Start).Parent is not PropertyDeclarationSyntax property) continue;
            diagnostic.Properties.TryGetValue(UnsettableParameterAnalyzer.ReasonProperty, out var reason);
            var (title, fixedProperty) = reason == "static" ? ("Make the parameter an instance property", WithoutStatic(property)) : Settable(property);
            if (fixedProperty is null) continue;
            context.RegisterCodeFix(
                CodeAction.Create(title, token => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(property, fixedProperty))), Key),
                diagnostic);
        }
    }

    private static PropertyDeclarationSyntax? WithoutStatic(PropertyDeclarationSyntax property)
    {
        var index = property.Modifiers.IndexOf(SyntaxKind.StaticKeyword);
        if (index < 0) return null;
        var modifier = property.Modifiers[index];
        var modifiers = property.Modifiers.RemoveAt(index);
        // The static keyword's leading trivia (indentation, comments) moves to what comes first now.
        if (index == 0)
        {
            if (modifiers.Count > 0) modifiers = modifiers.Replace(modifiers[0], modifiers[0].WithLeadingTrivia(modifier.LeadingTrivia));
            else return property.WithModifiers(modifiers).WithType(property.Type.WithLeadingTrivia(modifier.LeadingTrivia));
        }

        return property.WithModifiers(modifiers);
    }

    private static (string Title, PropertyDeclarationSyntax? Fixed) Settable(PropertyDeclarationSyntax property)
    {
        var init = SyntaxFactory.AccessorDeclaration(SyntaxKind.InitAccessorDeclaration).WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken));
        if (property.AccessorList is { Accessors: [{ Body: null, ExpressionBody: null } getter] } list && getter.IsKind(SyntaxKind.GetAccessorDeclaration))
            return ("Give the parameter an init accessor", property.WithAccessorList(list.AddAccessors(init.WithLeadingTrivia(SyntaxFactory.Space))));

        if (property is { ExpressionBody: { } arrow, AccessorList: null })
        {
            var accessors = SyntaxFactory.AccessorList(SyntaxFactory.List(new[]
            {
                SyntaxFactory.AccessorDeclaration(SyntaxKind.GetAccessorDeclaration).WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken)),
                init,
            })).NormalizeWhitespace().WithLeadingTrivia(SyntaxFactory.Space);
            var fixedProperty = property
                .WithIdentifier(property.Identifier.WithTrailingTrivia())
                .WithExpressionBody(null)
                .WithAccessorList(accessors)
                .WithInitializer(SyntaxFactory.EqualsValueClause(arrow.Expression.WithoutTrivia()).WithLeadingTrivia(SyntaxFactory.Space).WithEqualsToken(SyntaxFactory.Token(SyntaxKind.EqualsToken).WithTrailingTrivia(SyntaxFactory.Space)))
                .WithSemicolonToken(property.SemicolonToken);
            return ("Make the value the parameter's default: { get; init; } = …", fixedProperty);
        }

        return ("", null);
    }
}
