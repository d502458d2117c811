using RunbookSdk.Analyzers.Constants;
using RunbookSdk.Analyzers.Escalation;
using RunbookSdk.Analyzers.Identity;
using RunbookSdk.Analyzers.Review;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

public sealed class RB0008Tests
{
    [Fact]
    public Task LevelsOutOfOrderOrDuplicatedAreReported() =>
        Verify<EscalationAnalyzer>.AnalyzerAsync("""
            using System;
            using RunbookSdk;

            [Handbook("disordered")]
            public sealed class Disordered : Handbook
            {
                public override void Define(IHandbookBuilder hb) => hb
                    .Escalation(e => e
                        .Level("On-call Engineer", TimeSpan.Zero)
                        .Level("Platform Team Lead", TimeSpan.FromMinutes(30))
                        .Level("CTO", {|RB0008:TimeSpan.FromMinutes(15)|})
                        .Level({|RB0008:"On-call Engineer"|}, TimeSpan.FromHours(4))
                        .Level("Executive Team", {|RB0008:TimeSpan.FromHours(4)|}));
            }
            """);

    [Fact]
    public Task LevelsInIncreasingTimeAreNotReported() =>
        Verify<EscalationAnalyzer>.AnalyzerAsync($$"""
            using System;
            using RunbookSdk;

            {{Sources.Handbook}}
            """);
}

public sealed class RB0009Tests
{
    [Fact]
    public Task AFirstLevelLaterThanTheResponseTimeIsReportedOnTheLevel() =>
        Verify<EscalationAnalyzer>.AnalyzerAsync($$"""
            using System;
            using RunbookSdk;

            [Runbook("late")]
            public sealed class Late : Runbook<OmnixHandbook>
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Severity(Severity.P1)
                    .Escalation(e => e.Level("Platform Team Lead", {|RB0009:TimeSpan.FromMinutes(30)|}));
            }

            {{Sources.Handbook}}
            """);

    [Fact]
    public Task AnInheritedLateLevelIsReportedOnTheSeverity() =>
        Verify<EscalationAnalyzer>.AnalyzerAsync("""
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
            """);

    /// <summary>
    /// A handbook's escalation given as a method of its class (<c>.Escalation(Levels)</c>, <c>e =&gt; Levels(e)</c>) is read
    /// where it is given, as its lambda would be: its late first level is reported on the severity of each runbook of it,
    /// and one in time is not.
    /// </summary>
    [Fact]
    public Task An_inherited_late_level_of_an_escalation_given_as_a_method_is_reported_on_the_severity() =>
        Verify<EscalationAnalyzer>.AnalyzerAsync("""
            using System;
            using RunbookSdk;

            [Handbook("slow")]
            public sealed class SlowHandbook : Handbook
            {
                public override void Define(IHandbookBuilder hb) => hb
                    .SeverityLevel("P1", "Critical", s => s.RespondWithin(TimeSpan.FromMinutes(5)))
                    .SeverityLevel("P3", "Low", s => s.RespondWithin(TimeSpan.FromHours(1)))
                    .Escalation(Levels);

                private static void Levels(IEscalationBuilder e) => e
                    .Level("Team", TimeSpan.FromMinutes(15))
                    .Level("Lead", TimeSpan.FromMinutes(30));
            }

            [Handbook("forwarded")]
            public sealed class ForwardedHandbook : Handbook
            {
                public override void Define(IHandbookBuilder hb) => hb
                    .SeverityLevel("P1", "Critical", s => s.RespondWithin(TimeSpan.FromMinutes(5)))
                    .Escalation(e => Levels(e));

                private static void Levels(IEscalationBuilder e) => e.Level("Team", TimeSpan.FromMinutes(10));
            }

            [Runbook("inherits-late")]
            public sealed class InheritsLate : Runbook<SlowHandbook>
            {
                public override void Define(IRunbookBuilder rb) => rb.Severity({|RB0009:"P1"|});
            }

            [Runbook("inherits-in-time")]
            public sealed class InheritsInTime : Runbook<SlowHandbook>
            {
                public override void Define(IRunbookBuilder rb) => rb.Severity("P3");
            }

            [Runbook("inherits-forwarded-late")]
            public sealed class InheritsForwardedLate : Runbook<ForwardedHandbook>
            {
                public override void Define(IRunbookBuilder rb) => rb.Severity({|RB0009:"P1"|});
            }
            """);

