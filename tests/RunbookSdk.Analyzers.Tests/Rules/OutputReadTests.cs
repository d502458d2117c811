using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RunbookSdk.Analyzers.Steps;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// RB0029: a step pasted and not renamed leaves two steps of one title, and code reading <c>Outputs["Title"]</c> gets
/// whichever of them ran last, without a word; a step renamed leaves code reading its old title, which throws when the
/// step runs and fails it. Only the read is reported: two steps of one title are fine otherwise.
/// </summary>
public sealed class OutputReadTests
{
    private static DiagnosticResult Shared(int location, string title, int steps) =>
        new DiagnosticResult("RB0029", DiagnosticSeverity.Warning).WithLocation(location)
            .WithArguments(title, $"holds the output of whichever of the {steps} steps titled '{title}' ran last; give each step its own title");

    private static DiagnosticResult Missing(int location, string name) =>
        new DiagnosticResult("RB0029", DiagnosticSeverity.Warning).WithLocation(location)
            .WithArguments(name, "names no step's title and no output a step's code sets, so it throws KeyNotFoundException when the step runs; name the step it means");

    private static DiagnosticResult NoOutput(int location, string name) =>
        new DiagnosticResult("RB0029", DiagnosticSeverity.Warning).WithLocation(location)
            .WithArguments(name, "is the title of a step with no shell command or HTTP request, which keeps no output, so it throws KeyNotFoundException when the step runs; read a Run or Http step's title, or a name code sets with SetOutput");

    private static DiagnosticResult Later(int location, string name, string when, string title) =>
        new DiagnosticResult("RB0029", DiagnosticSeverity.Warning).WithLocation(location)
            .WithArguments(name, $"is the title of a step that runs only after this code ({when}), so it throws KeyNotFoundException when the step runs; read it from a step after '{title}'");

