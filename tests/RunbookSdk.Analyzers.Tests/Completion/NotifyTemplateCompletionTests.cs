using System.Collections.Immutable;
using System.Composition;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Completion;
using Microsoft.CodeAnalysis.Text;
using RunbookSdk.Analyzers.Tests.Infrastructure;
using RunbookSdk.CodeFixes.Completion;

namespace RunbookSdk.Analyzers.Tests.Completion;

/// <summary>
/// Completion of <c>Notify("…")</c>: the developer picks a template the runbook or its handbook defines instead of
/// typing one RB0023 then reports. Run on a real Roslyn document, as the IDE's completion service runs the provider.
/// </summary>
public sealed class NotifyTemplateCompletionTests
{
    private static string Source(string notify, string runbookTemplates = """.Communication("internal-heads-up", "Heads up: {Region} is failing over")""") => $$"""
        using System;
        using RunbookSdk;

        [Handbook("ops")]
        public sealed class Ops : Handbook
        {
            public override void Define(IHandbookBuilder hb) => hb
                .Escalation(e => e.Level("On-call", TimeSpan.Zero))
                .Communication("customer-update", "We are investigating an issue with {Service}.", "#status")
                .Communication("all-clear", "The issue is resolved.", "#status");
        }

        [Runbook("outage")]
        public sealed class Outage : Runbook<Ops>
        {
            [Parameter("Region")] public string Region { get; init; } = "eu";

            public override void Define(IRunbookBuilder rb) => rb
                .Title("Outage"){{runbookTemplates}}
                .Phase("Tell", p => p.Step("Tell customers", s => s.{{notify}}))
                .NoRollback("nothing changes")
                .Verification(v => v.Step("Look", s => s.Instruction("look")));
        }
        """;

    private sealed record Completed(Document Document, CompletionContext Context, ImmutableArray<CompletionItem> Items);

    /// <summary>Asks the provider at <c>$$</c>, as Ctrl+Space does.</summary>
    private static async Task<Completed> CompleteAsync(string markup, MetadataReference? library = null)
    {
        var position = markup.IndexOf("$$", StringComparison.Ordinal);
        var document = AppliedFixes.Document(markup.Remove(position, 2));
        if (library is not null) document = document.Project.AddMetadataReference(library).GetDocument(document.Id)!;
        var provider = new NotifyTemplateCompletionProvider();
        var context = new CompletionContext(provider, document, position, new TextSpan(position, 0), CompletionTrigger.Invoke, document.Project.Solution.Options, CancellationToken.None);
        await provider.ProvideCompletionsAsync(context);
        // The completion service reads the items the provider added; the context keeps them internal.
        var items = ((IEnumerable<CompletionItem>)typeof(CompletionContext).GetProperty("Items", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)!.GetValue(context)!)
            .ToImmutableArray();
        return new Completed(document, context, items);
    }

    /// <summary>The document's text once <paramref name="name"/> is committed.</summary>
    private static async Task<string> CommitAsync(Completed completed, string name)
    {
        var item = completed.Items.Single(i => i.DisplayText == name);
        var change = await new NotifyTemplateCompletionProvider().GetChangeAsync(completed.Document, item, commitKey: null, CancellationToken.None);
        return (await completed.Document.GetTextAsync()).WithChanges(change.TextChange).ToString();
    }

    [Fact]
    public async Task Inside_Notify_the_runbooks_own_templates_and_then_its_handbooks_are_offered_with_channel_and_owner()
    {
        var completed = await CompleteAsync(Source("""Notify("$$")"""));

        Assert.Equal(["internal-heads-up", "customer-update", "all-clear"], completed.Items.Select(i => i.DisplayText));
        Assert.Equal(["Outage", "#status · Ops", "#status · Ops"], completed.Items.Select(i => i.InlineDescription));
        Assert.True(completed.Context.IsExclusive);
    }

    [Fact]
    public async Task The_description_shows_the_template_text_its_channel_and_where_it_is_defined()
    {
        var completed = await CompleteAsync(Source("""Notify("$$")"""));
        var item = completed.Items.Single(i => i.DisplayText == "customer-update");

        var description = await new NotifyTemplateCompletionProvider().GetDescriptionAsync(completed.Document, item, CancellationToken.None);

        Assert.Equal("Communication template 'customer-update' to #status, defined in Ops\n\nWe are investigating an issue with {Service}.", description!.Text);
    }

