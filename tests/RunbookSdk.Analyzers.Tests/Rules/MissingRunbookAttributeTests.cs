using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using RunbookSdk.Analyzers.Identity;
using RunbookSdk.Analyzers.Tests.Infrastructure;
using RunbookSdk.CodeFixes.Identity;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// RB0030: a runbook class written without <c>[Runbook("id")]</c> built with no finding, got no page, was not in
/// <c>list</c> and could not be run: it disappeared silently. A base runbook (abstract, or a class another class derives
/// from) and a test's double (nested in a test class, or one the runner could not create) are not runbooks of their own
/// and are not reported; a runbook nested in a class that groups a team's runbooks is, as the generator runs it.
/// </summary>
public sealed class MissingRunbookAttributeTests
{
    private static string Code(string declarations) => $$"""
        using System;
        using RunbookSdk;

        {{declarations}}

        {{Sources.Handbook}}
        """;

    private const string Body = """
        {
            public override void Define(IRunbookBuilder rb) => rb.Title("Queue stuck");
        }
        """;

    [Fact]
    public Task A_runbook_class_without_the_attribute_is_reported_and_the_fix_adds_the_kebab_case_id() =>
        Verify<MissingRunbookAttributeAnalyzer>.FixAsync<AddRunbookAttributeCodeFix>(
            Code("/// <summary>When the payments queue stops draining.</summary>\npublic sealed class {|RB0030:PaymentsQueueStuck|} : Runbook<OmnixHandbook>\n" + Body),
            Code("/// <summary>When the payments queue stops draining.</summary>\n[Runbook(\"payments-queue-stuck\")]\npublic sealed class PaymentsQueueStuck : Runbook<OmnixHandbook>\n" + Body));

    [Fact]
    public Task The_attribute_goes_above_the_other_attributes_and_is_written_in_full_without_the_using() =>
        Verify<MissingRunbookAttributeAnalyzer>.FixAsync<AddRunbookAttributeCodeFix>(
            "namespace Ops\n{\n    [System.Obsolete(\"old\")]\n    public sealed class {|RB0030:DbFailover|} : RunbookSdk.Runbook\n    {\n        public override void Define(RunbookSdk.IRunbookBuilder rb) => rb.Title(\"Failover\");\n    }\n}\n",
            "namespace Ops\n{\n    [RunbookSdk.Runbook(\"db-failover\")]\n    [System.Obsolete(\"old\")]\n    public sealed class DbFailover : RunbookSdk.Runbook\n    {\n        public override void Define(RunbookSdk.IRunbookBuilder rb) => rb.Title(\"Failover\");\n    }\n}\n");

    [Fact]
    public Task Base_runbooks_nested_test_doubles_and_runbooks_with_the_attribute_are_not_reported() =>
        Verify<MissingRunbookAttributeAnalyzer>.AnalyzerAsync(Code("""
            public abstract class TeamRunbook : Runbook<OmnixHandbook> { }

            public class SharedChecks : Runbook<OmnixHandbook>
            {
                public override void Define(IRunbookBuilder rb) => rb.Title("Shared");
            }

            [Runbook("cache-down")]
            public sealed class CacheDown : SharedChecks { }

            [Runbook("queue-stuck")]
            public sealed class QueueStuck : TeamRunbook
            {
                public override void Define(IRunbookBuilder rb) => rb.Title("Queue stuck");
            }

            public sealed class RunbookTests
            {
                public sealed class ThrowingRunbook : Runbook
                {
                    public override void Define(IRunbookBuilder rb) => rb.Title("Throws");
                }
            }

            public sealed class Generic<T> : Runbook
            {
                public override void Define(IRunbookBuilder rb) => rb.Title("Generic");
            }

            public sealed class NotARunbook { }
            """));

