using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RunbookSdk.Generators.Tests.Support;

namespace RunbookSdk.Generators.Tests;

public class IncrementalCachingTests
{
    private const string SecondRunbook = """
        using RunbookSdk;
        namespace Payments;
        [Runbook("payments-queue-backlog")]
        public sealed class QueueBacklog : Runbook<PaymentsHandbook>
        {
            public override void Define(IRunbookBuilder rb) => rb
                .Title("Queue backlog")
                .Phase("Drain", p => p.Step("Check depth", s => s.Run("rabbitmqctl list_queues")))
                .NoRollback("read-only")
                .Verification(v => v.Step("Depth is low", s => s.Instruction("Check the queue dashboard")));
        }
        """;

    [Fact]
    public void An_unrelated_edit_regenerates_nothing()
    {
        var compilation = GeneratorHarness.Compile(TestRunbooks.Handbook, TestRunbooks.Runbook, SecondRunbook, "class Unrelated { }");
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var edited = GeneratorHarness.Edit(compilation, "class Unrelated { }", "class Unrelated { int _x; }");
        var run = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertEveryOutputCached(run);
    }

    /// <summary>
    /// Both runbooks' parts, the handbook's and the catalog came from the cache. Counted, so that a run that produced
    /// nothing (a generator that failed, runbooks no longer found) cannot pass as one that re-generated nothing.
    /// </summary>
    /// <summary>
    /// Runs the generator over <paramref name="sources"/> and an unrelated class, checks that QueueBacklog's page holds
    /// <paramref name="onPage"/>, edits the unrelated class, and asserts that no runbook was read or rendered again.
    /// </summary>
    private static void AssertAnUnrelatedEditReadsAndRendersNothing(string[] sources, string onPage, int runbooks = 2)
    {
        var compilation = GeneratorHarness.Compile([.. sources, "class Unrelated { }"]);
        var generator = new RunbookGenerator();
        var driver = GeneratorHarness.CreateDriver(generator: generator).RunGenerators(compilation);
        Assert.Contains(onPage, QueueBacklogPage(driver.GetRunResult().Results.Single()), StringComparison.Ordinal);
        var (read, rendered) = (generator.Reads.Count, generator.Renders.Count);

        var edited = GeneratorHarness.Edit(compilation, "class Unrelated { }", "class Unrelated { int _x; }");
        var run = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertEveryOutputCached(run, runbooks);
        Assert.Equal(read, generator.Reads.Count);
        Assert.Equal(rendered, generator.Renders.Count);
    }

    /// <summary>
    /// Runs the generator over <paramref name="sources"/> (four runbooks, two of which run the code edited), edits
    /// <paramref name="oldText"/> to <paramref name="newText"/>, and asserts that QueueBacklog's page shows
    /// <paramref name="onPage"/> and that exactly the two runbooks that run the edited code were generated and rendered
    /// again, the other two cached.
    /// </summary>
    private static void AssertTheEditRendersOnlyTheRunbooksThatRunIt(string[] sources, string oldText, string newText, string onPage)
    {
        var compilation = GeneratorHarness.Compile(sources);
        var generator = new RunbookGenerator();
        var driver = GeneratorHarness.CreateDriver(generator: generator).RunGenerators(compilation);
        var before = QueueBacklogPage(driver.GetRunResult().Results.Single());
        Assert.Contains("rabbitmqctl list_queues", before, StringComparison.Ordinal);
        Assert.DoesNotContain("may be incomplete", before, StringComparison.Ordinal);
        var rendered = generator.Renders.Count;

        var edited = GeneratorHarness.Edit(compilation, oldText, newText);
        var run = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Contains(onPage, QueueBacklogPage(run), StringComparison.Ordinal);
        var runbookOutputs = run.TrackedSteps["RunbookSources"].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(2, runbookOutputs.Count(o => o.Reason == IncrementalStepRunReason.Modified));
        Assert.Equal(2, runbookOutputs.Count(o => o.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached));
        Assert.Equal(4, runbookOutputs.Count);
        Assert.Equal(2, generator.Renders.Count - rendered);
    }

