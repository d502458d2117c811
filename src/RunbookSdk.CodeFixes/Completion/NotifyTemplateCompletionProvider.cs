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
/// Completes the template name in <c>Notify("…")</c> with the communication templates the runbook and its handbook
/// define, so a step sends a template that exists rather than one RB0023 reports. Each item shows its channel and
/// where it is defined; its description shows the template's text. Shipped in the analyzer package: Visual Studio and
/// the C# extension for VS Code load completion providers from analyzer references.
/// </summary>
[ExportCompletionProvider(nameof(NotifyTemplateCompletionProvider), LanguageNames.CSharp), Shared]
public sealed class NotifyTemplateCompletionProvider : CompletionProvider
{
    private const string InsertProperty = "Insert";
    private const string TemplateProperty = "Template";
    private const string ChannelProperty = "Channel";
    private const string DefinedInProperty = "DefinedIn";
    private const string NameStartProperty = "NameStart";

    /// <inheritdoc />
    public override bool ShouldTriggerCompletion(SourceText text, int caretPosition, CompletionTrigger trigger, OptionSet options) =>
        trigger.Kind == CompletionTriggerKind.Invoke
        || (trigger.Kind == CompletionTriggerKind.Insertion && NotifyTemplateTrigger.IsTypingTemplateName(text, caretPosition, trigger.Character));

    /// <inheritdoc />
    public override async Task ProvideCompletionsAsync(CompletionContext context)
    {
        var site = await NotifyTemplateSite.FindAsync(context.Document, context.Position, context.CancellationToken).ConfigureAwait(false);
        if (site is null || site.Choices.IsEmpty) return;

        // Inside the literal nothing else applies, and the name typed so far is replaced whole.
        context.IsExclusive = true;
        context.CompletionListSpan = site.NameSpan;
        foreach (var choice in site.Choices)
        {
            var properties = ImmutableDictionary<string, string>.Empty
                .Add(InsertProperty, Escape(choice.Name, site.IsVerbatim))
                .Add(DefinedInProperty, choice.DefinedIn)
                .Add(NameStartProperty, site.NameSpan.Start.ToString(CultureInfo.InvariantCulture));
            if (choice.Template is { } template) properties = properties.Add(TemplateProperty, template);
            if (choice.Channel is { } channel) properties = properties.Add(ChannelProperty, channel);
            context.AddItem(CompletionItem.Create(
                displayText: choice.Name,
                inlineDescription: choice.Channel is { } shown ? $"{shown} · {choice.DefinedIn}" : choice.DefinedIn,
                properties: properties,
                tags: ImmutableArray.Create(WellKnownTags.Constant),
                rules: CompletionItemRules.Default));
        }
    }

    /// <inheritdoc />
    public override Task<CompletionDescription?> GetDescriptionAsync(Document document, CompletionItem item, CancellationToken cancellationToken)
    {
        item.Properties.TryGetValue(DefinedInProperty, out var definedIn);
        var header = item.Properties.TryGetValue(ChannelProperty, out var channel)
            ? $"Communication template '{item.DisplayText}' to {channel}, defined in {definedIn}"
            : $"Communication template '{item.DisplayText}', defined in {definedIn}";
        var text = item.Properties.TryGetValue(TemplateProperty, out var template) ? $"{header}\n\n{template}" : header;
        return Task.FromResult<CompletionDescription?>(CompletionDescription.FromText(text));
    }

    /// <inheritdoc />
    public override async Task<CompletionChange> GetChangeAsync(Document document, CompletionItem item, char? commitKey, CancellationToken cancellationToken)
    {
        var insert = item.Properties.TryGetValue(InsertProperty, out var escaped) ? escaped : item.DisplayText;
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        // The literal's start does not move while the name in it is typed on; its contents are read as they are now.
        var start = item.Properties.TryGetValue(NameStartProperty, out var written) && int.TryParse(written, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : item.Span.Start;
        var span = (root is null ? null : NotifyTemplateSite.NameSpanAt(root, start)) ?? item.Span;
        return CompletionChange.Create(new TextChange(span, insert));
    }

    /// <summary>The name as the literal must spell it: a quote or backslash in a name would otherwise end or bend it.</summary>
    private static string Escape(string name, bool isVerbatim) =>
        isVerbatim ? name.Replace("\"", "\"\"") : name.Replace("\\", "\\\\").Replace("\"", "\\\"");
}
