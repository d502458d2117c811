using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using RunbookSdk.Analyzers.Commands;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// RB0005 on a step confirmed by a team's code: an extension method declared in the project
/// (<c>s.Run("redis-cli FLUSHALL").Confirmed()</c> with <c>public static IStepBuilder Confirmed(this IStepBuilder s)
/// =&gt; s.RequiresConfirmation()</c>) or a method of the runbook's class handed the step's builder
/// (<c>s =&gt; { s.Run(…); Confirm(s); }</c>). The rule followed neither, as RB0014 and RB0015 follow theirs, and
/// reported steps every run of which asks the operator first. Then it still reported a step confirmed by a static method
/// of another class (<c>Safety.Confirm(s)</c>) or by a local function of Define. And a confirmation that runs only on
/// some ways through the code (<c>if (ask) s.RequiresConfirmation();</c>) counted as one that always runs.
/// </summary>
public sealed class ExtensionConfirmationTests
{
    [Fact]
    public Task A_step_a_source_extension_method_confirms_is_not_reported() =>
        RunAsync(Sources.Runbook("""
                        .Step("Flush", s => s.Run("redis-cli FLUSHALL").Confirmed())
                        .Step("Wipe, confirmed as a statement", s => { s.Run("rm -rf /srv/app"); s.Confirmed(); })
                        .Step("Confirmed first", s => s.Confirmed().Run("kubectl delete ns payments"))
                        .Step("Tagged, then confirmed", s => s.Run("redis-cli FLUSHDB").Tagged().Confirmed())
                        .Step("Confirmed after a notice", s => s.Run("helm uninstall api").AfterTellingOps("#ops"))
                        .Step("Delete the index", s => s.Http("DELETE", "https://search.internal/logs-2024.01").Confirmed())
                        .Step("Flush of a helper", s => Flush(s).Confirmed())
            """, extraMembers: """
                private static IStepBuilder Flush(IStepBuilder s) => s.Run("redis-cli -n 2 FLUSHALL");
            """));

    [Fact]
    public Task A_step_a_method_of_the_runbook_confirms_is_not_reported() =>
        RunAsync(Sources.Runbook("""
                        .Step("Flush", s => Confirm(s.Run("redis-cli FLUSHALL")))
                        .Step("Wipe", s => { s.Run("rm -rf /srv/app"); this.Confirm(s); })
                        .Step("Drop", s => { s.Run("psql -c 'DROP TABLE sessions'"); Announce(s, "#ops"); })
                        .Step("Scale down", s => Scale(s))
            """, extraMembers: """
                private IStepBuilder Confirm(IStepBuilder s) => s.RequiresConfirmation();
                private static void Announce(IStepBuilder step, string channel) => step.Notify("maintenance", channel).RequiresConfirmation();
                private static IStepBuilder Scale(IStepBuilder s)
                {
                    s.Confirmed();
                    return s.Run("kubectl scale deploy/api --replicas=0");
                }
            """));

    [Fact]
    public Task A_step_an_extension_method_or_a_method_leaves_unconfirmed_is_reported() =>
        RunAsync(Sources.Runbook("""
                        .Step("Flush", s => s.Run("redis-cli {|RB0005:FLUSHALL|}").Tagged())
                        .Step("Wipe", s => { s.Run("{|RB0005:rm -rf /srv/app|}"); s.Tagged(); })
                        .Step("Drop", s => Note(s.Run("psql -c '{|RB0005:DROP TABLE|} sessions'")))
                        .Step("Delete the index", s => s.Http({|RB0005:"DELETE"|}, "https://search.internal/logs-2024.01").ExpectStatus(200).Tagged())
            """, extraMembers: """
                private static IStepBuilder Note(IStepBuilder s) => s.Instruction("Tell #ops first");
            """));

