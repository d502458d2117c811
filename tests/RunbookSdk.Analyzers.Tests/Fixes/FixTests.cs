using RunbookSdk.Analyzers.Commands;
using RunbookSdk.Analyzers.Escalation;
using RunbookSdk.Analyzers.Identity;
using RunbookSdk.Analyzers.Review;
using RunbookSdk.Analyzers.Sections;
using RunbookSdk.Analyzers.Steps;
using RunbookSdk.Analyzers.Tests.Infrastructure;
using RunbookSdk.CodeFixes.Commands;
using RunbookSdk.CodeFixes.Escalation;
using RunbookSdk.CodeFixes.Identity;
using RunbookSdk.CodeFixes.Review;
using RunbookSdk.CodeFixes.Sections;
using RunbookSdk.CodeFixes.Steps;

namespace RunbookSdk.Analyzers.Tests.Fixes;

public sealed class AddSectionCodeFixTests
{
    private const string Before = """
        using System;
        using RunbookSdk;

        [Runbook("bare")]
        public sealed class {|RB0001:{|RB0002:{|RB0003:Bare|}|}|} : Runbook
        {
            public override void Define(IRunbookBuilder rb) => rb
                .Title("Bare")
                .Phase("Look", p => p.Step("Assess", s => s.Run("aws lambda list-functions")));
        }
        """;

    [Fact]
    public Task AddsAnEscalationSkeletonToTheChain() =>
        Verify<SectionCompletenessAnalyzer>.FixAsync<AddSectionCodeFix>(Before, """
            using System;
            using RunbookSdk;

            [Runbook("bare")]
            public sealed class {|RB0002:{|RB0003:Bare|}|} : Runbook
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Title("Bare")
                    .Phase("Look", p => p.Step("Assess", s => s.Run("aws lambda list-functions")))
                    .Escalation(e => e.Level("On-call engineer", TimeSpan.Zero));
            }
            """, AddSectionCodeFix.EscalationKey);

    [Fact]
    public Task AddsARollbackSkeletonToTheChain() =>
        Verify<SectionCompletenessAnalyzer>.FixAsync<AddSectionCodeFix>(Before, """
            using System;
            using RunbookSdk;

            [Runbook("bare")]
            public sealed class {|RB0001:{|RB0003:Bare|}|} : Runbook
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Title("Bare")
                    .Phase("Look", p => p.Step("Assess", s => s.Run("aws lambda list-functions")))
                    .Rollback(r => r.Step("Undo the change", s => s.Instruction("TODO: how to undo what the phases changed")));
            }
            """, AddSectionCodeFix.RollbackKey);

    [Fact]
    public Task AddsANoRollbackWaiverToTheChain() =>
        Verify<SectionCompletenessAnalyzer>.FixAsync<AddSectionCodeFix>(Before, """
            using System;
            using RunbookSdk;

            [Runbook("bare")]
            public sealed class {|RB0001:{|RB0003:Bare|}|} : Runbook
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Title("Bare")
                    .Phase("Look", p => p.Step("Assess", s => s.Run("aws lambda list-functions")))
                    .NoRollback("TODO: why nothing needs undoing, e.g. read-only diagnostics");
            }
            """, AddSectionCodeFix.NoRollbackKey);

    /// <summary>A comment after the chain's last call stays on that call's line; it moved to the new call's.</summary>
    [Fact]
    public Task KeepsTheLastCallsCommentOnItsLine() =>
        Verify<SectionCompletenessAnalyzer>.FixAsync<AddSectionCodeFix>("""
            using System;
            using RunbookSdk;

            [Runbook("commented")]
            public sealed class {|RB0003:Commented|} : Runbook
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Title("Commented")
                    .NoRollback("read-only")
                    .Escalation(e => e.Level("On-call", TimeSpan.Zero)) // pages the on-call phone
                    ;
            }
            """, """
            using System;
            using RunbookSdk;

            [Runbook("commented")]
            public sealed class Commented : Runbook
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Title("Commented")
                    .NoRollback("read-only")
                    .Escalation(e => e.Level("On-call", TimeSpan.Zero)) // pages the on-call phone
                    .Verification(v => v.Step("Confirm recovery", s => s.Instruction("TODO: the check that proves the system is healthy again")))
                    ;
            }
            """, AddSectionCodeFix.VerificationKey);

    [Fact]
    public Task AddsAVerificationStatementToABlockBody() =>
        Verify<SectionCompletenessAnalyzer>.FixAsync<AddSectionCodeFix>("""
            using System;
            using RunbookSdk;

            [Runbook("block")]
            public sealed class {|RB0003:Block|} : Runbook
            {
                public override void Define(IRunbookBuilder builder)
                {
                    builder.Title("Block");
                    builder.NoRollback("read-only");
                    builder.Escalation(e => e.Level("On-call", TimeSpan.Zero));
                }
            }
            """, """
            using System;
            using RunbookSdk;

            [Runbook("block")]
            public sealed class Block : Runbook
            {
                public override void Define(IRunbookBuilder builder)
                {
                    builder.Title("Block");
                    builder.NoRollback("read-only");
                    builder.Escalation(e => e.Level("On-call", TimeSpan.Zero));
                    builder.Verification(v => v.Step("Confirm recovery", s => s.Instruction("TODO: the check that proves the system is healthy again")));
                }
            }
            """, AddSectionCodeFix.VerificationKey);

    [Fact]
    public Task AddsTheStatementWithoutCopyingTheCommentOrBlankLineAboveTheLastOne() =>
        Verify<SectionCompletenessAnalyzer>.FixAsync<AddSectionCodeFix>("""
            using System;
            using RunbookSdk;

            [Runbook("block")]
            public sealed class {|RB0003:Block|} : Runbook
            {
                public override void Define(IRunbookBuilder builder)
                {
                    builder.Title("Block");
                    builder.NoRollback("read-only");

                    // Who is paged
                    builder.Escalation(e => e.Level("On-call", TimeSpan.Zero));
                }
            }
            """, """
            using System;
            using RunbookSdk;

            [Runbook("block")]
            public sealed class Block : Runbook
            {
                public override void Define(IRunbookBuilder builder)
                {
                    builder.Title("Block");
                    builder.NoRollback("read-only");

                    // Who is paged
                    builder.Escalation(e => e.Level("On-call", TimeSpan.Zero));
                    builder.Verification(v => v.Step("Confirm recovery", s => s.Instruction("TODO: the check that proves the system is healthy again")));
                }
            }
            """, AddSectionCodeFix.VerificationKey);

    [Fact]
    public Task WritesTheBuildersNameAsDeclaredWhenItIsAnEscapedKeyword() =>
        Verify<SectionCompletenessAnalyzer>.FixAsync<AddSectionCodeFix>("""
            using System;
            using RunbookSdk;

            [Runbook("block")]
            public sealed class {|RB0003:Block|} : Runbook
            {
                public override void Define(IRunbookBuilder @event)
                {
                    @event.Title("Block");
                    @event.NoRollback("read-only");
                    @event.Escalation(e => e.Level("On-call", TimeSpan.Zero));
                }
            }
            """, """
            using System;
            using RunbookSdk;

            [Runbook("block")]
            public sealed class Block : Runbook
            {
                public override void Define(IRunbookBuilder @event)
                {
                    @event.Title("Block");
                    @event.NoRollback("read-only");
                    @event.Escalation(e => e.Level("On-call", TimeSpan.Zero));
                    @event.Verification(v => v.Step("Confirm recovery", s => s.Instruction("TODO: the check that proves the system is healthy again")));
                }
            }
            """, AddSectionCodeFix.VerificationKey);

    /// <summary>
    /// A Define that hands its builder to a helper (<c>Helpers.AddAll(rb.Title(…))</c>) is judged by what the helper adds:
    /// the fix cannot chain on the helper's call, which returns nothing, so the section becomes a statement after it.
    /// </summary>
    [Fact]
    public Task AddsAVerificationAfterAHelperTheBuilderIsHandedTo() =>
        Verify<SectionCompletenessAnalyzer>.FixAsync<AddSectionCodeFix>("""
            using System;
            using RunbookSdk;

            [Runbook("handed")]
            public sealed class {|RB0003:Handed|} : Runbook
            {
                public override void Define(IRunbookBuilder rb) => Helpers.AddAll(rb
                    .Title("Handed")
                    .Phase("Look", p => p.Step("Assess", s => s.Run("aws lambda list-functions"))));
            }

            public static class Helpers
            {
                public static void AddAll(IRunbookBuilder rb) => rb.NoRollback("read-only").Escalation(e => e.Level("On-call", TimeSpan.Zero));
            }
            """, """
            using System;
            using RunbookSdk;

            [Runbook("handed")]
            public sealed class Handed : Runbook
            {
                public override void Define(IRunbookBuilder rb)
                {
                    Helpers.AddAll(rb
                        .Title("Handed")
                        .Phase("Look", p => p.Step("Assess", s => s.Run("aws lambda list-functions"))));
                    rb.Verification(v => v.Step("Confirm recovery", s => s.Instruction("TODO: the check that proves the system is healthy again")));
                }
            }

            public static class Helpers
            {
                public static void AddAll(IRunbookBuilder rb) => rb.NoRollback("read-only").Escalation(e => e.Level("On-call", TimeSpan.Zero));
            }
            """, AddSectionCodeFix.VerificationKey);