    [Fact]
    public Task A_runbook_nested_in_a_static_class_is_reported_and_the_fix_adds_the_attribute_there() =>
        Verify<MissingRunbookAttributeAnalyzer>.FixAsync<AddRunbookAttributeCodeFix>(
            Code("""
                public static class PaymentsRunbooks
                {
                    /// <summary>Drains the payments queue.</summary>
                    public sealed class {|RB0030:Drain|} : Runbook<OmnixHandbook>
                    {
                        public override void Define(IRunbookBuilder rb) => rb.Title("Drain");
                    }

                    internal sealed class {|RB0030:QueueStuck|} : Runbook<OmnixHandbook>
                    {
                        public override void Define(IRunbookBuilder rb) => rb.Title("Queue stuck");
                    }
                }
                """),
            Code("""
                public static class PaymentsRunbooks
                {
                    /// <summary>Drains the payments queue.</summary>
                    [Runbook("drain")]
                    public sealed class Drain : Runbook<OmnixHandbook>
                    {
                        public override void Define(IRunbookBuilder rb) => rb.Title("Drain");
                    }

                    [Runbook("queue-stuck")]
                    internal sealed class QueueStuck : Runbook<OmnixHandbook>
                    {
                        public override void Define(IRunbookBuilder rb) => rb.Title("Queue stuck");
                    }
                }
                """));

    [Fact]
    public Task Test_doubles_nested_in_a_test_class_or_that_the_runner_cannot_create_are_not_reported() =>
        Verify<MissingRunbookAttributeAnalyzer>.AnalyzerAsync(Code("""
            public class RunnerBehaviour
            {
                [Xunit.Fact]
                public void Throws() { }

                public sealed class ThrowingRunbook : Runbook
                {
                    public override void Define(IRunbookBuilder rb) => rb.Title("Throws");
                }
            }

            [NUnit.Framework.TestFixture]
            public class ResumeBehaviour
            {
                public sealed class HangingRunbook : Runbook
                {
                    public override void Define(IRunbookBuilder rb) => rb.Title("Hangs");
                }
            }

            public class SkippableBehaviour
            {
                [Xunit.SkippableFact]
                public void Skips() { }

                public static class Doubles
                {
                    public sealed class SlowRunbook : Runbook
                    {
                        public override void Define(IRunbookBuilder rb) => rb.Title("Slow");
                    }
                }
            }

            public static class Doubles
            {
                private sealed class PrivateRunbook : Runbook
                {
                    public override void Define(IRunbookBuilder rb) => rb.Title("Private");
                }

                private static class Hidden
                {
                    public sealed class InsidePrivate : Runbook
                    {
                        public override void Define(IRunbookBuilder rb) => rb.Title("Inside a private class");
                    }
                }
            }

            public class Fixture<T>
            {
                public sealed class InsideGeneric : Runbook
                {
                    public override void Define(IRunbookBuilder rb) => rb.Title("Inside a generic class");
                }
            }

            namespace Xunit
            {
                public class FactAttribute : System.Attribute { }
                public sealed class SkippableFactAttribute : FactAttribute { }
            }

            namespace NUnit.Framework
            {
                public sealed class TestFixtureAttribute : System.Attribute { }
            }
            """));

    [Fact]
    public Task A_class_whose_id_another_runbook_has_is_reported_without_a_fix() =>
        Verify<MissingRunbookAttributeAnalyzer>.FixAsync<AddRunbookAttributeCodeFix>(
            Code("[Runbook(\"queue-stuck\")]\npublic sealed class Other : Runbook\n" + Body + "\npublic sealed class {|RB0030:QueueStuck|} : Runbook\n" + Body),
            Code("[Runbook(\"queue-stuck\")]\npublic sealed class Other : Runbook\n" + Body + "\npublic sealed class {|RB0030:QueueStuck|} : Runbook\n" + Body));
}

