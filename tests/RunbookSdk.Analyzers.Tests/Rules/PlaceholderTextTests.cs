using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RunbookSdk.Analyzers.Commands;
using RunbookSdk.Analyzers.Tests.Infrastructure;
using RunbookSdk.Analyzers.Text;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// RB0019: a TODO left in a runbook's text satisfies every section rule, so the runbook builds and passes CI, and the
/// on-call engineer reads the placeholder on the page during the incident.
/// </summary>
public sealed class PlaceholderTextTests
{
    [Fact]
    public Task A_placeholder_in_a_steps_title_and_instruction_is_reported_where_it_stands() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("{|#0:TODO|}: the fix", s => s.Instruction("Restart the workers, then {|#1:FIXME|}"))
            """),
            new DiagnosticResult("RB0019", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("TODO", "step"),
            new DiagnosticResult("RB0019", DiagnosticSeverity.Warning).WithLocation(1).WithArguments("FIXME", "instruction"));

    [Fact]
    public Task The_skeleton_the_section_code_fix_writes_is_reported_until_it_is_written() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Look", s => s.Run("kubectl get pods"))
            """, verification: """v => v.Step("Confirm recovery", s => s.Instruction("{|#0:TODO|}: the check that proves the system is healthy again"))"""),
            new DiagnosticResult("RB0019", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("TODO", "instruction"));

    [Fact]
    public Task A_waivers_reason_and_a_title_are_read() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync("""
            using System;
            using RunbookSdk;

            [Runbook("cache-flush")]
            public sealed class CacheFlush : Runbook
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Title("Cache {|#0:TODO|}")
                    .Phase("Act", p => p.Step("Flush", s => s.Run("redis-cli FLUSHALL").RequiresConfirmation()))
                    .NoRollback("{|#1:FIXME|} why nothing needs undoing")
                    .Verification(v => v.Step("Check", s => s.Run("redis-cli PING")))
                    .Escalation(e => e.Level("On-call", TimeSpan.Zero, "oncall@example.com"));
            }
            """,
            new DiagnosticResult("RB0019", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("TODO", "title"),
            new DiagnosticResult("RB0019", DiagnosticSeverity.Warning).WithLocation(1).WithArguments("FIXME", "reason for having no rollback"));

    [Fact]
    public Task Commands_snippets_lower_case_longer_words_and_what_the_engineer_fills_in_are_not_placeholders() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Find the todo list of orders and TODOS", s => s
                            .Instruction("Create the channel #incident-YYYY-MM-DD-XXX; root cause: TBD")
                            .Run("grep -rn 'TODO\\|FIXME' /srv/app/config")
                            .Snippet("sql", "SELECT * FROM jobs -- TODO: index this")
                            .Instruction("Check the TODOs column in the todo board"))
            """));

    [Theory]
    [InlineData("TODO", 0)]
    [InlineData("a TODO: b", 2)]
    [InlineData("(FIXME)", 1)]
    [InlineData("TBD and XXX", -1)]
    [InlineData("x_TODO", -1)]
    [InlineData("TODO2", -1)]
    [InlineData("Todo", -1)]
    [InlineData("TODOS then FIXME", 11)]
    public void Find_takes_a_word_of_its_own_in_capitals(string text, int index) =>
        Assert.Equal(index, PlaceholderText.Find(text)?.Index ?? -1);
}
