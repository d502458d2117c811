using RunbookSdk.Analyzers.Commands;
using RunbookSdk.Analyzers.Constants;
using RunbookSdk.Analyzers.Sections;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// The rules read runbooks from syntax (docs/performance.md). These pin the cases syntax has to get right on its own:
/// which calls are DSL calls, which names are constants, and code that is only half written.
/// </summary>
public sealed class SyntaxReadingTests
{
    private const string Limits = """
        namespace Omnix.Limits
        {
            public static class Regions
            {
                public const string Primary = "eu-central-1";
                public static readonly string Current = System.Environment.GetEnvironmentVariable("AWS_REGION") ?? "";
                public static class Names { public const string Api = "omnix-ai-backend"; }
            }
        }
        """;

    [Fact]
    public Task ConstantsFromOtherTypesNestedTypesAndConstLocalsAreConstant() =>
        Verify<ConstantArgumentAnalyzer>.AnalyzerAsync($$"""
            using System;
            using RunbookSdk;
            using Omnix.Limits;
            using L = Omnix.Limits.Regions;

            [Runbook("constants")]
            public sealed class Constants : Runbook<OmnixHandbook>
            {
                private const string Host = "api.omnix.ai";
                private static class Titles { public const string Assess = "Assess " + "scope"; }

                public override void Define(IRunbookBuilder rb)
                {
                    const int Minutes = 5;
                    rb.Title(nameof(Constants))
                      .NoRollback("read-only")
                      .Phase(Titles.Assess, TimeBox.Minutes(0, Minutes), p => p
                          .Step(Titles.Assess, s => s
                              .Run($"aws lambda get-function --function-name {Regions.Names.Api} --region {L.Primary}")
                              .Http("GET", $"https://{Host}/health").ExpectStatus(200 + 0)
                              .Wait(TimeSpan.FromMinutes(Minutes))))
                      .Verification(v => v.Step("Check", s => s.Http("GET", $"https://{Host}/health").ExpectStatus(200)));
                }
            }

            {{Limits}}

            {{Sources.Handbook}}
            """);

    [Fact]
    public Task ValuesThatAreNotConstantAreStillReported() =>
        Verify<ConstantArgumentAnalyzer>.AnalyzerAsync($$$"""
            using System;
            using RunbookSdk;
            using Omnix.Limits;

            [Runbook("values")]
            public sealed class Values : Runbook<OmnixHandbook>
            {
                public override void Define(IRunbookBuilder rb)
                {
                    var title = "Assess";
                    rb.NoRollback("read-only")
                      .Phase("Assess", p => p
                          .Step({|RB0016:title|}, s => s.Run($"aws lambda list-functions --region {{|RB0016:Regions.Current|}}")))
                      .Verification(v => v.Step("Check", s => s.Http("GET", {|RB0016:Environment.GetEnvironmentVariable("URL")!|}).ExpectStatus(200)));
                }
            }

            {{{Limits}}}

            {{{Sources.Handbook}}}
            """);

    /// <summary>
    /// A team's step helper is never documented (the generator reports the call to it, RB0101): its own DSL calls are
    /// not judged for what the page would show, where a runbook's are.
    /// </summary>
    [Fact]
    public Task AHelpersOwnCallsAreNotReportedForThePage() =>
        Verify<ConstantArgumentAnalyzer>.AnalyzerAsync($$"""
            using System;
            using RunbookSdk;

            public static class StepHelpers
            {
                public static IStepBuilder Tagged(this IStepBuilder step, string tag) => step.Note("tag: " + tag);
            }

            [Runbook("helped")]
            public sealed class Helped : Runbook<OmnixHandbook>
            {
                private string Tag => "x";

                public override void Define(IRunbookBuilder rb) => rb
                    .NoRollback("read-only")
                    .Phase("Assess", p => p.Step("Look", s => s.Run("aws lambda list-functions").Tagged("x").Note({|RB0016:Tag|})))
                    .Verification(v => v.Step("Check", s => s.Http("GET", "https://api.omnix.ai/health").ExpectStatus(200)));
            }

            {{Sources.Handbook}}
            """);

    [Fact]
    public Task ANameImportedWithUsingStaticIsAskedOfTheSemanticModel() =>
        Verify<ConstantArgumentAnalyzer>.AnalyzerAsync($$"""
            using System;
            using RunbookSdk;
            using static Omnix.Limits.Regions;

            [Runbook("imported")]
            public sealed class Imported : Runbook<OmnixHandbook>
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .NoRollback("read-only")
                    .Phase("Assess", p => p.Step("List", s => s.Run($"aws lambda list-functions --region {Primary}")))
                    .Verification(v => v.Step("Check", s => s.Http("GET", "https://api.omnix.ai/health").ExpectStatus(200)));
            }

            {{Limits}}

            {{Sources.Handbook}}
            """);