/// <summary>
/// Fix All of RB0030: two class names can give one id (<c>DBFailover</c> and <c>DbFailover</c>, two nested <c>Drain</c>
/// classes). Fixed one by one, the second is offered no fix once the first has the id; fixed all at once, each class gets
/// a distinct id, never one another runbook of the project already has.
/// </summary>
public sealed class MissingRunbookAttributeFixAllTests
{
    private const string Body = """
        {
            public override void Define(IRunbookBuilder rb) => rb.Title("Failover");
        }
        """;

    private static string Code(string declarations) => "using RunbookSdk;\n\n" + declarations + "\n";

    [Fact]
    public async Task Two_classes_whose_names_give_one_id_get_distinct_ids_that_no_other_runbook_has()
    {
        var source = Code(
            "[Runbook(\"db-failover-2\")]\npublic sealed class Existing : Runbook\n" + Body + "\n" +
            "public sealed class {|RB0030:DBFailover|} : Runbook\n" + Body + "\n" +
            "public sealed class {|RB0030:DbFailover|} : Runbook\n" + Body + "\n" +
            "public sealed class {|RB0030:CacheDown|} : Runbook\n" + Body);
        // One at a time, the second class has no fix once the first has the id: the person chooses one.
        var oneByOne = Code(
            "[Runbook(\"db-failover-2\")]\npublic sealed class Existing : Runbook\n" + Body + "\n" +
            "[Runbook(\"db-failover\")]\npublic sealed class DBFailover : Runbook\n" + Body + "\n" +
            "public sealed class {|RB0030:DbFailover|} : Runbook\n" + Body + "\n" +
            "[Runbook(\"cache-down\")]\npublic sealed class CacheDown : Runbook\n" + Body);
        var allAtOnce = Code(
            "[Runbook(\"db-failover-2\")]\npublic sealed class Existing : Runbook\n" + Body + "\n" +
            "[Runbook(\"db-failover\")]\npublic sealed class DBFailover : Runbook\n" + Body + "\n" +
            "[Runbook(\"db-failover-3\")]\npublic sealed class DbFailover : Runbook\n" + Body + "\n" +
            "[Runbook(\"cache-down\")]\npublic sealed class CacheDown : Runbook\n" + Body);
        await RunAsync([("Runbooks.cs", source)], [("Runbooks.cs", oneByOne)], [("Runbooks.cs", allAtOnce)]);
    }

    [Fact]
    public async Task Fix_all_in_the_project_gives_nested_classes_of_one_name_in_two_files_distinct_ids()
    {
        static string Group(string name, string drain, string? attribute) => Code(
            $"public static class {name}\n{{\n    {attribute}public sealed class {drain} : Runbook\n    {{\n        public override void Define(IRunbookBuilder rb) => rb.Title(\"Drain\");\n    }}\n}}");
        await RunAsync(
            [("A.cs", Group("Payments", "{|RB0030:Drain|}", null)), ("B.cs", Group("Orders", "{|RB0030:Drain|}", null))],
            [("A.cs", Group("Payments", "Drain", "[Runbook(\"drain\")]\n    ")), ("B.cs", Group("Orders", "{|RB0030:Drain|}", null))],
            [("A.cs", Group("Payments", "Drain", "[Runbook(\"drain\")]\n    ")), ("B.cs", Group("Orders", "Drain", "[Runbook(\"drain-2\")]\n    "))],
            FixAllScope.Project);
    }

