using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Completion;
using Microsoft.CodeAnalysis.Options;
using Microsoft.CodeAnalysis.Tags;
using Microsoft.CodeAnalysis.Text;

namespace RunbookSdk.CodeFixes.Completion;

/// <summary>
/// Completes a <c>{placeholder}</c> in a communication template (<c>Communication("update", "… {</c>) with the names the
/// runner fills: the parameters of the runbooks that can send it, then the run's facts (<c>{severity}</c>,
/// <c>{elapsed}</c>, …), so a template names what is filled rather than what RB0026 then reports. Typing <c>{</c> opens
/// the list; committing writes the name and the closing <c>}</c>.
/// </summary>
[ExportCompletionProvider(nameof(TemplatePlaceholderCompletionProvider), LanguageNames.CSharp), Shared]
public sealed class TemplatePlaceholderCompletionProvider : CompletionProvider
{
    private const string ClosedProperty = "Closed";
    private const string NameStartProperty = "NameStart";

    /// <inheritdoc />
    public override bool ShouldTriggerCompletion(SourceText text, int caretPosition, CompletionTrigger trigger, OptionSet options) =>
        trigger.Kind == CompletionTriggerKind.Invoke
        || trigger.Kind == CompletionTriggerKind.Insertion && trigger.Character == '{' && caretPosition >= 2 && text[caretPosition - 2] != '{';

    /// <inheritdoc />
    public override async Task ProvideCompletionsAsync(CompletionContext context)
    {
        var site = await TemplatePlaceholderSite.FindAsync(context.Document, context.Position, context.CancellationToken).ConfigureAwait(false);
        if (site is null || site.Choices.IsEmpty) return;

        // Inside the template's text nothing else applies.
        context.IsExclusive = true;
        context.CompletionListSpan = site.NameSpan;
        foreach (var choice in site.Choices)
        {
            context.AddItem(CompletionItem.Create(
                displayText: choice.Name,
                inlineDescription: choice.Description,
                properties: ImmutableDictionary<string, string>.Empty
                    .Add(ClosedProperty, site.IsClosed ? "true" : "false")
                    .Add(NameStartProperty, site.NameSpan.Start.ToString(CultureInfo.InvariantCulture)),
                tags: ImmutableArray.Create(choice.IsFact ? WellKnownTags.Constant : WellKnownTags.Property),
                rules: CompletionItemRules.Default));
        }
    }

    /// <inheritdoc />
    public override Task<CompletionDescription?> GetDescriptionAsync(Document document, CompletionItem item, CancellationToken cancellationToken) =>
        Task.FromResult<CompletionDescription?>(CompletionDescription.FromText(
            $"{{{item.DisplayText}}}: {item.InlineDescription}, filled when the template is sent"));

    /// <inheritdoc />
    public override async Task<CompletionChange> GetChangeAsync(Document document, CompletionItem item, char? commitKey, CancellationToken cancellationToken)
    {
        // The name typed on after the list opened is replaced too: read it again from where it starts.
        var start = item.Properties.TryGetValue(NameStartProperty, out var written) && int.TryParse(written, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : item.Span.Start;
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var end = start;
        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_')) end++;
        var closed = end < text.Length && text[end] == '}';
        return CompletionChange.Create(new TextChange(TextSpan.FromBounds(start, end), closed ? item.DisplayText : item.DisplayText + "}"));
    }
}