    /// <summary>
    /// A Define whose expression starts a line of its own after <c>=&gt;</c> keeps its layout: each continuation line
    /// keeps its offset from the helper's call, now one level inside the braces.
    /// </summary>
    [Fact]
    public Task KeepsTheLayoutOfAHelperCallWrittenOverSeveralLines() =>
        Verify<SectionCompletenessAnalyzer>.FixAsync<AddSectionCodeFix>("""
            using System;
            using RunbookSdk;

            [Runbook("handed")]
            public sealed class {|RB0003:Handed|} : Runbook
            {
                public override void Define(IRunbookBuilder rb) =>
                    Helpers.AddAll(
                        rb.Title("Handed")
                          .Phase("Look", p => p
                              .Step("Assess", s => s.Run("aws lambda list-functions"))));
            }

            public static class Helpers
            {
                public static void AddAll(IRunbookBuilder rb) => rb.NoRollback("read-only").Escalation(e => e.Level("On-call", TimeSpan.Zero));
            }
            """, """
            using System;
            using RunbookSdk;

            [Runbook("handed")]
            public sealed class Handed : Runbook
            {
                public override void Define(IRunbookBuilder rb)
                {
                    Helpers.AddAll(
                        rb.Title("Handed")
                          .Phase("Look", p => p
                              .Step("Assess", s => s.Run("aws lambda list-functions"))));
                    rb.Verification(v => v.Step("Confirm recovery", s => s.Instruction("TODO: the check that proves the system is healthy again")));
                }
            }

            public static class Helpers
            {
                public static void AddAll(IRunbookBuilder rb) => rb.NoRollback("read-only").Escalation(e => e.Level("On-call", TimeSpan.Zero));
            }
            """, AddSectionCodeFix.VerificationKey);

    /// <summary>
    /// Comments around the arrow, between the chain's lines and after the semicolon all survive the rewrite: the ones
    /// before the call introduce it, the one after stays at the end of its statement.
    /// </summary>
    [Fact]
    public Task KeepsEveryCommentOfAHelperCallItRewritesIntoABlock() =>
        Verify<SectionCompletenessAnalyzer>.FixAsync<AddSectionCodeFix>("""
            using System;
            using RunbookSdk;

            [Runbook("handed")]
            public sealed class {|RB0003:Handed|} : Runbook
            {
                public override void Define(IRunbookBuilder rb) // shared with the lambda runbooks
                    => /* one helper */ Helpers.AddAll(rb
                    // the title pages show
                    .Title("Handed") // short on purpose
                    .Phase("Look", p => p.Step("Assess", s => s.Run("aws lambda list-functions")))); // adds rollback and escalation
            }

            public static class Helpers
            {
                public static void AddAll(IRunbookBuilder rb) => rb.NoRollback("read-only").Escalation(e => e.Level("On-call", TimeSpan.Zero));
            }
            """, """
            using System;
            using RunbookSdk;

            [Runbook("handed")]
            public sealed class Handed : Runbook
            {
                public override void Define(IRunbookBuilder rb)
                {
                    // shared with the lambda runbooks
                    /* one helper */
                    Helpers.AddAll(rb
                        // the title pages show
                        .Title("Handed") // short on purpose
                        .Phase("Look", p => p.Step("Assess", s => s.Run("aws lambda list-functions")))); // adds rollback and escalation
                    rb.Verification(v => v.Step("Confirm recovery", s => s.Instruction("TODO: the check that proves the system is healthy again")));
                }
            }

            public static class Helpers
            {
                public static void AddAll(IRunbookBuilder rb) => rb.NoRollback("read-only").Escalation(e => e.Level("On-call", TimeSpan.Zero));
            }
            """, AddSectionCodeFix.VerificationKey);

    /// <summary>
    /// A Define whose chain starts with a call handing the builder to a function that returns it
    /// (<c>=&gt; AddChecks(rb).Title(…)</c>) gets the section at the chain's end, as the runner makes the chained calls on
    /// the builder handed on; before, the fix took the call for a helper returning nothing and rewrote the body into a
    /// block with a statement of its own.
    /// </summary>
    [Fact]
    public Task AppendsToAChainThatStartsWithAFunctionReturningTheBuilder() =>
        Verify<SectionCompletenessAnalyzer>.FixAsync<AddSectionCodeFix>("""
            using System;
            using RunbookSdk;

            [Runbook("chained")]
            public sealed class {|RB0003:Chained|} : Runbook
            {
                public override void Define(IRunbookBuilder rb) => AddBasics(rb)
                    .Title("Chained")
                    .Phase("Look", p => p.Step("Assess", s => s.Run("aws lambda list-functions")));

                private static IRunbookBuilder AddBasics(IRunbookBuilder rb) =>
                    rb.NoRollback("read-only").Escalation(e => e.Level("On-call", TimeSpan.Zero));
            }
            """, """
            using System;
            using RunbookSdk;

            [Runbook("chained")]
            public sealed class Chained : Runbook
            {
                public override void Define(IRunbookBuilder rb) => AddBasics(rb)
                    .Title("Chained")
                    .Phase("Look", p => p.Step("Assess", s => s.Run("aws lambda list-functions")))
                    .Verification(v => v.Step("Confirm recovery", s => s.Instruction("TODO: the check that proves the system is healthy again")));

                private static IRunbookBuilder AddBasics(IRunbookBuilder rb) =>
                    rb.NoRollback("read-only").Escalation(e => e.Level("On-call", TimeSpan.Zero));
            }
            """, AddSectionCodeFix.VerificationKey);

    private const string HelperClass = """

        public static class Helpers
        {
            public static void AddAll(IRunbookBuilder rb) => rb.NoRollback("read-only").Escalation(e => e.Level("On-call", TimeSpan.Zero));
        }
        """;

    /// <summary>
    /// A file indented with tabs gets tabs: the block, its statements and the helper call's continuation lines are
    /// indented as the file's own lines are (the member one tab inside its type), not with four spaces among tabs.
    /// </summary>
    [Fact]
    public Task IndentsTheBlockWithTheTabsTheFileIsIndentedWith() =>
        Verify<SectionCompletenessAnalyzer>.FixAsync<AddSectionCodeFix>(Sources.WithTabs("""
            using System;
            using RunbookSdk;

            [Runbook("handed")]
            public sealed class {|RB0003:Handed|} : Runbook
            {
                public override void Define(IRunbookBuilder rb) => Helpers.AddAll(rb
                    .Title("Handed")
                    .Phase("Look", p => p.Step("Assess", s => s.Run("aws lambda list-functions"))));
            }
            """) + HelperClass, Sources.WithTabs("""
            using System;
            using RunbookSdk;

            [Runbook("handed")]
            public sealed class Handed : Runbook
            {
                public override void Define(IRunbookBuilder rb)
                {
                    Helpers.AddAll(rb
                        .Title("Handed")
                        .Phase("Look", p => p.Step("Assess", s => s.Run("aws lambda list-functions"))));
                    rb.Verification(v => v.Step("Confirm recovery", s => s.Instruction("TODO: the check that proves the system is healthy again")));
                }
            }
            """) + HelperClass, AddSectionCodeFix.VerificationKey);