    [Fact]
    public async Task An_id_a_referenced_runbook_librarys_runbook_has_is_never_given()
    {
        // The app lists and runs the library's runbooks beside its own: RB0011 reports an app's runbook with one of
        // their ids, so neither the single fix nor Fix All may give FlushCache 'flush-cache', or a Drain 'drain-2'.
        var library = RunbookLibrary.Emit("""
            using RunbookSdk;

            namespace Shared;

            [Runbook("flush-cache")]
            public sealed class FlushCache : Runbook
            {
                public override void Define(IRunbookBuilder rb) => rb.Title("Flush the cache");
            }

            [Runbook("drain-2")]
            public sealed class DrainAgain : Runbook
            {
                public override void Define(IRunbookBuilder rb) => rb.Title("Drain again");
            }
            """);
        static string App(string flush, string payments, string orders) => Code(
            flush + "public sealed class FlushCache : Runbook\n" + Body + "\n" +
            "public static class Payments\n{\n    " + payments + "public sealed class Drain : Runbook\n    {\n        public override void Define(IRunbookBuilder rb) => rb.Title(\"Drain\");\n    }\n}\n" +
            "public static class Orders\n{\n    " + orders + "public sealed class Drain : Runbook\n    {\n        public override void Define(IRunbookBuilder rb) => rb.Title(\"Drain\");\n    }\n}");
        static string Marked(string source) => source
            .Replace("class FlushCache", "class {|RB0030:FlushCache|}", StringComparison.Ordinal)
            .Replace("    public sealed class Drain", "    public sealed class {|RB0030:Drain|}", StringComparison.Ordinal);
        var source = Marked(App("", "", ""));
        var oneByOne = App("", "[Runbook(\"drain\")]\n    ", "").Replace("class FlushCache", "class {|RB0030:FlushCache|}", StringComparison.Ordinal);
        var orders = oneByOne.LastIndexOf("public sealed class Drain", StringComparison.Ordinal);
        oneByOne = oneByOne[..orders] + "public sealed class {|RB0030:Drain|}" + oneByOne[(orders + "public sealed class Drain".Length)..];
        var allAtOnce = App("", "[Runbook(\"drain\")]\n    ", "[Runbook(\"drain-3\")]\n    ").Replace("class FlushCache", "class {|RB0030:FlushCache|}", StringComparison.Ordinal);
        await RunAsync([("Runbooks.cs", source)], [("Runbooks.cs", oneByOne)], [("Runbooks.cs", allAtOnce)], library: library);
    }

    [Fact]
    public Task Half_typed_classes_leave_the_rule_quiet_or_reported_without_throwing() =>
        Verify<MissingRunbookAttributeAnalyzer>.WithoutCompilerErrorsAsync(Code("""
            [Runbook(]
            public sealed class Typing : Runbook
            {
                public override void Define(IRunbookBuilder rb) => rb.Title(
            }

            public sealed class {|RB0030:Half|} : Runbook<
            {
            }

            public sealed class : Runbook { }
            """));

    private static Task RunAsync((string Name, string Source)[] sources, (string Name, string Source)[] oneByOne, (string Name, string Source)[] allAtOnce, FixAllScope? scope = null, Microsoft.CodeAnalysis.MetadataReference? library = null)
    {
        // The testing library checks the all-at-once result only for a fix that offers Fix All.
        Assert.NotNull(new AddRunbookAttributeCodeFix().GetFixAllProvider());
        var test = new CSharpCodeFixTest<MissingRunbookAttributeAnalyzer, AddRunbookAttributeCodeFix, DefaultVerifier>();
        test.TestState.Sources.AddRange(sources.Select(s => (s.Name, SourceText.From(s.Source))));
        test.FixedState.Sources.AddRange(oneByOne.Select(s => (s.Name, SourceText.From(s.Source))));
        test.BatchFixedState.Sources.AddRange(allAtOnce.Select(s => (s.Name, SourceText.From(s.Source))));
        Verify<MissingRunbookAttributeAnalyzer>.Configure(test);
        foreach (var state in new[] { test.FixedState, test.BatchFixedState })
        {
            state.AdditionalReferences.AddRange(TestReferences.All);
            state.MarkupHandling = MarkupMode.Allow;
        }

        if (library is not null)
        {
            foreach (var state in new[] { test.TestState, test.FixedState, test.BatchFixedState }) state.AdditionalReferences.Add(library);
        }

        if (scope == FixAllScope.Project) test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipFixAllInDocumentCheck;
        return test.RunAsync();
    }
}
