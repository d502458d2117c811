using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace RunbookSdk.CodeFixes.Commands;

/// <summary>
/// RB0014: <c>if curl -fsS …; then echo ok; fi</c> succeeds whether the check did or not; the check alone fails when it
/// should. The fix replaces the <c>if</c> with its condition (<c>curl -fsS …</c>), as written in the source (escapes and
/// holes kept). Offered only when the analyzer found one condition and one branch, both in one literal: an <c>else</c>,
/// an <c>elif</c> or a negated condition (<c>if ! curl …</c>) says something the condition alone does not.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnwrapConditionCodeFix)), Shared]
public sealed class UnwrapConditionCodeFix : CodeFixProvider
{
    internal const string Key = "UnwrapCondition";

    // The analyzer's property names (RunbookSdk.Analyzers.Text.UnfailableConditional): the fixes do not reference its internals.
    private const string ConditionStartProperty = "ConditionStart";
    private const string ConditionLengthProperty = "ConditionLength";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("RB0014");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(ConditionStartProperty, out var startText) ||
                !diagnostic.Properties.TryGetValue(ConditionLengthProperty, out var lengthText) ||
                !int.TryParse(startText, NumberStyles.None, CultureInfo.InvariantCulture, out var start) ||
                !int.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            {
                continue;
            }

            var span = diagnostic.Location.SourceSpan;
            var condition = new TextSpan(start, length);
            // The condition lies inside the if it is replaced by; anything else is a stale diagnostic.
            if (length == 0 || !span.Contains(condition)) continue;
            context.RegisterCodeFix(
                CodeAction.Create("Run the check without the 'if' around it", token => FixAsync(context.Document, span, condition, token), Key),
                diagnostic);
        }

        return Task.CompletedTask;
    }

    private static async Task<Document> FixAsync(Document document, TextSpan conditional, TextSpan condition, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        return document.WithText(text.WithChanges(new TextChange(conditional, text.ToString(condition))));
    }
}