    [Fact]
    public Task A_step_a_static_method_of_another_class_confirms_is_not_reported() =>
        RunAsync(Sources.Runbook("""
                        .Step("Wipe", s => { s.Run("rm -rf /srv/app"); Safety.Confirm(s); })
                        .Step("Flush", s => Safety.Confirm(s.Run("redis-cli FLUSHALL")))
                        .Step("Drop", s => { s.Run("psql -c 'DROP TABLE sessions'"); Ops.Guards.Confirm(s); })
                        .Step("Delete the namespace", s => StepExtensions.Confirmed(s.Run("kubectl delete ns payments")))
                        .Step("Delete the index", s => { s.Http("DELETE", "https://search.internal/logs-2024.01"); Safety.AfterTelling("#ops", s); })
            """));

    [Fact]
    public Task A_step_a_local_function_of_define_confirms_is_not_reported() =>
        RunAsync($$"""
            using System;
            using RunbookSdk;

            [Runbook("sample")]
            public sealed class Sample : Runbook<OmnixHandbook>
            {
                public override void Define(IRunbookBuilder rb)
                {
                    IStepBuilder Confirm(IStepBuilder s) => s.RequiresConfirmation();

                    rb.Title("Sample")
                        .Phase("Immediate actions", p => p
                            .Step("Flush", s => Confirm(s.Run("redis-cli FLUSHALL")))
                            .Step("Wipe", s => { s.Run("rm -rf /srv/app"); Confirm(s); }))
                        .Rollback(r => r.Step("Roll back", s => s.Run("./rollback-plan.sh").RequiresConfirmation()))
                        .Verification(v => v.Step("Health is green", s => s.Http("GET", "https://api.omnix.ai/health").ExpectStatus(200)));
                }
            }

            {{Sources.Handbook}}
            """);

    [Fact]
    public Task A_step_a_method_of_another_class_or_a_local_function_leaves_unconfirmed_is_reported() =>
        RunAsync($$"""
            using System;
            using RunbookSdk;

            [Runbook("sample")]
            public sealed class Sample : Runbook<OmnixHandbook>
            {
                public override void Define(IRunbookBuilder rb)
                {
                    IStepBuilder Note(IStepBuilder s) => s.Instruction("Tell #ops first");

                    rb.Title("Sample")
                        .Phase("Immediate actions", p => p
                            .Step("Flush", s => Note(s.Run("redis-cli {|RB0005:FLUSHALL|}")))
                            .Step("Wipe", s => { s.Run("{|RB0005:rm -rf /srv/app|}"); Safety.Note(s); })
                            .Step("Drop", s => { s.Run("psql -c '{|RB0005:DROP TABLE|} sessions'"); Safety.HandOnToNote(s); })
                            .Step("Scale down", s => { s.Run("kubectl scale deploy/api {|RB0005:--replicas=0|}"); Safety.Confirm(s, "overloaded"); }))
                        .Rollback(r => r.Step("Roll back", s => s.Run("./rollback-plan.sh").RequiresConfirmation()))
                        .Verification(v => v.Step("Health is green", s => s.Http("GET", "https://api.omnix.ai/health").ExpectStatus(200)));
                }
            }

            {{Sources.Handbook}}
            """);

    // The step's builder passed by name (Confirm(step: s)) lands in the parameter of that name.
    [Fact]
    public Task A_step_handed_by_name_to_a_method_that_confirms_it_is_not_reported() =>
        RunAsync(Sources.Runbook("""
                        .Step("Wipe", s => { s.Run("rm -rf /srv/app"); Safety.Confirm(s: s); })
                        .Step("Delete the index", s => { s.Http("DELETE", "https://search.internal/logs-2024.01"); Safety.AfterTelling(step: s, channel: "#ops"); })
                        .Step("Flush", s => Confirm(step: s.Run("redis-cli FLUSHALL")))
                        .Step("Drop", s => { s.Run("psql -c 'DROP TABLE sessions'"); this.Confirm(step: s); })
            """, extraMembers: """
                private IStepBuilder Confirm(IStepBuilder step) => step.RequiresConfirmation();
            """));

    [Fact]
    public Task A_step_handed_by_name_to_a_method_that_does_not_confirm_it_is_reported() =>
        RunAsync(Sources.Runbook("""
                        .Step("Wipe", s => { s.Run("{|RB0005:rm -rf /srv/app|}"); Safety.Note(s: s); })
                        .Step("Scale down", s => { s.Run("kubectl scale deploy/api {|RB0005:--replicas=0|}"); Safety.Confirm(reason: "overloaded", s: s); })
                        .Step("Flush", s => Note(step: s.Run("redis-cli {|RB0005:FLUSHALL|}")))
            """, extraMembers: """
                private static IStepBuilder Note(IStepBuilder step) => step.Instruction("Tell #ops first");
            """));

