using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using RunbookSdk.Analyzers.Commands;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// RB0014 and RB0015 on an action configured by a team's extension method declared in the project
/// (<c>s.Run("kubectl logs -f api").Bounded()</c> with <c>public static ICommandStepBuilder Bounded(this
/// ICommandStepBuilder c) =&gt; c.Timeout(…)</c>): the rules followed a private helper of the runbook's class but not
/// such a method, and reported a command every step bounds and a check every step makes fail. Then a setting that runs
/// only on some ways through the team's code (<c>if (slow) c.Timeout(…)</c>) counted as one that always runs.
/// </summary>
public sealed class ExtensionTimeoutAndCheckTests
{
    [Fact]
    public Task An_action_a_source_extension_method_configures_is_not_reported() =>
        RunAsync(Sources.Runbook("""
                        .Step("Logs", s => s.Run("kubectl logs -f api-0").Bounded())
                        .Step("Logs, tagged first", s => s.Run("kubectl logs -f api-1").Tagged().Bounded().Retry(2, TimeSpan.FromSeconds(5)))
                        .Step("Logs, block body", s => s.Run("kubectl logs -f api-2").BoundedBy(TimeSpan.FromMinutes(2)))
                        .Step("Logs of a helper", s => Tail(s).Bounded())
            """, extraMembers: """
                private static ICommandStepBuilder Tail(IStepBuilder s) => s.Run("kubectl logs -f api-3");
            """, verification: """v => v.Step("Health", s => s.Http("GET", "https://api.omnix.ai/health").MustBeOk())"""));

    [Fact]
    public Task An_action_an_extension_method_leaves_unconfigured_or_configures_after_another_action_is_reported() =>
        RunAsync(Sources.Runbook("""
                        .Step("Logs", s => s.Run("kubectl logs {|RB0015:-f|} api-0").Tagged())
                        .Step("Logs, then pods", s => s.Run("kubectl logs {|RB0015:-f|} api-1").ThenPodsBounded())
                        .Step("Logs, bounded later", s => s.Run("kubectl logs {|RB0015:-f|} api-2").Tagged().Run("kubectl get pods").Bounded())
            """, verification: """v => v.Step("Health", s => s.Http("GET", {|RB0014:"https://api.omnix.ai/health"|}).Tagged())"""));

    [Fact]
    public Task A_setting_that_runs_only_on_some_ways_through_the_team_code_is_reported() =>
        RunAsync(Sources.Runbook("""
                        .Step("Logs", s => s.Run("kubectl logs {|RB0015:-f|} api-0").BoundedWhen(Region == "eu-central-1"))
                        .Step("Logs, ?:", s => s.Run("kubectl logs {|RB0015:-f|} api-1").BoundedIf(Region == "eu-central-1"))
                        .Step("Logs, wrapped", s => MaybeBounded(s.Run("kubectl logs {|RB0015:-f|} api-2"), Region == "eu-central-1"))
            """, extraMembers: """
                private static ICommandStepBuilder MaybeBounded(ICommandStepBuilder c, bool quick)
                {
                    if (quick) return c;
                    c.Timeout(TimeSpan.FromMinutes(5));
                    return c;
                }
            """, verification: """v => v.Step("Health", s => s.Http("GET", {|RB0014:"https://api.omnix.ai/health"|}).MustBeOkWhen(Region == "eu-central-1"))"""));

    [Fact]
    public Task A_setting_after_a_condition_it_is_not_under_is_not_reported() =>
        RunAsync(Sources.Runbook("""
                        .Step("Logs", s => s.Run("kubectl logs -f api-0").BoundedAfterRetry(Region == "eu-central-1"))
            """, verification: """v => v.Step("Health", s => s.Http("GET", "https://api.omnix.ai/health").MustBeOkAfterRetry(Region == "eu-central-1"))"""));