    [Fact]
    public Task AFirstLevelWithinTheResponseTimeIsNotReported() =>
        Verify<EscalationAnalyzer>.AnalyzerAsync($$"""
            using System;
            using RunbookSdk;

            [Runbook("in-time")]
            public sealed class InTime : Runbook<OmnixHandbook>
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Severity(Severity.P2)
                    .Escalation(e => e.Level("Platform Team Lead", TimeSpan.FromMinutes(30)));
            }

            {{Sources.Handbook}}
            """);
}

public sealed class RB0010Tests
{
    [Fact]
    public Task APassedReviewDateIsReported() =>
        Verify<ReviewDateAnalyzer>.AnalyzerAsync("""
            using RunbookSdk;

            [Handbook("old")]
            public sealed class Old : Handbook
            {
                public override void Define(IHandbookBuilder hb) => hb.Title("Old").{|RB0010:ReviewDate(2025, 10, 5)|};
            }
            """);

    [Fact]
    public Task AFutureOrInvalidReviewDateIsNotReported() =>
        Verify<ReviewDateAnalyzer>.AnalyzerAsync("""
            using RunbookSdk;

            [Handbook("fresh")]
            public sealed class Fresh : Handbook
            {
                public override void Define(IHandbookBuilder hb) => hb.ReviewDate(2999, 1, 1).LastUpdated(2020, 1, 1).ReviewDate(2020, 13, 1);
            }
            """);
}

public sealed class RB0011Tests
{
    [Fact]
    public Task IdsThatAreNotKebabCaseOrDuplicatedAreReported() =>
        Verify<IdentityAnalyzer>.AnalyzerAsync("""
            using RunbookSdk;

            [Runbook({|RB0011:"Api_Lambda"|})]
            public sealed class A : Runbook { public override void Define(IRunbookBuilder rb) { } }

            [Runbook({|RB0011:"api-failure"|})]
            public sealed class B : Runbook { public override void Define(IRunbookBuilder rb) { } }

            [Runbook({|RB0011:"api-failure"|})]
            public sealed class C : Runbook { public override void Define(IRunbookBuilder rb) { } }

            [Handbook({|RB0011:"Omnix Handbook"|})]
            public sealed class H : Handbook { public override void Define(IHandbookBuilder hb) { } }
            """);

    // A runbook's page and a handbook's are both named after the id (security.md): with one id in one project the
    // build failed only in its docs step (MSB3073, "would all be written to 'security.md'"), after compiling without
    // a finding, and the IDE and `runbook validate` said nothing about why.
    [Fact]
    public Task ARunbookAndAHandbookWithOneIdAreReported() =>
        Verify<IdentityAnalyzer>.AnalyzerAsync("""
            using RunbookSdk;

            [Runbook({|RB0011:"security"|})]
            public sealed class A : Runbook { public override void Define(IRunbookBuilder rb) { } }

            [Handbook({|RB0011:"security"|})]
            public sealed class H : Handbook { public override void Define(IHandbookBuilder hb) { } }

            [Runbook("platform-dns-failover")]
            public sealed class B : Runbook { public override void Define(IRunbookBuilder rb) { } }

            [Handbook("platform")]
            public sealed class P : Handbook { public override void Define(IHandbookBuilder hb) { } }
            """);

    // index.md is the docs folder's index: a runbook or handbook called "index" would be written over it.
    [Fact]
    public Task TheIdOfTheIndexPageIsReported() =>
        Verify<IdentityAnalyzer>.AnalyzerAsync("""
            using RunbookSdk;

            [Runbook({|RB0011:"index"|})]
            public sealed class A : Runbook { public override void Define(IRunbookBuilder rb) { } }

            [Handbook({|RB0011:"index"|})]
            public sealed class H : Handbook { public override void Define(IHandbookBuilder hb) { } }

            [Runbook("index-rebuild")]
            public sealed class B : Runbook { public override void Define(IRunbookBuilder rb) { } }
            """);

    // A null id (null!, a constant that is null) got no page, no runner and no finding: the generator skips a class
    // without an id, trusting RB0011 to say so. A half-typed argument is left to the compiler.
    [Fact]
    public Task ANullIdIsReported() =>
        Verify<IdentityAnalyzer>.AnalyzerAsync("""
            using RunbookSdk;

            public static class Ids { public const string? Restore = null; }

            [Runbook({|RB0011:null!|})]
            public sealed class A : Runbook { public override void Define(IRunbookBuilder rb) { } }

            [Runbook({|RB0011:Ids.Restore!|})]
            public sealed class B : Runbook { public override void Define(IRunbookBuilder rb) { } }

            [Handbook({|RB0011:null!|})]
            public sealed class H : Handbook { public override void Define(IHandbookBuilder hb) { } }

            [Runbook({|CS0103:Missing|})]
            public sealed class C : Runbook { public override void Define(IRunbookBuilder rb) { } }
            """);