    [Fact]
    public Task A_confirmation_that_runs_only_on_some_ways_through_the_code_is_reported() =>
        RunAsync(Sources.Runbook("""
                        .Step("Flush", s => s.Run("redis-cli {|RB0005:FLUSHALL|}").MaybeConfirm(Region == "eu-central-1"))
                        .Step("Flush the cache db", s => s.Run("redis-cli {|RB0005:FLUSHDB|}").ConfirmedWhen(Region == "eu-central-1"))
                        .Step("Wipe", s => s.Run("{|RB0005:rm -rf /srv/app|}").ConfirmedUnless(Region == "us-east-1"))
                        .Step("Drop", s => { s.Run("psql -c '{|RB0005:DROP TABLE|} sessions'"); Safety.ConfirmIf(s, Region != "eu-central-1"); })
                        .Step("Delete the namespace", s => { s.Run("{|RB0005:kubectl delete ns payments|}"); if (Region == "eu-central-1") s.RequiresConfirmation(); })
                        .Step("Uninstall", s => { s.Run("{|RB0005:helm uninstall api|}"); if (Region == "eu-central-1") s.Confirmed(); })
            """));

    [Fact]
    public Task A_confirmation_after_a_condition_it_is_not_under_is_not_reported() =>
        RunAsync(Sources.Runbook("""
                        .Step("Flush", s => s.Run("redis-cli FLUSHALL").ConfirmedAfterNotice(Region == "eu-central-1"))
                        .Step("Wipe", s => { s.Run("rm -rf /srv/app"); if (Region == "eu-central-1") s.Instruction("Tell #ops"); s.RequiresConfirmation(); })
            """));

    // Before, an extension was matched by how many arguments it was given: .Asked() was judged by Asked(this s), which
    // confirms, and by Asked(this s, channel = "#ops"), which does not, though C# binds the first.
    [Fact]
    public Task A_step_confirmed_by_a_team_method_whose_other_parameters_are_optional_is_not_reported() =>
        RunAsync(Sources.Runbook("""
                        .Step("Flush", s => s.Run("redis-cli FLUSHALL").ConfirmedBecause())
                        .Step("Flush the cache db", s => s.Run("redis-cli FLUSHDB").Asked())
                        .Step("Wipe", s => { s.Run("rm -rf /srv/app"); Safety.Confirmed(s); })
                        .Step("Drop", s => Safety.Confirmed(s.Run("psql -c 'DROP TABLE sessions'"), why: "the table is rebuilt"))
            """));

    [Fact]
    public Task A_step_a_team_method_whose_other_parameters_are_optional_leaves_unconfirmed_is_reported() =>
        RunAsync(Sources.Runbook("""
                        .Step("Flush", s => s.Run("redis-cli {|RB0005:FLUSHALL|}").Announced())
                        .Step("Wipe", s => { s.Run("{|RB0005:rm -rf /srv/app|}"); Safety.Noted(s); })
            """));

    // A method that hands the step's builder on to one that confirms it is followed there, up to four methods deep.
    // Before, only the method the step hands its builder to was read, and Safety.HandOn(s) with HandOn(s) =>
    // Confirm(s) was reported though every run of the step asks first.
    [Fact]
    public Task A_step_handed_on_to_a_method_that_confirms_it_is_not_reported() =>
        RunAsync(Sources.Runbook("""
                        .Step("Drop", s => { s.Run("psql -c 'DROP TABLE sessions'"); Safety.HandOn(s); })
                        .Step("Flush", s => Safety.HandOn(s.Run("redis-cli FLUSHALL")))
                        .Step("Wipe", s => { s.Run("rm -rf /srv/app"); Guarded(s); })
                        .Step("Flush the cache db", s => s.Run("redis-cli FLUSHDB").ConfirmedBySafety())
                        .Step("Delete the namespace", s => { s.Run("kubectl delete ns payments"); Safety.Through2(step: s); })
            """, extraMembers: """
                private static void Guarded(IStepBuilder s) => Safety.HandOn(s);
            """));