    [Fact]
    public Task An_action_a_static_method_of_another_class_or_a_local_function_of_define_configures_is_not_reported() =>
        RunAsync(DefineWithLocalFunctions("""
                    ICommandStepBuilder Bounded(ICommandStepBuilder c) => c.Timeout(TimeSpan.FromMinutes(5));
                    IHttpStepBuilder Checked(IHttpStepBuilder h) { h.ExpectStatus(200); return h; }
            """, """
                        .Step("Logs", s => Limits.Bounded(s.Run("kubectl logs -f api-0")))
                        .Step("Logs, given a limit", s => Ops.Limits.BoundedBy(s.Run("kubectl logs -f api-1"), TimeSpan.FromMinutes(2)))
                        .Step("Logs, local", s => Bounded(s.Run("kubectl logs -f api-2")))
                        .Step("Logs, an extension called as a method", s => StepExtensions.Bounded(s.Run("kubectl logs -f api-3")))
            """, """
                    v => v.Step("Health", s => Limits.MustBeOk(s.Http("GET", "https://api.omnix.ai/health")))
                        .Step("Ready", s => Checked(s.Http("GET", "https://api.omnix.ai/ready")))
            """));

    [Fact]
    public Task An_action_a_static_method_of_another_class_or_a_local_function_leaves_unconfigured_is_reported() =>
        RunAsync(DefineWithLocalFunctions("""
                    ICommandStepBuilder Noted(ICommandStepBuilder c) => c.Retry(2, TimeSpan.FromSeconds(5));
                    IHttpStepBuilder Logged(IHttpStepBuilder h) => h;
            """, """
                        .Step("Logs", s => Limits.ThenPods(s.Run("kubectl logs {|RB0015:-f|} api-0")))
                        .Step("Logs, maybe bounded", s => Limits.BoundedWhen(s.Run("kubectl logs {|RB0015:-f|} api-1"), Region == "eu-central-1"))
                        .Step("Logs, local", s => Noted(s.Run("kubectl logs {|RB0015:-f|} api-2")))
            """, """
                    v => v.Step("Health", s => Limits.Retried(s.Http("GET", {|RB0014:"https://api.omnix.ai/health"|})))
                        .Step("Ready", s => Logged(s.Http("GET", {|RB0014:"https://api.omnix.ai/ready"|})))
            """));

    // A builder passed by name lands in the parameter of that name, wherever it is written among the arguments.
    [Fact]
    public Task An_action_handed_by_name_to_a_method_that_configures_that_parameter_is_not_reported() =>
        RunAsync(Sources.Runbook("""
                        .Step("Logs", s => Limits.Bounded(c: s.Run("kubectl logs -f api-0")))
                        .Step("Logs, named out of order", s => Ops.Limits.BoundedBy(limit: TimeSpan.FromMinutes(2), command: s.Run("kubectl logs -f api-1")))
                        .Step("Logs, a method of the runbook", s => Wrapped(c: s.Run("kubectl logs -f api-2")))
                        .Step("Logs, the first of two", s => Limits.BoundsFirst(second: s.Run("kubectl get pods"), first: s.Run("kubectl logs -f api-3")))
            """, extraMembers: """
                private static ICommandStepBuilder Wrapped(ICommandStepBuilder c) => c.Timeout(TimeSpan.FromMinutes(5));
            """, verification: """v => v.Step("Health", s => Limits.MustBeOk(h: s.Http("GET", "https://api.omnix.ai/health")))"""));

    // Named for a parameter the method leaves unconfigured: reported, also where the parameter in its place is configured.
    [Fact]
    public Task An_action_handed_by_name_to_a_parameter_left_unconfigured_is_reported() =>
        RunAsync(DefineWithLocalFunctions("""
                    ICommandStepBuilder Noted(ICommandStepBuilder c) => c.Retry(2, TimeSpan.FromSeconds(5));
            """, """
                        .Step("Logs", s => Limits.ThenPods(c: s.Run("kubectl logs {|RB0015:-f|} api-0")))
                        .Step("Logs, local", s => Noted(c: s.Run("kubectl logs {|RB0015:-f|} api-1")))
                        .Step("Logs, the second of two", s => Limits.BoundsFirst(second: s.Run("kubectl logs {|RB0015:-f|} api-2"), first: s.Run("kubectl get pods")))
            """, """
                    v => v.Step("Health", s => Limits.Retried(h: s.Http("GET", {|RB0014:"https://api.omnix.ai/health"|})))
            """));