    [Fact]
    public Task A_read_by_a_title_two_steps_share_is_reported_on_the_name() =>
        Verify<OutputReadAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Check status", s => s.Run("aws lambda get-function --function-name api"))
                        .Step("Check status", s => s.Run("aws apigateway get-stage --rest-api-id x --stage-name prod"))
                        .Step("Compare", s => s.Execute("Compare the two", ctx =>
                        {
                            var status = ctx.Outputs[{|#0:"Check status"|}];
                            if (ctx.Outputs.TryGetValue({|#1:"check STATUS"|}, out var again)) status += again;
                            ctx.Outputs["Check status"] = status;
                            return System.Threading.Tasks.Task.CompletedTask;
                        }))
            """), Shared(0, "Check status", 2), Shared(1, "check STATUS", 2));

    [Fact]
    public Task A_rollback_step_named_as_the_phase_step_counts_too() =>
        Verify<OutputReadAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Roll back", s => s.Run("echo phase"))
                        .Step("Read", s => s.Execute("Read it", ctx => System.Threading.Tasks.Task.FromResult(ctx.Outputs[{|#0:"Roll back"|}])))
            """), Shared(0, "Roll back", 2));

    [Fact]
    public Task Steps_of_one_title_that_no_code_reads_by_it_and_reads_of_a_title_one_step_has_are_not_reported() =>
        Verify<OutputReadAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Check status", s => s.Run("uptime"))
                        .Step("Check status", s => s.Run("df -h"))
                        .Step("Disk", s => s.Run("df -h"))
                        .Step("Read", s => s.Execute("Read it", ctx => System.Threading.Tasks.Task.FromResult(ctx.Outputs["Disk"] + ctx.Outputs[Name])))
            """, extraMembers: """
                private static readonly string Name = "Check status";
            """));

    [Fact]
    public Task A_read_of_a_title_no_step_has_any_more_is_reported() =>
        Verify<OutputReadAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Check the function", s => s.Run("aws lambda get-function --function-name api"))
                        .Step("Record", s => s.Execute("Keep the version", ctx =>
                        {
                            ctx.SetOutput("Version", "41");
                            ctx.Outputs["Region"] = ctx.Parameters["Region"];
                            return System.Threading.Tasks.Task.CompletedTask;
                        }))
                        .Step("Decide", s => s.Execute("Is it active?", ctx =>
                        {
                            ctx.Log(ctx.Outputs["check the FUNCTION"] + ctx.Outputs["version"] + ctx.Outputs["Region"]);
                            ctx.Log(ctx.Outputs.TryGetValue("Never set", out var maybe) ? maybe : "");
                            return System.Threading.Tasks.Task.FromResult(ctx.Outputs[{|#0:"Check function"|}]);
                        }))
            """), Missing(0, "Check function"));

    // Each of these may give the name: a title or an output name that is not a constant, code that hands its context on.
    [Theory]
    [InlineData(""".Step(Title, s => s.Run("uptime"))""")]
    [InlineData(""".Step("Save", s => s.Execute("Save", ctx => { ctx.SetOutput(Title, "x"); return System.Threading.Tasks.Task.CompletedTask; }))""")]
    [InlineData(""".Step("Save", s => s.Execute("Save", ctx => { Save(ctx); return System.Threading.Tasks.Task.CompletedTask; }))""")]
    [InlineData(""".Step("Save", s => s.Execute("Save", Saving))""")]
    [InlineData(""".Step("Save", s => AddSave(s))""")]
    public Task A_name_is_not_judged_missing_when_something_unread_may_give_it(string step) =>
        Verify<OutputReadAnalyzer>.AnalyzerAsync(Sources.Runbook($$"""
                        {{step}}
                        .Step("Decide", s => s.Execute("Decide", ctx => System.Threading.Tasks.Task.FromResult(ctx.Outputs["Check function"])))
            """, extraMembers: """
                private static readonly string Title = "Check function";
                private static void Save(StepContext context) => context.SetOutput("Check function", "x");
                private static System.Threading.Tasks.Task Saving(StepContext context) { Save(context); return System.Threading.Tasks.Task.CompletedTask; }
                private static IStepBuilder AddSave(IStepBuilder s) => s.Execute("Save", Saving);
            """));

    // The runner keeps a step's output under its title only for a shell command or an HTTP request (LiveRun.KeepOutput):
    // Outputs["Ask"] of an instruction, a wait, a monitor, a notification, a note, a snippet or code throws when read.
    [Theory]
    [InlineData("""s => s.Instruction("Ask the DBA which replica is primary")""")]
    [InlineData("""s => s.Wait(TimeSpan.FromMinutes(1), "let the cache drain").Note("then ask")""")]
    [InlineData("""s => s.Monitor("the error rate", TimeSpan.FromMinutes(5))""")]
    [InlineData("""s => s.Notify("status-update")""")]
    [InlineData("""s => s.Snippet("sql", "select 1").RequiresConfirmation()""")]
    [InlineData("""s => s.Execute("Ask", ctx => { ctx.SetOutput("Answer", "x"); return System.Threading.Tasks.Task.CompletedTask; })""")]
    public Task A_read_of_a_step_that_keeps_no_output_is_reported(string actions) =>
        Verify<OutputReadAnalyzer>.AnalyzerAsync(Sources.Runbook($$"""
                        .Step("Ask", {{actions}})
                        .Step("Decide", s => s.Execute("Decide", ctx => System.Threading.Tasks.Task.FromResult(ctx.Outputs[{|#0:"ask"|}])))
            """), NoOutput(0, "ask"));

    // A command or a request keeps it, code may set it by the title, TryGetValue asks for what may be missing, a step
    // whose actions are not read (a method group) or whose title another step shares may have it.
    [Theory]
    [InlineData("""s => s.Instruction("Check").Run("uptime")""")]
    [InlineData("""s => s.Note("Check").Http("GET", "https://api.omnix.ai/health")""")]
    [InlineData("""s => s.Execute("Ask", ctx => { ctx.SetOutput("Ask", "x"); return System.Threading.Tasks.Task.CompletedTask; })""")]
    [InlineData("""AskSomeone""")]
    public Task A_read_of_a_step_that_may_keep_an_output_is_not_reported(string actions) =>
        Verify<OutputReadAnalyzer>.AnalyzerAsync(Sources.Runbook($$"""
                        .Step("Ask", {{actions}})
                        .Step("Decide", s => s.Execute("Decide", ctx =>
                            System.Threading.Tasks.Task.FromResult(ctx.Outputs["Ask"] + (ctx.Outputs.TryGetValue("Note", out var n) ? n : ""))))
                        .Step("Note", s => s.Note("Nothing kept"))
            """, extraMembers: """
                private static void AskSomeone(IStepBuilder s) => s.Run("uptime");
            """));

    [Fact]
    public Task A_step_that_keeps_no_output_is_not_judged_when_something_unread_may_set_its_title() =>
        Verify<OutputReadAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Ask", s => s.Instruction("Ask the DBA"))
                        .Step("Save", s => s.Execute("Save", ctx => { Save(ctx); return System.Threading.Tasks.Task.CompletedTask; }))
                        .Step("Decide", s => s.Execute("Decide", ctx => System.Threading.Tasks.Task.FromResult(ctx.Outputs["Ask"])))
            """, extraMembers: """
                private static void Save(StepContext context) => context.SetOutput("Ask", "x");
            """));

    // Phases run in the order written, then the rollback, then the verification: a step further on has no output yet.
    [Fact]
    public Task A_read_of_a_step_that_certainly_runs_only_later_is_reported() =>
        Verify<OutputReadAnalyzer>.AnalyzerAsync("""
            using System;
            using RunbookSdk;

            [Runbook("sample")]
            public sealed partial class Sample : Runbook
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Title("Sample")
                    .Escalation(e => e.Level("On-call", TimeSpan.Zero))
                    .Phase("First", p => p
                        .Step("Decide", s => s.Execute("Decide", ctx => System.Threading.Tasks.Task.FromResult(
                            ctx.Outputs[{|#0:"Check the function"|}] + ctx.Outputs[{|#1:"Undo"|}] + ctx.Outputs[{|#2:"Health"|}])))
                        .Step("Check the function", s => s.Run("aws lambda get-function --function-name api"))
                        .Step("Same step", s => s.Execute("Too early", ctx => System.Threading.Tasks.Task.FromResult(ctx.Outputs[{|#3:"Same step"|}])).Run("uptime"))
                        .Step("Read after", s => s.Run("uptime").Execute("In time", ctx => System.Threading.Tasks.Task.FromResult(ctx.Outputs["Read after"] + ctx.Outputs["Check the function"]))))
                    .Phase("Later", p => p
                        .Step("Later phase", s => s.Run("uptime")))
                    .Phase("Earlier reads", p => p
                        .Step("Read", s => s.Execute("Read", ctx => System.Threading.Tasks.Task.FromResult(ctx.Outputs["Later phase"])))
                        .Step("Read the next phase", s => s.Execute("Read", ctx => System.Threading.Tasks.Task.FromResult(ctx.Outputs[{|#4:"Last phase"|}]))))
                    .Phase("Last", p => p
                        .Step("Last phase", s => s.Run("uptime")))
                    .Rollback(r => r
                        .Step("Undo", s => s.Http("POST", "https://api.omnix.ai/rollback"))
                        .Step("Check undo", s => s.Execute("Check", ctx => System.Threading.Tasks.Task.FromResult(ctx.Outputs["Undo"] + ctx.Outputs["Later phase"] + ctx.Outputs[{|#5:"Health"|}]))))
                    .Verification(v => v.Step("Health", s => s.Http("GET", "https://api.omnix.ai/health").ExpectStatus(200)));
            }
            """,
            Later(0, "Check the function", "later in the phases", "Check the function"),
            Later(1, "Undo", "in the rollback, after the phases", "Undo"),
            Later(2, "Health", "in the verification, after the phases and the rollback", "Health"),
            Later(3, "Same step", "its command or request comes after this code in the same step", "Same step"),
            Later(4, "Last phase", "later in the phases", "Last phase"),
            Later(5, "Health", "in the verification, after the rollback", "Health"));

    // Only one option of a OneOf runs; a step added in a loop or by a local function may come earlier than written.
    [Fact]
    public Task A_read_of_a_step_whose_order_is_not_certain_is_not_reported() =>
        Verify<OutputReadAnalyzer>.AnalyzerAsync("""
            using System;
            using RunbookSdk;

            [Runbook("sample")]
            public sealed partial class Sample : Runbook
            {
                public override void Define(IRunbookBuilder rb)
                {
                    rb.Title("Sample").Escalation(e => e.Level("On-call", TimeSpan.Zero));
                    foreach (var region in new[] { "eu", "us" })
                    {
                        rb.Phase("Region", p => p
                            .Step("Read the region", s => s.Execute("Read", ctx => System.Threading.Tasks.Task.FromResult(ctx.Outputs["Check the region"])))
                            .Step("Check the region", s => s.Run("uptime")));
                    }
                    rb.Phase("Choose", p => p
                        .OneOf("How", o => o
                            .Step("First way", s => s.Execute("Read", ctx => System.Threading.Tasks.Task.FromResult(ctx.Outputs["Second way"])))
                            .Step("Second way", s => s.Run("uptime"))));
                }
            }
            """);
}

/// <summary>
/// RB0029 for code given as a method group of the runbook's class (<c>Execute("Decide", Decide)</c>), whose reads went
/// unread, and for a read of a step that may not have run: one written <c>OnlyIf(…)</c>, which the engineer may skip,
/// or an option of a <c>OneOf</c> not chosen. Either keeps no output, so the indexer threw and failed the reading step.
/// </summary>
public sealed class OutputReadOfMethodsAndSkippedStepsTests
{
    private static DiagnosticResult Result(int location, string name, string problem) =>
        new DiagnosticResult("RB0029", DiagnosticSeverity.Warning).WithLocation(location).WithArguments(name, problem);

    [Fact]
    public Task Reads_in_a_method_given_as_the_code_are_judged_once() =>
        Verify<OutputReadAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Check status", s => s.Run("aws lambda get-function --function-name api"))
                        .Step("Check status", s => s.Run("aws apigateway get-stage --rest-api-id x --stage-name prod"))
                        .Step("Decide", s => s.Execute("Is it active?", Decide))
                        .Step("Decide again", s => s.Execute("Is it still active?", this.Decide))
            """, extraMembers: """
                private System.Threading.Tasks.Task Decide(StepContext context) =>
                    System.Threading.Tasks.Task.FromResult(context.Outputs[{|#0:"Check status"|}] + context.Outputs[{|#1:"Check the function"|}]);
            """),
            Result(0, "Check status", "holds the output of whichever of the 2 steps titled 'Check status' ran last; give each step its own title"),
            Result(1, "Check the function", "names no step's title and no output a step's code sets, so it throws KeyNotFoundException when the step runs; name the step it means"));

    [Fact]
    public Task A_read_of_a_conditional_step_or_of_a_OneOf_option_from_a_later_step_is_reported() =>
        Verify<OutputReadAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Find the deploy", s => s.Run("aws lambda list-versions-by-function --function-name api").OnlyIf("a deployment went out in the last hour"))
                        .OneOf("How to restore", o => o
                            .Step("Roll back the alias", s => s.Run("aws lambda update-alias --name live"))
                            .Step("Redeploy", s => s.Run("./deploy.sh")))
                        .Step("Decide", s => s.Execute("Decide", ctx => System.Threading.Tasks.Task.FromResult(
                            ctx.Outputs[{|#0:"Find the deploy"|}] + ctx.Outputs[{|#1:"Redeploy"|}]
                            + (ctx.Outputs.TryGetValue("Find the deploy", out var deploy) ? deploy : ""))))
                        .Step("Only then", s => s.OnlyIf("a deployment went out in the last hour")
                            .Execute("Read it", ctx => System.Threading.Tasks.Task.FromResult(ctx.Outputs["Find the deploy"])))
            """),
            Result(0, "Find the deploy", "is the title of a step that runs only if its OnlyIf condition holds, so it throws KeyNotFoundException when that step did not run; ask with ctx.Outputs.TryGetValue"),
            Result(1, "Redeploy", "is the title of a step that is an option of a OneOf, which runs only when it is chosen, so it throws KeyNotFoundException when that step did not run; ask with ctx.Outputs.TryGetValue"));

    // The rollback runs only after a failed phase step (and not when the operator declines it); the verification runs
    // after every run. Read from the verification, a rollback step's output is missing in every run that went well.
    [Fact]
    public Task A_read_of_a_rollback_step_from_the_verification_is_reported() =>
        Verify<OutputReadAnalyzer>.AnalyzerAsync("""
            using System;
            using System.Threading.Tasks;
            using RunbookSdk;

            [Runbook("sample")]
            public sealed class Sample : Runbook
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Title("Sample")
                    .Escalation(e => e.Level("On-call", TimeSpan.Zero))
                    .Phase("Fix", p => p.Step("Deploy", s => s.Run("./deploy.sh v42")))
                    .Rollback(r => r
                        .Step("Undo", s => s.Run("./undo.sh"))
                        .Step("Check undo", s => s.Execute("Check", ctx => Task.FromResult(ctx.Outputs["Undo"]))))
                    .Verification(v => v
                        .Step("Health", s => s.Execute("Compare", ctx => Task.FromResult(ctx.Outputs[{|#0:"Undo"|}] + ctx.Outputs["Deploy"])))
                        .Step("Asked", s => s.Execute("Ask", ctx => Task.FromResult(ctx.Outputs.TryGetValue("Undo", out var undo) ? undo : "")))
                        .Step("After a rollback", s => s.OnlyIf("the rollback ran")
                            .Execute("Read", ctx => Task.FromResult(ctx.Outputs["Undo"]))));
            }
            """,
            Result(0, "Undo", "is the title of a step that runs only in the rollback, after a phase step failed, so it throws KeyNotFoundException when that step did not run; ask with ctx.Outputs.TryGetValue"));

    [Fact]
    public Task A_conditional_step_reading_its_own_output_is_not_reported() =>
        Verify<OutputReadAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Find the deploy", s => s.Run("aws lambda list-versions-by-function --function-name api").OnlyIf("a deployment went out")
                            .Execute("Read it", ctx => System.Threading.Tasks.Task.FromResult(ctx.Outputs["Find the deploy"])))
            """));

    [Fact]
    public Task Half_typed_method_groups_and_conditions_do_not_throw() =>
        Verify<OutputReadAnalyzer>.WithoutCompilerErrorsAsync(Sources.Runbook("""
                        .Step("Find", s => s.Run("uptime").OnlyIf(
                        .Step("Decide", s => s.Execute("Decide", Deci
                        .Step("Again", s => s.Execute("Again", this.))
            """, extraMembers: """
                private static System.Threading.Tasks.Task Decide(StepContext context) => context.Outputs[
                private static System.Threading.Tasks.Task Decide(
            """));
}
