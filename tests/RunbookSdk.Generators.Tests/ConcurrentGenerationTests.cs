using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RunbookSdk.Generators.Tests.Support;

namespace RunbookSdk.Generators.Tests;

/// <summary>
/// The generator reads a compilation's runbooks and renders their parts on all cores when the compilation allows a
/// concurrent build (<see cref="Concurrently"/>): what it generates and reports must not depend on that, nor on which
/// thread finished first, and an edit must still render only what changed.
/// </summary>
public class ConcurrentGenerationTests
{
    private const int Runbooks = 40;

    [Fact]
    public void Reading_and_rendering_on_all_cores_generates_and_reports_what_one_at_a_time_does()
    {
        // A project template that fails for some pages: each failure is reported with its own page, from whichever
        // thread rendered it.
        var template = new InMemoryAdditionalText("/repo/runbook-templates/runbook.md.sbntxt",
            "# {{ title }}\n{{ if title | string.contains \"7\" }}{{ no_such_function 1 }}{{ end }}\n");
        var sources = Project();
        var concurrent = GeneratorHarness.Compile(sources);
        Assert.True(concurrent.Options.ConcurrentBuild);
        var oneAtATime = concurrent.WithOptions(concurrent.Options.WithConcurrentBuild(false));

        var expected = GeneratorHarness.CreateDriver(additionalTexts: [template]).RunGenerators(oneAtATime).GetRunResult().Results.Single();
        var actual = GeneratorHarness.CreateDriver(additionalTexts: [template]).RunGenerators(concurrent).GetRunResult().Results.Single();

        Assert.Equal(Runbooks + 2, expected.GeneratedSources.Length);
        Assert.Equal(expected.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())), actual.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())));
        Assert.Contains(expected.Diagnostics, d => d.Id == "RB0101");
        Assert.Contains(expected.Diagnostics, d => d.Id == "RB0102");
        Assert.Equal(expected.Diagnostics.Select(Describe), actual.Diagnostics.Select(Describe));
    }

    [Fact]
    public void An_edit_in_one_of_many_runbooks_reads_and_renders_that_runbook_alone()
    {
        var generator = new RunbookGenerator();
        var compilation = GeneratorHarness.Compile(Project());
        var driver = GeneratorHarness.CreateDriver(generator: generator).RunGenerators(compilation);
        Assert.Equal(Runbooks, generator.Renders.Count);
        var (read, rendered) = (generator.Reads.Count, generator.Renders.Count);

        var run = driver.RunGenerators(GeneratorHarness.Edit(compilation, "Service 12 down", "Service 12 is down")).GetRunResult().Results.Single();

        Assert.Equal(1, generator.Reads.Count - read);
        Assert.Equal(1, generator.Renders.Count - rendered);
        Assert.Contains("Service 12 is down", run.GeneratedSources.Single(s => s.HintName == "Corpus_Service12.Runbook.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_runbook_read_again_into_an_equal_model_is_not_rendered_again_when_the_runbooks_before_it_change()
    {
        var generator = new RunbookGenerator();
        var compilation = GeneratorHarness.Compile(Project());
        var driver = GeneratorHarness.CreateDriver(generator: generator).RunGenerators(compilation);
        var (read, rendered) = (generator.Reads.Count, generator.Renders.Count);

        // A using added at the top of one runbook's file: the file changed and every position in it moved, so that
        // runbook is read again, into a new model equal to the one before. And a new runbook file comes first, so the
        // runbooks after it are no longer where they were in the list: Roslyn's own comparison, item by item in
        // order, no longer finds the equal model, and only the parts' own comparison spares its page.
        var tree = compilation.SyntaxTrees.Single(t => t.ToString().Contains("\"service-12\"", StringComparison.Ordinal));
        var trees = compilation.SyntaxTrees.Select(t => t == tree ? t.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From("using System.Linq;\n" + t)) : t);
        var added = CSharpSyntaxTree.ParseText(Project()[2].Replace("Service0", "Added", StringComparison.Ordinal).Replace("service-0", "added", StringComparison.Ordinal)
            .Replace("NotARunbook0", "NotARunbookAdded", StringComparison.Ordinal),
            (CSharpParseOptions)tree.Options, path: "Added.cs");
        var edited = compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(trees.Prepend(added));
        var run = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Equal(2, generator.Reads.Count - read);
        Assert.Equal(1, generator.Renders.Count - rendered);
        Assert.Contains(run.GeneratedSources, s => s.HintName == "Corpus_Added.Runbook.g.cs");
    }

    [Fact]
    public void A_changed_option_that_every_page_is_rendered_with_renders_every_part_again()
    {
        var generator = new RunbookGenerator();
        var compilation = GeneratorHarness.Compile(Project());
        var driver = GeneratorHarness.CreateDriver(generator: generator).RunGenerators(compilation);
        var rendered = generator.Renders.Count;

        var outlined = driver.WithUpdatedAnalyzerConfigOptions(new BuildPropertiesProvider(new Dictionary<string, string> { ["RunbookSdkEmbedOutline"] = "true" }))
            .RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Equal(Runbooks, generator.Renders.Count - rendered);
        Assert.All(outlined.GeneratedSources.Where(s => s.HintName.EndsWith(".Runbook.g.cs", StringComparison.Ordinal)),
            s => Assert.NotNull(GeneratorHarness.EmbeddedTexts(s.SourceText.ToString())[1]));
    }

    [Fact]
    public void Every_item_is_mapped_once_and_the_results_keep_the_items_order()
    {
        var items = Enumerable.Range(0, 1000).ToImmutableArray();
        var calls = new int[items.Length];

        var results = Concurrently.Map(items, concurrent: true, (item, _) =>
        {
            Interlocked.Increment(ref calls[item]);
            return item * 2;
        }, CancellationToken.None);

        Assert.Equal(items.Select(i => i * 2), results);
        Assert.All(calls, count => Assert.Equal(1, count));
    }

    [Fact]
    public void A_run_cancelled_on_another_thread_ends_with_the_cancellation_itself()
    {
        using var cancellation = new CancellationTokenSource();
        var items = Enumerable.Range(0, 200).ToImmutableArray();

        var thrown = Record.Exception(() => Concurrently.Map(items, concurrent: true, (item, ct) =>
        {
            if (item == 100) cancellation.Cancel();
            ct.ThrowIfCancellationRequested();
            return item;
        }, cancellation.Token));

        // The generator driver recognises a cancellation, not one wrapped in an AggregateException (which it would
        // report as the generator failing, CS8785).
        var cancelled = Assert.IsAssignableFrom<OperationCanceledException>(thrown);
        Assert.Equal(cancellation.Token, cancelled.CancellationToken);
    }

    private static string Describe(Diagnostic diagnostic) =>
        $"{diagnostic.Id} {diagnostic.Location.GetLineSpan()} {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>A handbook, <see cref="Runbooks"/> runbooks (every tenth with a step the generator cannot read) and classes that are not runbooks.</summary>
    private static string[] Project()
    {
        var sources = new List<string> { TestRunbooks.Handbook, "namespace Corpus; public class Helper { public static string Region => \"eu\"; }" };
        for (var i = 0; i < Runbooks; i++)
        {
            var unreadable = i % 10 == 3 ? ".Step(\"Computed\", s => Helper.Region.Length > 0 ? s.Run(\"true\") : s.Run(\"false\"))" : "";
            sources.Add($$"""
                using System;
                using RunbookSdk;
                using Payments;
                namespace Corpus;
                [Runbook("service-{{i}}")]
                public sealed class Service{{i}} : Runbook<PaymentsHandbook>
                {
                    [Parameter("Namespace")] public string Namespace { get; init; } = "service-{{i}}";
                    public override void Define(IRunbookBuilder rb) => rb
                        .Title("Service {{i}} down")
                        .Severity(Severity.P1)
                        .Phase("Diagnose", p => p
                            .Step("Pods", s => s.Run($"kubectl get pods -n {Namespace}", "List pods"))
                            {{unreadable}})
                        .Rollback(r => r.Step("Undo", s => s.Run($"kubectl rollout undo deployment/api -n {Namespace}").RequiresConfirmation()))
                        .Verification(v => v.Step("Healthy", s => s.Http("GET", "https://service-{{i}}.example.com/health").ExpectStatus(200)));
                }
                public sealed class NotARunbook{{i}} { }
                """);
        }

        return sources.ToArray();
    }
}
