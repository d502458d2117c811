using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Completion;
using Microsoft.CodeAnalysis.Text;
using RunbookSdk.Analyzers.Tests.Infrastructure;
using RunbookSdk.CodeFixes.Completion;

namespace RunbookSdk.Analyzers.Tests.Completion;

/// <summary>
/// Completion of a <c>{placeholder}</c> in a communication template: typing <c>{</c> offered nothing, so the developer
/// guessed a name (<c>{Servce}</c>, <c>{Impact}</c>) that RB0026 then reported as sent unfilled. The list offers what
/// the runner fills: the parameters of the runbooks that can send the template, then the run's facts.
/// </summary>
public sealed class TemplatePlaceholderCompletionTests
{
    private static string Source(string handbookTemplate, string runbookTemplate) => $$"""
        using System;
        using RunbookSdk;

        [Handbook("ops")]
        public sealed class Ops : Handbook
        {
            public override void Define(IHandbookBuilder hb) => hb
                .Escalation(e => e.Level("On-call", TimeSpan.Zero))
                .Communication("customer-update", {{handbookTemplate}}, "#status");
        }

        public abstract class OpsRunbook : Runbook<Ops>
        {
            [Parameter("Service")] public string Service { get; init; } = "checkout";
        }

        [Runbook("outage")]
        public sealed class Outage : OpsRunbook
        {
            [Parameter("Region")] public string Region { get; init; } = "eu";

            public override void Define(IRunbookBuilder rb) => rb
                .Title("Outage")
                .Communication("heads-up", {{runbookTemplate}})
                .Phase("Tell", p => p.Step("Tell customers", s => s.Notify("customer-update")))
                .NoRollback("nothing changes")
                .Verification(v => v.Step("Look", s => s.Instruction("look")));
        }

        [Runbook("slow-queue")]
        public sealed class SlowQueue : Runbook<Ops>
        {
            [Parameter("Queue")] public string Queue { get; init; } = "jobs";

            public override void Define(IRunbookBuilder rb) => rb
                .Title("Slow queue")
                .Phase("Tell", p => p.Step("Tell customers", s => s.Notify("customer-update")))
                .NoRollback("nothing changes")
                .Verification(v => v.Step("Look", s => s.Instruction("look")));
        }
        """;

    private sealed record Completed(Document Document, CompletionContext Context, ImmutableArray<CompletionItem> Items);

    /// <summary>Asks the provider at <c>$$</c>, as typing <c>{</c> or Ctrl+Space does.</summary>
    private static async Task<Completed> CompleteAsync(string markup)
    {
        var position = markup.IndexOf("$$", StringComparison.Ordinal);
        var document = AppliedFixes.Document(markup.Remove(position, 2));
        var provider = new TemplatePlaceholderCompletionProvider();
        var context = new CompletionContext(provider, document, position, new TextSpan(position, 0), CompletionTrigger.Invoke, document.Project.Solution.Options, CancellationToken.None);
        await provider.ProvideCompletionsAsync(context);
        var items = ((IEnumerable<CompletionItem>)typeof(CompletionContext).GetProperty("Items", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)!.GetValue(context)!)
            .ToImmutableArray();
        return new Completed(document, context, items);
    }

    private static async Task<string> CommitAsync(Completed completed, string name)
    {
        var item = completed.Items.Single(i => i.DisplayText == name);
        var change = await new TemplatePlaceholderCompletionProvider().GetChangeAsync(completed.Document, item, commitKey: null, CancellationToken.None);
        return (await completed.Document.GetTextAsync()).WithChanges(change.TextChange).ToString();
    }

    private static readonly string[] RunFacts = ["runbook", "title", "severity", "severity_name", "status", "started", "now", "elapsed", "phase", "step", "journal"];

    [Fact]
    public async Task In_a_runbooks_template_its_parameters_and_its_base_classes_come_first_then_the_run_facts()
    {
        var completed = await CompleteAsync(Source("\"We are looking.\"", "\"Failing over {$$\""));

        Assert.Equal(["Region", "Service", .. RunFacts], completed.Items.Select(i => i.DisplayText));
        Assert.Equal("parameter of Outage", completed.Items[0].InlineDescription);
        Assert.Equal("run fact", completed.Items.Last().InlineDescription);
        Assert.True(completed.Context.IsExclusive);
    }

    [Fact]
    public async Task In_a_handbooks_template_the_parameters_of_each_of_its_runbooks_are_offered_with_who_has_them()
    {
        var completed = await CompleteAsync(Source("\"Degraded: {Se$$\"", "\"hi\""));

        var offered = completed.Items.ToDictionary(i => i.DisplayText, i => i.InlineDescription);
        Assert.Equal("parameter of Outage", offered["Region"]);
        Assert.Equal("parameter of Outage", offered["Service"]);
        Assert.Equal("parameter of SlowQueue", offered["Queue"]);
        Assert.Contains("severity", offered.Keys);
    }

    [Theory]
    [InlineData("\"Failing over {$$\"", "\"Failing over {Region}\"")]
    [InlineData("\"Failing over {Reg$$\"", "\"Failing over {Region}\"")]
    [InlineData("\"Failing over {Reg$$} now\"", "\"Failing over {Region} now\"")]
    [InlineData("\"Failing over {$$Regn} now\"", "\"Failing over {Region} now\"")]
    public async Task Committing_writes_the_name_and_one_closing_brace(string template, string expected)
    {
        var completed = await CompleteAsync(Source("\"x\"", template));

        var text = await CommitAsync(completed, "Region");

        Assert.Contains(".Communication(\"heads-up\", " + expected + ")", text);
    }

    [Theory]
    [InlineData("\"Failing over $$\"")] // no brace
    [InlineData("\"Failing over {{$$\"")] // an escaped brace in a template? a Go template: text
    [InlineData("\"Failing {Region} over$$\"")] // after a closed placeholder
    public async Task Nothing_is_offered_outside_a_placeholder(string template)
    {
        var completed = await CompleteAsync(Source("\"x\"", template));

        Assert.Empty(completed.Items);
    }

    [Fact]
    public async Task Nothing_is_offered_in_the_templates_name() =>
        Assert.Empty((await CompleteAsync(Source("\"x\"", "\"hi\"").Replace("\"heads-up\"", "\"{$$\"", StringComparison.Ordinal))).Items);

    [Theory]
    [InlineData("Communication(\"x\", \"{", '{', true)]
    [InlineData("Communication(\"x\", \"{{", '{', false)]
    [InlineData("Communication(\"x\", \"a", 'a', false)]
    public void Typing_a_brace_opens_the_list(string typedSoFar, char typed, bool opens)
    {
        var text = SourceText.From(typedSoFar + "\")");
        var triggers = new TemplatePlaceholderCompletionProvider().ShouldTriggerCompletion(text, typedSoFar.Length, CompletionTrigger.CreateInsertionTrigger(typed), new AdhocWorkspace().CurrentSolution.Options);

        Assert.Equal(opens, triggers);
    }

    [Fact]
    public void The_provider_is_exported_for_CSharp_so_the_IDE_loads_it_from_the_analyzer_package() =>
        Assert.Equal(LanguageNames.CSharp, typeof(TemplatePlaceholderCompletionProvider).GetCustomAttribute<ExportCompletionProviderAttribute>()!.Language);
}