    /// <summary>A project whose <c>.editorconfig</c> says <c>indent_size = 2</c> gets two-space levels in the block.</summary>
    [Fact]
    public Task IndentsTheBlockWithTheEditorConfigsIndentSize() =>
        Verify<SectionCompletenessAnalyzer>.FixAsync<AddSectionCodeFix>("""
            using System;
            using RunbookSdk;

            [Runbook("handed")]
            public sealed class {|RB0003:Handed|} : Runbook
            {
              public override void Define(IRunbookBuilder rb) => Helpers.AddAll(rb
                .Title("Handed")
                .Phase("Look", p => p.Step("Assess", s => s.Run("aws lambda list-functions"))));
            }
            """ + HelperClass, """
            using System;
            using RunbookSdk;

            [Runbook("handed")]
            public sealed class Handed : Runbook
            {
              public override void Define(IRunbookBuilder rb)
              {
                Helpers.AddAll(rb
                  .Title("Handed")
                  .Phase("Look", p => p.Step("Assess", s => s.Run("aws lambda list-functions"))));
                rb.Verification(v => v.Step("Confirm recovery", s => s.Instruction("TODO: the check that proves the system is healthy again")));
              }
            }
            """ + HelperClass, AddSectionCodeFix.VerificationKey,
            editorConfig: "root = true\n\n[*.cs]\nindent_style = space\nindent_size = 2\n");

    /// <summary>
    /// A helper call that followed <c>=&gt;</c> on the signature's line and closes with <c>);</c> on a line of its own,
    /// at the signature's indentation, closes at the statement's indentation: the <c>);</c> was written at the level
    /// of the statement, not as one of the call's continuation lines.
    /// </summary>
    [Fact]
    public Task ClosesAHelperCallAtTheStatementsIndentation() =>
        Verify<SectionCompletenessAnalyzer>.FixAsync<AddSectionCodeFix>("""
            using System;
            using RunbookSdk;

            [Runbook("handed")]
            public sealed class {|RB0003:Handed|} : Runbook
            {
                public override void Define(IRunbookBuilder rb) => Helpers.AddAll(rb
                    .Title("Handed")
                    .Phase("Look", p => p.Step("Assess", s => s.Run("aws lambda list-functions")))
                );
            }
            """ + HelperClass, """
            using System;
            using RunbookSdk;

            [Runbook("handed")]
            public sealed class Handed : Runbook
            {
                public override void Define(IRunbookBuilder rb)
                {
                    Helpers.AddAll(rb
                        .Title("Handed")
                        .Phase("Look", p => p.Step("Assess", s => s.Run("aws lambda list-functions")))
                    );
                    rb.Verification(v => v.Step("Confirm recovery", s => s.Instruction("TODO: the check that proves the system is healthy again")));
                }
            }
            """ + HelperClass, AddSectionCodeFix.VerificationKey);
}

public sealed class RequiresConfirmationCodeFixTests
{
    [Fact]
    public Task AppendsRequiresConfirmationToTheStep() =>
        Verify<CommandTextAnalyzer>.FixAsync<RequiresConfirmationCodeFix>(
            Sources.Runbook("""
                        .Step("Flush", s => s.Run("redis-cli {|RB0005:FLUSHALL|}", "Clear the cache"))
                        .Step("Undo", s => s
                            .Run("{|RB0005:kubectl rollout undo deployment/macro-ai-api|}")
                            .ExpectExitCode(0))
            """),
            Sources.Runbook("""
                        .Step("Flush", s => s.Run("redis-cli FLUSHALL", "Clear the cache").RequiresConfirmation())
                        .Step("Undo", s => s
                            .Run("kubectl rollout undo deployment/macro-ai-api")
                            .ExpectExitCode(0)
                            .RequiresConfirmation())
            """));

    // A comment on a line of its own above the step's last call is about that call: the new call goes on a line
    // indented as that call's (tabs here), and the comment is not written a second time above it.
    [Fact]
    public Task AppendsOnALineOfItsOwnWithoutRepeatingTheCommentAboveTheLastCall() =>
        Verify<CommandTextAnalyzer>.FixAsync<RequiresConfirmationCodeFix>(
            Sources.WithTabs(Sources.Runbook("""
                        .Step("Undo", s => s
                            .Run("{|RB0005:kubectl rollout undo deployment/macro-ai-api|}")
                            // the rollout reports success before the pods are ready
                            .ExpectExitCode(0))
            """)),
            Sources.WithTabs(Sources.Runbook("""
                        .Step("Undo", s => s
                            .Run("kubectl rollout undo deployment/macro-ai-api")
                            // the rollout reports success before the pods are ready
                            .ExpectExitCode(0)
                            .RequiresConfirmation())
            """)));

    // Each destructive command of a line is a finding of its own; the step is confirmed once for all of them, by either
    // finding's fix and by fixing all at once.
    [Fact]
    public Task ConfirmsAStepWithSeveralDestructiveCommandsOnce() =>
        Verify<CommandTextAnalyzer>.FixAsync<RequiresConfirmationCodeFix>(
            Sources.Runbook("""
                        .Step("Clean up", s => s.Run("{|RB0005:kubectl delete ns payments|} && psql -c '{|RB0005:DROP TABLE|} sessions'"))
            """),
            Sources.Runbook("""
                        .Step("Clean up", s => s.Run("kubectl delete ns payments && psql -c 'DROP TABLE sessions'").RequiresConfirmation())
            """));
}

