using RunbookSdk.Analyzers.Commands;
using RunbookSdk.Analyzers.Escalation;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// A local function of Define adds to the runbook only where it is called. The index walks its body as part of Define,
/// so one never called gave the runbook its sections and levels (see HandedOnBuilderSectionTests for RB0001-RB0003);
/// one that is called counts once, and the steps written in it are judged as any step is.
/// </summary>
public sealed class LocalFunctionOfDefineTests
{
    // Before, the level of the function nothing calls was read beside the runbook's own, and RB0008 reported a
    // duplicate the runner never records; a called function's levels are read once, not again where it is called.
    [Fact]
    public Task Levels_of_a_local_function_count_once_where_it_is_called_and_not_at_all_when_it_is_not() =>
        Verify<EscalationAnalyzer>.AnalyzerAsync("""
            using System;
            using RunbookSdk;

            [Handbook("ops")]
            public sealed class Ops : Handbook
            {
                public override void Define(IHandbookBuilder hb)
                {
                    hb.Title("Ops").Escalation(e => e.Level("On-call Engineer", TimeSpan.Zero));
                    Escalate(hb);

                    void Escalate(IHandbookBuilder b) => b.Escalation(e => e.Level("Platform Team Lead", TimeSpan.FromMinutes(30)));
                    void Old(IHandbookBuilder b) => b.Escalation(e => e.Level("On-call Engineer", TimeSpan.FromHours(4)));
                }
            }
            """);

    [Fact]
    public Task Steps_in_a_called_local_function_of_Define_are_judged() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync($$"""
            using System;
            using RunbookSdk;

            [Runbook("sample")]
            public sealed class Sample : Runbook<OmnixHandbook>
            {
                public override void Define(IRunbookBuilder rb)
                {
                    rb.Title("Sample").Phase("Clean up", p => Clean(p));
                    AddSections(rb);

                    void Clean(IPhaseBuilder p) => p.Step("Flush", s => s.Run("redis-cli {|RB0005:FLUSHALL|}"));
                    void AddSections(IRunbookBuilder b) => b
                        .Rollback(r => r.Step("Roll back", s => s.Run("{|RB0005:rm -rf /srv/app|}")))
                        .Verification(v => v.Step("Health is green", s => s.Http("GET", "https://api.omnix.ai/health").ExpectStatus(200)));
                }
            }

            {{Sources.Handbook}}
            """);
}
