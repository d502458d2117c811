using System.Collections.Immutable;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using RunbookSdk.Analyzers.Arguments;
using RunbookSdk.Analyzers.Tests.Infrastructure;
using RunbookSdk.Hosting;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// RB0021 says, at build time, what the runtime refuses when a runbook is started. The two must agree: a value the
/// rule passes and the runtime refuses stops the run at 3 a.m. ("could not be prepared"); one the rule reports and
/// the runtime takes fails a build for nothing (RB0021 is an error). Each case is compiled, analysed, and its
/// <c>Define</c> run by the real runtime; the rule's message must be the runtime's reason.
/// </summary>
public sealed class RefusedArgumentAgreesWithRuntimeTests
{
    public static TheoryData<string> Steps => new()
    {
        "Wait(TimeSpan.FromMinutes(-5))",
        "Wait(TimeSpan.Zero)",
        "Wait(TimeSpan.FromDays(49.7))",
        "Wait(TimeSpan.FromDays(49.8))",
        "Wait(TimeSpan.FromMilliseconds(4294967294))",
        "Wait(TimeSpan.FromMilliseconds(4294967295))",
        "Wait(TimeSpan.FromHours(1, -61))",
        "Wait(new TimeSpan(0, 0, -1))",
        "Wait(TimeSpan.FromTicks(-1))",
        "Wait(TimeSpan.FromTicks(value: 600000000))",
        "Wait(new TimeSpan(-10))",
        "Wait(new TimeSpan(ticks: 0))",
        "Run(\"true\").Timeout(TimeSpan.FromTicks(1))",
        "Run(\"true\").Timeout(TimeSpan.FromTicks(long.MaxValue))",
        "Wait(new TimeSpan(minutes: 5, hours: -1, seconds: 0))",
        "Wait(new TimeSpan(minutes: -5, hours: 1, seconds: 0))",
        "Wait(TimeSpan.FromMinutes(-0.0))",
        "Wait(TimeSpan.FromMilliseconds(-0.4))",
        "Wait(TimeSpan.FromMicroseconds(-1))",
        "Monitor(\"errors\", TimeSpan.FromSeconds(-1))",
        "Monitor(duration: TimeSpan.FromDays(60), what: \"errors\")",
        "Run(\"true\").Timeout(TimeSpan.FromMilliseconds(0.4))",
        "Run(\"true\").Timeout(TimeSpan.Zero)",
        "Run(\"true\").Timeout(Timeout.InfiniteTimeSpan)",
        "Run(\"true\").Timeout(TimeSpan.FromDays(49.7))",
        "Run(\"true\").Timeout(TimeSpan.FromDays(50))",
        "Run(\"true\").Timeout(TimeSpan.MaxValue)",
        "Http(\"GET\", \"https://status.example.com\").Timeout(TimeSpan.FromSeconds(-1))",
        "Http(\"GET\", \"https://status.example.com\").Timeout(TimeSpan.FromDays(50))",
        "Execute(\"warm\", ctx => Task.CompletedTask).Timeout(TimeSpan.MaxValue)",
        "Execute(\"warm\", ctx => Task.CompletedTask).Timeout(TimeSpan.Zero)",
        "Run(\"true\").Retry(0, TimeSpan.FromSeconds(1))",
        "Run(\"true\").Retry(-1, TimeSpan.FromSeconds(1))",
        "Run(\"true\").Retry(1, TimeSpan.FromSeconds(-1))",
        "Run(\"true\").Retry(1, TimeSpan.MaxValue)",
        "Run(\"true\").Retry(2, TimeSpan.FromDays(49.7))",
        "Run(\"true\").Retry(2, TimeSpan.FromDays(49.8))",
        "Run(\"true\").Retry(3, TimeSpan.FromDays(24.8))",
        "Run(\"true\").Retry(3, TimeSpan.FromDays(24.9))",
        "Run(\"true\").Retry(33, TimeSpan.FromMilliseconds(1))",
        "Run(\"true\").Retry(34, TimeSpan.FromMilliseconds(1))",
        "Run(\"true\").Retry(23, TimeSpan.FromSeconds(1))",
        "Run(\"true\").Retry(24, TimeSpan.FromSeconds(1))",
        "Run(\"true\").Retry(100, TimeSpan.Zero)",
        "Run(\"true\").Retry(2000, TimeSpan.Zero)",
        "Run(\"true\").ExpectExitCode()",
        "Run(\"true\").ExpectExitCode(0, 3)",
        "Http(\"GE T\", \"https://status.example.com\")",
        "Http(\"\", \"https://status.example.com\")",
        "Http(\"GET:\", \"https://status.example.com\")",
        "Http(\"get\", \"https://status.example.com\")",
        "Http(\"M-SEARCH\", \"https://status.example.com\")",
        "Http(\"GET\", \"https://status.example.com\").ExpectStatus(-5)",
        "Http(\"GET\", \"https://status.example.com\").ExpectStatus(99)",
        "Http(\"GET\", \"https://status.example.com\").ExpectStatus(100)",
        "Http(\"GET\", \"https://status.example.com\").ExpectStatus(599)",
        "Http(\"GET\", \"https://status.example.com\").ExpectStatus(600)",
        "Http(\"GET\", \"https://status.example.com\").Timeout(TimeSpan.FromSeconds(5)).ExpectStatus(status: 999)",
        "Http(\"GET\", \"https://status.example.com\").Header(\"X-Api Key\", \"k\")",
        "Http(\"GET\", \"https://status.example.com\").Header(\"\", \"k\")",
        "Http(\"GET\", \"https://status.example.com\").Header(null, \"k\")",
        "Http(\"GET\", \"https://status.example.com\").Header(\"X-Api-Key\", \"k\")",
        "Http(\"GET\", \"https://status.example.com\").Header(\"Authorization\", \"Bearer k\\n\")",
        "Http(\"GET\", \"https://status.example.com\").Header(\"X-Note\", \"a\\rb\")",
        "Http(\"GET\", \"https://status.example.com\").Header(\"X-Note\", \"a\\u2028b\")",
        "Http(\"POST\", \"https://status.example.com\").Header(\"Content-Type\", \"json\").Body(\"{}\")",
        "Http(\"POST\", \"https://status.example.com\").Header(\"CONTENT-TYPE\", \"application/json\").Body(\"{}\")",
        "OnlyIf(\"\").Instruction(\"look\")",
        "OnlyIf(\" \\t\").Instruction(\"look\")",
        "OnlyIf(null).Instruction(\"look\")",
        "OnlyIf(\"\\u00A0\").Instruction(\"look\")",
        "OnlyIf(\"\\u200B\").Instruction(\"look\")",
        "OnlyIf(\"\\u3000\").Instruction(\"look\")",
        "OnlyIf($\"\").Instruction(\"look\")",
        "OnlyIf(\"a deploy went out\").Instruction(\"look\")",
        // A hole right after a lone backslash in a JSON string: refused by the body's handler whatever it holds; a text
        // of constant strings only never reaches the handler (Body(string) sends it as written).
        "Http(\"POST\", \"https://status.example.com\").Body($\"{{\\\"p\\\": \\\"C:\\\\{Environment.MachineName}\\\"}}\")",
        "Http(\"POST\", \"https://status.example.com\").Body($\"{{\\\"p\\\": \\\"C:\\\\{42}\\\"}}\")",
        "Http(\"POST\", \"https://status.example.com\").Body($@\"{{\"\"p\"\": \"\"C:\\{Environment.MachineName}\"\"}}\")",
        "Http(\"POST\", \"https://status.example.com\").Body($\"{{\\\"p\\\": \\\"C:\\\\{\"dir\"}\\\"}}\")",
        "Http(\"POST\", \"https://status.example.com\").Body($\"{{\\\"p\\\": \\\"C:\\\\\\\\{Environment.MachineName}\\\"}}\")",
        "Http(\"POST\", \"https://status.example.com\").Body($\"p=C:\\\\{Environment.MachineName}\")",
    };