public sealed class RequiresConfirmationInAScriptCodeFixTests
{
    // The finding marks the command it names, the line of the script that deletes (it covered the whole script, six lines
    // squiggled for one 'rm'); the fix goes where confirmation is asked, on the step, after its last call and its comments.
    [Fact]
    public Task In_a_script_over_several_lines_the_finding_marks_the_command_and_the_fix_marks_the_step() =>
        Verify<CommandTextAnalyzer>.FixAsync<RequiresConfirmationCodeFix>(
            Sources.Runbook(""""
                        .Step("Clean up", s => s
                            .Run("""
                                echo cleaning
                                {|RB0005:rm -rf /var/lib/modax/cache|}
                                echo done
                                """) // the cache rebuilds on start
                            .ExpectExitCode(0))
            """"),
            Sources.Runbook(""""
                        .Step("Clean up", s => s
                            .Run("""
                                echo cleaning
                                rm -rf /var/lib/modax/cache
                                echo done
                                """) // the cache rebuilds on start
                            .ExpectExitCode(0)
                            .RequiresConfirmation())
            """"));
}

public sealed class FailOnHttpErrorCodeFixTests
{
    [Fact]
    public Task AddsFailToEveryCurlOfAVerification() =>
        Verify<CommandTextAnalyzer>.FixAsync<FailOnHttpErrorCodeFix>(
            Sources.Runbook("""            .Step("Assess", s => s.Instruction("Look at the dashboard"))""",
                verification: """v => v.Step("Health", s => s.Run("{|RB0014:curl|} -s https://api.omnix.ai/health && {|RB0014:curl|} https://modax.ai/health"))"""),
            Sources.Runbook("""            .Step("Assess", s => s.Instruction("Look at the dashboard"))""",
                verification: """v => v.Step("Health", s => s.Run("curl --fail -s https://api.omnix.ai/health && curl --fail https://modax.ai/health"))"""));
}

public sealed class FailOnHttpErrorCodeFixNestedShellTests
{
    private const string Host = """    [Parameter("Host to reach")] public string Host { get; init; } = "api-1.internal";""";

    // The option lands inside the quotes, beside the client the nested shell runs, holes and escaped quotes around it kept.
    [Fact]
    public Task AddsFailToACurlThatAnotherShellRuns() =>
        Verify<CommandTextAnalyzer>.FixAsync<FailOnHttpErrorCodeFix>(
            Sources.Runbook("""            .Step("Assess", s => s.Instruction("Look at the dashboard"))""", extraMembers: Host,
                verification: """v => v.Step("Health", s => s.Run($"ssh {Host} 'cd /srv && {|RB0014:curl|} -s https://localhost/health'").Run("sudo -u app sh -c \"systemctl restart app; {|RB0014:curl|} -s \\\"http://localhost/ready\\\"\""))"""),
            Sources.Runbook("""            .Step("Assess", s => s.Instruction("Look at the dashboard"))""", extraMembers: Host,
                verification: """v => v.Step("Health", s => s.Run($"ssh {Host} 'cd /srv && curl --fail -s https://localhost/health'").Run("sudo -u app sh -c \"systemctl restart app; curl --fail -s \\\"http://localhost/ready\\\"\""))"""));
}

public sealed class FailOnHttpErrorCodeFixHttpieTests
{
    [Fact]
    public Task AddsCheckStatusToEveryHttpieCallOfAVerification() =>
        Verify<CommandTextAnalyzer>.FixAsync<FailOnHttpErrorCodeFix>(
            Sources.Runbook("""            .Step("Assess", s => s.Instruction("Look at the dashboard"))""",
                verification: """v => v.Step("Health", s => s.Run("{|RB0014:http|} GET https://api.omnix.ai/health && {|RB0014:https|} modax.ai/health"))"""),
            Sources.Runbook("""            .Step("Assess", s => s.Instruction("Look at the dashboard"))""",
                verification: """v => v.Step("Health", s => s.Run("http --check-status GET https://api.omnix.ai/health && https --check-status modax.ai/health"))"""));
}

public sealed class FailOnHttpErrorCodeFixXhTests
{
    [Fact]
    public Task AddsCheckStatusToEveryXhCallOfAVerification() =>
        Verify<CommandTextAnalyzer>.FixAsync<FailOnHttpErrorCodeFix>(
            Sources.Runbook("""            .Step("Assess", s => s.Instruction("Look at the dashboard"))""",
                verification: """v => v.Step("Health", s => s.Run("{|RB0014:xh|} GET https://api.omnix.ai/health && {|RB0014:xhs|} modax.ai/health"))"""),
            Sources.Runbook("""            .Step("Assess", s => s.Instruction("Look at the dashboard"))""",
                verification: """v => v.Step("Health", s => s.Run("xh --check-status GET https://api.omnix.ai/health && xhs --check-status modax.ai/health"))"""));
}

public sealed class LiteralToParameterCodeFixTests
{
    [Fact]
    public Task MovesAHomeDirectoryIntoAParameter() =>
        Verify<CommandTextAnalyzer>.FixAsync<LiteralToParameterCodeFix>(
            Sources.Runbook("""
                        .Step("Validate", s => s.Run("cd {|RB0007:/home/jonmax1987/projects/omnix-ai-professional/apps/backend|} && ./production-validation-test.js"))
            """),
            Sources.Runbook("""
                        .Step("Validate", s => s.Run($"cd {BackendDirectory} && ./production-validation-test.js"))
            """, extraMembers: """    [Parameter("Path of 'backend' on the operator's machine")] public string BackendDirectory { get; init; } = "/home/jonmax1987/projects/omnix-ai-professional/apps/backend";""" + "\n"));

    [Fact]
    public Task MovesASecretIntoASecretParameterWithoutKeepingTheValue() =>
        Verify<CommandTextAnalyzer>.FixAsync<LiteralToParameterCodeFix>(
            Sources.Runbook("""
                        .Step("Db", s => s.Run($"psql postgresql://admin:{|RB0006:s3cr3t|}@db.omnix.ai:5432/app --set region={Region} -c '{{ SELECT 1 }}'"))
            """),
            Sources.Runbook("""
                        .Step("Db", s => s.Run($"psql postgresql://admin:{Password}@db.omnix.ai:5432/app --set region={Region} -c '{{ SELECT 1 }}'"))
            """, extraMembers: """    [Parameter("Password"), Secret] public string Password { get; init; } = "";""" + "\n"));

    [Fact]
    public Task ReusesAnExistingSecretParameterAndEscapesBraces() =>
        Verify<CommandTextAnalyzer>.FixAsync<LiteralToParameterCodeFix>(
            Sources.Runbook("""
                        .Step("Api", s => s.Run("curl -H \"Authorization: Bearer {|RB0006:abc123def456|}\" -d '{\"a\":1}' https://api.omnix.ai/v1"))
            """).Replace("ApiToken", "ApiToken"),
            Sources.Runbook("""
                        .Step("Api", s => s.Run($"curl -H \"Authorization: Bearer {ApiToken}\" -d '{{\"a\":1}}' https://api.omnix.ai/v1"))
            """));

    /// <summary>
    /// Fix All on a runbook with a secret and two home paths: each fix adds its own property after the last parameter,
    /// and a batch of those insertions at one place conflicted, so one Fix All fixed only the first finding.
    /// </summary>
    [Fact]
    public Task FixAllAddsOneParameterPerFindingInOneRound() =>
        Verify<CommandTextAnalyzer>.FixAsync<LiteralToParameterCodeFix>(
            Sources.Runbook("""
                        .Step("Validate", s => s.Run("cd {|RB0007:/home/jon/apps/backend|} && ./validate.sh"))
                        .Step("Logs", s => s.Run("ls {|RB0007:/home/ann/logs|}"))
                        .Step("Db", s => s.Run("psql postgresql://admin:{|RB0006:s3cr3t|}@db.omnix.ai:5432/app -c 'SELECT 1'"))
            """),
            Sources.Runbook("""
                        .Step("Validate", s => s.Run($"cd {BackendDirectory} && ./validate.sh"))
                        .Step("Logs", s => s.Run($"ls {LogsDirectory}"))
                        .Step("Db", s => s.Run($"psql postgresql://admin:{Password}@db.omnix.ai:5432/app -c 'SELECT 1'"))
            """, extraMembers: """
                [Parameter("Path of 'backend' on the operator's machine")] public string BackendDirectory { get; init; } = "/home/jon/apps/backend";
                [Parameter("Path of 'logs' on the operator's machine")] public string LogsDirectory { get; init; } = "/home/ann/logs";
                [Parameter("Password"), Secret] public string Password { get; init; } = "";
            """ + "\n"));

    /// <summary>
    /// A Redis password and an HTTP basic-auth password are two secrets: both fixes named theirs 'Password', so the
    /// second reused the first's property and the runbook then sent one value to both (one of them fails at run time).
    /// </summary>
    [Fact]
    public Task PasswordsOfDifferentToolsBecomeDifferentParameters() =>
        Verify<CommandTextAnalyzer>.FixAsync<LiteralToParameterCodeFix>(
            Sources.Runbook("""
                        .Step("Flush", s => s.Run("redis-cli -h cache.omnix.ai -a {|RB0006:hunter2secret|} INFO"))
                        .Step("Api", s => s.Run("curl -fsS -u admin:{|RB0006:Sup3rSecret|} https://api.omnix.ai/health"))
                        .Step("Db", s => s.Run("mysql -h db.omnix.ai -u app -p{|RB0006:Db5ecret|} -e 'SELECT 1'"))
            """),
            Sources.Runbook("""
                        .Step("Flush", s => s.Run($"redis-cli -h cache.omnix.ai -a {RedisPassword} INFO"))
                        .Step("Api", s => s.Run($"curl -fsS -u admin:{BasicAuthPassword} https://api.omnix.ai/health"))
                        .Step("Db", s => s.Run($"mysql -h db.omnix.ai -u app -p{MysqlPassword} -e 'SELECT 1'"))
            """, extraMembers: """
                [Parameter("Redis password"), Secret] public string RedisPassword { get; init; } = "";
                [Parameter("Basic auth password"), Secret] public string BasicAuthPassword { get; init; } = "";
                [Parameter("MySQL password"), Secret] public string MysqlPassword { get; init; } = "";
            """ + "\n"));

    [Fact]
    public Task NamesTheAttributesInFullWhereTheFileDoesNotImportRunbookSdk() =>
        Verify<CommandTextAnalyzer>.FixAsync<LiteralToParameterCodeFix>("""
            [RunbookSdk.Runbook("full")]
            public sealed class Full : RunbookSdk.Runbook
            {
                public override void Define(RunbookSdk.IRunbookBuilder rb) => rb
                    .Title("Full")
                    .Phase("Db", p => p.Step("Db", s => s.Run("psql postgresql://admin:{|RB0006:s3cr3t|}@db.omnix.ai:5432/app -c 'SELECT 1'")));
            }
            """, """
            [RunbookSdk.Runbook("full")]
            public sealed class Full : RunbookSdk.Runbook
            {
                [RunbookSdk.Parameter("Password"), RunbookSdk.Secret] public string Password { get; init; } = "";
                public override void Define(RunbookSdk.IRunbookBuilder rb) => rb
                    .Title("Full")
                    .Phase("Db", p => p.Step("Db", s => s.Run($"psql postgresql://admin:{Password}@db.omnix.ai:5432/app -c 'SELECT 1'")));
            }
            """);
}

public sealed class InterpolateCommandCodeFixTests
{
    [Fact]
    public Task ConcatenatedFormattedAndLocalCommandsBecomeInterpolatedStrings() =>
        Verify<CommandTextAnalyzer>.FixAsync<InterpolateCommandCodeFix>(
            Sources.Runbook("""
                        .Step("Concat", s => s.Run({|RB0013:"aws lambda get-function --function-name " + FunctionName + " --query '{Arn: FunctionArn}'"|}))
                        .Step("Format", s => s.Run({|RB0013:string.Format("aws logs tail /aws/lambda/{1} --region {0} --since \"{2:D2}m\"", Region, FunctionName, Minutes)|}).Timeout(TimeSpan.FromMinutes(1)))
                        .Step("Local", s => { var command = $"aws lambda get-function --function-name {FunctionName}"; s.Run({|RB0013:command|}); })
            """, extraMembers: """    private const int Minutes = 5;""" + "\n"),
            Sources.Runbook("""
                        .Step("Concat", s => s.Run($"aws lambda get-function --function-name {FunctionName} --query '{{Arn: FunctionArn}}'"))
                        .Step("Format", s => s.Run($"aws logs tail /aws/lambda/{FunctionName} --region {Region} --since \"{Minutes:D2}m\"").Timeout(TimeSpan.FromMinutes(1)))
                        .Step("Local", s => { s.Run($"aws lambda get-function --function-name {FunctionName}"); })
            """, extraMembers: """    private const int Minutes = 5;""" + "\n"));

    [Fact]
    public Task ConstantsStayLiteralTextAndNumbersAddedFirstStayOneHole() =>
        Verify<CommandTextAnalyzer>.FixAsync<InterpolateCommandCodeFix>(
            Sources.Runbook("""
                        .Step("Concat", s => s.Run({|RB0013:Tail + $" {FunctionName} --region {Prefix}" + Region + " --since " + (Minutes + 1) + "m"|}))
            """, extraMembers: """    private const string Tail = "aws logs tail"; private const string Prefix = "eu-"; private int Minutes => 5;""" + "\n"),
            Sources.Runbook("""
                        .Step("Concat", s => s.Run($"aws logs tail {FunctionName} --region eu-{Region} --since {(Minutes + 1)}m"))
            """, extraMembers: """    private const string Tail = "aws logs tail"; private const string Prefix = "eu-"; private int Minutes => 5;""" + "\n"));

    [Fact]
    public Task CharConstantsStayLiteralTextSoASpaceStillSplitsTheWords() =>
        Verify<CommandTextAnalyzer>.FixAsync<InterpolateCommandCodeFix>(
            Sources.Runbook("""
                        .Step("Concat", s => s.Run({|RB0013:"aws lambda get-function" + Sep + "--function-name " + FunctionName + $"{Sep}--region{Sep}{Region}"|}))
            """, extraMembers: """    private const char Sep = ' ';""" + "\n"),
            Sources.Runbook("""
                        .Step("Concat", s => s.Run($"aws lambda get-function --function-name {FunctionName} --region {Region}"))
            """, extraMembers: """    private const char Sep = ' ';""" + "\n"));

    [Fact]
    public Task CommentsInsideTheCommandAndOnTheInlinedLocalAreKept() =>
        // The fix rebuilt the command from its pieces and removed the local with its trivia: the author's comments
        // between the pieces, above the local and after it were gone.
        Verify<CommandTextAnalyzer>.FixAsync<InterpolateCommandCodeFix>(
            Sources.Runbook("""
                        .Step("Concat", s => s.Run({|RB0013:"aws lambda get-function " /* the name */ + FunctionName // one function
                            + " --region " + Region|}))
                        .Step("Local", s =>
                        {
                            // the function's configuration
                            var command = "aws lambda get-function --function-name " + FunctionName; // not its code
                            s.Run({|RB0013:command|});
                        })
            """),
            Sources.Runbook("""
                        .Step("Concat", s => s.Run($"aws lambda get-function {FunctionName} --region {Region}" /* the name */ // one function
                        ))
                        .Step("Local", s =>
                        {
                            // the function's configuration
                            // not its code
                            s.Run($"aws lambda get-function --function-name {FunctionName}");
                        })
            """));

    [Fact]
    public Task ACommandThatIsAParameterAsAWholeOrALocalReadTwiceIsLeftToThePerson() =>
        Verify<CommandTextAnalyzer>.FixAsync<InterpolateCommandCodeFix>(
            Sources.Runbook("""
                        .Step("Whole", s => s.Run({|RB0013:FunctionName|}))
                        .Step("Padded", s => s.Run({|RB0013:string.Format("aws lambda get-function --function-name {0,20}", FunctionName)|}))
                        .Step("Twice", s => { var command = "aws lambda get-function --function-name " + FunctionName; s.Run({|RB0013:command|}).Note(command); })
            """),
            Sources.Runbook("""
                        .Step("Whole", s => s.Run({|RB0013:FunctionName|}))
                        .Step("Padded", s => s.Run({|RB0013:string.Format("aws lambda get-function --function-name {0,20}", FunctionName)|}))
                        .Step("Twice", s => { var command = "aws lambda get-function --function-name " + FunctionName; s.Run({|RB0013:command|}).Note(command); })
            """));
}

public sealed class KebabCaseIdCodeFixTests
{
    [Fact]
    public Task RespellsLiteralIdsInKebabCaseAndLeavesDuplicatesConstantsAndTakenSpellingsAlone() =>
        Verify<IdentityAnalyzer>.FixAsync<KebabCaseIdCodeFix>("""
            using RunbookSdk;

            [Runbook({|RB0011:"Api_Lambda_Failure"|})]
            public sealed class A : Runbook { public override void Define(IRunbookBuilder rb) { } }

            [Runbook({|RB0011:"db-restore"|})]
            public sealed class B : Runbook { public override void Define(IRunbookBuilder rb) { } }

            [Runbook({|RB0011:"db-restore"|})]
            public sealed class C : Runbook { public override void Define(IRunbookBuilder rb) { } }

            [Runbook({|RB0011:Ids.Outage|})]
            public sealed class D : Runbook { public override void Define(IRunbookBuilder rb) { } }

            [Handbook({|RB0011:"Omnix Handbook"|})]
            public sealed class H : Handbook { public override void Define(IHandbookBuilder hb) { } }

            [Runbook({|RB0011:"DB_Restore"|})]
            public sealed class E : Runbook { public override void Define(IRunbookBuilder rb) { } }

            static class Ids { public const string Outage = "Outage"; }
            """, """
            using RunbookSdk;

            [Runbook("api-lambda-failure")]
            public sealed class A : Runbook { public override void Define(IRunbookBuilder rb) { } }

            [Runbook({|RB0011:"db-restore"|})]
            public sealed class B : Runbook { public override void Define(IRunbookBuilder rb) { } }

            [Runbook({|RB0011:"db-restore"|})]
            public sealed class C : Runbook { public override void Define(IRunbookBuilder rb) { } }

            [Runbook({|RB0011:Ids.Outage|})]
            public sealed class D : Runbook { public override void Define(IRunbookBuilder rb) { } }

            [Handbook("omnix-handbook")]
            public sealed class H : Handbook { public override void Define(IHandbookBuilder hb) { } }

            [Runbook({|RB0011:"DB_Restore"|})]
            public sealed class E : Runbook { public override void Define(IRunbookBuilder rb) { } }

            static class Ids { public const string Outage = "Outage"; }
            """);
}

public sealed class KebabCaseIdFixAllTests
{
    [Fact]
    public Task FixAllRespellsOnlyTheFirstOfTwoIdsWithOneKebabSpelling() =>
        Verify<IdentityAnalyzer>.FixAsync<KebabCaseIdCodeFix>("""
            using RunbookSdk;

            [Runbook({|RB0011:Ids.Failure|})]
            public sealed class Z : Runbook { public override void Define(IRunbookBuilder rb) { } }

            [Runbook({|RB0011:"Api_Failure"|})]
            public sealed class A : Runbook { public override void Define(IRunbookBuilder rb) { } }

            [Runbook({|RB0011:"API_FAILURE"|})]
            public sealed class B : Runbook { public override void Define(IRunbookBuilder rb) { } }

            [Runbook({|RB0011:"Db_Restore"|})]
            public sealed class C : Runbook { public override void Define(IRunbookBuilder rb) { } }

            static class Ids { public const string Failure = "ApiFailure"; }
            """, """
            using RunbookSdk;

            [Runbook({|RB0011:Ids.Failure|})]
            public sealed class Z : Runbook { public override void Define(IRunbookBuilder rb) { } }

            [Runbook("api-failure")]
            public sealed class A : Runbook { public override void Define(IRunbookBuilder rb) { } }

            [Runbook({|RB0011:"API_FAILURE"|})]
            public sealed class B : Runbook { public override void Define(IRunbookBuilder rb) { } }

            [Runbook("db-restore")]
            public sealed class C : Runbook { public override void Define(IRunbookBuilder rb) { } }

            static class Ids { public const string Failure = "ApiFailure"; }
            """);
}

public sealed class SortEscalationLevelsCodeFixTests
{
    [Fact]
    public Task ListsTheLevelsInIncreasingTimeMovingTheirCommentsAndKeepingTheLayout() =>
        Verify<EscalationAnalyzer>.FixAsync<SortEscalationLevelsCodeFix>("""
            using System;
            using RunbookSdk;

            [Handbook("disordered")]
            public sealed class Disordered : Handbook
            {
                public override void Define(IHandbookBuilder hb) => hb
                    .Title("Disordered")
                    .Escalation(e => e
                        .Level("On-call Engineer", TimeSpan.Zero)
                        .Level("Platform Team Lead", TimeSpan.FromMinutes(30), "lead@example.com") // owns the platform
                        // Only for P1
                        .Level("CTO", {|RB0008:TimeSpan.FromMinutes(15)|})
                        .Level("Executive Team", {|RB0008:TimeSpan.FromMinutes(10)|}));
            }
            """, """
            using System;
            using RunbookSdk;

            [Handbook("disordered")]
            public sealed class Disordered : Handbook
            {
                public override void Define(IHandbookBuilder hb) => hb
                    .Title("Disordered")
                    .Escalation(e => e
                        .Level("On-call Engineer", TimeSpan.Zero)
                        .Level("Executive Team", TimeSpan.FromMinutes(10))
                        // Only for P1
                        .Level("CTO", TimeSpan.FromMinutes(15))
                        .Level("Platform Team Lead", TimeSpan.FromMinutes(30), "lead@example.com") /* owns the platform */);
            }
            """);

    /// <summary>
    /// Levels listed one statement each, in a block: the fix was offered and changed nothing (it read the one statement's
    /// chain, which was in order on its own).
    /// </summary>
    [Fact]
    public Task ListsTheLevelsOfStatementsInABlockInIncreasingTime() =>
        Verify<EscalationAnalyzer>.FixAsync<SortEscalationLevelsCodeFix>("""
            using System;
            using RunbookSdk;

            [Handbook("disordered")]
            public sealed class Disordered : Handbook
            {
                public override void Define(IHandbookBuilder hb) => hb
                    .Title("Disordered")
                    .Escalation(e =>
                    {
                        e.Level("On-call Engineer", TimeSpan.Zero);
                        // Owns the platform
                        e.Level("Platform Team Lead", TimeSpan.FromMinutes(30), "lead@example.com");
                        e.Level("CTO", {|RB0008:TimeSpan.FromMinutes(15)|}).Level("Executive Team", {|RB0008:TimeSpan.FromMinutes(10)|});
                    });
            }
            """, """
            using System;
            using RunbookSdk;

            [Handbook("disordered")]
            public sealed class Disordered : Handbook
            {
                public override void Define(IHandbookBuilder hb) => hb
                    .Title("Disordered")
                    .Escalation(e =>
                    {
                        e.Level("On-call Engineer", TimeSpan.Zero);
                        // Owns the platform
                        e.Level("Executive Team", TimeSpan.FromMinutes(10));
                        e.Level("CTO", TimeSpan.FromMinutes(15)).Level("Platform Team Lead", TimeSpan.FromMinutes(30), "lead@example.com");
                    });
            }
            """);

    [Fact]
    public Task LevelsAtTheSameTimeOrListedTwiceAreLeftToThePerson()
    {
        const string source = """
            using System;
            using RunbookSdk;

            [Handbook("disordered")]
            public sealed class Disordered : Handbook
            {
                public override void Define(IHandbookBuilder hb) => hb
                    .Title("Disordered")
                    .Escalation(e => e.Level("On-call Engineer", TimeSpan.FromMinutes(5)).Level("Team Lead", {|RB0008:TimeSpan.FromMinutes(5)|}));
            }

            [Handbook("twice")]
            public sealed class Twice : Handbook
            {
                public override void Define(IHandbookBuilder hb) => hb
                    .Title("Twice")
                    .Escalation(e => e.Level("On-call Engineer", TimeSpan.FromMinutes(30)).Level({|RB0008:"On-call Engineer"|}, TimeSpan.FromMinutes(5)));
            }
            """;
        return Verify<EscalationAnalyzer>.FixAsync<SortEscalationLevelsCodeFix>(source, source);
    }
}

public sealed class AddTimeoutCodeFixTests
{
    [Fact]
    public Task NamesTimeSpanInFullWhereTheFileDoesNotImportSystem() =>
        Verify<CommandTextAnalyzer>.FixAsync<AddTimeoutCodeFix>("""
            using RunbookSdk;

            [Runbook("tail")]
            public sealed class Tail : Runbook
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Phase("Look", p => p.Step("Tail", s => s.Run("journalctl -u api {|RB0015:-f|}")));
            }
            """, """
            using RunbookSdk;

            [Runbook("tail")]
            public sealed class Tail : Runbook
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Phase("Look", p => p.Step("Tail", s => s.Run("journalctl -u api -f").Timeout(System.TimeSpan.FromMinutes(5))));
            }
            """);

    [Fact]
    public Task AddsAFiveMinuteTimeoutRightAfterTheCommand() =>
        Verify<CommandTextAnalyzer>.FixAsync<AddTimeoutCodeFix>(
            Sources.Runbook("""
                        .Step("Tail", s => s.Run("aws logs tail /aws/lambda/omnix {|RB0015:--follow|}").ExpectExitCode(0))
                        .Step("Watch", s => s
                            .Note("Until the pods are ready")
                            .Run($"{|RB0015:kubectl get pods --watch|} -n {Region}"))
            """),
            Sources.Runbook("""
                        .Step("Tail", s => s.Run("aws logs tail /aws/lambda/omnix --follow").Timeout(TimeSpan.FromMinutes(5)).ExpectExitCode(0))
                        .Step("Watch", s => s
                            .Note("Until the pods are ready")
                            .Run($"kubectl get pods --watch -n {Region}")
                            .Timeout(TimeSpan.FromMinutes(5)))
            """));

    // The same layout rule as RB0005's fix (FluentChain): in a chain whose dots end the lines, the timeout goes right
    // after the command, on a line of its own after a trailing dot, and the rest of the chain follows it unchanged.
    [Fact]
    public Task A_chain_with_the_dot_at_the_end_of_each_line_gets_the_timeout_on_a_line_of_its_own_after_the_command() =>
        Verify<CommandTextAnalyzer>.FixAsync<AddTimeoutCodeFix>(
            Sources.Runbook("""
                        .Step("Tail", s => s.
                            Run("aws logs tail /aws/lambda/omnix {|RB0015:--follow|}").
                            ExpectExitCode(0))
            """),
            Sources.Runbook("""
                        .Step("Tail", s => s.
                            Run("aws logs tail /aws/lambda/omnix --follow").
                            Timeout(TimeSpan.FromMinutes(5)).
                            ExpectExitCode(0))
            """));
}

public sealed class NoteToInstructionCodeFixTests
{
    [Fact]
    public Task TurnsAStepsOnlyNoteIntoItsInstruction() =>
        Verify<EmptyStepAnalyzer>.FixAsync<NoteToInstructionCodeFix>(
            Sources.Runbook("""
                        .Step({|RB0004:"Check the dashboard"|}, s => s.Note("Open Technical Performance and note the p95 latency").RequiresConfirmation())
                        .Step({|RB0004:"Two notes"|}, s => s.Note("Either this").Note("or that"))
                        .Step({|RB0004:"Nothing at all"|}, s => s.RequiresConfirmation())
            """),
            Sources.Runbook("""
                        .Step("Check the dashboard", s => s.Instruction("Open Technical Performance and note the p95 latency").RequiresConfirmation())
                        .Step({|RB0004:"Two notes"|}, s => s.Note("Either this").Note("or that"))
                        .Step({|RB0004:"Nothing at all"|}, s => s.RequiresConfirmation())
            """));

    // The note replaces the empty action: an Instruction("") left beside it was an empty checkbox on the page and an
    // empty prompt in the run, the very thing RB0004 reported.
    [Fact]
    public Task AStepWithAnEmptyActionAndANoteGetsTheNoteInsteadOfTheEmptyAction() =>
        Verify<EmptyStepAnalyzer>.FixAsync<NoteToInstructionCodeFix>(
            Sources.Runbook("""
                        .Step({|RB0004:"Check the dashboard"|}, s => s.Instruction("").Note("Open Technical Performance and note the p95 latency"))
                        .Step({|RB0004:"Restart"|}, s => s.Run("   ", "nothing").Note("Restart the worker from the console").RequiresConfirmation())
                        .Step({|RB0004:"Page"|}, s => s.Note("Page the database owner").Instruction(text: ""))
                        .Step({|RB0004:"Laid out"|}, s => s
                            .Instruction("")
                            .Note("Open the queue dashboard"))
                        .Step({|RB0004:"Empty command"|}, s => s.Run("   "))
            """),
            Sources.Runbook("""
                        .Step("Check the dashboard", s => s.Instruction("Open Technical Performance and note the p95 latency"))
                        .Step("Restart", s => s.Instruction("Restart the worker from the console").RequiresConfirmation())
                        .Step("Page", s => s.Instruction("Page the database owner"))
                        .Step("Laid out", s => s
                            .Instruction("Open the queue dashboard"))
                        .Step({|RB0004:"Empty command"|}, s => s.Run("   "))
            """));
}

public sealed class MarkReviewedCodeFixTests
{
    // A fixed day for the rule and the fix alike, so the test passes on every day, across midnight UTC too. The last
    // of August also shows the next review clamped to the end of February.
    private static readonly DateTime s_today = new(2026, 8, 31);
    private static readonly DateTime s_next = new(2027, 2, 28);

    private static Task FixAsync(string source, string fixedSource) =>
        new GivenInstances<ReviewDateAnalyzer, MarkReviewedCodeFix>(new ReviewDateAnalyzer(() => s_today), new MarkReviewedCodeFix(() => s_today))
            .FixAsync(source, fixedSource);

    [Fact]
    public Task SetsTheNextReviewSixMonthsAheadAndLastUpdatedToToday() =>
        FixAsync("""
            using RunbookSdk;

            [Handbook("old")]
            public sealed class Old : Handbook
            {
                public override void Define(IHandbookBuilder hb) => hb
                    .Title("Old")
                    .LastUpdated(2025, 4, 5)
                    .{|RB0010:ReviewDate(2025, 10, 5)|};
            }
            """, $$"""
            using RunbookSdk;

            [Handbook("old")]
            public sealed class Old : Handbook
            {
                public override void Define(IHandbookBuilder hb) => hb
                    .Title("Old")
                    .LastUpdated({{s_today.Year}}, {{s_today.Month}}, {{s_today.Day}})
                    .ReviewDate({{s_next.Year}}, {{s_next.Month}}, {{s_next.Day}});
            }
            """);

    [Fact]
    public Task KeepsNamedArgumentsByNameAndLeavesOtherDocumentsAlone() =>
        FixAsync("""
            using RunbookSdk;

            [Handbook("old")]
            public sealed class Old : Handbook
            {
                public override void Define(IHandbookBuilder hb) => hb.Title("Old").{|RB0010:ReviewDate(day: 5, month: 10, year: 2025)|};
            }

            [Handbook("other")]
            public sealed class Other : Handbook
            {
                public override void Define(IHandbookBuilder hb) => hb.Title("Other").LastUpdated(2020, 1, 1).ReviewDate(2999, 1, 1);
            }
            """, $$"""
            using RunbookSdk;

            [Handbook("old")]
            public sealed class Old : Handbook
            {
                public override void Define(IHandbookBuilder hb) => hb.Title("Old").ReviewDate(day: {{s_next.Day}}, month: {{s_next.Month}}, year: {{s_next.Year}});
            }

            [Handbook("other")]
            public sealed class Other : Handbook
            {
                public override void Define(IHandbookBuilder hb) => hb.Title("Other").LastUpdated(2020, 1, 1).ReviewDate(2999, 1, 1);
            }
            """);
}

public sealed class InlineConstantHoleCodeFixTests
{
    [Fact]
    public Task WritesTheConstantsTextIntoTheCommandEscapedForTheString() =>
        Verify<CommandTextAnalyzer>.FixAsync<InlineConstantHoleCodeFix>(
            Sources.Runbook("""
                        .Step("Pods", s => s.Run($"{|RB0017:{Kubectl}|} get pods -n {Region}"))
                        .Step("Flags", s => s.Run($@"kubectl delete pods -n {Region} {|RB0017:{Flags}|}").RequiresConfirmation())
            """, extraMembers: """
                    private const string Kubectl = "kubectl --context \"prod\" -o jsonpath={.items}";
                    private const string Flags = "--all --selector \"app={x}\"";
                """),
            Sources.Runbook(""""
                        .Step("Pods", s => s.Run($"kubectl --context \"prod\" -o jsonpath={{.items}} get pods -n {Region}"))
                        .Step("Flags", s => s.Run($@"kubectl delete pods -n {Region} --all --selector ""app={{x}}""").RequiresConfirmation())
            """", extraMembers: """
                    private const string Kubectl = "kubectl --context \"prod\" -o jsonpath={.items}";
                    private const string Flags = "--all --selector \"app={x}\"";
                """));
}

/// <summary>
/// In a raw string, which has no escapes, the constant is written as it is where its quotes and braces read as text
/// there (it was never offered in a raw string), and not where they would not: a quote beside the closing quotes ends
/// the string early, braces as many as the string's <c>$</c> open a hole.
/// </summary>
public sealed class InlineConstantHoleInRawStringTests
{
    private const string Constants = """
                private const string Kubectl = "kubectl --context \"prod eu\" -o jsonpath={.items}";
                private const string Flags = "--all --selector \"app=x\"";
                private const string Braced = "kubectl -o go-template={{.metadata.name}}";
        """;

    [Fact]
    public async Task Quotes_and_braces_that_read_as_text_are_written_as_they_are()
    {
        var fixedSource = await AppliedFixes.FixOnlyAsync(Sources.Runbook(""""
                        .Step("Pods", s => s.Run($$"""{{Kubectl}} get pods -n {{Region}}"""))
            """", Constants), "RB0017");
        Assert.Contains(""""s.Run($$"""kubectl --context "prod eu" -o jsonpath={.items} get pods -n {{Region}}""")"""", fixedSource, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(""""
                        .Step("Flags", s => s.Run($"""kubectl delete pods -n {Region} {Flags}""").RequiresConfirmation())
            """")] // --selector "app=x""""" would close the string early
    [InlineData(""""
                        .Step("Pods", s => s.Run($$"""{{Braced}} get pods -n {{Region}}"""))
            """")] // {{.metadata.name}} would be a hole
    public async Task Text_that_would_read_otherwise_in_the_raw_string_gets_no_fix(string steps)
    {
        var document = AppliedFixes.Document(Sources.Runbook(steps, Constants));
        var finding = Assert.Single(await AppliedFixes.FindingsAsync(document), f => f.Diagnostic.Id == "RB0017");
        Assert.Empty(await AppliedFixes.ApplyEachAsync(document, finding.Diagnostic));
    }
}

public sealed class AddFirstEscalationLevelCodeFixTests
{
    [Fact]
    public Task PutsAnOnCallLevelFirstAtTheResponseTimeOnOneLine() =>
        Verify<EscalationAnalyzer>.FixAsync<AddFirstEscalationLevelCodeFix>($$"""
            using System;
            using RunbookSdk;

            [Runbook("late")]
            public sealed class Late : Runbook<OmnixHandbook>
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Severity(Severity.P1)
                    .Escalation(e => e.Level("Platform Team Lead", {|RB0009:TimeSpan.FromMinutes(30)|}).Level("CTO", TimeSpan.FromHours(2)));
            }

            {{Sources.Handbook}}
            """, $$"""
            using System;
            using RunbookSdk;

            [Runbook("late")]
            public sealed class Late : Runbook<OmnixHandbook>
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Severity(Severity.P1)
                    .Escalation(e => e.Level("On-call engineer", TimeSpan.Zero).Level("Platform Team Lead", TimeSpan.FromMinutes(30)).Level("CTO", TimeSpan.FromHours(2)));
            }

            {{Sources.Handbook}}
            """);

    [Fact]
    public Task KeepsOneLevelPerLineAndWritesTheResponseTimeAsPeopleDo() =>
        Verify<EscalationAnalyzer>.FixAsync<AddFirstEscalationLevelCodeFix>("""
            using System;
            using RunbookSdk;

            [Handbook("slow")]
            public sealed class SlowHandbook : Handbook
            {
                public override void Define(IHandbookBuilder hb) => hb
                    .SeverityLevel("P2", "High", s => s.RespondWithin(TimeSpan.FromMinutes(90)));
            }

            [Runbook("late")]
            public sealed class Late : Runbook<SlowHandbook>
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Severity("P2")
                    .Escalation(e => e
                        .Level("Database team", {|RB0009:TimeSpan.FromHours(4)|}));
            }
            """, """
            using System;
            using RunbookSdk;

