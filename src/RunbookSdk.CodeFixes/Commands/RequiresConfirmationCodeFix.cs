using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RunbookSdk.CodeFixes.Editing;

namespace RunbookSdk.CodeFixes.Commands;

/// <summary>RB0005: appends <c>.RequiresConfirmation()</c> to the step that runs the destructive command or sends the DELETE.</summary>
[ExportCodeFixProvider(Microsoft.CodeAnalysis.LanguageNames.CSharp, Name = nameof(RequiresConfirmationCodeFix)), Shared]
public sealed class RequiresConfirmationCodeFix : CodeFixProvider
{
    internal const string Key = "AddRequiresConfirmation";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("RB0005");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context) =>
        CommandCall.RegisterAsync(context, "Require confirmation before this step", Key, Fix, orHttp: true);

    private static Task<Document> Fix(Document document, SyntaxNode root, InvocationExpressionSyntax run, CancellationToken cancellationToken)
    {
        var top = FluentChain.Top(run);
        return Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(top, FluentChain.Append(top, "RequiresConfirmation()", FluentChain.EndOfLine(root)))));
    }
}