    public static TheoryData<string> TimeBoxes => new()
    {
        "TimeBox.Minutes(15, 5)",
        "TimeBox.Minutes(5, 5)",
        "TimeBox.Minutes(0, 0)",
        "TimeBox.Minutes(-0, 5)",
        "TimeBox.Minutes(-1, 5)",
        "TimeBox.Hours(-1)",
        "TimeBox.Hours(0)",
        "TimeBox.Minutes(to: 5, from: 15)",
        "TimeSpan.FromMinutes(-1)",
        "TimeSpan.Zero",
        "new TimeBox(TimeSpan.FromHours(2), TimeSpan.FromHours(1))",
        "new TimeBox(To: TimeSpan.FromHours(2), From: TimeSpan.FromHours(1))",
    };

    public static TheoryData<string> Choices => new()
    {
        "OneOf(\"\", o => o.Step(\"A\", s => s.Instruction(\"a\")).Step(\"B\", s => s.Instruction(\"b\")))",
        "OneOf(\"Pick\", o => o.Step(\" \", s => s.Instruction(\"a\")).Step(\"B\", s => s.Instruction(\"b\")))",
        "Step(\"\", s => s.Instruction(\"a\"))",
        "Step(\" \\t\", s => s.Instruction(\"a\"))",
        "Step(\"\\u00A0\", s => s.Instruction(\"a\"))",
        "Step(\"\\u200B\", s => s.Instruction(\"a\"))",
        "Step(\"A\", s => s.Instruction(\"a\"))",
        "OneOf(\"Pick\", o => o.Step(\"A\", s => s.Instruction(\"a\")))",
        "OneOf(\"Pick\", o => o.Step(\"A\", s => s.Instruction(\"a\")).Note(\"or\"))",
        "OneOf(\"Pick\", o => o.Step(\"A\", s => s.Instruction(\"a\")).Step(\"a\", s => s.Instruction(\"b\")))",
        "OneOf(\"Pick\", o => o.Step(\"Straße\", s => s.Instruction(\"a\")).Step(\"STRASSE\", s => s.Instruction(\"b\")))",
        "OneOf(\"Pick\", o => o.Step(\"I\", s => s.Instruction(\"a\")).Step(\"ı\", s => s.Instruction(\"b\")))",
        "OneOf(\"Pick\", o => o.Step(\"A \", s => s.Instruction(\"a\")).Step(\"A\", s => s.Instruction(\"b\")))",
        "OneOf(\"Pick\", o => o.Step(\"A\", s => s.Instruction(\"a\")).Step(\"B\", s => s.Instruction(\"b\")))",
    };