    // A wrapper that takes more than the builder, with defaults (or params) for the rest, is called with the builder
    // alone: it is followed as one taking only the builder is. Before, only a method of as many parameters as arguments
    // written was, and RB0015/RB0014 reported a command and a check the wrapper bounds and makes fail.
    [Fact]
    public Task An_action_handed_to_a_method_whose_other_parameters_are_optional_and_that_configures_it_is_not_reported() =>
        RunAsync(DefineWithLocalFunctions("""
                    ICommandStepBuilder Bounded(ICommandStepBuilder c, TimeSpan? limit = null) => c.Timeout(limit ?? TimeSpan.FromMinutes(5));
            """, """
                        .Step("Logs", s => Limits.BoundedUpTo(s.Run("kubectl logs -f api-0")))
                        .Step("Logs, tagged", s => Limits.BoundedTagged(s.Run("kubectl logs -f api-1")))
                        .Step("Logs, local", s => Bounded(s.Run("kubectl logs -f api-2")))
                        .Step("Logs, a method of the runbook", s => Wrapped(s.Run("kubectl logs -f api-3")))
                        .Step("Logs, named", s => Wrapped(c: s.Run("kubectl logs -f api-4")))
            """, """
                    v => v.Step("Health", s => Limits.MustBeOkOr(s.Http("GET", "https://api.omnix.ai/health")))
            """, """
                private static ICommandStepBuilder Wrapped(ICommandStepBuilder c, string why = "follows output", params string[] tags) => c.Timeout(TimeSpan.FromMinutes(5));
            """));

    [Fact]
    public Task An_action_handed_to_a_method_whose_other_parameters_are_optional_and_that_leaves_it_unconfigured_is_reported() =>
        RunAsync(DefineWithLocalFunctions("""
                    ICommandStepBuilder Noted(ICommandStepBuilder c, int retries = 2) => c.Retry(retries, TimeSpan.FromSeconds(5));
            """, """
                        .Step("Logs", s => Limits.RetriedUpTo(s.Run("kubectl logs {|RB0015:-f|} api-0")))
                        .Step("Logs, local", s => Noted(s.Run("kubectl logs {|RB0015:-f|} api-1")))
                        .Step("Logs, a method of the runbook", s => Tagged(s.Run("kubectl logs {|RB0015:-f|} api-2")))
            """, """
                    v => v.Step("Health", s => Limits.RetriedOr(s.Http("GET", {|RB0014:"https://api.omnix.ai/health"|})))
            """, """
                private static ICommandStepBuilder Tagged(ICommandStepBuilder c, params string[] tags) => c;
            """));

    [Fact]
    public Task An_action_handed_to_an_overloaded_wrapper_is_judged_by_the_overload_the_call_binds() =>
        // C# binds the overload given every parameter over one that needs a default filled in: Capped(c) bounds, so the
        // first step is bounded; Trimmed(c) does not, so the second is not, though Trimmed(c, limit = null) would bound it.
        RunAsync(DefineWithLocalFunctions("", """
                        .Step("Logs", s => Limits.Capped(s.Run("kubectl logs -f api-0")))
                        .Step("Logs, a method of the runbook", s => Trimmed(s.Run("kubectl logs {|RB0015:-f|} api-1")))
                        .Step("Logs, a method of the runbook given its limit", s => Trimmed(s.Run("kubectl logs -f api-2"), TimeSpan.FromMinutes(1)))
            """, """
                    v => v.Step("Health", s => Limits.MustBeOk(s.Http("GET", "https://api.omnix.ai/health")))
            """, """
                private static ICommandStepBuilder Trimmed(ICommandStepBuilder c) => c;

                private static ICommandStepBuilder Trimmed(ICommandStepBuilder c, TimeSpan? limit = null) => c.Timeout(limit ?? TimeSpan.FromMinutes(5));
            """));

