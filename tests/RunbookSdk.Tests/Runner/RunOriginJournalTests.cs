using System.Reflection;
using RunbookSdk.Execution;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// The journal says who ran the runbook, where, and which build of it: the first questions of a post-incident review,
/// which the journal could not answer (it said when and what, not which engineer on which machine ran which version).
/// </summary>
public sealed class RunOriginJournalTests
{
    [Fact]
    public async Task Run_started_records_the_operator_the_host_and_the_versions_of_the_runbook_and_the_sdk()
    {
        using var run = new TestRun(rb => rb.Phase("P", p => p.Step("S", s => s.Run("true"))).NoRollback("test"));

        var result = await run.RunAsync();

        var started = result.Events("run-started").Single();
        Assert.Equal(Environment.UserName, started["operator"]);
        Assert.Equal(Environment.MachineName, started["host"]);
        // The inline test runbook is compiled into this assembly, as a team's runbook is into its app.
        Assert.Equal(InformationalVersion(typeof(RunOriginJournalTests).Assembly), started["runbookVersion"]);
        Assert.Equal(InformationalVersion(typeof(RunbookRunner).Assembly), started["sdkVersion"]);
    }

    [Fact]
    public async Task A_resume_records_its_own_operator_and_host()
    {
        // A resume is often another engineer's, on another machine: each run-started speaks for its own part.
        using var run = new TestRun(rb => rb.Phase("P", p => p.Step("S", s => s.Run("false"))).NoRollback("test"));
        await run.RunAsync();

        var resumed = await run.RunAsync(TestRun.NonInteractive with { ResumeJournal = run.JournalPath });

        Assert.All(resumed.Events("run-started"), started =>
        {
            Assert.Equal(Environment.UserName, started["operator"]);
            Assert.Equal(Environment.MachineName, started["host"]);
        });
        Assert.Equal(2, resumed.Events("run-started").Count());
    }

    private static string InformationalVersion(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
}
