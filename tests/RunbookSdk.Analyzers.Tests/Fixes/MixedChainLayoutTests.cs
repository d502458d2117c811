using RunbookSdk.Analyzers.Commands;
using RunbookSdk.Analyzers.Escalation;
using RunbookSdk.Analyzers.Sections;
using RunbookSdk.Analyzers.Tests.Infrastructure;
using RunbookSdk.CodeFixes.Commands;
using RunbookSdk.CodeFixes.Escalation;
using RunbookSdk.CodeFixes.Sections;

namespace RunbookSdk.Analyzers.Tests.Fixes;

/// <summary>
/// Where the fixes that add a call to a chain (RB0005's confirmation, RB0015's timeout, the add-a-section fixes, RB0009's
/// first level) write it when the chain mixes layouts: a dot that ends (or leads) one line, then several calls on one
/// line. The new call takes the layout of the dot it goes in at, as Roslyn's formatter keeps a chain's line breaks and
/// adds none: between two calls that share a line it shares that line, at the chain's end it is laid out as the last
/// call is, so a line of several calls is never split. Each case in every file style: spaces or tabs, LF or CRLF.
/// </summary>
public sealed class MixedChainLayoutTests
{
    public static TheoryData<bool, string> FileStyles => new()
    {
        { false, "\n" },
        { true, "\n" },
        { false, "\r\n" },
        { true, "\r\n" },
    };

    // The last line holds two calls: the confirmation joins them there, after the last one.
    [Theory]
    [MemberData(nameof(FileStyles))]
    public Task A_confirmation_joins_the_last_line_of_a_chain_whose_trailing_dot_is_followed_by_several_calls_on_one_line(bool tabs, string endOfLine) =>
        Verify<CommandTextAnalyzer>.FixAsync<RequiresConfirmationCodeFix>(
            Laid(Sources.Runbook("""
                        .Step("Delete", s => s.
                            Run($"{|RB0005:kubectl delete ns {FunctionName}|}").ExpectExitCode(0))
            """), tabs, endOfLine),
            Laid(Sources.Runbook("""
                        .Step("Delete", s => s.
                            Run($"kubectl delete ns {FunctionName}").ExpectExitCode(0).RequiresConfirmation())
            """), tabs, endOfLine));

    [Theory]
    [MemberData(nameof(FileStyles))]
    public Task A_confirmation_joins_the_last_line_of_a_chain_whose_leading_dot_line_holds_several_calls(bool tabs, string endOfLine) =>
        Verify<CommandTextAnalyzer>.FixAsync<RequiresConfirmationCodeFix>(
            Laid(Sources.Runbook("""
                        .Step("Delete", s => s
                            .Run($"{|RB0005:kubectl delete ns {FunctionName}|}").ExpectExitCode(0))
            """), tabs, endOfLine),
            Laid(Sources.Runbook("""
                        .Step("Delete", s => s
                            .Run($"kubectl delete ns {FunctionName}").ExpectExitCode(0).RequiresConfirmation())
            """), tabs, endOfLine));

    // The timeout goes between Run(…) and ExpectExitCode(0), which share a line: it shares it too. Before, it read the
    // dot before Run, put itself on a line of its own and took ExpectExitCode(0) along to its line.
    [Theory]
    [MemberData(nameof(FileStyles))]
    public Task A_timeout_between_two_calls_on_one_line_after_a_trailing_dot_stays_on_their_line(bool tabs, string endOfLine) =>
        Verify<CommandTextAnalyzer>.FixAsync<AddTimeoutCodeFix>(
            Laid(Sources.Runbook("""
                        .Step("Tail", s => s.
                            Run("aws logs tail /aws/lambda/omnix {|RB0015:--follow|}").ExpectExitCode(0))
            """), tabs, endOfLine),
            Laid(Sources.Runbook("""
                        .Step("Tail", s => s.
                            Run("aws logs tail /aws/lambda/omnix --follow").Timeout(TimeSpan.FromMinutes(5)).ExpectExitCode(0))
            """), tabs, endOfLine));