    // An extension that takes more than its receiver, with defaults for the rest, is called on the action alone and
    // judged by the overload C# binds, as a wrapper the action is handed to is. Before, an extension was matched by how
    // many arguments it was given, so .Kept() was judged by Kept(this c), which bounds, and Kept(this c, note = "")
    // too, which does not, and RB0015 reported a command the bound overload bounds.
    [Fact]
    public Task An_action_an_extension_method_whose_other_parameters_are_optional_configures_is_not_reported() =>
        RunAsync(Sources.Runbook("""
                        .Step("Logs", s => s.Run("kubectl logs -f api-0").WithinLimit())
                        .Step("Logs, given a limit by name", s => s.Run("kubectl logs -f api-1").WithinLimit(limit: TimeSpan.FromMinutes(2)))
                        .Step("Logs, overloaded", s => s.Run("kubectl logs -f api-2").Kept())
                        .Step("Logs, tagged", s => s.Run("kubectl logs -f api-3").BoundedAndTagged("logs", "api"))
            """, verification: """v => v.Step("Health", s => s.Http("GET", "https://api.omnix.ai/health").MustAnswer())"""));

    [Fact]
    public Task An_action_an_extension_method_whose_other_parameters_are_optional_leaves_unconfigured_is_reported() =>
        RunAsync(Sources.Runbook("""
                        .Step("Logs", s => s.Run("kubectl logs {|RB0015:-f|} api-0").Retrying())
                        .Step("Logs, overloaded", s => s.Run("kubectl logs {|RB0015:-f|} api-1").Trimmed())
                        .Step("Logs, the overload given its limit", s => s.Run("kubectl logs -f api-2").Trimmed(TimeSpan.FromMinutes(1)))
            """, verification: """v => v.Step("Health", s => s.Http("GET", {|RB0014:"https://api.omnix.ai/health"|}).RetryingCheck())"""));

    // A wrapper that hands the action on to one that configures it is followed there; before, only the first was read.
    [Fact]
    public Task An_action_handed_on_to_a_method_that_configures_it_is_not_reported() =>
        RunAsync(Sources.Runbook("""
                        .Step("Logs", s => Limits.BoundedOnward(s.Run("kubectl logs -f api-0")))
                        .Step("Logs, a method of the runbook", s => Onward(s.Run("kubectl logs -f api-1")))
                        .Step("Logs, an extension", s => s.Run("kubectl logs -f api-2").BoundedByLimits())
            """, extraMembers: """
                private static ICommandStepBuilder Onward(ICommandStepBuilder c) => Limits.BoundedOnward(c);
            """, verification: """v => v.Step("Health", s => Limits.MustBeOkOnward(s.Http("GET", "https://api.omnix.ai/health")))"""));

    // A wrapper that calls a team's extension on the action it is handed is followed into the extension; before, only an
    // action passed on as an argument was, and Limits.BoundedByExtension(c) => c.Bounded() was reported as never ending.
    [Fact]
    public Task An_action_handed_to_a_method_that_calls_a_configuring_extension_on_it_is_not_reported() =>
        RunAsync(Sources.Runbook("""
                        .Step("Logs", s => Limits.BoundedByExtension(s.Run("kubectl logs -f api-0")))
                        .Step("Logs, tagged first", s => Limits.TaggedThenBounded(s.Run("kubectl logs -f api-1")))
            """, verification: """v => v.Step("Health", s => Limits.MustBeOkByExtension(s.Http("GET", "https://api.omnix.ai/health")))"""));

    [Fact]
    public Task An_action_handed_to_a_method_whose_extension_leaves_it_unconfigured_is_reported() =>
        RunAsync(Sources.Runbook("""
                        .Step("Logs", s => Limits.RetriedByExtension(s.Run("kubectl logs {|RB0015:-f|} api-0")))
                        .Step("Logs, bounded after another command", s => Limits.PodsThenBoundedByExtension(s.Run("kubectl logs {|RB0015:-f|} api-1")))
            """, verification: """v => v.Step("Health", s => Limits.RetriedCheckByExtension(s.Http("GET", {|RB0014:"https://api.omnix.ai/health"|})))"""));

