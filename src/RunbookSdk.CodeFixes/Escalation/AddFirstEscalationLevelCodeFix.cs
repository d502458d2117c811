using System;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using RunbookSdk.Analyzers.Escalation;
using RunbookSdk.CodeFixes.Editing;

namespace RunbookSdk.CodeFixes.Escalation;

/// <summary>
/// RB0009 on a runbook's own escalation: puts an on-call level first, engaged at the severity's response time
/// (<c>.Level("On-call engineer", TimeSpan.Zero)</c> for a P1 answered at once), as the rule page's "After" does. The
/// later levels stay as they are. Not offered when the escalation is inherited: the fix there is the handbook's or the
/// severity, a person's call.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddFirstEscalationLevelCodeFix)), Shared]
public sealed class AddFirstEscalationLevelCodeFix : CodeFixProvider
{
    internal const string Key = "AddFirstEscalationLevel";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("RB0009");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (ResponseTime(diagnostic) is not { } within || FirstLevel(root, diagnostic) is null) continue;
            context.RegisterCodeFix(
                CodeAction.Create($"Engage an on-call level first, within {RunbookSdk.Durations.Format(within)}",
                    token => FixAsync(context.Document, diagnostic, within, token), Key),
                diagnostic);
        }
    }

    private static TimeSpan? ResponseTime(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(EscalationAnalyzer.RespondWithinProperty, out var ticks) &&
        long.TryParse(ticks, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? TimeSpan.FromTicks(value)
            : null;

    /// <summary>The first <c>.Level(...)</c> call of the chain holding the late level (the diagnostic is on its time).</summary>
    private static InvocationExpressionSyntax? FirstLevel(SyntaxNode? root, Diagnostic diagnostic) =>
        root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)
            .AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault(EscalationChain.IsLevel) is { } level
            ? EscalationChain.Levels(level)[0]
            : null;

    private static async Task<Document> FixAsync(Document document, Diagnostic diagnostic, TimeSpan within, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || FirstLevel(root, diagnostic) is not { } first) return document;

        var timeSpan = TimeSpanName.At(model, first.SpanStart);
        // The new level is written as the old first one is (FluentChain): one level a line stays one a line, with the dot
        // leading the line or ending the one above; levels on one line stay on one line.
        var call = $"Level(\"On-call engineer\", {Expression(timeSpan, within)})";
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        return document.WithText(text.WithChanges(FluentChain.InsertBefore(first, call, FluentChain.EndOfLine(root))));
    }

    /// <summary>The response time as people write it: <c>TimeSpan.Zero</c>, <c>TimeSpan.FromMinutes(15)</c>, <c>TimeSpan.FromHours(1)</c>.</summary>
    private static string Expression(string timeSpan, TimeSpan value)
    {
        if (value == TimeSpan.Zero) return timeSpan + ".Zero";
        if (value.Ticks % TimeSpan.TicksPerHour == 0) return $"{timeSpan}.FromHours({(long)value.TotalHours})";
        if (value.Ticks % TimeSpan.TicksPerMinute == 0) return $"{timeSpan}.FromMinutes({(long)value.TotalMinutes})";
        if (value.Ticks % TimeSpan.TicksPerSecond == 0) return $"{timeSpan}.FromSeconds({(long)value.TotalSeconds})";
        return $"{timeSpan}.FromTicks({value.Ticks})";
    }
}