    private static void AssertEveryOutputCached(GeneratorRunResult run, int runbooks = 2)
    {
        Assert.Null(run.Exception);
        Assert.Equal(runbooks + 2, run.GeneratedSources.Length);
        foreach (var (step, outputs) in new[] { ("RunbookSources", runbooks), ("HandbookSources", 1), ("CatalogSource", 1) })
            Assert.Equal(Enumerable.Repeat(IncrementalStepRunReason.Cached, outputs), run.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason));
    }

    [Fact]
    public void Editing_one_runbook_regenerates_only_its_own_output_and_the_catalog()
    {
        var compilation = GeneratorHarness.Compile(TestRunbooks.Handbook, TestRunbooks.Runbook, SecondRunbook);
        var generator = new RunbookGenerator();
        var driver = GeneratorHarness.CreateDriver(generator: generator).RunGenerators(compilation);
        var rendered = generator.Renders.Count;

        var edited = GeneratorHarness.Edit(compilation, "Check the queue dashboard", "Check the queue dashboard in Grafana");
        var run = driver.RunGenerators(edited).GetRunResult().Results.Single();

        // The parts are rendered all at once (on all cores in a build): the other runbook's part is the one rendered
        // before, so the step reports it unchanged and nothing downstream of it runs.
        Assert.Equal(1, generator.Renders.Count - rendered);
        var runbookOutputs = run.TrackedSteps["RunbookSources"].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(1, runbookOutputs.Count(o => o.Reason == IncrementalStepRunReason.Modified));
        Assert.Equal(1, runbookOutputs.Count(o => o.Reason == IncrementalStepRunReason.Unchanged));
        // The summaries (id, title, severity) did not change, so they are not even sorted again, and the handbook
        // page and the index are not re-rendered.
        Assert.Equal([IncrementalStepRunReason.Cached], run.TrackedSteps["RunbookSummaries"].SelectMany(s => s.Outputs).Select(o => o.Reason));
        Assert.Equal([IncrementalStepRunReason.Cached], run.TrackedSteps["HandbookSources"].SelectMany(s => s.Outputs).Select(o => o.Reason));
        Assert.NotEqual(IncrementalStepRunReason.Modified, Assert.Single(run.TrackedSteps["CatalogSource"].SelectMany(s => s.Outputs)).Reason);
    }

    // The second runbook with its steps written in methods of its class, which the page reads in place of the lambdas.
    private static readonly string SecondRunbookWithMethods = SecondRunbook
        .Replace("""p => p.Step("Check depth", s => s.Run("rabbitmqctl list_queues"))""", "Drain", StringComparison.Ordinal)
        .Replace("""s => s.Instruction("Check the queue dashboard")""", "s => DepthIsLow(s)", StringComparison.Ordinal)
        .Replace("    public override void Define", """
                private static void Drain(IPhaseBuilder p) => p.Step("Check depth", CheckDepth);

                private void CheckDepth(IStepBuilder s)
                {
                    s.Run("rabbitmqctl list_queues");
                }

                private static void DepthIsLow(IStepBuilder s) => s.Instruction("Check the queue dashboard");

                public override void Define
            """, StringComparison.Ordinal);

    [Fact]
    public void Editing_only_the_body_of_a_method_the_page_reads_regenerates_that_runbooks_page()
    {
        Assert.DoesNotContain("list_queues\")))", SecondRunbookWithMethods, StringComparison.Ordinal);
        AssertEditingTheCheckDepthMethodRegeneratesOnlyItsPage(SecondRunbookWithMethods);
    }

    // Both runbooks' pages are generated; the edit of CheckDepth's body must change the queue runbook's page and leave
    // the other's output cached, whichever file of the runbook the method is written in.
    private static void AssertEditingTheCheckDepthMethodRegeneratesOnlyItsPage(params string[] queueRunbookFiles)
    {
        var compilation = GeneratorHarness.Compile([TestRunbooks.Handbook, TestRunbooks.Runbook, .. queueRunbookFiles]);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        Assert.Contains("rabbitmqctl list_queues", QueueBacklogPage(driver.GetRunResult().Results.Single()), StringComparison.Ordinal);

        var edited = GeneratorHarness.Edit(compilation, "s.Run(\"rabbitmqctl list_queues\");", "s.Run(\"rabbitmqctl list_queues name messages\");");
        var run = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Contains("rabbitmqctl list_queues name messages", QueueBacklogPage(run), StringComparison.Ordinal);
        var runbookOutputs = run.TrackedSteps["RunbookSources"].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(1, runbookOutputs.Count(o => o.Reason == IncrementalStepRunReason.Modified));
        Assert.Equal(1, runbookOutputs.Count(o => o.Reason == IncrementalStepRunReason.Unchanged));
    }

    [Fact]
    public void An_unrelated_edit_regenerates_nothing_of_a_runbook_written_in_methods()
    {
        var compilation = GeneratorHarness.Compile(TestRunbooks.Handbook, TestRunbooks.Runbook, SecondRunbookWithMethods, "class Unrelated { }");
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        Assert.Contains("Check the queue dashboard", QueueBacklogPage(driver.GetRunResult().Results.Single()), StringComparison.Ordinal);

        var edited = GeneratorHarness.Edit(compilation, "class Unrelated { }", "class Unrelated { int _x; }");
        var run = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertEveryOutputCached(run);
    }

    // The second runbook split into two files of a partial class: Define in one, the methods it is given in the other.
    private static readonly string SecondRunbookDefinePart = SecondRunbook
        .Replace("public sealed class QueueBacklog", "public sealed partial class QueueBacklog", StringComparison.Ordinal)
        .Replace("""p => p.Step("Check depth", s => s.Run("rabbitmqctl list_queues"))""", "Drain", StringComparison.Ordinal);

    private const string SecondRunbookMethodsPart = """
        using RunbookSdk;
        namespace Payments;
        public sealed partial class QueueBacklog
        {
            private static void Drain(IPhaseBuilder p) => p.Step("Check depth", CheckDepth);

            private void CheckDepth(IStepBuilder s)
            {
                s.Run("rabbitmqctl list_queues");
            }
        }
        """;

    [Fact]
    public void Editing_the_body_of_a_method_in_another_part_of_a_partial_runbook_regenerates_that_runbooks_page() =>
        AssertEditingTheCheckDepthMethodRegeneratesOnlyItsPage(SecondRunbookDefinePart, SecondRunbookMethodsPart);

    [Fact]
    public void An_unrelated_edit_regenerates_nothing_of_a_partial_runbook_written_in_methods_of_another_part() =>
        AssertAnUnrelatedEditRegeneratesNothingOf(SecondRunbookDefinePart, SecondRunbookMethodsPart);

    // The second runbook with its Define handing the builder to a method of its class, whose body the page reads where
    // it is called: in the runbook's one file, or in another part of it.
    private const string SecondRunbookCallingAMethod = """
        using RunbookSdk;
        namespace Payments;
        [Runbook("payments-queue-backlog")]
        public sealed partial class QueueBacklog : Runbook<PaymentsHandbook>
        {
            public override void Define(IRunbookBuilder rb)
            {
                rb.Title("Queue backlog");
                Drain(rb);
                rb.NoRollback("read-only")
                    .Verification(v => v.Step("Depth is low", s => s.Instruction("Check the queue dashboard")));
            }
        }
        """;

    private const string SecondRunbookDrainMethod = """
            private static void Drain(IRunbookBuilder b)
            {
                b.Phase("Drain", p => p.Step("Check depth", s =>
                {
                    s.Run("rabbitmqctl list_queues");
                }));
            }
        """;

    private static readonly string SecondRunbookCallingItsOwnMethod = SecondRunbookCallingAMethod
        .Replace("    public override void Define", SecondRunbookDrainMethod + "\n    public override void Define", StringComparison.Ordinal);

    private const string SecondRunbookDrainPart = $$"""
        using RunbookSdk;
        namespace Payments;
        public sealed partial class QueueBacklog
        {
        {{SecondRunbookDrainMethod}}
        }
        """;

    [Fact]
    public void Editing_the_body_of_a_method_Define_calls_regenerates_only_that_runbooks_page() =>
        AssertEditingTheCheckDepthMethodRegeneratesOnlyItsPage(SecondRunbookCallingItsOwnMethod);

    [Fact]
    public void Editing_the_body_of_a_method_Define_calls_in_another_part_regenerates_only_that_runbooks_page() =>
        AssertEditingTheCheckDepthMethodRegeneratesOnlyItsPage(SecondRunbookCallingAMethod, SecondRunbookDrainPart);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_unrelated_edit_regenerates_nothing_of_a_runbook_whose_Define_calls_a_method(bool inAnotherPart) =>
        AssertAnUnrelatedEditRegeneratesNothingOf(inAnotherPart ? [SecondRunbookCallingAMethod, SecondRunbookDrainPart] : [SecondRunbookCallingItsOwnMethod]);

    // The second runbook with a chain that starts with a method of its class returning the builder, in another part.
    private static readonly string SecondRunbookStartingAChainWithAMethod = SecondRunbookCallingAMethod
        .Replace("""
                    Drain(rb);
                    rb.NoRollback("read-only")
            """, """
                    Drain(rb).NoRollback("read-only")
            """, StringComparison.Ordinal);

    private static readonly string SecondRunbookReturningDrainPart = SecondRunbookDrainPart
        .Replace("private static void Drain(IRunbookBuilder b)", "private static IRunbookBuilder Drain(IRunbookBuilder b)", StringComparison.Ordinal)
        .Replace("}));\n", "}));\n        return b;\n", StringComparison.Ordinal);

    [Fact]
    public void Editing_the_body_of_a_method_a_chain_starts_with_regenerates_only_that_runbooks_page() =>
        AssertEditingTheCheckDepthMethodRegeneratesOnlyItsPage(SecondRunbookStartingAChainWithAMethod, SecondRunbookReturningDrainPart);

    [Fact]
    public void An_unrelated_edit_regenerates_nothing_of_a_runbook_whose_chain_starts_with_a_method() =>
        AssertAnUnrelatedEditRegeneratesNothingOf(SecondRunbookStartingAChainWithAMethod, SecondRunbookReturningDrainPart);

    // The queue-backlog runbook (its page reads "rabbitmqctl list_queues" from a method) written as queueRunbookFiles, beside
    // the payments runbook and an unrelated class: editing that class keeps every output cached and reads no runbook again.
    private static void AssertAnUnrelatedEditRegeneratesNothingOf(params string[] queueRunbookFiles)
    {
        var compilation = GeneratorHarness.Compile([TestRunbooks.Handbook, TestRunbooks.Runbook, .. queueRunbookFiles, "class Unrelated { }"]);
        var generator = new RunbookGenerator();
        var driver = GeneratorHarness.CreateDriver(generator: generator).RunGenerators(compilation);
        Assert.Contains("rabbitmqctl list_queues", QueueBacklogPage(driver.GetRunResult().Results.Single()), StringComparison.Ordinal);
        var read = generator.Reads.Count;

        var edited = GeneratorHarness.Edit(compilation, "class Unrelated { }", "class Unrelated { int _x; }");
        var run = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertEveryOutputCached(run);
        Assert.Equal(read, generator.Reads.Count);
    }

    // A team's base class whose Define two runbooks call (base.Define(rb)), before and after their own calls, and a
    // third that derives from it without calling it: the base's body is read where it is called, so editing it must
    // render the callers' pages again, and only theirs.
    private const string QueueRunbookBase = """
        using RunbookSdk;
        namespace Payments;
        public abstract class QueueRunbook : Runbook<PaymentsHandbook>
        {
            public override void Define(IRunbookBuilder rb)
            {
                rb.Phase("Drain", p => p.Step("Check depth", s =>
                {
                    s.Run("rabbitmqctl list_queues");
                }));
            }
        }
        """;

    private static string QueueRunbookDerived(string id, string name, string body) => $$"""
        using RunbookSdk;
        namespace Payments;
        [Runbook("{{id}}")]
        public sealed class {{name}} : QueueRunbook
        {
            public override void Define(IRunbookBuilder rb)
            {
        {{body}}
            }
        }
        """;

    private static readonly string[] QueueRunbooksOfABase =
    [
        QueueRunbookBase,
        QueueRunbookDerived("payments-queue-backlog", "QueueBacklog", """
                    rb.Title("Queue backlog");
                    base.Define(rb);
                    rb.NoRollback("read-only");
            """),
        QueueRunbookDerived("payments-queue-stuck", "QueueStuck", """
                    base.Define(rb);
                    rb.Title("Queue stuck").NoRollback("read-only");
            """),
        QueueRunbookDerived("payments-queue-purge", "QueuePurge", """
                    rb.Title("Queue purge").NoRollback("read-only");
            """),
    ];

    [Fact]
    public void Editing_the_body_of_a_base_Define_regenerates_the_pages_of_the_runbooks_that_call_it_and_no_other() =>
        AssertTheEditRendersOnlyTheRunbooksThatRunIt([TestRunbooks.Handbook, TestRunbooks.Runbook, .. QueueRunbooksOfABase],
            "s.Run(\"rabbitmqctl list_queues\");", "s.Run(\"rabbitmqctl list_queues name messages\");", "rabbitmqctl list_queues name messages");

    [Fact]
    public void An_unrelated_edit_regenerates_nothing_of_runbooks_that_call_a_base_Define() =>
        AssertAnUnrelatedEditReadsAndRendersNothing([TestRunbooks.Handbook, TestRunbooks.Runbook, .. QueueRunbooksOfABase], "rabbitmqctl list_queues", runbooks: 4);

    // Two runbooks that declare no Define and so run the base's, and one with its own that does not call it: editing
    // the base's Define must render the pages of the two that inherit it, and only theirs.
    private static readonly string[] QueueRunbooksInheritingADefine =
    [
        QueueRunbookBase.Replace("rb.Phase(", "rb.Title(\"Queue runbook\").NoRollback(\"read-only\").Phase(", StringComparison.Ordinal),
        "using RunbookSdk;\nnamespace Payments;\n[Runbook(\"payments-queue-backlog\")]\npublic sealed class QueueBacklog : QueueRunbook { }",
        "using RunbookSdk;\nnamespace Payments;\n[Runbook(\"payments-queue-stuck\")]\npublic sealed class QueueStuck : QueueRunbook { }",
        QueueRunbookDerived("payments-queue-purge", "QueuePurge", """
                    rb.Title("Queue purge").NoRollback("read-only");
            """),
    ];

    [Fact]
    public void Editing_the_body_of_a_base_Define_regenerates_the_pages_of_the_runbooks_that_inherit_it_and_no_other() =>
        AssertTheEditRendersOnlyTheRunbooksThatRunIt([TestRunbooks.Handbook, TestRunbooks.Runbook, .. QueueRunbooksInheritingADefine],
            "s.Run(\"rabbitmqctl list_queues\");", "s.Run(\"rabbitmqctl list_queues name messages\");", "rabbitmqctl list_queues name messages");

    [Fact]
    public void An_unrelated_edit_regenerates_nothing_of_runbooks_that_inherit_a_Define() =>
        AssertAnUnrelatedEditReadsAndRendersNothing([TestRunbooks.Handbook, TestRunbooks.Runbook, .. QueueRunbooksInheritingADefine], "rabbitmqctl list_queues", runbooks: 4);

    // A team's helper class in a namespace of its own, split in two files: two runbooks hand their builder to its static
    // method, which gives a method of its other part (looked up in the helper's class), and a third does not call it.
    // Editing either part must render the callers' pages again, and only theirs.
    private const string QueueChecks = """
        using RunbookSdk;
        namespace Payments.Shared;
        public static partial class QueueChecks
        {
            public static void AddDepthCheck(IRunbookBuilder rb) => rb.Phase("Drain", p => Probe(p));
        }
        """;

    private const string QueueChecksProbe = """
        using RunbookSdk;
        namespace Payments.Shared;
        public static partial class QueueChecks
        {
            internal static void Probe(IPhaseBuilder p) => p.Step("Check depth", s => s.Run("rabbitmqctl list_queues"));
        }
        """;

    private static string QueueRunbookCallingAHelper(string id, string name, string body) => $$"""
        using RunbookSdk;
        using Payments.Shared;
        namespace Payments;
        [Runbook("{{id}}")]
        public sealed class {{name}} : Runbook<PaymentsHandbook>
        {
            public override void Define(IRunbookBuilder rb)
            {
        {{body}}
            }
        }
        """;

    private static readonly string[] QueueRunbooksCallingAHelper =
    [
        QueueChecks,
        QueueChecksProbe,
        QueueRunbookCallingAHelper("payments-queue-backlog", "QueueBacklog", """
                    rb.Title("Queue backlog");
                    QueueChecks.AddDepthCheck(rb);
                    rb.NoRollback("read-only");
            """),
        QueueRunbookCallingAHelper("payments-queue-stuck", "QueueStuck", """
                    Payments.Shared.QueueChecks.AddDepthCheck(rb);
                    rb.Title("Queue stuck").NoRollback("read-only");
            """),
        QueueRunbookCallingAHelper("payments-queue-purge", "QueuePurge", """
                    rb.Title("Queue purge").NoRollback("read-only");
            """),
    ];

    [Theory]
    [InlineData("public static void AddDepthCheck(IRunbookBuilder rb) => rb.Phase(\"Drain\"", "public static void AddDepthCheck(IRunbookBuilder rb) => rb.Phase(\"Drain the queue\"", "## Phase 1: Drain the queue")]
    [InlineData("s.Run(\"rabbitmqctl list_queues\")", "s.Run(\"rabbitmqctl list_queues name messages\")", "rabbitmqctl list_queues name messages")]
    public void Editing_a_static_helper_of_another_class_regenerates_the_pages_of_the_runbooks_that_call_it_and_no_other(string oldText, string newText, string onPage) =>
        AssertTheEditRendersOnlyTheRunbooksThatRunIt([TestRunbooks.Handbook, TestRunbooks.Runbook, .. QueueRunbooksCallingAHelper], oldText, newText, onPage);

    [Fact]
    public void An_unrelated_edit_regenerates_nothing_of_runbooks_that_call_a_static_helper() =>
        AssertAnUnrelatedEditReadsAndRendersNothing([TestRunbooks.Handbook, TestRunbooks.Runbook, .. QueueRunbooksCallingAHelper], "rabbitmqctl list_queues", runbooks: 4);

    // The same helper reached by its name alone through `using static` (QueueBacklog), and its phase method given as a
    // method group (QueueStuck); QueuePurge imports neither.
    private static readonly string[] QueueRunbooksCallingAHelperByNameOrGroup =
    [
        QueueChecks,
        QueueChecksProbe,
        QueueRunbookCallingAHelper("payments-queue-backlog", "QueueBacklog", """
                    rb.Title("Queue backlog");
                    AddDepthCheck(rb);
                    rb.NoRollback("read-only");
            """).Replace("using Payments.Shared;", "using Payments.Shared;\nusing static Payments.Shared.QueueChecks;", StringComparison.Ordinal),
        QueueRunbookCallingAHelper("payments-queue-stuck", "QueueStuck", """
                    rb.Title("Queue stuck").Phase("Drain", QueueChecks.Probe).NoRollback("read-only");
            """),
        QueueRunbookCallingAHelper("payments-queue-purge", "QueuePurge", """
                    rb.Title("Queue purge").NoRollback("read-only");
            """),
    ];

    [Fact]
    public void Editing_a_helper_called_through_using_static_or_given_as_a_method_group_regenerates_the_pages_of_the_runbooks_that_run_it_and_no_other() =>
        AssertTheEditRendersOnlyTheRunbooksThatRunIt([TestRunbooks.Handbook, TestRunbooks.Runbook, .. QueueRunbooksCallingAHelperByNameOrGroup],
            "s.Run(\"rabbitmqctl list_queues\")", "s.Run(\"rabbitmqctl list_queues name messages\")", "rabbitmqctl list_queues name messages");

    [Fact]
    public void An_unrelated_edit_regenerates_nothing_of_runbooks_that_call_a_helper_through_using_static_or_a_method_group() =>
        AssertAnUnrelatedEditReadsAndRendersNothing([TestRunbooks.Handbook, TestRunbooks.Runbook, .. QueueRunbooksCallingAHelperByNameOrGroup], "rabbitmqctl list_queues", runbooks: 4);

    // A class of the helper's name declared in the runbook's own namespace, in a new file, is found before the one its
    // using imports: QueueBacklog's call now runs that one, so its page must say what that one adds (QueueStuck names
    // the helper's namespace and keeps it).
    [Fact]
    public void A_nearer_class_of_the_helpers_name_declared_in_a_new_file_renders_the_page_of_what_the_call_now_runs()
    {
        var compilation = GeneratorHarness.Compile([TestRunbooks.Handbook, TestRunbooks.Runbook, .. QueueRunbooksCallingAHelper]);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        Assert.DoesNotContain("--nearer", QueueBacklogPage(driver.GetRunResult().Results.Single()), StringComparison.Ordinal);

        var edited = compilation.AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("""
            using RunbookSdk;
            namespace Payments;
            public static class QueueChecks
            {
                public static void AddDepthCheck(IRunbookBuilder rb) => rb.Phase("Drain", p => p.Step("Check depth", s => s.Run("rabbitmqctl list_queues --nearer")));
            }
            """, GeneratorHarness.ParseOptions, path: "Nearer.cs"));
        var run = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Contains("rabbitmqctl list_queues --nearer", QueueBacklogPage(run), StringComparison.Ordinal);
    }

    // The queue-backlog runbook with a call the page cannot read (RB0101, an overloaded helper): its page carries a notice naming the call and
    // its line, which is part of the model. An edit of another file changes neither, so nothing is read or rendered again.
    private const string SecondRunbookWithAnUnreadCall = """
        using RunbookSdk;
        namespace Payments;
        public static class QueueHelpers
        {
            public static void AddChecks(IRunbookBuilder rb) => rb.Verification(v => v.Step("Depth is low", s => s.Instruction("Check the queue dashboard"))); public static void AddChecks(IRunbookBuilder rb, int n) { }
        }
        [Runbook("payments-queue-backlog")]
        public sealed class QueueBacklog : Runbook<PaymentsHandbook>
        {
            public override void Define(IRunbookBuilder rb)
            {
                rb.Title("Queue backlog")
                    .Phase("Drain", p => p.Step("Check depth", s => s.Run("rabbitmqctl list_queues")))
                    .NoRollback("read-only");
                QueueHelpers.AddChecks(rb);
            }
        }
        """;

    [Fact]
    public void An_unrelated_edit_regenerates_nothing_of_a_runbook_whose_page_says_it_may_be_incomplete() =>
        AssertAnUnrelatedEditReadsAndRendersNothing([TestRunbooks.Handbook, TestRunbooks.Runbook, SecondRunbookWithAnUnreadCall], "could not read `QueueHelpers.AddChecks(rb)` (`Runbook2.cs`, line 15)");

    [Fact]
    public void Moving_a_call_the_page_cannot_read_renders_its_page_again_with_the_new_line()
    {
        var compilation = GeneratorHarness.Compile(TestRunbooks.Handbook, TestRunbooks.Runbook, SecondRunbookWithAnUnreadCall);
        var generator = new RunbookGenerator();
        var driver = GeneratorHarness.CreateDriver(generator: generator).RunGenerators(compilation);
        var rendered = generator.Renders.Count;

        var edited = GeneratorHarness.Edit(compilation, "        QueueHelpers.AddChecks(rb);", "\n        QueueHelpers.AddChecks(rb);");
        var run = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Contains("could not read `QueueHelpers.AddChecks(rb)` (`Runbook2.cs`, line 16)", QueueBacklogPage(run), StringComparison.Ordinal);
        Assert.Equal(1, generator.Renders.Count - rendered);
    }

    // A handbook that declares no Define runs its team base's, which its page reads: editing that Define renders the
    // handbook's page again, and an edit elsewhere renders nothing.
    private const string TeamHandbookBase = """
        using System;
        using RunbookSdk;
        namespace Payments;
        public abstract class TeamHandbook : Handbook
        {
            public override void Define(IHandbookBuilder hb) => hb
                .Title("Payments incident handbook")
                .Escalation(e => e.Level("On-call engineer", TimeSpan.Zero, "pager: payments"));
        }
        """;

    private const string HandbookInheritingADefine = """
        using RunbookSdk;
        namespace Payments;
        [Handbook("payments")]
        public sealed class PaymentsHandbook : TeamHandbook { }
        """;

    private static string HandbookPage(GeneratorRunResult run) =>
        GeneratorHarness.EmbeddedMarkdown(run.GeneratedSources.Single(s => s.HintName.EndsWith("Payments_PaymentsHandbook.Handbook.g.cs", StringComparison.Ordinal)).SourceText.ToString());

    [Fact]
    public void Editing_the_Define_a_handbook_inherits_regenerates_the_handbooks_page()
    {
        var compilation = GeneratorHarness.Compile(TeamHandbookBase, HandbookInheritingADefine, TestRunbooks.Runbook, SecondRunbook);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        Assert.Contains("pager: payments |", HandbookPage(driver.GetRunResult().Results.Single()), StringComparison.Ordinal);

        var edited = GeneratorHarness.Edit(compilation, "pager: payments", "pager: payments-sre");
        var run = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Contains("pager: payments-sre |", HandbookPage(run), StringComparison.Ordinal);
        Assert.Equal([IncrementalStepRunReason.Modified], run.TrackedSteps["HandbookSources"].SelectMany(s => s.Outputs).Select(o => o.Reason));
    }

    [Fact]
    public void An_unrelated_edit_regenerates_nothing_of_a_handbook_that_inherits_a_Define()
    {
        var compilation = GeneratorHarness.Compile(TeamHandbookBase, HandbookInheritingADefine, TestRunbooks.Runbook, SecondRunbook, "class Unrelated { }");
        var generator = new RunbookGenerator();
        var driver = GeneratorHarness.CreateDriver(generator: generator).RunGenerators(compilation);
        Assert.Contains("pager: payments |", HandbookPage(driver.GetRunResult().Results.Single()), StringComparison.Ordinal);
        var rendered = generator.Renders.Count;

        var edited = GeneratorHarness.Edit(compilation, "class Unrelated { }", "class Unrelated { int _x; }");
        var run = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertEveryOutputCached(run);
        Assert.Equal(rendered, generator.Renders.Count);
    }

    [Fact]
    public void Editing_a_static_helper_a_handbook_calls_regenerates_the_handbooks_page()
    {
        var handbook = TestRunbooks.Handbook.Replace(".Escalation(e => e", ".Escalation(e => TeamLevels.Add(e)", StringComparison.Ordinal);
        var compilation = GeneratorHarness.Compile(handbook, Docs.StaticHelperPageTests.HandbookWithTeamLevels, TestRunbooks.Runbook, SecondRunbook);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        Assert.Contains("pager: incident-command |", HandbookPage(driver.GetRunResult().Results.Single()), StringComparison.Ordinal);

        var edited = GeneratorHarness.Edit(compilation, "pager: incident-command", "pager: incident-command-sre");
        var run = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Contains("pager: incident-command-sre |", HandbookPage(run), StringComparison.Ordinal);
        Assert.Equal([IncrementalStepRunReason.Modified], run.TrackedSteps["HandbookSources"].SelectMany(s => s.Outputs).Select(o => o.Reason));
    }

    // A runbook of no handbook: its page shows nothing of one, so an edit of a handbook renders it not again.
    private const string RunbookOfNoHandbook = """
        using RunbookSdk;
        namespace Ops;
        [Runbook("ops-disk-full")]
        public sealed class DiskFull : Runbook
        {
            public override void Define(IRunbookBuilder rb) => rb
                .Title("Disk full")
                .Phase("Free", p => p.Step("Check disk", s => s.Run("df -h")))
                .NoRollback("read-only")
                .Verification(v => v.Step("Disk has room", s => s.Instruction("Check the disk dashboard")));
        }
        """;

    // The handbook as a team writes it: it inherits its team base's Define, which starts its escalation with a static
    // helper's level. Its page reads all three files.
    private static readonly string[] HandbookReadFromABaseAndAHelper =
    [
        TeamHandbookBase.Replace(".Escalation(e => e", ".Escalation(e => TeamLevels.Add(e)", StringComparison.Ordinal),
        HandbookInheritingADefine,
        Docs.StaticHelperPageTests.HandbookWithTeamLevels,
        TestRunbooks.Runbook,
        SecondRunbook,
        RunbookOfNoHandbook,
    ];

    [Fact]
    public void An_unrelated_edit_reads_and_renders_nothing_of_a_handbook_that_inherits_a_Define_and_calls_a_helper()
    {
        var compilation = GeneratorHarness.Compile([.. HandbookReadFromABaseAndAHelper, "class Unrelated { }"]);
        var generator = new RunbookGenerator();
        var driver = GeneratorHarness.CreateDriver(generator: generator).RunGenerators(compilation);
        var first = driver.GetRunResult().Results.Single();
        Assert.Contains("pager: incident-command |", HandbookPage(first), StringComparison.Ordinal);
        Assert.Contains("pager: payments |", HandbookPage(first), StringComparison.Ordinal);
        Assert.Equal(1, generator.HandbookReads.Count);
        var (read, handbooksRead, rendered) = (generator.Reads.Count, generator.HandbookReads.Count, generator.Renders.Count);

        var edited = GeneratorHarness.Edit(compilation, "class Unrelated { }", "class Unrelated { int _x; }");
        var run = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertEveryOutputCached(run, runbooks: 3);
        Assert.Equal(handbooksRead, generator.HandbookReads.Count);
        Assert.Equal(read, generator.Reads.Count);
        Assert.Equal(rendered, generator.Renders.Count);
    }

    // The handbook's pager written as a constant of a class in a file of its own.
    private static readonly string[] HandbookReadingAConstant =
    [
        TestRunbooks.Handbook.Replace("\"pager: payments\"", "Contacts.Pager", StringComparison.Ordinal),
        "namespace Payments;\npublic static class Contacts\n{\n    public const string Pager = \"pager: payments\";\n}\n",
        TestRunbooks.Runbook,
        SecondRunbook,
        RunbookOfNoHandbook,
    ];

    public static TheoryData<string, string, string, string> HandbookEdits => new()
    {
        // In the handbook's own Define, in the team base's Define it inherits, in the static helper that Define calls,
        // in a constant it reads.
        { "own", "pager: payments", "pager: payments-sre", "pager: payments-sre |" },
        { "inherited", "pager: payments", "pager: payments-sre", "pager: payments-sre |" },
        { "inherited", "pager: incident-command", "pager: incident-command-sre", "pager: incident-command-sre |" },
        { "constant", "pager: payments", "pager: payments-sre", "pager: payments-sre |" },
    };

    [Theory]
    [MemberData(nameof(HandbookEdits))]
    public void Editing_what_a_handbooks_Define_reads_renders_its_page_and_the_pages_of_its_runbooks_and_no_other(string written, string oldText, string newText, string onPage)
    {
        var sources = written switch
        {
            "inherited" => HandbookReadFromABaseAndAHelper,
            "constant" => HandbookReadingAConstant,
            _ => [TestRunbooks.Handbook, TestRunbooks.Runbook, SecondRunbook, RunbookOfNoHandbook],
        };
        var compilation = GeneratorHarness.Compile(sources);
        var generator = new RunbookGenerator();
        var driver = GeneratorHarness.CreateDriver(generator: generator).RunGenerators(compilation);
        Assert.DoesNotContain(onPage, HandbookPage(driver.GetRunResult().Results.Single()), StringComparison.Ordinal);
        var (read, handbooksRead, rendered) = (generator.Reads.Count, generator.HandbookReads.Count, generator.Renders.Count);

        var edited = GeneratorHarness.Edit(compilation, oldText, newText);
        var run = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Contains(onPage, HandbookPage(run), StringComparison.Ordinal);
        Assert.Contains(onPage, QueueBacklogPage(run), StringComparison.Ordinal); // the escalation it inherits
        Assert.Equal([IncrementalStepRunReason.Modified], run.TrackedSteps["HandbookSources"].SelectMany(s => s.Outputs).Select(o => o.Reason));
        Assert.Equal(1, generator.HandbookReads.Count - handbooksRead);
        Assert.Equal(read, generator.Reads.Count);
        // ApiDown's and QueueBacklog's pages show the handbook's escalation; DiskFull's shows no handbook.
        Assert.Equal(2, generator.Renders.Count - rendered);
        var runbookOutputs = run.TrackedSteps["RunbookSources"].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(2, runbookOutputs.Count(o => o.Reason == IncrementalStepRunReason.Modified));
        Assert.Equal(1, runbookOutputs.Count(o => o.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached));
    }

    private static string QueueBacklogPage(GeneratorRunResult run) =>
        GeneratorHarness.EmbeddedMarkdown(run.GeneratedSources.Single(s => s.HintName.EndsWith("Payments_QueueBacklog.Runbook.g.cs", StringComparison.Ordinal)).SourceText.ToString());

    [Fact]
    public void A_compiler_server_build_that_parses_every_file_again_renders_no_page_again()
    {
        var sources = new[] { TestRunbooks.Handbook, TestRunbooks.Runbook, SecondRunbook, "class Unrelated { }" };
        var driver = GeneratorHarness.CreateDriver().RunGenerators(GeneratorHarness.Compile(sources));

        // The next build's compiler parses every file again: new trees, new nodes, equal text.
        var run = driver.RunGenerators(GeneratorHarness.Compile(sources)).GetRunResult().Results.Single();

        AssertEveryOutputCached(run);
    }

    [Fact]
    public void While_the_IDE_analyses_code_no_page_is_rendered_and_only_the_catalog_is_generated()
    {
        var compilation = GeneratorHarness.Compile(TestRunbooks.Handbook, TestRunbooks.Runbook, SecondRunbook);

        var run = GeneratorHarness.CreateDriver(disabledOutputs: IncrementalGeneratorOutputKind.Implementation)
            .RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Equal(["RunbookCatalog.g.cs"], run.GeneratedSources.Select(s => s.HintName));
        Assert.False(run.TrackedSteps.ContainsKey("RunbookSources"), "runbook pages were rendered for the IDE's analysis");
        Assert.False(run.TrackedSteps.ContainsKey("HandbookSources"), "handbook pages were rendered for the IDE's analysis");
        // The catalog still lists every runbook: it reads the parts from the assembly once they are emitted.
        Assert.Contains("GeneratedRunbookCatalog", run.GeneratedSources.Single().SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Pipeline_outputs_hold_no_symbols_syntax_or_compilations()
    {
        var compilation = GeneratorHarness.Compile(TestRunbooks.Handbook, TestRunbooks.Runbook, SecondRunbook);
        var run = GeneratorHarness.CreateDriver().RunGenerators(compilation).GetRunResult().Results.Single();

        var ours = typeof(RunbookSdk.Generators.RunbookGenerator).Assembly.GetType("RunbookSdk.Generators.TrackingNames")!
            .GetFields().Select(f => (string)f.GetValue(null)!).ToHashSet();
        Assert.Contains("RunbookResults", ours);
        // Roslyn's own ForAttributeWithMetadataName steps hold syntax by design; ours must not.
        foreach (var (name, steps) in run.TrackedSteps.Where(s => ours.Contains(s.Key)))
            foreach (var output in steps.SelectMany(s => s.Outputs))
                AssertNoRoslynObjects(output.Value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
    }

    [Fact]
    public void Built_in_templates_are_parsed_once_per_process_not_per_run()
    {
        var compilation = GeneratorHarness.Compile(TestRunbooks.Handbook, TestRunbooks.Runbook, SecondRunbook);
        GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var before = RunbookSdk.Generators.Docs.TemplateSet.BuiltInParseCount;

        GeneratorHarness.CreateDriver().RunGenerators(compilation);
        GeneratorHarness.CreateDriver().RunGenerators(GeneratorHarness.Edit(compilation, "Queue backlog", "Queue backlog!"));

        Assert.Equal(before, RunbookSdk.Generators.Docs.TemplateSet.BuiltInParseCount);
    }

    private static void AssertNoRoslynObjects(object? value, string step, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value)) return;
        Assert.False(value is ISymbol or SyntaxNode or Location or Compilation or SemanticModel, $"Step {step} leaks {value.GetType().Name} into the model.");
        if (value is IEnumerable items)
        {
            foreach (var item in items) AssertNoRoslynObjects(item, step, seen);
            return;
        }
        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            AssertNoRoslynObjects(field.GetValue(value), step, seen);
    }
}