    // The lookup reads literal ids from syntax: each pair below has one duplicate written some other way, and the
    // other runbook must still see it.
    [Fact]
    public Task ADuplicateGivenByAConstantIsFound() =>
        Verify<IdentityAnalyzer>.AnalyzerAsync("""
            using RunbookSdk;

            public static class Ids { public const string Restore = "db-restore"; }

            [Runbook({|RB0011:Ids.Restore|})]
            public sealed class A : Runbook { public override void Define(IRunbookBuilder rb) { } }

            [Runbook({|RB0011:"db-restore"|})]
            public sealed class B : Runbook { public override void Define(IRunbookBuilder rb) { } }
            """);

    [Fact]
    public Task ADuplicateWhoseAttributeIsNamedThroughAnAliasIsFound() =>
        Verify<IdentityAnalyzer>.AnalyzerAsync("""
            using RunbookSdk;
            using Rb = RunbookSdk.RunbookAttribute;

            [Runbook({|RB0011:"db-restore"|})]
            public sealed class A : Runbook { public override void Define(IRunbookBuilder rb) { } }

            [Rb({|RB0011:"db-restore"|})]
            public sealed class B : Runbook { public override void Define(IRunbookBuilder rb) { } }
            """);

    [Fact]
    public Task ADuplicateNestedInAnotherTypeIsFound() =>
        Verify<IdentityAnalyzer>.AnalyzerAsync("""
            using RunbookSdk;

            [Runbook({|RB0011:"db-restore"|})]
            public sealed class A : Runbook { public override void Define(IRunbookBuilder rb) { } }

            public static class Outer
            {
                [RunbookSdk.Runbook({|RB0011:"db-restore"|})]
                public sealed class B : Runbook { public override void Define(IRunbookBuilder rb) { } }
            }
            """);

    [Fact]
    public Task DuplicatesInAFileScopedNamespaceAreFound() =>
        Verify<IdentityAnalyzer>.AnalyzerAsync("""
            namespace Ops.Runbooks;

            using RunbookSdk;

            [Runbook({|RB0011:id: "db-restore"|})]
            public sealed class Restore : Runbook { public override void Define(IRunbookBuilder rb) { } }

            public sealed class Legacy
            {
                [Runbook({|RB0011:"db-restore"|})]
                public sealed class Restore : Runbook { public override void Define(IRunbookBuilder rb) { } }
            }
            """);

    [Fact]
    public Task AnotherAttributeNamedRunbookDoesNotMakeADuplicate() =>
        Verify<IdentityAnalyzer>.AnalyzerAsync("""
            namespace Other
            {
                [System.AttributeUsage(System.AttributeTargets.Class)]
                public sealed class RunbookAttribute(string id) : System.Attribute { public string Id { get; } = id; }

                [Runbook("db-restore")]
                public sealed class NotARunbook { }
            }

            [RunbookSdk.Runbook("db-restore")]
            public sealed class Restore : RunbookSdk.Runbook { public override void Define(RunbookSdk.IRunbookBuilder rb) { } }
            """);

    [Fact]
    public Task UniqueKebabCaseIdsAreNotReported() =>
        Verify<IdentityAnalyzer>.AnalyzerAsync("""
            using RunbookSdk;

            [Runbook("omnix-api-lambda-failure")]
            public sealed class A : Runbook { public override void Define(IRunbookBuilder rb) { } }

            [Runbook("omnix-db-p2")]
            public sealed class B : Runbook { public override void Define(IRunbookBuilder rb) { } }

            [Handbook("omnix")]
            public sealed class H : Handbook { public override void Define(IHandbookBuilder hb) { } }
            """);
}