    [Fact]
    public Task ACharWhereADurationIsExpectedIsNotReadAsOne() =>
        Verify<ConstantArgumentAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Wait", s => s.Wait({|RB0016:TimeSpan.FromMinutes('a')|}))
            """));

    [Fact]
    public Task DotNet9DurationFactoriesWithSeveralUnitsAreConstant() =>
        Verify<ConstantArgumentAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Wait", s => s.Wait(TimeSpan.FromMinutes(1, 30)).Wait(TimeSpan.FromHours(1, seconds: 30)).Wait(TimeSpan.FromSeconds(30L, 500L))
                            .Wait(TimeSpan.FromDays(1, 2, 3, 4, 5, 6)).Wait(TimeSpan.FromMilliseconds(500, 0)).Wait(new TimeSpan(0, 0, 1, 30, 0)))
            """));

    [Fact]
    public Task ADurationOutOfTimeSpanRangeIsNotConstant() =>
        Verify<ConstantArgumentAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Wait", s => s.Wait({|RB0016:TimeSpan.FromDays(int.MaxValue, int.MaxValue)|}).Wait({|RB0016:new TimeSpan(int.MaxValue, 0, 0)|}))
            """));

    // TimeBox.Hours(int.MaxValue) compiles, but TimeSpan.FromHours throws when the plan is built, and the generator
    // documents it as source text: it is no constant duration. Every int is a TimeSpan's worth of minutes.
    [Fact]
    public Task ATimeBoxOutOfTimeSpanRangeIsNotConstant() =>
        Verify<ConstantArgumentAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Assess", s => s.Instruction("Look at the dashboard")))
                    .Phase("Forever", {|RB0016:TimeBox.Hours(int.MaxValue)|}, p => p.Step("Wait", s => s.Instruction("Wait")))
                    .Phase("From far", {|RB0016:TimeBox.Hours(-300_000_000, 1)|}, p => p.Step("Wait", s => s.Instruction("Wait")))
                    .Phase("Long", TimeBox.Hours(256_000_000), p => p.Step("Wait", s => s.Instruction("Wait")))
                    .Phase("Minutes", TimeBox.Minutes(int.MinValue, int.MaxValue), p => p.Step("Wait", s => s.Instruction("Wait"))
            """));

    [Fact]
    public Task DslCallsInAHelperThatTakesABuilderAreJudged() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Assess", s => s.Run("aws lambda list-functions"))
            """, extraMembers: """
                private static IPhaseBuilder Cleanup(IPhaseBuilder phase) =>
                    phase.Step("Flush", s => s.Run("redis-cli {|RB0005:FLUSHALL|}"));

                private static void Local(IRunbookBuilder rb)
                {
                    void Add(IStepBuilder step) => step.Run("{|RB0005:kubectl delete pod -l app=api|}");
                    rb.Phase("Local", p => p.Step("Delete", Add));
                }
            """));

    [Fact]
    public Task CallsNamedLikeTheDslOnOtherObjectsAreNotJudged() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Assess", s => s.Execute("Run the shell", _ => new Shell().Run("redis-cli FLUSHALL")))
            """, extraMembers: """
                private sealed class Shell { public System.Threading.Tasks.Task Run(string command) => System.Threading.Tasks.Task.CompletedTask; }
            """));

    [Fact]
    public Task MisspelledOrDanglingSectionsAreNotJudgedUntilTheyCompile() =>
        Verify<SectionCompletenessAnalyzer>.WithoutCompilerErrorsAsync($$"""
            using System;
            using RunbookSdk;

            [Runbook("misspelled")]
            public sealed class Misspelled : Runbook<OmnixHandbook>
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .NoRollback("read-only")
                    .Verificaton(v => v.Step("Check", s => s.Run("true")));
            }

            [Runbook("dangling")]
            public sealed class Dangling : Runbook<OmnixHandbook>
            {
                public override void Define(IRunbookBuilder rb) => rb.NoRollback("read-only").Verif;
            }

            [Runbook("wrong-arguments")]
            public sealed class WrongArguments : Runbook<OmnixHandbook>
            {
                public override void Define(IRunbookBuilder rb) => rb.NoRollback(42);
            }

            {{Sources.Handbook}}
            """);

    [Fact]
    public Task ACompleteRunbookNextToHalfTypedOnesIsStillJudged() =>
        Verify<SectionCompletenessAnalyzer>.WithoutCompilerErrorsAsync($$"""
            using System;
            using RunbookSdk;

            [Runbook("unverified")]
            public sealed class {|RB0003:Unverified|} : Runbook<OmnixHandbook>
            {
                public override void Define(IRunbookBuilder rb) => rb.NoRollback("read-only");
            }

            [Runbook("half")]
            public sealed class Half : Runbook<OmnixHandbook>
            {
                public override void Define(IRunbookBuilder rb) => rb.NoRollback(
            }

            {{Sources.Handbook}}
            """);
    // A file's calls are read type by type, and what a constant is depends on the type the call is written in: a call
    // in a nested type, between two of the outer type's, reads the nested type's constant, and the next outer call the
    // outer one's again.
    [Fact]
    public Task AConstantIsReadInTheTypeItsCallIsWrittenIn() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync($$"""
            using System;
            using RunbookSdk;

            [Runbook("layers")]
            public sealed class Layers : Runbook<OmnixHandbook>
            {
                private const string Dir = "/srv/data";

                private static IStepBuilder Sizes(IStepBuilder s) => s.Run($"du -sh {Dir}");

                private static class Personal
                {
                    private const string Dir = "~jon/data";

                    // Constants only: the shell reads ~jon as written, and expands it (RB0022).
                    public static IStepBuilder List(IStepBuilder s) => s.Run({|RB0007:$"ls {|RB0022:{Dir}|}"|});
                }

                public override void Define(IRunbookBuilder rb) => rb
                    .NoRollback("read-only")
                    .Phase("Look", p => p
                        .Step("Sizes", s => Sizes(s))
                        .Step("Personal", s => Personal.List(s))
                        .Step("Again", s => s.Run($"ls {Dir}")))
                    .Verification(v => v.Step("Check", s => s.Http("GET", "https://api.omnix.ai/health").ExpectStatus(200)));
            }

            {{Sources.Handbook}}
            """);
}