    // Decisions of one runbook titled alike: recorded phases first, then the rollback, then the verification.
    public static TheoryData<string, bool> Decisions => new()
    {
        { """.Phase("A", p => p.OneOf("Fix", o => o.Step("X", s => s.Instruction("x")).Step("Y", s => s.Instruction("y")))).Phase("B", p => p.OneOf(" fix ", o => o.Step("X", s => s.Instruction("x")).Step("Y", s => s.Instruction("y"))))""", true },
        { """.Rollback(r => r.OneOf("Fix", o => o.Step("X", s => s.Instruction("x")).Step("Y", s => s.Instruction("y")))).Phase("A", p => p.OneOf("FIX", o => o.Step("X", s => s.Instruction("x")).Step("Y", s => s.Instruction("y"))))""", true },
        { """.Phase("A", p => p.OneOf("Fix", o => o.Step("X", s => s.Instruction("x")).Step("Y", s => s.Instruction("y"))).OneOf("Fix", o => o.Step("Z", s => s.Instruction("z")).Step("W", s => s.Instruction("w"))))""", true },
        { """.Phase("A", p => p.OneOf("Fix", o => o.Step("X", s => s.Instruction("x")).Step("Y", s => s.Instruction("y")))).Phase("B", p => p.OneOf("Fix it", o => o.Step("X", s => s.Instruction("x")).Step("Y", s => s.Instruction("y"))))""", false },
    };

    public static TheoryData<string> Documents => new()
    {
        "ReviewDate(2027, 2, 29)",
        "ReviewDate(2028, 2, 29)",
        "ReviewDate(2027, 13, 1)",
        "ReviewDate(2027, 0, 1)",
        "ReviewDate(0, 1, 1)",
        "ReviewDate(10000, 1, 1)",
        "LastUpdated(2027, 4, 31)",
        "Escalation(e => e.Level(\"On-call\", TimeSpan.FromMinutes(-1)))",
        "Escalation(e => e.Level(\"On-call\", TimeSpan.Zero))",
    };

    /// <summary>Calls after a team's own step helper, an extension method the rules do not read into.</summary>
    public static TheoryData<string> AfterAHelper => new()
    {
        "Kubectl(\"get pods\").Timeout(TimeSpan.Zero)",
        "Kubectl(\"get pods\").Timeout(TimeSpan.FromMinutes(5))",
        "Kubectl(\"get pods\").Retry(0, TimeSpan.FromSeconds(1))",
        "Kubectl(\"get pods\").Retry(3, TimeSpan.FromSeconds(1))",
        "Kubectl(\"get pods\").OnlyIf(\"\")",
        "Kubectl(\"get pods\").Timeout(TimeSpan.FromDays(50)).Idempotent()",
        "Kubectl(\"get pods\").Timeout(TimeSpan.FromDays(49))",
        "Curl(\"https://status.example.com\").Timeout(TimeSpan.FromSeconds(-1))",
        "Curl(\"https://status.example.com\").ExpectStatus(200).Timeout(TimeSpan.FromDays(50))",
        "Warm().Timeout(TimeSpan.Zero)",
        "Warm().Timeout(TimeSpan.MaxValue)",
        "Instruction(\"look\").Kubectl(\"get pods\").Timeout(TimeSpan.Zero)",
    };