    [Fact]
    public Task An_action_handed_on_to_a_method_that_leaves_it_unconfigured_is_reported() =>
        RunAsync(Sources.Runbook("""
                        .Step("Logs", s => Limits.RetriedOnward(s.Run("kubectl logs {|RB0015:-f|} api-0")))
                        .Step("Logs, handed on after another command", s => Limits.PodsThenBounded(s.Run("kubectl logs {|RB0015:-f|} api-1")))
            """, verification: """v => v.Step("Health", s => Limits.RetriedOnward(s.Http("GET", {|RB0014:"https://api.omnix.ai/health"|})))"""));

    [Fact]
    public Task An_action_a_method_of_a_referenced_assembly_is_handed_to_is_reported()
    {
        var library = RunbookLibrary.Emit("""
            using System;
            using RunbookSdk;

            namespace Team;

            public static class SharedLimits
            {
                public static ICommandStepBuilder Bounded(ICommandStepBuilder c) => c.Timeout(TimeSpan.FromMinutes(5));

                public static IHttpStepBuilder MustBeOk(IHttpStepBuilder h) => h.ExpectStatus(200);
            }
            """, assemblyName: "TeamLimits", withGenerator: false);
        return RunAsync(Sources.Runbook("""
                        .Step("Logs", s => Team.SharedLimits.Bounded(s.Run("kubectl logs {|RB0015:-f|} api-0")))
            """, verification: """v => v.Step("Health", s => Team.SharedLimits.MustBeOk(s.Http("GET", {|RB0014:"https://api.omnix.ai/health"|})))"""), library);
    }

    [Fact]
    public Task Half_typed_extension_methods_and_calls_do_not_throw()
    {
        var test = new CSharpAnalyzerTest<CommandTextAnalyzer, DefaultVerifier> { CompilerDiagnostics = CompilerDiagnostics.None };
        test.TestState.Sources.Add(("Runbook.cs", Sources.Runbook("""
                        .Step("Logs", s => s.Run("kubectl logs api-0").Bounded(
                        .Step("Logs again", s => s.Run("kubectl logs api-1").)
            """)));
        test.TestState.Sources.Add(("Extensions.cs", """
            using System;
            using RunbookSdk;

            public static class HalfTyped
            {
                public static ICommandStepBuilder Bounded(this ICommandStepBuilder ) => .Timeout(TimeSpan.FromMinutes(5));
                public static ICommandStepBuilder Bounded(this ) => c.Timeout(
                public static ICommandStepBuilder Bounded(this ICommandStepBuilder c)
            }
            """));
        Verify<CommandTextAnalyzer>.Configure(test);
        return test.RunAsync();
    }

    /// <summary>
    /// The runbook with the team's extension methods in a file of their own, as a project keeps them, and
    /// <paramref name="library"/> referenced when given.
    /// </summary>
    private static Task RunAsync(string runbook, MetadataReference? library = null)
    {
        var test = new CSharpAnalyzerTest<CommandTextAnalyzer, DefaultVerifier>();
        test.TestState.Sources.Add(("Runbook.cs", runbook));
        test.TestState.Sources.Add(("StepExtensions.cs", Extensions));
        Verify<CommandTextAnalyzer>.Configure(test);
        if (library is not null) test.TestState.AdditionalReferences.Add(library);
        return test.RunAsync();
    }

    /// <summary>A runbook whose Define declares <paramref name="localFunctions"/> before its chain of <paramref name="phaseSteps"/> and <paramref name="verification"/>.</summary>
    private static string DefineWithLocalFunctions(string localFunctions, string phaseSteps, string verification, string members = "") => $$"""
        using System;
        using RunbookSdk;

        [Runbook("sample")]
        public sealed class Sample : Runbook<OmnixHandbook>
        {
            [Parameter("AWS region")] public string Region { get; init; } = "eu-central-1";
        {{members}}

            public override void Define(IRunbookBuilder rb)
            {
        {{localFunctions}}
                rb.Title("Sample")
                    .Phase("Immediate actions", p => p
        {{phaseSteps}})
                    .Rollback(r => r.Step("Roll back", s => s.Run("./rollback-plan.sh").RequiresConfirmation()))
                    .Verification(
        {{verification}});
            }
        }

        {{Sources.Handbook}}
        """;

