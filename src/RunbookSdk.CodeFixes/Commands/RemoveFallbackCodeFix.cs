using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using RunbookSdk.Analyzers.Commands;

namespace RunbookSdk.CodeFixes.Commands;

/// <summary>
/// RB0014: <c>curl -fsS https://api/health || true</c> passes on a dead service; without the fallback the check's status
/// is the command's again. The fix deletes the fallback (<c>|| true</c>, <c>|| :</c>, <c>|| exit 0</c>,
/// <c>|| echo down</c>) from the blanks before it to the end of its command, as the analyzer found it — offered only
/// when all of it is written in one string literal.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveFallbackCodeFix)), Shared]
public sealed class RemoveFallbackCodeFix : CodeFixProvider
{
    internal const string Key = "RemoveFallback";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("RB0014");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(CommandTextAnalyzer.FallbackStartProperty, out var startText) ||
                !diagnostic.Properties.TryGetValue(CommandTextAnalyzer.FallbackLengthProperty, out var lengthText) ||
                !int.TryParse(startText, NumberStyles.None, CultureInfo.InvariantCulture, out var start) ||
                !int.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length == 0)
            {
                continue;
            }

            var fallback = new TextSpan(start, length);
            // The finding (the "|| true" itself) lies inside what is removed; anything else is a stale diagnostic.
            if (!fallback.Contains(diagnostic.Location.SourceSpan)) continue;
            diagnostic.Properties.TryGetValue(CommandTextAnalyzer.FallbackTextProperty, out var text);
            context.RegisterCodeFix(
                CodeAction.Create($"Let the check fail: remove '{Shorten(text ?? "|| …")}'", token => RemoveAsync(context.Document, fallback, token), Key),
                diagnostic);
        }

        return Task.CompletedTask;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 39) + "…";

    private static async Task<Document> RemoveAsync(Document document, TextSpan fallback, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        return document.WithText(text.WithChanges(new TextChange(fallback, "")));
    }
}
