using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using RunbookSdk.CodeFixes.Editing;

namespace RunbookSdk.CodeFixes.Commands;

/// <summary>
/// RB0015: <c>Run("aws logs tail … --follow")</c> becomes <c>Run("…").Timeout(TimeSpan.FromMinutes(5))</c>, so the runner
/// stops the command and the runbook goes on. Five minutes is the rule page's suggestion; the title says it, so the
/// person picks another value if the command deserves one.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddTimeoutCodeFix)), Shared]
public sealed class AddTimeoutCodeFix : CodeFixProvider
{
    internal const string Key = "AddTimeout";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("RB0015");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (CommandCall.Of(root, diagnostic) is null) continue;
            context.RegisterCodeFix(
                CodeAction.Create("Stop the command after 5 minutes (.Timeout)", token => FixAsync(context.Document, diagnostic, token), Key),
                diagnostic);
        }
    }

    private static async Task<Document> FixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || CommandCall.Of(root, diagnostic) is not { } run) return document;

        var call = $"Timeout({TimeSpanName.At(model, run.SpanStart)}.FromMinutes(5))";
        return document.WithSyntaxRoot(root.ReplaceNode(run, FluentChain.Append(run, call, FluentChain.EndOfLine(root))));
    }
}