    private const string Extensions = """
        using System;
        using RunbookSdk;

        public static class StepExtensions
        {
            /// <summary>The team's bound for a command that follows output.</summary>
            public static ICommandStepBuilder Bounded(this ICommandStepBuilder c) => c.Timeout(TimeSpan.FromMinutes(5));

            public static ICommandStepBuilder BoundedBy(this ICommandStepBuilder command, TimeSpan limit)
            {
                command.Timeout(limit);
                return command;
            }

            public static T Tagged<T>(this T step) where T : IStepBuilder => step;

            public static ICommandStepBuilder ThenPodsBounded(this ICommandStepBuilder c) => c.Run("kubectl get pods").Timeout(TimeSpan.FromMinutes(1));

            public static IHttpStepBuilder MustBeOk(this IHttpStepBuilder h) => h.ExpectStatus(200);

            /// <summary>Bounds only when told to: the command follows forever otherwise.</summary>
            public static ICommandStepBuilder BoundedWhen(this ICommandStepBuilder c, bool slow)
            {
                if (slow) c.Timeout(TimeSpan.FromMinutes(5));
                return c;
            }

            public static ICommandStepBuilder BoundedIf(this ICommandStepBuilder c, bool slow) => slow ? c.Timeout(TimeSpan.FromMinutes(5)) : c;

            public static IHttpStepBuilder MustBeOkWhen(this IHttpStepBuilder h, bool strict)
            {
                if (strict) h.ExpectStatus(200);
                return h;
            }

            public static ICommandStepBuilder BoundedAfterRetry(this ICommandStepBuilder c, bool flaky)
            {
                if (flaky) c.Retry(2, TimeSpan.FromSeconds(5));
                return c.Timeout(TimeSpan.FromMinutes(5));
            }

            public static IHttpStepBuilder MustBeOkAfterRetry(this IHttpStepBuilder h, bool flaky)
            {
                if (flaky) h.Retry(2, TimeSpan.FromSeconds(5));
                h.ExpectStatus(200);
                return h;
            }
        }

        /// <summary>The team's extensions that take more than their receiver, with defaults for the rest.</summary>
        public static class OptionalExtensions
        {
            public static ICommandStepBuilder WithinLimit(this ICommandStepBuilder c, TimeSpan? limit = null) => c.Timeout(limit ?? TimeSpan.FromMinutes(5));

            public static ICommandStepBuilder BoundedAndTagged(this ICommandStepBuilder c, string why = "follows output", params string[] tags) => c.Timeout(TimeSpan.FromMinutes(5));

            public static IHttpStepBuilder MustAnswer(this IHttpStepBuilder h, int status = 200) => h.ExpectStatus(status);

            /// <summary>Overloaded as a team's extension grows: a call on the command alone binds the first, which bounds.</summary>
            public static ICommandStepBuilder Kept(this ICommandStepBuilder c) => c.Timeout(TimeSpan.FromMinutes(5));

            public static ICommandStepBuilder Kept(this ICommandStepBuilder c, string note = "") => c;

            public static ICommandStepBuilder Retrying(this ICommandStepBuilder c, int retries = 2) => c.Retry(retries, TimeSpan.FromSeconds(5));

            public static IHttpStepBuilder RetryingCheck(this IHttpStepBuilder h, int retries = 2) => h.Retry(retries, TimeSpan.FromSeconds(5));

            /// <summary>A call on the command alone binds the first, which does not bound; given a limit, the second.</summary>
            public static ICommandStepBuilder BoundedByLimits(this ICommandStepBuilder c) => Limits.Bounded(c);

            public static ICommandStepBuilder Trimmed(this ICommandStepBuilder c) => c;

            public static ICommandStepBuilder Trimmed(this ICommandStepBuilder c, TimeSpan? limit = null) => c.Timeout(limit ?? TimeSpan.FromMinutes(5));
        }

        /// <summary>The team's limits as plain static methods, handed the action: <c>Limits.Bounded(s.Run(…))</c>.</summary>
        public static class Limits
        {
            public static ICommandStepBuilder Bounded(ICommandStepBuilder c) => c.Timeout(TimeSpan.FromMinutes(5));

            public static ICommandStepBuilder ThenPods(ICommandStepBuilder c) => c.Run("kubectl get pods").Timeout(TimeSpan.FromMinutes(1));

            public static ICommandStepBuilder BoundedWhen(ICommandStepBuilder c, bool slow) => slow ? c.Timeout(TimeSpan.FromMinutes(5)) : c;

            public static IHttpStepBuilder MustBeOk(IHttpStepBuilder h) => h.ExpectStatus(200);

            public static ICommandStepBuilder BoundedByExtension(ICommandStepBuilder c) => c.Bounded();

            public static ICommandStepBuilder TaggedThenBounded(ICommandStepBuilder c) => c.Tagged().Bounded();

            public static IHttpStepBuilder MustBeOkByExtension(IHttpStepBuilder h) => h.MustBeOk();

            public static ICommandStepBuilder RetriedByExtension(ICommandStepBuilder c) => c.Retrying();

            public static IHttpStepBuilder RetriedCheckByExtension(IHttpStepBuilder h) => h.RetryingCheck();

            /// <summary>Bounds the command it adds, not the one it is handed.</summary>
            public static ICommandStepBuilder PodsThenBoundedByExtension(ICommandStepBuilder c) => c.Run("kubectl get pods").Bounded();

            public static ICommandStepBuilder BoundedOnward(ICommandStepBuilder c) => Bounded(c);

            public static IHttpStepBuilder MustBeOkOnward(IHttpStepBuilder h) => MustBeOk(h);

            public static ICommandStepBuilder RetriedOnward(ICommandStepBuilder c) => RetriedUpTo(c);

            public static IHttpStepBuilder RetriedOnward(IHttpStepBuilder h) => Retried(h);

            /// <summary>Bounds the command it adds, not the one it is handed.</summary>
            public static ICommandStepBuilder PodsThenBounded(ICommandStepBuilder c) => Bounded(c.Run("kubectl get pods"));

            public static IHttpStepBuilder Retried(IHttpStepBuilder h) => h.Retry(2, TimeSpan.FromSeconds(5));

            public static ICommandStepBuilder BoundedUpTo(ICommandStepBuilder c, TimeSpan? limit = null) => c.Timeout(limit ?? TimeSpan.FromMinutes(5));

            public static ICommandStepBuilder BoundedTagged(ICommandStepBuilder c, params string[] tags) => c.Timeout(TimeSpan.FromMinutes(5));

            public static ICommandStepBuilder RetriedUpTo(ICommandStepBuilder c, int retries = 2) => c.Retry(retries, TimeSpan.FromSeconds(5));

            public static IHttpStepBuilder MustBeOkOr(IHttpStepBuilder h, int status = 200) => h.ExpectStatus(status);

            public static IHttpStepBuilder RetriedOr(IHttpStepBuilder h, int retries = 2) => h.Retry(retries, TimeSpan.FromSeconds(5));

            /// <summary>Overloaded as a team's wrapper grows: a call with the command alone binds the first, which bounds.</summary>
            public static ICommandStepBuilder Capped(ICommandStepBuilder c) => c.Timeout(TimeSpan.FromMinutes(5));

            public static ICommandStepBuilder Capped(ICommandStepBuilder c, string note = "") => c;

            /// <summary>Bounds the first command it is handed, not the second.</summary>
            public static ICommandStepBuilder BoundsFirst(ICommandStepBuilder first, ICommandStepBuilder second)
            {
                first.Timeout(TimeSpan.FromMinutes(5));
                return second;
            }
        }

        namespace Ops
        {
            public static class Limits
            {
                public static ICommandStepBuilder BoundedBy(ICommandStepBuilder command, TimeSpan limit)
                {
                    command.Timeout(limit);
                    return command;
                }
            }
        }
        """;
}