    [Fact]
    public Task A_step_handed_on_to_a_method_that_does_not_confirm_it_or_too_deep_is_reported() =>
        RunAsync(Sources.Runbook("""
                        .Step("Drop", s => { s.Run("psql -c '{|RB0005:DROP TABLE|} sessions'"); Safety.HandOnToNote(s); })
                        .Step("Wipe", s => { s.Run("{|RB0005:rm -rf /srv/app|}"); Safety.HandOnWhen(s, Region == "eu-central-1"); })
                        .Step("Flush", s => { s.Run("redis-cli {|RB0005:FLUSHALL|}"); Safety.Loop(s); })
                        .Step("Delete the namespace", s => { s.Run("{|RB0005:kubectl delete ns payments|}"); Safety.Through1(s); })
            """));

    // A team's method that calls an extension on the step it is handed (static void X(IStepBuilder s) => s.Confirmed())
    // is followed into the extension, as one that passes the step to a method is. Before, only the passing was followed,
    // and Safety.ConfirmByExtension(s) was reported though every run of the step asks first.
    [Fact]
    public Task A_step_handed_to_a_method_that_calls_a_confirming_extension_on_it_is_not_reported() =>
        RunAsync(Sources.Runbook("""
                        .Step("Wipe", s => { s.Run("rm -rf /srv/app"); Safety.ConfirmByExtension(s); })
                        .Step("Flush", s => Safety.TagThenConfirm(s.Run("redis-cli FLUSHALL")))
                        .Step("Drop", s => { s.Run("psql -c 'DROP TABLE sessions'"); Guarded(s); })
                        .Step("Delete the namespace", s => { s.Run("kubectl delete ns payments"); Safety.ThroughExtension2(s); })
            """, extraMembers: """
                private static void Guarded(IStepBuilder s) => s.Confirmed();
            """));

    [Fact]
    public Task A_step_handed_to_a_method_whose_extension_does_not_confirm_it_or_too_deep_is_reported() =>
        RunAsync(Sources.Runbook("""
                        .Step("Wipe", s => { s.Run("{|RB0005:rm -rf /srv/app|}"); Safety.AnnounceByExtension(s); })
                        .Step("Flush", s => { s.Run("redis-cli {|RB0005:FLUSHALL|}"); Safety.ConfirmByExtensionIf(s, Region == "eu-central-1"); })
                        .Step("Delete the namespace", s => { s.Run("{|RB0005:kubectl delete ns payments|}"); Safety.ThroughExtension1(s); })
            """));

    /// <summary>The runbook with the team's extension methods in a file of their own, as a project keeps them.</summary>
    private static Task RunAsync(string runbook)
    {
        var test = new CSharpAnalyzerTest<CommandTextAnalyzer, DefaultVerifier>();
        test.TestState.Sources.Add(("Runbook.cs", runbook));
        test.TestState.Sources.Add(("StepExtensions.cs", Extensions));
        Verify<CommandTextAnalyzer>.Configure(test);
        return test.RunAsync();
    }