    // Run(…) on the lambda's line, the chain going on one call a line: the timeout gets a line of its own before the next
    // call, as that call has. Before, it was written on Run's line.
    [Theory]
    [MemberData(nameof(FileStyles))]
    public Task A_timeout_after_a_command_on_the_lambdas_line_gets_a_line_of_its_own_when_the_next_call_has_one(bool tabs, string endOfLine) =>
        Verify<CommandTextAnalyzer>.FixAsync<AddTimeoutCodeFix>(
            Laid(Sources.Runbook("""
                        .Step("Tail", s => s.Run("aws logs tail /aws/lambda/omnix {|RB0015:--follow|}")
                            .ExpectExitCode(0))
                        .Step("Watch", s => s.Run("{|RB0015:kubectl get pods --watch|}").
                            ExpectExitCode(0))
            """), tabs, endOfLine),
            Laid(Sources.Runbook("""
                        .Step("Tail", s => s.Run("aws logs tail /aws/lambda/omnix --follow")
                            .Timeout(TimeSpan.FromMinutes(5))
                            .ExpectExitCode(0))
                        .Step("Watch", s => s.Run("kubectl get pods --watch").
                            Timeout(TimeSpan.FromMinutes(5)).
                            ExpectExitCode(0))
            """), tabs, endOfLine));

    [Theory]
    [MemberData(nameof(FileStyles))]
    public Task A_section_joins_the_last_line_of_a_definition_whose_trailing_dot_is_followed_by_several_calls_on_one_line(bool tabs, string endOfLine) =>
        Verify<SectionCompletenessAnalyzer>.FixAsync<AddSectionCodeFix>(
            Laid("""
                using System;
                using RunbookSdk;

                [Runbook("bare")]
                public sealed class {|RB0001:{|RB0002:{|RB0003:Bare|}|}|} : Runbook
                {
                    public override void Define(IRunbookBuilder rb) => rb.
                        Title("Bare").Phase("Look", p => p.Step("Assess", s => s.Run("aws lambda list-functions")));
                }
                """, tabs, endOfLine),
            Laid("""
                using System;
                using RunbookSdk;

                [Runbook("bare")]
                public sealed class {|RB0002:{|RB0003:Bare|}|} : Runbook
                {
                    public override void Define(IRunbookBuilder rb) => rb.
                        Title("Bare").Phase("Look", p => p.Step("Assess", s => s.Run("aws lambda list-functions"))).Escalation(e => e.Level("On-call engineer", TimeSpan.Zero));
                }
                """, tabs, endOfLine),
            AddSectionCodeFix.EscalationKey);

    // The first level goes in at the dot after `e`, which ends its line: the new level gets that line, and the levels that
    // shared the next line still share it.
    [Theory]
    [MemberData(nameof(FileStyles))]
    public Task A_first_level_before_levels_on_one_line_after_a_trailing_dot_gets_their_line_and_leaves_them_on_theirs(bool tabs, string endOfLine) =>
        Verify<EscalationAnalyzer>.FixAsync<AddFirstEscalationLevelCodeFix>(
            Laid(Escalation("""
                        .Escalation(e => e.
                            Level("Database team", {|RB0009:TimeSpan.FromHours(4)|}).Level("CTO", TimeSpan.FromHours(8)));
            """), tabs, endOfLine),
            Laid(Escalation("""
                        .Escalation(e => e.
                            Level("On-call engineer", TimeSpan.FromMinutes(90)).
                            Level("Database team", TimeSpan.FromHours(4)).Level("CTO", TimeSpan.FromHours(8)));
            """), tabs, endOfLine));

    private static string Escalation(string escalation) => $$"""
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
        {{escalation}}
        }
        """;

    private static string Laid(string source, bool tabs, string endOfLine) =>
        (tabs ? Sources.WithTabs(source) : source).ReplaceLineEndings(endOfLine);
}
