using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using RunbookSdk.Generators.Tests.Support;
using RunbookSdk.Hosting;

namespace RunbookSdk.Generators.Tests.Docs;

/// <summary>
/// What the generator reads from syntax is what the runner runs, for every way a value can be written: the outline
/// the generator documented and the plan the runtime builds from <c>Define</c> are compared line by line, over a
/// runbook that writes its time boxes, durations and constant text in each form the generator evaluates — named
/// arguments in any order, .NET 9's several-unit factories, the constructors, constants with formats and alignments,
/// enums, verbatim and raw strings — and one that names every DSL call's arguments. A form the generator read another
/// way than the compiler binds it fails here: named bounds read by position documented 15 to 5 minutes for a phase
/// the runner timed 5 to 15.
/// </summary>
public sealed class PageAgreesWithPlanTests
{
    private const string Forms = """"
        using System;
        using RunbookSdk;

        [Runbook("forms")]
        public sealed class Forms : Runbook
        {
            private const int Settle = 2;
            private const string Namespace = "payments";
            private const int Shard = 7;
            private const double Ratio = 0.5;
            private enum Tier { Gold, Silver }
            private const string Spaced = "my app";
            private const string Quoted = "it's \"done\"";
            private const string Dollar = "$HOME/x";
            private const string Empty = "";

            [Parameter("A folder")] public string Dir { get; init; } = "cache";

            public override void Define(IRunbookBuilder rb) => rb
                .Title("Forms")
                .Phase("Named window", TimeBox.Minutes(to: 15, from: 5), p => p
                    .Step("Hold", s => s.Wait(new TimeSpan(minutes: 5, hours: 1, seconds: 0), "settle"))
                    .Step("Watch", s => s.Monitor("error rate", TimeSpan.FromMinutes(1, 30)))
                    .Step("Restart", s => s.Run("./restart.sh").Timeout(new TimeSpan(0, 0, 0, 1, 500, 0)).Retry(3, TimeSpan.FromSeconds(seconds: 10))))
                .Phase("Hours, named", TimeBox.Hours(to: 4, from: 1), p => p
                    .Step("Hold", s => s.Wait(TimeSpan.FromMinutes(Settle), "a constant"))
                    .Step("Hold longer", s => s.Wait(new TimeSpan(seconds: 30, minutes: 1, hours: 0), "named out of order")))
                .Phase("Mixed", TimeBox.Minutes(from: 30, 45), p => p
                    .Step("Check", s => s.Http("GET", "https://status.example.com/health").ExpectStatus(200).Timeout(TimeSpan.FromSeconds(5, milliseconds: 250)).Retry(4, TimeSpan.FromSeconds(seconds: 15)))
                    .Step("Fetch", s => s.Http("POST", $"https://status.example.com/apps/{Spaced}?q={Quoted}&shard={Shard}").Body($"{{\"app\": \"{Quoted}\", \"shard\": {Shard}, \"ns\": {Namespace}}}").ExpectStatus(200)))
                .Phase("Positional", TimeBox.Minutes(45, 60), p => p
                    .Step("Hold", s => s.Wait(new TimeSpan(0, 1, 30), "positional")))
                .Phase("Constructed", new TimeBox(To: TimeSpan.FromMinutes(90), From: new TimeSpan(1, 0, 0)), p => p
                    .Step("Hold", s => s.Wait((TimeSpan.FromSeconds(45)), "parenthesized")))
                .Phase("Constructed, target-typed", (new(TimeSpan.FromHours(2), TimeSpan.FromHours(3))), p => p
                    .Step("Hold", s => s.Instruction("look")))
                .Phase("A duration", TimeSpan.FromHours(2), p => p
                    .Step("Hold", s => s.Wait(TimeSpan.FromHours(1, seconds: 60), "a minute over the hour")))
                .Phase("Text", p => p
                    .Step($"Drain shard {Shard:D3} [{Shard,4}]", s => s
                        .OnlyIf("the shard is in " + Namespace)
                        .Run($"kubectl -n {Namespace} drain shard-{Shard:D3} --tier {Tier.Gold} --ratio {Ratio}")
                        .RequiresConfirmation())
                    .Step("Quote constants", s => s
                        .Run($"rm -rf /srv/{Spaced} && echo {Quoted} {Dollar} [{Empty}]")
                        .Run($"echo '{Spaced}' \"{Quoted}\" \"{Dollar}\"")
                        .Run($"ssh db-1 'rm -rf /var/cache/{Spaced}'")
                        .Run($"bash -c \"echo {Quoted}\"")
                        .Run($"cat <<EOF\n{Dollar} {Quoted}\nEOF")
                        .RequiresConfirmation())
                    .Step("Quote constants beside a parameter", s => s
                        .Run($"rm -rf /srv/{Spaced}/{Dir} && echo {Quoted} {Dollar} [{Empty}]")
                        .Run($"echo '{Spaced}' \"{Quoted}\" \"{Dollar}\" {Dir}")
                        .Run($"ssh db-1 'rm -rf /var/cache/{Spaced}/{Dir}'")
                        .Run($"bash -c \"echo {Quoted} {Dir}\"")
                        .Run($"cat <<EOF\n{Dollar} {Quoted} {Dir}\nEOF")
                        .RequiresConfirmation())
                    .Step("Scripts over several lines", s => s
                        .Run("""
                            set -e
                              cd /srv/app