    [Theory]
    [MemberData(nameof(AfterAHelper))]
    public Task A_step_argument_after_a_team_s_helper(string action) =>
        Agree($$""".Phase("P", p => p.Step("Act", s => s.{{action}}))""", """
            public static class TeamSteps
            {
                public static ICommandStepBuilder Kubectl(this IStepBuilder step, string arguments) => step.Run("kubectl " + arguments);
                public static IHttpStepBuilder Curl(this IStepBuilder step, string url) => step.Http("GET", url);
                public static IDelegateStepBuilder Warm(this IStepBuilder step) => step.Execute("warm", ctx => Task.CompletedTask);
            }
            """);

    [Theory]
    [MemberData(nameof(Steps))]
    public Task A_step_argument(string action) =>
        Agree($$""".Phase("P", p => p.Step("Act", s => s.{{action}}))""");

    [Theory]
    [MemberData(nameof(TimeBoxes))]
    public Task A_phase_time_box(string timeBox) =>
        Agree($$""".Phase("P", {{timeBox}}, p => p.Step("Act", s => s.Instruction("look")))""");

    [Theory]
    [MemberData(nameof(Choices))]
    public Task A_decision(string choice) =>
        Agree($$""".Phase("P", p => p.{{choice}})""");

    [Theory]
    [MemberData(nameof(Decisions))]
    public async Task Decisions_of_one_runbook(string phases, bool refused) =>
        Assert.Equal(refused, await Agree(phases) is not null);

    [Theory]
    [MemberData(nameof(Documents))]
    public Task A_document_part(string part) =>
        Agree($$""".{{part}}.Phase("P", p => p.Step("Act", s => s.Instruction("look")))""");

    /// <returns>The runtime's refusal, or null when it takes the runbook.</returns>
    private static async Task<string?> Agree(string chain, string helpers = "")
    {
        var source = $$"""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using RunbookSdk;

            [Runbook("agree")]
            public sealed class Agree : Runbook
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Title("Agree")
                    {{chain}}
                    .NoRollback("a test")
                    .Verification(v => v.Step("Look", s => s.Instruction("look")));
            }

            {{helpers}}
            """;
        var compilation = TestReferences.Compile(source);

        var reported = (await compilation.WithAnalyzers([new RefusedArgumentAnalyzer()]).GetAnalyzerDiagnosticsAsync())
            .Where(d => d.Id == "RB0021").Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var refusal = Refusal(compilation);

        if (refusal is null) Assert.True(reported.Count == 0, "the runtime takes it, but RB0021 says: " + string.Join(" / ", reported));
        else Assert.True(reported.Count > 0 && reported.Any(m => m.Contains(refusal, StringComparison.Ordinal)), $"the runtime refuses it ({refusal}), RB0021 says: {(reported.Count == 0 ? "nothing" : string.Join(" / ", reported))}");
        return refusal;
    }

    /// <summary>What the runtime says when it records the plan, or null when it takes it.</summary>
    private static string? Refusal(CSharpCompilation compilation)
    {
        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        stream.Position = 0;
        var context = new AssemblyLoadContext("agree", isCollectible: true);
        try
        {
            var type = context.LoadFromStream(stream).GetType("Agree")!;
            var runbook = (Runbook)Activator.CreateInstance(type)!;
            var descriptor = new RunbookDescriptor
            {
                Id = "agree", Title = "Agree", RunbookType = type, Parameters = [], Create = _ => runbook,
                ReadParameters = _ => new Dictionary<string, string>(), DocumentFileName = "agree.md", Documentation = "",
            };
            try
            {
                descriptor.CreatePlan(runbook);
                return null;
            }
            catch (ArgumentException e) when (e.ParamName is { } parameter)
            {
                // The reason, without what ArgumentException adds to it (the parameter, and an actual value on a line of its own).
                return e.Message.Split('\n')[0].Replace($" (Parameter '{parameter}')", "", StringComparison.Ordinal);
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                return e.Message;
            }
        }
        finally
        {
            context.Unload();
        }
    }
}