    private const string Extensions = """
        using RunbookSdk;

        public static class StepExtensions
        {
            /// <summary>The team's mark for a step that cannot be undone.</summary>
            public static IStepBuilder Confirmed(this IStepBuilder s) => s.RequiresConfirmation();

            public static IStepBuilder AfterTellingOps(this IStepBuilder step, string channel)
            {
                step.Notify("maintenance", channel).RequiresConfirmation();
                return step;
            }

            public static T Tagged<T>(this T step) where T : IStepBuilder => step;

            /// <summary>Asks only when told to: the step runs unconfirmed otherwise.</summary>
            public static IStepBuilder MaybeConfirm(this IStepBuilder s, bool ask)
            {
                if (ask) s.RequiresConfirmation();
                return s;
            }

            public static IStepBuilder ConfirmedWhen(this IStepBuilder s, bool ask) => ask ? s.RequiresConfirmation() : s;

            public static IStepBuilder ConfirmedUnless(this IStepBuilder s, bool skip)
            {
                if (skip) return s;
                s.RequiresConfirmation();
                return s;
            }

            public static IStepBuilder ConfirmedAfterNotice(this IStepBuilder s, bool loud)
            {
                if (loud) s.Notify("maintenance", "#ops");
                return s.RequiresConfirmation();
            }
        }

        /// <summary>The team's extensions that take more than the step, with defaults for the rest.</summary>
        public static class OptionalExtensions
        {
            public static IStepBuilder ConfirmedBecause(this IStepBuilder s, string? why = null) => s.RequiresConfirmation();

            /// <summary>Overloaded: a call on the step alone binds the first, which confirms.</summary>
            public static IStepBuilder Asked(this IStepBuilder s) => s.RequiresConfirmation();

            public static IStepBuilder Asked(this IStepBuilder s, string channel = "#ops") => s.Notify("maintenance", channel);

            public static IStepBuilder Announced(this IStepBuilder s, string channel = "#ops") => s.Notify("maintenance", channel);

            public static IStepBuilder ConfirmedBySafety(this IStepBuilder s)
            {
                Safety.Confirm(s);
                return s;
            }
        }

        public static class Safety
        {
            public static IStepBuilder Confirmed(IStepBuilder s, string? why = null) => s.RequiresConfirmation();

            public static IStepBuilder Noted(IStepBuilder s, string? why = null) => s.Instruction(why ?? "Tell #ops first");

            public static void Confirm(IStepBuilder s) => s.RequiresConfirmation();

            public static IStepBuilder Confirm(IStepBuilder s, string reason) => s.Instruction(reason);

            public static IStepBuilder Note(IStepBuilder s) => s.Instruction("Tell #ops first");

            public static void HandOn(IStepBuilder s) => Confirm(s);

            public static void HandOnToNote(IStepBuilder s) => Note(s);

            /// <summary>Hands the step on only when told to: it runs unconfirmed otherwise.</summary>
            public static void HandOnWhen(IStepBuilder s, bool ask)
            {
                if (ask) Confirm(s);
            }

            /// <summary>Hands the step back to itself: never confirms it.</summary>
            public static void Loop(IStepBuilder s) => Loop(s);

            /// <summary>Five methods from Through1 to Confirm: deeper than the rules follow.</summary>
            public static void Through1(IStepBuilder s) => Through2(s);

            /// <summary>Four methods from Through2 to Confirm: followed.</summary>
            public static void Through2(IStepBuilder step) => Through3(step);

            public static void Through3(IStepBuilder s) => Ops.Guards.Through4(s);

            public static void AfterTelling(string channel, IStepBuilder step) => step.Notify("maintenance", channel).RequiresConfirmation();

            /// <summary>Calls the team's extension on the step it is handed, which confirms it.</summary>
            public static void ConfirmByExtension(IStepBuilder s) => s.Confirmed();

            public static IStepBuilder TagThenConfirm(IStepBuilder s) => s.Tagged().Confirmed();

            /// <summary>Calls an extension that only tells #ops: the step runs unconfirmed.</summary>
            public static void AnnounceByExtension(IStepBuilder s) => s.Announced();

            public static void ConfirmByExtensionIf(IStepBuilder s, bool ask)
            {
                if (ask) s.Confirmed();
            }

            /// <summary>Five methods from ThroughExtension1 to Confirm, the fourth an extension: deeper than the rules follow.</summary>
            public static void ThroughExtension1(IStepBuilder s) => ThroughExtension2(s);

            /// <summary>Four methods from ThroughExtension2 to Confirm: followed.</summary>
            public static void ThroughExtension2(IStepBuilder s) => ThroughExtension3(s);

            public static void ThroughExtension3(IStepBuilder s) => s.ConfirmedBySafety();

            public static void ConfirmIf(IStepBuilder s, bool ask)
            {
                if (ask) s.RequiresConfirmation();
            }
        }

        namespace Ops
        {
            public static class Guards
            {
                public static IStepBuilder Confirm(IStepBuilder s) => s.RequiresConfirmation();

                public static void Through4(IStepBuilder s) => Confirm(s);
            }
        }
        """;
}
