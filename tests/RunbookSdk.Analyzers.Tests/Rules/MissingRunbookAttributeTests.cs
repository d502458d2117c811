using RunbookSdk.Analyzers.Identity;
using RunbookSdk.Analyzers.Tests.Infrastructure;
using RunbookSdk.CodeFixes.Identity;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// RB0030: a runbook class written without <c>[Runbook("id")]</c> built with no finding, got no page, was not in
/// <c>list</c> and could not be run: it disappeared silently. A base runbook (abstract, or a class another class derives
/// from) and a class nested in another (a test's double) are not runbooks of their own and are not reported.
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
    public Task A_class_whose_id_another_runbook_has_is_reported_without_a_fix() =>
        Verify<MissingRunbookAttributeAnalyzer>.FixAsync<AddRunbookAttributeCodeFix>(
            Code("[Runbook(\"queue-stuck\")]\npublic sealed class Other : Runbook\n" + Body + "\npublic sealed class {|RB0030:QueueStuck|} : Runbook\n" + Body),
            Code("[Runbook(\"queue-stuck\")]\npublic sealed class Other : Runbook\n" + Body + "\npublic sealed class {|RB0030:QueueStuck|} : Runbook\n" + Body));
}