    [Theory]
    [InlineData("""Notify("cust$$")""")]
    [InlineData("""Notify("cust$$omr")""")]
    [InlineData("""Notify("$$custmer-update")""")]
    [InlineData("""Notify(template: "cu$$")""")]
    [InlineData("""Notify("cu$$", "#war-room")""")]
    public async Task Committing_a_name_replaces_everything_between_the_quotes(string notify)
    {
        var completed = await CompleteAsync(Source(notify));

        var text = await CommitAsync(completed, "customer-update");

        Assert.Contains("s.Notify(", text);
        Assert.Contains("\"customer-update\"", text);
        Assert.DoesNotContain("cust\"", text);
        Assert.DoesNotContain("omr", text);
        Assert.DoesNotContain("custmer", text);
        var errors = (await completed.Document.WithText(SourceText.From(text)).Project.GetCompilationAsync())!
            .GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task An_unclosed_literal_at_the_end_of_the_line_still_completes()
    {
        var markup = Source("""Notify("cu$$""").Replace("\"cu$$))", "\"cu$$\n))", StringComparison.Ordinal);

        var completed = await CompleteAsync(markup);

        Assert.Contains("customer-update", completed.Items.Select(i => i.DisplayText));
        Assert.Equal(2, completed.Context.CompletionListSpan.Length);
    }

    [Fact]
    public async Task A_name_with_a_quote_or_backslash_is_written_escaped_so_the_literal_stays_whole()
    {
        var completed = await CompleteAsync(Source("""Notify("$$")""", runbookTemplates: """.Communication(@"say ""hi"" \o/", "hi")"""));

        var text = await CommitAsync(completed, """say "hi" \o/""");

        Assert.Contains("""Notify("say \"hi\" \\o/")""", text);
    }

    [Fact]
    public async Task A_verbatim_literal_gets_its_quotes_doubled()
    {
        var completed = await CompleteAsync(Source("""Notify(@"$$")""", runbookTemplates: """.Communication("say \"hi\"", "hi")"""));

        var text = await CommitAsync(completed, "say \"hi\"");

        Assert.Contains(""""Notify(@"say ""hi""")"""", text);
    }

    [Fact]
    public async Task A_template_named_by_a_non_constant_is_left_out_and_the_rest_offered()
    {
        var completed = await CompleteAsync(Source("""Notify("$$")""", runbookTemplates: """.Communication(Region, "hi")"""));

        Assert.Equal(["customer-update", "all-clear"], completed.Items.Select(i => i.DisplayText));
    }

    [Theory]
    [InlineData("""Run("$$")""")]
    [InlineData("""Notify("customer-update", "$$")""")]
    [InlineData("""Notify($$"customer-update")""")]
    [InlineData("""Note("Notify(\"$$\")")""")]
    public async Task Nothing_is_offered_outside_the_template_argument(string step)
    {
        var completed = await CompleteAsync(Source(step));

        Assert.Empty(completed.Items);
        Assert.False(completed.Context.IsExclusive);
    }

    [Fact]
    public async Task A_handbook_of_another_project_offers_the_templates_its_generated_part_lists()
    {
        var library = Rules.ReferencedHandbookTests.SharedHandbook("""
            .Escalation(e => e.Level("On-call", TimeSpan.Zero))
                        .Communication("customer-update", "We are investigating.", "#status")
            """);
        var completed = await CompleteAsync("""
            using RunbookSdk;

            [Runbook("restart-api")]
            public sealed class RestartApi : Runbook<Shared.OpsHandbook>
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Title("Restart the API")
                    .Phase("Act", p => p.Step("Tell", s => s.Notify("$$")))
                    .NoRollback("nothing changes")
                    .Verification(v => v.Step("Check", s => s.Run("curl --fail http://127.0.0.1/health")));
            }
            """, library);

        var item = Assert.Single(completed.Items);
        Assert.Equal(("customer-update", "#status · OpsHandbook"), (item.DisplayText, item.InlineDescription));
    }

    [Fact]
    public async Task A_method_called_Notify_that_is_not_the_DSLs_gets_nothing()
    {
        var completed = await CompleteAsync(Source("""Note("x")""") + """

            public static class Pager
            {
                public static void Notify(string who) { }
                public static void Page() => Notify("$$");
            }
            """);

        Assert.Empty(completed.Items);
    }

    [Theory]
    [InlineData("s.Notify(\"", '"', true)]
    [InlineData("s.Notify( @\"", '"', true)]
    [InlineData("s.Notify(\"cust", 't', true)]
    [InlineData("s.Notify(\"customer-", '-', true)]
    [InlineData("s.Run(\"", '"', false)]
    [InlineData("s.Notify(\"customer-update\"", '"', false)]
    [InlineData("s.Notify(\"customer-update\", \"", '"', false)]
    [InlineData("s.MyNotify(\"", '"', false)]
    [InlineData("s.Notify(\"cust ", ' ', false)]
    public void Typing_opens_the_list_only_where_a_template_name_starts_or_goes_on(string typedSoFar, char typed, bool opens)
    {
        var text = SourceText.From("rb.Step(\"x\", s => " + typedSoFar + "\")");
        var caret = ("rb.Step(\"x\", s => " + typedSoFar).Length;

        var triggers = new NotifyTemplateCompletionProvider().ShouldTriggerCompletion(text, caret, CompletionTrigger.CreateInsertionTrigger(typed), new AdhocWorkspace().CurrentSolution.Options);

        Assert.Equal(opens, triggers);
    }

    [Fact]
    public void The_provider_is_exported_for_CSharp_so_the_IDE_loads_it_from_the_analyzer_package()
    {
        var export = typeof(NotifyTemplateCompletionProvider).GetCustomAttribute<ExportCompletionProviderAttribute>();

        Assert.NotNull(export);
        Assert.Equal(LanguageNames.CSharp, export.Language);
        Assert.NotNull(typeof(NotifyTemplateCompletionProvider).GetCustomAttribute<SharedAttribute>());
    }
}