            [Handbook("slow")]
            public sealed class SlowHandbook : Handbook
            {
                public override void Define(IHandbookBuilder hb) => hb
                    .SeverityLevel("P2", "High", s => s.RespondWithin(TimeSpan.FromMinutes(90)));
            }

            [Runbook("late")]
            public sealed class Late : Runbook<SlowHandbook>
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Severity("P2")
                    .Escalation(e => e
                        .Level("On-call engineer", TimeSpan.FromMinutes(90))
                        .Level("Database team", TimeSpan.FromHours(4)));
            }
            """);

    // Levels written with the dot at the end of each line (e.⏎ Level(…).⏎ Level(…)): the new level takes the old first
    // one's line, and the dot after it ends that line, as the chain's other dots do (FluentChain's reading, shared with
    // RB0005's and RB0015's fixes). Before, the fix knew only leading dots and wrote the new level on the `e.` line.
    [Fact]
    public Task Levels_with_the_dot_at_the_end_of_each_line_get_the_new_level_on_a_line_of_its_own_after_a_trailing_dot() =>
        Verify<EscalationAnalyzer>.FixAsync<AddFirstEscalationLevelCodeFix>("""
            using System;
            using RunbookSdk;

            [Handbook("slow")]
            public sealed class SlowHandbook : Handbook
            {
                public override void Define(IHandbookBuilder hb) => hb
                    .SeverityLevel("P2", "High", s => s.RespondWithin(TimeSpan.FromMinutes(90)));
            }

            [Runbook("late")]
            public sealed class Late : Runbook<SlowHandbook>
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Severity("P2")
                    .Escalation(e => e.
                        Level("Database team", {|RB0009:TimeSpan.FromHours(4)|}).
                        Level("CTO", TimeSpan.FromHours(8)));
            }
            """, """
            using System;
            using RunbookSdk;

            [Handbook("slow")]
            public sealed class SlowHandbook : Handbook
            {
                public override void Define(IHandbookBuilder hb) => hb
                    .SeverityLevel("P2", "High", s => s.RespondWithin(TimeSpan.FromMinutes(90)));
            }

            [Runbook("late")]
            public sealed class Late : Runbook<SlowHandbook>
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Severity("P2")
                    .Escalation(e => e.
                        Level("On-call engineer", TimeSpan.FromMinutes(90)).
                        Level("Database team", TimeSpan.FromHours(4)).
                        Level("CTO", TimeSpan.FromHours(8)));
            }
            """);

    // A comment on the line above the old first level is about that level: it stays once, above it, and the new level
    // goes above both. Before, the comment was written again above the new level (and, for a while, moved to it).
    [Fact]
    public Task A_comment_above_the_old_first_level_stays_with_it_once() =>
        Verify<EscalationAnalyzer>.FixAsync<AddFirstEscalationLevelCodeFix>($$"""
            using System;
            using RunbookSdk;

            [Runbook("late")]
            public sealed class Late : Runbook<OmnixHandbook>
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Severity(Severity.P1)
                    .Escalation(e => e
                        // the team lead decides on a rollback
                        .Level("Platform Team Lead", {|RB0009:TimeSpan.FromMinutes(30)|}));
            }

            {{Sources.Handbook}}
            """, $$"""
            using System;
            using RunbookSdk;

            [Runbook("late")]
            public sealed class Late : Runbook<OmnixHandbook>
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Severity(Severity.P1)
                    .Escalation(e => e
                        .Level("On-call engineer", TimeSpan.Zero)
                        // the team lead decides on a rollback
                        .Level("Platform Team Lead", TimeSpan.FromMinutes(30)));
            }

            {{Sources.Handbook}}
            """);

    [Fact]
    public Task AnInheritedLateEscalationIsLeftToThePerson()
    {
        const string source = """
            using System;
            using RunbookSdk;

            [Handbook("slow")]
            public sealed class SlowHandbook : Handbook
            {
                public override void Define(IHandbookBuilder hb) => hb
                    .SeverityLevel("P1", "Critical", s => s.RespondWithin(TimeSpan.FromMinutes(5)))
                    .Escalation(e => e.Level("Team", TimeSpan.FromMinutes(15)));
            }

            [Runbook("inherits-late")]
            public sealed class InheritsLate : Runbook<SlowHandbook>
            {
                public override void Define(IRunbookBuilder rb) => rb.Severity({|RB0009:"P1"|});
            }
            """;
        return Verify<EscalationAnalyzer>.FixAsync<AddFirstEscalationLevelCodeFix>(source, source);
    }
}

public sealed class ProductionNameCodeFixTests
{
    [Fact]
    public Task OffersTheNameWithoutItsEnvironmentPartInCommandsUrlsAndDefaults() =>
        Verify<CommandTextAnalyzer>.FixAsync<ProductionNameCodeFix>(
            Sources.Runbook("""
                        .Step("Lambda", s => s.Run("aws lambda get-function --function-name {|RB0012:omnix-ai-backend-dev|}"))
                        .Step("Tables", s => s.Run($"aws dynamodb describe-table --table-name {|RB0012:omnix-ai-dev-orders|} --region {Region}"))
                        .Step("Api", s => s.Http("GET", "https://{|RB0012:api-staging.omnix.ai|}/health").ExpectStatus(200))
            """, extraMembers: """    [Parameter("Package")] public string Package { get; init; } = "fileb://{|RB0012:omnix-ai-backend-staging.zip|}";""" + "\n"),
            Sources.Runbook("""
                        .Step("Lambda", s => s.Run("aws lambda get-function --function-name omnix-ai-backend"))
                        .Step("Tables", s => s.Run($"aws dynamodb describe-table --table-name omnix-ai-orders --region {Region}"))
                        .Step("Api", s => s.Http("GET", "https://api.omnix.ai/health").ExpectStatus(200))
            """, extraMembers: """    [Parameter("Package")] public string Package { get; init; } = "fileb://omnix-ai-backend.zip";""" + "\n"),
            fixAllRounds: 4);

    [Fact]
    public Task ANameBuiltFromConstantsIsLeftToThePerson()
    {
        var source = Sources.Runbook("""
                        .Step("Lambda", s => s.Run({|RB0012:"aws lambda get-function --function-name " + Function|}))
            """, extraMembers: """    private const string Function = "omnix-ai-backend-dev";""" + "\n");
        return Verify<CommandTextAnalyzer>.FixAsync<ProductionNameCodeFix>(source, source);
    }
}

public sealed class UnwrapConditionCodeFixTests
{
    private const string Url = """    [Parameter("Health URL")] public string HealthUrl { get; init; } = "https://api.omnix.ai/health";""";

    // The condition replaces the if as written in the source: escapes and holes kept.
    [Fact]
    public Task RunsTheCheckWithoutTheIfAroundIt() =>
        Verify<CommandTextAnalyzer>.FixAsync<UnwrapConditionCodeFix>(
            Sources.Runbook("""            .Step("Assess", s => s.Instruction("Look at the dashboard"))""", extraMembers: Url,
                verification: """v => v.Step("Health", s => s.Run($"cd /srv; {|RB0014:if curl -fsS -H \"Accept: text/plain\" {HealthUrl}\nthen echo ok; fi|}"))"""),
            Sources.Runbook("""            .Step("Assess", s => s.Instruction("Look at the dashboard"))""", extraMembers: Url,
                verification: """v => v.Step("Health", s => s.Run($"cd /srv; curl -fsS -H \"Accept: text/plain\" {HealthUrl}"))"""));

    // `if ! curl …; then echo down; fi` means the opposite of `! curl …`: a person decides.
    [Fact]
    public Task IsNotOfferedForANegatedCondition() =>
        Verify<CommandTextAnalyzer>.FixAsync<UnwrapConditionCodeFix>(
            Sources.Runbook("""            .Step("Assess", s => s.Instruction("Look at the dashboard"))""",
                verification: """v => v.Step("Health", s => s.Run("{|RB0014:if ! curl -fsS https://api.omnix.ai/health; then echo down; fi|}"))"""),
            Sources.Runbook("""            .Step("Assess", s => s.Instruction("Look at the dashboard"))""",
                verification: """v => v.Step("Health", s => s.Run("{|RB0014:if ! curl -fsS https://api.omnix.ai/health; then echo down; fi|}"))"""));
}