public sealed class RB0016Tests
{
    [Fact]
    public Task NonConstantTitlesUrlsAndHolesAreReported() =>
        Verify<ConstantArgumentAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step({|RB0016:"Check " + DateTime.Now.Year|}, s => s
                            .Http("GET", $"https://{{|RB0016:Host|}}/health").ExpectStatus(200)
                            .Http("POST", "https://api.omnix.ai/drain").Body($"{{\"since\": {{|RB0016:Since()|}}}}").ExpectStatus(200)
                            .Run($"aws logs tail --since {{|RB0016:Since()|}}m")
                            .Wait({|RB0016:TimeSpan.Parse("00:05:00")|}))
            """, extraMembers: """
                private static readonly string Host = "api.omnix.ai";
                private static int Since() => 30;
            """));

    [Fact]
    public Task ConstantsAndParameterHolesAreNotReported() =>
        Verify<ConstantArgumentAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step(Title, s => s
                            .Run($"aws lambda get-function --function-name {FunctionName} --region {Region}", "Check the function")
                            .Http("GET", "https://api.omnix.ai/health").ExpectStatus(200)
                            .Http("GET", $"https://api.{Region}.omnix.ai/health").ExpectStatus(200)
                            .Http("POST", "https://api.omnix.ai/drain").Body($"{{\"function\": \"{FunctionName}\"}}").ExpectStatus(200)
                            .Http("POST", "https://api.omnix.ai/drain").Body("{}").ExpectStatus(200)
                            .Wait(TimeSpan.FromMinutes(5))
                            .Execute("Drain the queue", async ctx => await System.Threading.Tasks.Task.Delay(1, ctx.CancellationToken)).Timeout(TimeSpan.FromMinutes(2))
                            .Snippet("sql", "SELECT 1;"))
            """, extraMembers: """    private const string Title = "Assess scope";"""));

    [Theory]
    [InlineData("""            .Step(, s => s.Instruction("Look"))""")]
    [InlineData("""            .Step("Wait", s => s.Wait(TimeSpan.FromMinutes(5), ))""")]
    [InlineData("""            .Step("Look", s => s.Run($"aws lambda get-function --function-name {}"))""")]
    [InlineData("""            .Step("Look", s => s.Http("GET", $"https://{Region/health").ExpectStatus(200))""")]
    [InlineData("""            .Step("Look", s => s.Wait(TimeSpan.FromMinutes(5 + )))""")]
    public Task An_argument_still_being_typed_is_not_reported(string steps) =>
        // The compiler already marks the gap; RB0016 put a second finding on it saying '' is not a constant.
        Verify<ConstantArgumentAnalyzer>.WithoutCompilerErrorsAsync(Sources.Runbook(steps));

    // An argument list not closed yet takes what follows it for its arguments: the next step, the next line's
    // .Note(...), the property below. RB0016 said '"journalctl -u api -f" .Step("B", s => s.Run(...' is not a
    // compile-time constant, an argument nobody wrote, on every keystroke until the parenthesis was typed.
    [Theory]
    [InlineData("            .Step(\"A\", s => s.Run(\"journalctl -u api -f\"\n            .Step(\"B\", s => s.Run(\"echo hi\")))")]
    [InlineData("            .Step(\"A\", s => s.Run(\"redis-cli INFO\").Note(\"x\"\n            .Step(\"B\", s => s.Run(\"echo hi\")))")]
    [InlineData("            .Step(\"A\", s => s.Run(\"redis-cli INFO\").ExpectExitCode(0\n                .Note(\"after\"))")]
    public Task What_an_unclosed_argument_list_swallows_is_not_reported(string steps) =>
        Verify<ConstantArgumentAnalyzer>.WithoutCompilerErrorsAsync(Sources.Runbook(steps));

    [Fact]
    public Task A_member_below_an_unclosed_call_is_not_reported_as_its_argument() =>
        Verify<ConstantArgumentAnalyzer>.WithoutCompilerErrorsAsync("""
            using System;
            using RunbookSdk;

            [Runbook("sample")]
            public sealed class Sample : Runbook<OmnixHandbook>
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Title("Sample")
                    .Phase("P", p => p.Step("S", s => s.Run("echo hi")))
                    .Severity(Severity.P1

                [Parameter] public string Region { get; init; } = "";
            }

            """ + Sources.Handbook);

    [Fact]
    public Task AParameterPassedWholeIsDocumentedAsItsHoleAndNotReported() =>
        // The runbook-project template's verification is .Http("GET", HealthUrl): the page shows {HealthUrl}, as it
        // does for $"{HealthUrl}", so a new project's own runbook must not be listed with an RB0016 finding.
        Verify<ConstantArgumentAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Check the region", s => s
                            .Http("GET", Region).ExpectStatus(200)
                            .Instruction(FunctionName))
            """));
}