                            ./restart.sh
                            """)
                        .Run($$"""
                            kubectl -n {{Namespace}} get pods -o '{.items}'
                              rm -rf /srv/{{Dir}}
                            """)
                        .Run($"""
                            echo {Spaced} {Shard:D3}
                            """)
                        .Run($"""
                              echo {Spaced} {Dir}
                            done
                            """)
                        .Run($@"cat <<EOF
        {Dollar} {Quoted}
        EOF
        ssh db-1 'rm -rf /var/cache/{Spaced}'")
                        .RequiresConfirmation())
                    .Step("Quote", s => s.Run(@"echo ""it's done""").Run("""echo "raw" text""").Run($"echo {nameof(Forms)} {'x'} {true}")))
                .Rollback(r => r.Step("Roll back", s => s.Run("./rollback.sh").RequiresConfirmation()))
                .Verification(v => v.Step("Healthy", s => s.Http("GET", "https://status.example.com/health").ExpectStatus(200)));
        }
        """";

    [Fact]
    public void Every_time_box_duration_and_constant_text_is_documented_as_the_runner_makes_it()
    {
        var (documented, executed) = Outlines(Forms);

        // A command's constant holes are holes in the plan, quoted when the command runs: compared as they run below.
        Assert.Equal(Describe(executed, shellText: false), Describe(documented, shellText: false));
        // Not equal by both being wrong the same way: the runtime's own text and windows.
        Assert.Contains(Describe(executed), line => line.Contains("kubectl -n payments drain shard-007 --tier Gold --ratio 0.5", StringComparison.Ordinal));
        Assert.Contains(Describe(executed), line => line.Contains("step Drain shard 007 [   7] (confirm) (only if the shard is in payments)", StringComparison.Ordinal));
        // A constant in a URL's path or query is sent percent-encoded, and one in a JSON body as JSON (a string in
        // quotes, escaped): the page showed "apps/my app" and "app": "it's "done"", which no server receives.
        Assert.Contains(Describe(executed), line => line.Contains("""http: https://status.example.com/apps/my%20app?q=it%27s%20%22done%22&shard=7 | method=POST | body={"app": "it's \"done\"", "shard": 7, "ns": "payments"}""", StringComparison.Ordinal));
        Assert.Equal(["5-15 minutes", "1-4 hours", "30-45 minutes", "45 minutes - 1 hour", "1 hour - 90 minutes", "2-3 hours", "0-2 hours", null, null, null], executed.Phases.Select(p => p.TimeBox));
    }

    // Every DSL call's arguments named, in the reverse of their order.
    private const string NamedCalls = """
        using System;
        using RunbookSdk;

        [Runbook("named")]
        public sealed class NamedCalls : Runbook
        {
            public override void Define(IRunbookBuilder rb) => rb
                .Title("Named calls")
                .Phase(steps: p => p
                    .Step(step: s => s.Wait(reason: "named", duration: TimeSpan.FromMinutes(2)), title: "Hold")
                    .Step(step: s => s.Monitor(duration: TimeSpan.FromSeconds(90), what: "error rate"), title: "Watch")
                    .Step(step: s => s
                        .OnlyIf(condition: "the queue is stuck")
                        .Run(comment: "clears the queue", command: "./drain.sh")
                        .ExpectExitCode(codes: new[] { 0, 3 })
                        .Retry(backoff: TimeSpan.FromSeconds(5), attempts: 4)
                        .Timeout(timeout: TimeSpan.FromMinutes(1))
                        .RequiresConfirmation(), title: "Drain")
                    .Step(step: s => s
                        .Http(comment: "the health check", url: "https://status.example.com/health", method: "POST")
                        .Header(value: "application/json", name: "Accept")
                        .Body(body: "{}")
                        .ExpectStatus(status: 202)
                        .ExpectJson(value: "ok", path: "$.status")
                        .Timeout(timeout: TimeSpan.FromSeconds(10))
                        .Retry(backoff: TimeSpan.FromSeconds(3), attempts: 2), title: "Check")
                    .Step(step: s => s.Notify(channel: "#incidents", template: "We are draining the queue."), title: "Tell")
                    .Step(step: s => s.Snippet(caption: "the query", code: "SELECT 1", language: "sql"), title: "Look"),
                    within: TimeBox.Minutes(to: 20, from: 10), name: "Named")
                .Rollback(steps: r => r.Step(step: s => s.Run(command: "./rollback.sh").RequiresConfirmation(), title: "Roll back"))
                .Verification(steps: v => v.Step(step: s => s.Instruction(text: "Look at the dashboard"), title: "Healthy"));
        }
        """;

    [Fact]
    public void Every_DSL_call_with_its_arguments_named_in_any_order_is_documented_as_the_runner_makes_it()
    {
        var (documented, executed) = Outlines(NamedCalls);

        Assert.Equal(Describe(executed), Describe(documented));
        Assert.Contains(Describe(executed), line => line.Contains("shell: ./drain.sh | comment=clears the queue | expect-exit=0,3 | timeout=00:01:00 | retry=4x00:00:05", StringComparison.Ordinal));
        Assert.Equal("10-20 minutes", executed.Phases[0].TimeBox);
    }

    // Phases, steps, a decision's options, the rollback and the verification written in methods of the class, given as
    // method groups (also this.Verify) or by lambdas that hand their builder on: the page reads each method's body
    // where it is given (docs/rules/RB0101.md), the runner calls it there.
    private const string Methods = """
        using System;
        using RunbookSdk;

        [Runbook("methods")]
        public sealed class Methods : Runbook
        {
            public override void Define(IRunbookBuilder rb) => rb
                .Title("Methods")
                .Phase("Diagnose", TimeBox.Minutes(0, 5), Diagnose)
                .Phase("Decide", p => p.OneOf("Which way?", Options))
                .Rollback(r => Undo(r))
                .Verification(this.Verify);

            private static void Diagnose(IPhaseBuilder p) => p
                .Step("Pods", Pods)
                .Step("Settle", s => Settle(s));

            private static void Pods(IStepBuilder s) => s.Run("kubectl get pods").Timeout(TimeSpan.FromSeconds(30)).Retry(2, TimeSpan.FromSeconds(5));

            private static void Settle(IStepBuilder step)
            {
                step.Wait(TimeSpan.FromMinutes(1), "pods to settle");
            }

            private static void Options(IChoiceBuilder c) => c.Step("Restart", Restart).Step("Scale", s => s.Run("kubectl scale deploy/api --replicas=4"));

            private static void Restart(IStepBuilder s) => s.Run("kubectl rollout restart deploy/api").RequiresConfirmation();

            private static void Undo(IPhaseBuilder r) => r.Step("Roll back", s => s.Run("./rollback.sh").RequiresConfirmation());

            private void Verify(IPhaseBuilder v) => v.Step("Healthy", s => s.Http("GET", "https://status.example.com/health").ExpectStatus(200));
        }
        """;

    [Fact]
    public void Steps_and_phases_written_in_methods_of_the_class_are_documented_as_the_runner_makes_them()
    {
        var (documented, executed) = Outlines(Methods);

        Assert.Equal(Describe(executed), Describe(documented));
        Assert.Contains(Describe(executed), line => line.Contains("kubectl rollout restart deploy/api", StringComparison.Ordinal));
        Assert.Contains(Describe(executed), line => line.Contains("pods to settle", StringComparison.Ordinal));
        Assert.Contains(Describe(executed), line => line.Contains("https://status.example.com/health", StringComparison.Ordinal));
    }

    // Phases and steps written in local functions of Define the builder is handed to, one of them twice, and one nothing
    // calls: the page reads each where it is called (docs/rules/RB0101.md), the runner runs it there.
    private const string LocalFunctions = """
        using System;
        using RunbookSdk;

        [Runbook("local-functions")]
        public sealed class LocalFunctions : Runbook
        {
            public override void Define(IRunbookBuilder rb)
            {
                void Diagnose(IRunbookBuilder b) => b.Phase("Diagnose", p => { Pods(p); p.Step("Settle", s => s.Wait(TimeSpan.FromMinutes(1), "pods to settle")); Pods(p); });
                void Pods(IPhaseBuilder p) => p.Step("Pods", s => s.Run("kubectl get pods").Timeout(TimeSpan.FromSeconds(30)));
                void Never(IRunbookBuilder b) => b.Phase("Never", p => p.Step("Ghost", s => s.Run("kubectl delete ns payments")));

                rb.Title("Local functions");
                Diagnose(rb);
                rb.Rollback(Pods)
                    .Verification(v => Pods(v));
            }
        }
        """;

    [Fact]
    public void Steps_and_phases_written_in_local_functions_of_Define_are_documented_as_the_runner_makes_them()
    {
        var (documented, executed) = Outlines(LocalFunctions);

        Assert.Equal(Describe(executed), Describe(documented));
        // Twice in Diagnose, once in the rollback and once in the verification.
        Assert.Equal(4, Describe(executed).Count(line => line == "  step Pods"));
        Assert.Contains(Describe(executed), line => line.Contains("pods to settle", StringComparison.Ordinal));
        Assert.DoesNotContain(Describe(executed), line => line.Contains("Ghost", StringComparison.Ordinal));
    }

    // Phases, steps and sections written in methods of the runbook's class that Define hands the builder to (one of them
    // twice, one through another, one with this.), and one nothing calls: the page reads each where it is called
    // (docs/rules/RB0101.md), the runner runs it there.
    private const string ClassMethodCalls = """
        using System;
        using RunbookSdk;

        [Runbook("class-method-calls")]
        public sealed class ClassMethodCalls : Runbook
        {
            public override void Define(IRunbookBuilder rb)
            {
                rb.Title("Class method calls");
                Diagnose(rb);
                rb.Rollback(r => { Pods(r); });
                this.AddChecks(builder: rb);
            }

            private static void Diagnose(IRunbookBuilder b) => b.Phase("Diagnose", p => { Pods(p); Settle(p); Pods(p); });

            private static void Pods(IPhaseBuilder p) => p.Step("Pods", s => s.Run("kubectl get pods").Timeout(TimeSpan.FromSeconds(30)));

            private static void Settle(IPhaseBuilder phase) => phase.Step("Settle", s => s.Wait(TimeSpan.FromMinutes(1), "pods to settle"));

            private void AddChecks(IRunbookBuilder builder)
            {
                builder.Verification(v => { Pods(v); });
            }

            private static void Never(IRunbookBuilder b) => b.Phase("Never", p => p.Step("Ghost", s => s.Run("kubectl delete ns payments")));
        }
        """;

    [Fact]
    public void Steps_and_phases_written_in_methods_of_the_class_that_Define_calls_are_documented_as_the_runner_makes_them()
    {
        var (documented, executed) = Outlines(ClassMethodCalls);

        Assert.Equal(Describe(executed), Describe(documented));
        // Twice in Diagnose, once in the rollback and once in the verification.
        Assert.Equal(4, Describe(executed).Count(line => line == "  step Pods"));
        Assert.Contains(Describe(executed), line => line.Contains("pods to settle", StringComparison.Ordinal));
        Assert.DoesNotContain(Describe(executed), line => line.Contains("Ghost", StringComparison.Ordinal));
    }

    // Chains that start with a local function of Define or a method of the class returning the builder it is handed
    // (docs/rules/RB0101.md): the runner makes the calls chained on it on that builder, after the function's own.
    private const string ChainStarts = """
        using System;
        using RunbookSdk;

        [Runbook("chain-starts")]
        public sealed class ChainStarts : Runbook
        {
            public override void Define(IRunbookBuilder rb)
            {
                IPhaseBuilder Pods(IPhaseBuilder p) => p.Step("Pods", s => Logs(s).Timeout(TimeSpan.FromSeconds(30)));

                Diagnose(rb)
                    .Phase("Mitigate", p => Pods(p).Step("Settle", s => s.Wait(TimeSpan.FromMinutes(1), "pods to settle")))
                    .Rollback(r => Pods(r));
                this.AddChecks(rb).Verification(v => Pods(v).Step("Health", s => s.Http("GET", "https://status.example.com/health").ExpectStatus(200)));
            }

            private static IRunbookBuilder Diagnose(IRunbookBuilder b) => b.Title("Chain starts").Phase("Diagnose", p => p.Step("Look", s => s.Instruction("look")));

            private static ICommandStepBuilder Logs(IStepBuilder s) => s.Run("kubectl logs deploy/api --tail=100");

            private IRunbookBuilder AddChecks(IRunbookBuilder builder)
            {
                builder.Phase("Check", p => p.Step("Pods again", s => Logs(s).ExpectExitCode(0, 1)));
                return builder;
            }
        }
        """;

    [Fact]
    public void Chains_that_start_with_a_local_function_or_a_method_returning_the_builder_are_documented_as_the_runner_makes_them()
    {
        var (documented, executed) = Outlines(ChainStarts);

        Assert.Equal(Describe(executed), Describe(documented));
        // Not equal by both missing the same: the phases and steps chained on what the functions return.
        Assert.Equal(["phase Diagnose []", "phase Mitigate []", "phase Check []", "phase Rollback []", "phase Verification []"], Describe(executed).Where(line => line.StartsWith("phase ", StringComparison.Ordinal)));
        Assert.Contains(Describe(executed), line => line.Contains("pods to settle", StringComparison.Ordinal));
        Assert.Contains(Describe(executed), line => line.Contains("kubectl logs deploy/api --tail=100 | timeout=00:00:30", StringComparison.Ordinal));
        Assert.Contains(Describe(executed), line => line.Contains("kubectl logs deploy/api --tail=100 | expect-exit=0,1", StringComparison.Ordinal));
    }

    // A team's base class whose Define the runbook calls (base.Define(rb)), before and after its own calls, that calls
    // its own base further up through a class without a Define and hands the builder to a method of its own class: the
    // page reads each base's body where it is called (docs/rules/RB0101.md), the runner runs it there.
    private const string BaseDefines = """
        using System;
        using RunbookSdk;

        public abstract class TeamRunbook : Runbook
        {
            public override void Define(IRunbookBuilder rb) => rb.Phase("Diagnose", p => p.Step("Pods", s => s.Run("kubectl get pods").Timeout(TimeSpan.FromSeconds(30))));
        }

        public abstract class QuietRunbook : TeamRunbook
        {
        }

        public abstract class PaymentsRunbook : QuietRunbook
        {
            public override void Define(IRunbookBuilder builder)
            {
                base.Define(builder);
                AddChecks(builder);
            }

            private static void AddChecks(IRunbookBuilder b) => b.Verification(v => v.Step("Health", s => s.Http("GET", "https://status.example.com/health").ExpectStatus(200)));
        }

        [Runbook("base-defines")]
        public sealed class BaseDefines : PaymentsRunbook
        {
            public override void Define(IRunbookBuilder rb)
            {
                rb.Title("Base defines");
                base.Define(rb);
                rb.Phase("Mitigate", p => p.Step("Settle", s => s.Wait(TimeSpan.FromMinutes(1), "pods to settle")))
                    .Rollback(r => r.Step("Roll back", s => s.Run("./rollback.sh").RequiresConfirmation()));
            }
        }
        """;

    [Fact]
    public void Steps_and_phases_written_in_a_base_class_Define_the_runbook_calls_are_documented_as_the_runner_makes_them()
    {
        var (documented, executed) = Outlines(BaseDefines);

        Assert.Equal(Describe(executed), Describe(documented));
        // Not equal by both missing the same: the phases the bases add, where base.Define(rb) is called.
        Assert.Equal(["phase Diagnose []", "phase Mitigate []", "phase Rollback []", "phase Verification []"], Describe(executed).Where(line => line.StartsWith("phase ", StringComparison.Ordinal)));
        Assert.Contains(Describe(executed), line => line.Contains("kubectl get pods | timeout=00:00:30", StringComparison.Ordinal));
        Assert.Contains(Describe(executed), line => line.Contains("https://status.example.com/health", StringComparison.Ordinal));
    }

    // A runbook that declares no Define runs the nearest one up its base classes (past a class without one), with the
    // base's parameter in a command and a method of the base's class given in place of a lambda: the page reads that
    // Define as the runbook's own (docs/rules/RB0101.md).
    private const string InheritedDefine = """
        using System;
        using RunbookSdk;

        public abstract class PaymentsRunbook : Runbook
        {
            [Parameter("Kubernetes namespace")] public string Namespace { get; init; } = "payments";

            public override void Define(IRunbookBuilder rb)
            {
                rb.Title("Inherited define")
                    .Phase("Diagnose", Pods)
                    .Rollback(r => r.Step("Roll back", s => s.Run($"kubectl rollout undo deploy/api -n {Namespace}").RequiresConfirmation()));
                rb.Verification(v => v.Step("Health", s => s.Http("GET", "https://status.example.com/health").ExpectStatus(200)));
            }

            private void Pods(IPhaseBuilder p) => p.Step("Pods", s => s.Run($"kubectl get pods -n {Namespace}").Timeout(TimeSpan.FromSeconds(30)));
        }

        public abstract class QuietRunbook : PaymentsRunbook
        {
        }

        [Runbook("inherited-define")]
        public sealed class InheritedDefine : QuietRunbook
        {
        }
        """;

    [Fact]
    public void Steps_and_phases_of_a_Define_the_runbook_inherits_are_documented_as_the_runner_makes_them()
    {
        var (documented, executed) = Outlines(InheritedDefine);

        Assert.Equal(Describe(executed, shellText: false), Describe(documented, shellText: false));
        // Not equal by both missing the same: the base's phases, with the parameter's hole in the commands.
        Assert.Equal(["phase Diagnose []", "phase Rollback []", "phase Verification []"], Describe(executed).Where(line => line.StartsWith("phase ", StringComparison.Ordinal)));
        Assert.Contains(Describe(executed), line => line.Contains("timeout=00:00:30", StringComparison.Ordinal));
        Assert.Contains(Describe(executed), line => line.Contains("https://status.example.com/health", StringComparison.Ordinal));
    }

    // Static methods of the team's helper classes that Define and its lambdas hand the builder to (one returning it, at
    // the start of a chain), one handing a step's builder to a third class and giving a method of its own class: the
    // page reads each where it is called (docs/rules/RB0101.md).
    private const string StaticHelpers = """
        using System;
        using RunbookSdk;

        public static class TeamSteps
        {
            public static IRunbookBuilder Start(IRunbookBuilder rb) => rb.Title("Static helpers");

            public static void Pods(IPhaseBuilder p) => p.Step("Pods", s => TeamCommands.Pods(s)).Step("Logs", Logs);

            private static void Logs(IStepBuilder s) => s.Run("kubectl logs deploy/api --tail=50").Timeout(TimeSpan.FromSeconds(30));

            public static void AddChecks(IRunbookBuilder rb)
            {
                rb.Verification(v => v.Step("Health", s => s.Http("GET", "https://status.example.com/health").ExpectStatus(200)));
            }
        }

        public static class TeamCommands
        {
            public static void Pods(IStepBuilder s) => s.Run("kubectl get pods -n payments");
        }

        [Runbook("static-helpers")]
        public sealed class StaticHelpers : Runbook
        {
            public override void Define(IRunbookBuilder rb)
            {
                TeamSteps.Start(rb)
                    .Phase("Diagnose", p => TeamSteps.Pods(p))
                    .Rollback(r => r.Step("Roll back", s => s.Run("kubectl rollout undo deploy/api").RequiresConfirmation()));
                TeamSteps.AddChecks(rb);
            }
        }
        """;

    [Fact]
    public void Steps_and_phases_written_in_static_methods_of_other_classes_are_documented_as_the_runner_makes_them()
    {
        var (documented, executed) = Outlines(StaticHelpers);

        Assert.Equal(Describe(executed), Describe(documented));
        // Not equal by both missing the same: the helpers' phases and steps, where they are called.
        Assert.Equal(["phase Diagnose []", "phase Rollback []", "phase Verification []"], Describe(executed).Where(line => line.StartsWith("phase ", StringComparison.Ordinal)));
        Assert.Contains(Describe(executed), line => line.Contains("kubectl get pods -n payments", StringComparison.Ordinal));
        Assert.Contains(Describe(executed), line => line.Contains("kubectl logs deploy/api --tail=50 | timeout=00:00:30", StringComparison.Ordinal));
        Assert.Contains(Describe(executed), line => line.Contains("https://status.example.com/health", StringComparison.Ordinal));
    }

    // The same helpers given as method groups and called by their name alone through `using static`: the runner runs
    // them as it runs the calls above, and the page reads them so.
    [Fact]
    public void Method_groups_of_other_classes_and_helpers_imported_with_using_static_are_documented_as_the_runner_makes_them()
    {
        var source = StaticHelpers
            .Replace("using RunbookSdk;", "using RunbookSdk;\nusing static TeamSteps;", StringComparison.Ordinal)
            .Replace("TeamSteps.Start(rb)", "Start(rb)", StringComparison.Ordinal)
            .Replace("p => TeamSteps.Pods(p)", "TeamSteps.Pods", StringComparison.Ordinal)
            .Replace("s => TeamCommands.Pods(s)", "TeamCommands.Pods", StringComparison.Ordinal)
            .Replace("TeamSteps.AddChecks(rb);", "AddChecks(rb);", StringComparison.Ordinal);
        Assert.DoesNotContain("TeamSteps.AddChecks(rb)", source, StringComparison.Ordinal);
        var (documented, executed) = Outlines(source);

        Assert.Equal(Describe(executed), Describe(documented));
        Assert.Equal(["phase Diagnose []", "phase Rollback []", "phase Verification []"], Describe(executed).Where(line => line.StartsWith("phase ", StringComparison.Ordinal)));
        Assert.Contains(Describe(executed), line => line.Contains("kubectl get pods -n payments", StringComparison.Ordinal));
        Assert.Contains(Describe(executed), line => line.Contains("https://status.example.com/health", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Severity.P1")]
    [InlineData("RunbookSdk.Severity.Sev2")]
    [InlineData("\"P3\"")]
    [InlineData("new Severity(\"Critical\")")]
    [InlineData("new Severity(Key: \"High\")")]
    [InlineData("Limits.Severity")]
    [InlineData("(Severity.P2)")]
    public void The_catalog_names_the_severity_the_runner_records(string severity)
    {
        var source = Forms.Replace(".Title(\"Forms\")", $".Title(\"Forms\").Severity({severity})", StringComparison.Ordinal)
            .Replace("[Runbook(\"forms\")]", "public static class Limits { public const string Severity = \"P4\"; }\n\n[Runbook(\"forms\")]", StringComparison.Ordinal);
        var (runbook, plan) = Load(source);

        Assert.NotNull(plan.Severity);
        Assert.Equal(plan.Severity, runbook.Severity);
    }

    /// <summary>
    /// A command with constants in it is documented as the runner runs it: each constant quoted for where it stands
    /// (a word with a space, a quote or a <c>$</c>; inside quotes; in a command line ssh or bash -c hands on; in a
    /// here-document), as <see cref="RunbookSdk.Commands.CommandTemplate.Render()"/> renders it for bash. Also from a
    /// file checked out with CRLF line endings (git's autocrlf on Windows): a script over several lines runs with the
    /// line breaks bash reads, as the page shows it and as the same file checked out with LF runs.
    /// </summary>
    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Every_command_with_constants_is_documented_as_it_runs(string lineEnding)
    {
        var (runbook, plan) = Load(Forms.ReplaceLineEndings(lineEnding));
        // A parameter's hole, {Dir}, is its value: a plain word, which runs as written.
        var documented = (runbook.DocumentedOutline ?? throw new Xunit.Sdk.XunitException("no outline embedded")).Phases
            .SelectMany(p => p.Steps).SelectMany(s => s.Actions).Where(a => a.Kind == "shell")
            .Select(a => string.Concat(a.Text.Select(segment => segment.IsHole && segment.Text == "Dir" ? "cache" : segment.Text))).ToList();
        var runs = new[] { plan.Phases, new[] { plan.Rollback!, plan.Verification! } }.SelectMany(p => p)
            .SelectMany(p => p.Steps).SelectMany(s => s.Actions).OfType<RunbookSdk.Model.ShellCommandAction>()
            .Select(a => a.Command.Render()).ToList();

        Assert.Equal(runs, documented);
        // With constants only, C# hands Run(string) the finished text: it runs unquoted. Beside a parameter, the
        // handler quotes the constants too.
        Assert.Contains("rm -rf /srv/my app && echo it's \"done\" $HOME/x []", runs);
        // A script over several lines loses the closing quotes' indentation, line by line, and keeps the rest.
        Assert.Contains("set -e\n  cd /srv/app\n\n./restart.sh", runs);
        Assert.Contains("kubectl -n payments get pods -o '{.items}'\n  rm -rf /srv/cache", runs);
        Assert.Contains("rm -rf /srv/'my app'/cache && echo ", runs.Single(r => r.StartsWith("rm -rf /srv/'", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    /// <summary>Phases, steps and actions as lines, with each action's durations, time-outs and retries.</summary>
    private static List<string> Describe(PlanOutline outline, bool shellText = true)
    {
        var lines = new List<string>();
        foreach (var phase in outline.Phases)
        {
            lines.Add($"phase {phase.Name} [{phase.TimeBox}]");
            foreach (var step in phase.Steps)
            {
                lines.Add($"  step {step.Title}{(step.RequiresConfirmation ? " (confirm)" : "")}{(step.Condition is { } condition ? $" (only if {condition})" : "")}");
                foreach (var action in step.Actions)
                {
                    var text = action.Kind == "shell" && !shellText ? "…" : string.Concat(action.Text.Select(s => s.Text));
                    lines.Add($"    {action.Kind}: {text} | {string.Join(" | ", action.Details)}");
                }
            }
        }

        return lines;
    }

    private static (PlanOutline Documented, PlanOutline Executed) Outlines(string source)
    {
        var (runbook, plan) = Load(source);
        var documented = runbook.DocumentedOutline ?? throw new Xunit.Sdk.XunitException("no outline embedded");
        return (documented, PlanOutlines.FromPlan(plan));
    }

    /// <summary>The runbook's descriptor as the generator wrote it, and the plan the runtime records from its Define.</summary>
    private static (RunbookDescriptor Runbook, RunbookSdk.Model.RunbookPlan Plan) Load(string source)
    {
        var compilation = GeneratorHarness.Compile(source);
        GeneratorHarness.CreateDriver(buildProperties: new Dictionary<string, string> { ["RunbookSdkEmbedOutline"] = "true" })
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        Assert.DoesNotContain(generatorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        using var stream = new MemoryStream();
        var emitted = output.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        stream.Position = 0;

        var context = new AssemblyLoadContext("page-agrees-with-plan", isCollectible: true);
        try
        {
            var catalog = (RunbookCatalog)context.LoadFromStream(stream).GetType("RunbookSdk.Generated.GeneratedRunbookCatalog")!
                .GetProperty("Catalog", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
            var runbook = Assert.Single(catalog.Runbooks);
            return (runbook, runbook.CreatePlan(runbook.Create(new Dictionary<string, string>())));
        }
        finally
        {
            context.Unload();
        }
    }
}
