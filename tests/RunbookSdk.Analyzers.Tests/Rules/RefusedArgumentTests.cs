using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RunbookSdk.Analyzers.Arguments;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// RB0021: a constant argument the DSL refuses when the runbook is defined stopped the run before its first step
/// ("could not be prepared") — at 3 a.m., in a repository whose tests do not dry-run its runbooks. The build says so
/// now, in the runtime's words (the expected messages are the runtime's, as tests/RunbookSdk.Tests/Dsl checks them).
/// </summary>
public sealed class RefusedArgumentTests
{
    private static Task Steps(string steps, params DiagnosticResult[] expected) =>
        Verify<RefusedArgumentAnalyzer>.AnalyzerAsync(
            Sources.Runbook(steps, RunbookMembers).Replace("using System;", "using System;\nusing System.Threading;\nusing System.Threading.Tasks;", StringComparison.Ordinal),
            expected);

    // The finding's argument is the runtime's reason, word for word.
    private static DiagnosticResult Refused(int location, string reason) =>
        new DiagnosticResult("RB0021", DiagnosticSeverity.Error).WithLocation(location).WithArguments(reason);

    // A parameter, a property and a method: values known only when the runbook runs.
    private const string RunbookMembers = """
            [Parameter("Minutes to wait")] public int WaitMinutes { get; init; } = 5;
            [Parameter("What must hold")] public string Condition { get; init; } = "a deployment went out";
            private TimeSpan Pause => TimeSpan.FromMinutes(WaitMinutes);
            private static string Deployed() => "a deployment went out";
            private const string Blank = "  ";
            private static IChoiceBuilder AddOptions(IChoiceBuilder o) => o.Step("Restart", s => s.Instruction("Restart the API"));
        """;

    [Theory]
    [InlineData("TimeBox.Minutes(15, 5)", "15 minutes to 5 minutes")]
    [InlineData("TimeBox.Minutes(-5, 5)", "-5 minutes to 5 minutes")]
    [InlineData("TimeBox.Hours(-1)", "0 minutes to -1 hour")]
    [InlineData("TimeSpan.FromMinutes(-1)", "0 minutes to -1 minute")]
    [InlineData("new TimeBox(TimeSpan.FromHours(2), TimeSpan.FromHours(1))", "2 hours to 1 hour")]
    [InlineData("TimeBox.Minutes(to: 5, from: 15)", "15 minutes to 5 minutes")] // read by name, not by position
    [InlineData("TimeBox.Minutes(15, to: 5)", "15 minutes to 5 minutes")]
    [InlineData("TimeBox.Hours(to: -1)", "0 minutes to -1 hour")]
    [InlineData("new TimeBox(To: TimeSpan.FromHours(1), From: TimeSpan.FromHours(2))", "2 hours to 1 hour")]
    public Task A_time_box_the_phase_refuses_is_reported(string timeBox, string bounds) =>
        Verify<RefusedArgumentAnalyzer>.AnalyzerAsync(
            Sources.Runbook("""            .Step("Assess", s => s.Instruction("Look at the dashboard"))""")
                .Replace("TimeBox.Minutes(0, 5)", "{|#0:" + timeBox + "|}", StringComparison.Ordinal),
            Refused(0, $"The time box of phase 'Immediate actions' must start at zero or later and not end before it starts; it is {bounds}."));

    [Theory]
    [InlineData("TimeBox.Minutes(5, 15)")]
    [InlineData("TimeBox.Minutes(5, 5)")]
    [InlineData("TimeBox.Hours(1)")]
    [InlineData("TimeSpan.FromMinutes(30)")]
    [InlineData("TimeBox.Minutes(WaitMinutes, 5)")]
    [InlineData("TimeBox.Minutes(to: 15, from: 5)")] // 5 to 15 minutes: by position it would read 15 to 5
    [InlineData("TimeBox.Minutes(from: 5, 15)")]
    [InlineData("new TimeBox(To: TimeSpan.FromHours(2), From: TimeSpan.FromHours(1))")]
    public Task A_time_box_the_phase_takes_or_one_known_only_at_run_time_is_not_reported(string timeBox) =>
        Verify<RefusedArgumentAnalyzer>.AnalyzerAsync(
            Sources.Runbook("""            .Step("Assess", s => s.Instruction("Look at the dashboard"))""", RunbookMembers)
                .Replace("TimeBox.Minutes(0, 5)", timeBox, StringComparison.Ordinal));

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"   \"")]
    [InlineData("Blank")]
    [InlineData("$\"\"")]
    [InlineData("null")]
    public Task An_empty_condition_is_reported(string condition) =>
        Steps($$"""            .Step("Restart", s => s.OnlyIf({|#0:{{condition}}|}).Instruction("Restart the API"))""",
            Refused(0, "OnlyIf(condition) needs the condition the operator confirms, e.g. OnlyIf(\"a deployment went out in the last hour\"); it is empty."));

    [Theory]
    [InlineData("Wait({|#0:TimeSpan.FromMinutes(-5)|})", "Wait(duration) must not be negative; it is -5 minutes.")]
    [InlineData("Wait({|#0:new TimeSpan(minutes: 5, hours: -1, seconds: 0)|})", "Wait(duration) must not be negative; it is -55 minutes.")] // by name, as the compiler binds it
    [InlineData("Wait({|#0:TimeSpan.MaxValue|})", "Wait(duration) can be at most about 49.7 days (4,294,967,294 milliseconds, the longest a timer waits); it is 922337203685.478 seconds. For a pause of unknown length, write an Instruction the engineer acknowledges.")]
    [InlineData("Monitor(\"error rate\", {|#0:TimeSpan.FromSeconds(-30)|})", "Monitor(what, duration) must not be negative; it is -30 seconds.")]
    [InlineData("Run(\"./restart.sh\").Timeout({|#0:TimeSpan.Zero|})", "Timeout(timeout) of a command must be more than zero; it is 0 minutes. Leave Timeout out for no limit.")]
    [InlineData("Run(\"./restart.sh\").Retry(3, TimeSpan.FromSeconds(5)).Timeout({|#0:Timeout.InfiniteTimeSpan|})", "Timeout(timeout) of a command must be more than zero; it is -1 millisecond. Leave Timeout out for no limit.")]
    [InlineData("Run(\"./restart.sh\").Timeout({|#0:TimeSpan.FromDays(60)|})", "Timeout(timeout) of a command can be at most about 49.7 days (4,294,967,294 milliseconds, the longest a timer waits); it is 60 days. Leave Timeout out for no limit.")]
    [InlineData("Http(\"GET\", \"https://api.omnix.ai/health\").ExpectStatus(200).Timeout({|#0:TimeSpan.FromSeconds(-1)|})", "Timeout(timeout) of a request must be more than zero; it is -1 second. Leave Timeout out for the default (30 seconds).")]
    [InlineData("Execute(\"Warm the cache\", ctx => Task.CompletedTask).Timeout({|#0:TimeSpan.Zero|})", "Timeout(timeout) of C# code must be more than zero; it is 0 minutes. Leave Timeout out for the default (5 minutes).")]
    [InlineData("Run(\"./restart.sh\").Retry({|#0:0|}, TimeSpan.FromSeconds(5))", "Retry(attempts, backoff) needs at least 1 attempt (the first run counts); it is 0.")]
    [InlineData("Run(\"./restart.sh\").Retry(3, {|#0:TimeSpan.FromSeconds(-5)|})", "Retry(attempts, backoff) must not be negative; it is -5 seconds.")]
    [InlineData("Run(\"./restart.sh\").Retry(backoff: {|#0:TimeSpan.FromSeconds(-5)|}, attempts: 3)", "Retry(attempts, backoff) must not be negative; it is -5 seconds.")]
    [InlineData("Monitor(duration: {|#0:TimeSpan.FromSeconds(-30)|}, what: \"error rate\")", "Monitor(what, duration) must not be negative; it is -30 seconds.")]
    [InlineData("Http(\"GET\", \"https://api.omnix.ai/health\").ExpectStatus(200).Retry({|#0:0|}, TimeSpan.FromSeconds(5))", "Retry(attempts, backoff) needs at least 1 attempt (the first run counts); it is 0.")]
    [InlineData("Http(\"GET\", \"https://api.omnix.ai/health\").Retry(3, {|#0:TimeSpan.FromSeconds(-5)|}).Timeout(TimeSpan.FromSeconds(5))", "Retry(attempts, backoff) must not be negative; it is -5 seconds.")]
    [InlineData("Run(\"./restart.sh\").Retry(WaitMinutes, {|#0:TimeSpan.FromSeconds(-5)|})", "Retry(attempts, backoff) must not be negative; it is -5 seconds.")]
    [InlineData("Run(\"./restart.sh\").Retry(100, {|#0:TimeSpan.FromSeconds(1)|})", "Retry(attempts, backoff) with 100 attempts and a backoff of 1 second would wait more than about 49.7 days (4,294,967,294 milliseconds, the longest a timer waits) before its last attempt: the wait doubles after each attempt. Use fewer attempts or a shorter backoff.")]
    [InlineData("Run(\"./restart.sh\").{|#0:ExpectExitCode()|}", "ExpectExitCode(codes) needs at least one exit code that counts as success, e.g. ExpectExitCode(0, 3); with none the command fails whatever it returns. Leave ExpectExitCode out for the default, 0.")]
    [InlineData("Http({|#0:\"GE T\"|}, \"https://api.omnix.ai/health\")", "Http(method, url) cannot send a request with the method 'GE T': an HTTP method is one word with no spaces or separators, e.g. GET, POST, PUT, PATCH or DELETE.")]
    [InlineData("Http({|#0:\"\"|}, \"https://api.omnix.ai/health\")", "Http(method, url) needs the HTTP method, e.g. Http(\"GET\", …); it is empty.")]
    [InlineData("Http(\"GET\", \"https://api.omnix.ai/health\").Header({|#0:\"X-Api Key\"|}, \"k\")", "Header(name, value) cannot send a header named 'X-Api Key': an HTTP header name has no spaces, colons or other separators (use '-', as in X-Api-Key), so the request would go without it.")]
    [InlineData("Http(\"GET\", \"https://api.omnix.ai/health\").Header({|#0:\"\"|}, \"k\")", "Header(name, value) needs the header's name, e.g. Header(\"Authorization\", …); it is empty.")]
    [InlineData("Http(\"POST\", \"https://api.omnix.ai/purge\").Header(\"Content-Type\", {|#0:\"json\"|}).Body(\"{}\")", "Header(\"Content-Type\", value) needs a media type, e.g. \"application/json\" or \"text/plain; charset=utf-8\"; it is 'json', which the request could not be built with.")]
    [InlineData("Http(\"GET\", \"https://api.omnix.ai/health\").Header(\"Authorization\", {|#0:\"Bearer t0ken\\n\"|})", "Header(\"Authorization\", value) cannot send a value holding a line break (CR or LF): no HTTP header can carry one, so the request could not be sent. Take the line break out (a token read from a file often ends with one).")]
    [InlineData("Http(\"GET\", \"https://api.omnix.ai/health\").Header(value: {|#0:\"a\\r\\nb\"|}, name: \"X-Note\")", "Header(\"X-Note\", value) cannot send a value holding a line break (CR or LF): no HTTP header can carry one, so the request could not be sent. Take the line break out (a token read from a file often ends with one).")]
    [InlineData("Http(\"GET\", \"https://api.omnix.ai/health\").Header(\"X-User\", {|#0:\"José\"|})", "Header(\"X-User\", value) cannot send a value holding U+00E9, which is not ASCII: the HTTP client sends header values in ASCII only, so the request could not be sent. Percent-encode the value (Uri.EscapeDataString) if the service decodes it, or send it in the Body.")]
    [InlineData("Http(\"GET\", \"https://api.omnix.ai/health\").Header(\"X-Note\", {|#0:\"a\\0b\"|})", "Header(\"X-Note\", value) cannot send a value holding the control character U+0000: HTTP allows none in a header value but a tab, and a server answers such a request 400 Bad Request. Take it out.")]
    [InlineData("Http(\"GET\", \"https://api.omnix.ai/health\").ExpectStatus({|#0:999|})", "ExpectStatus(status) must be an HTTP status code, 100 to 599; it is 999, which no response has, so the check could never pass.")]
    public Task A_duration_or_count_the_step_refuses_is_reported(string action, string reason) =>
        Steps($$"""            .Step("Act", s => s.{{action}})""", Refused(0, reason));

    [Theory]
    [InlineData("Wait(TimeSpan.Zero)")]
    [InlineData("Wait(Pause)")]
    [InlineData("Wait(TimeSpan.FromMinutes(WaitMinutes))")]
    [InlineData("Wait(new TimeSpan(minutes: -5, hours: 1, seconds: 0))")] // 55 minutes; by position it would read -5 hours
    [InlineData("Run(\"./restart.sh\").Timeout(TimeSpan.FromMinutes(5)).Retry(3, TimeSpan.FromSeconds(10))")]
    [InlineData("Run(\"./restart.sh\").Retry(WaitMinutes, TimeSpan.FromSeconds(1))")]
    [InlineData("Execute(\"Warm the cache\", ctx => Task.CompletedTask).Timeout(TimeSpan.MaxValue)")] // no limit, as the runner reads it
    [InlineData("OnlyIf(Condition).Instruction(\"Restart the API\")")]
    [InlineData("OnlyIf(Deployed()).Instruction(\"Restart the API\")")]
    [InlineData("OnlyIf($\"{Condition}\").Instruction(\"Restart the API\")")]
    [InlineData("OnlyIf(\"a deployment went out\").Instruction(\"Restart the API\")")]
    [InlineData("Run(\"./restart.sh\").ExpectExitCode(0, 3)")]
    [InlineData("Http(\"get\", \"https://api.omnix.ai/health\")")]
    [InlineData("Http(\"GET\", \"https://api.omnix.ai/health\").ExpectStatus(503)")]
    [InlineData("Http(\"GET\", \"https://api.omnix.ai/health\").Header(\"Authorization\", $\"Bearer {Condition}\")")]
    [InlineData("Http(\"POST\", \"https://api.omnix.ai/purge\").Header(\"content-type\", \"text/plain; charset=utf-8\").Body(\"x\")")]
    [InlineData("Http(\"GET\", \"https://api.omnix.ai/health\").Header(\"X-Mode\", \"json\")")]
    [InlineData("Http(\"GET\", \"https://api.omnix.ai/health\").ExpectStatus(WaitMinutes)")]
    [InlineData("Http(\"GET\", \"https://api.omnix.ai/health\").ExpectStatus(200).Retry(10, TimeSpan.FromSeconds(5)).Timeout(TimeSpan.FromSeconds(3))")]
    [InlineData("Run(\"./restart.sh\").Retry(2000, TimeSpan.Zero)")] // never waits, however many attempts
    public Task An_accepted_value_or_one_known_only_at_run_time_is_not_reported(string action) =>
        Steps($$"""            .Step("Act", s => s.{{action}})""");

    [Fact]
    public Task Escalation_severity_and_dates_the_handbook_refuses_are_reported() =>
        Verify<RefusedArgumentAnalyzer>.AnalyzerAsync("""
            using System;
            using RunbookSdk;

            [Handbook("refused")]
            public sealed class Refused : Handbook
            {
                public override void Define(IHandbookBuilder hb) => hb
                    .Title("Refused")
                    .{|#2:ReviewDate(2027, 2, 30)|}
                    .SeverityLevel("P1", "Critical", s => s.RespondWithin({|#0:TimeSpan.FromMinutes(-1)|}).ResolveWithin({|#1:TimeSpan.FromHours(-4)|}))
                    .Escalation(e => e
                        .Level("On-call", TimeSpan.Zero)
                        .Level("Lead", {|#3:TimeSpan.FromMinutes(-15)|}));
            }
            """,
            Refused(0, "RespondWithin(time) must not be negative; it is -1 minute."),
            Refused(1, "ResolveWithin(time) must not be negative; it is -4 hours."),
            Refused(2, "ReviewDate(year, month, day) must be a day of the calendar; it is ReviewDate(2027, 2, 30)."),
            Refused(3, "Escalation Level(who, after) must not be negative; it is -15 minutes."));

    [Theory]
    [InlineData("""            .Step("Restart", s => s.OnlyIf(""")]
    [InlineData("""            .Step("Restart", s => s.OnlyIf()""")]
    [InlineData("""            .Step("Restart", s => s.Wait()""")]
    [InlineData("""            .Step("Restart", s => s.Run("x").Timeout(""")]
    [InlineData("""            .Step("Restart", s => s.Run("x").Retry(3, """)]
    [InlineData("""            .Step("Restart", s => s.Run("x").ExpectExitCode(""")]
    [InlineData("""            .Step("Restart", s => s.Run("x").Timeout(TimeSpan.FromMinutes(""")]
    public Task Half_typed_calls_report_nothing_and_never_throw(string steps) =>
        Verify<RefusedArgumentAnalyzer>.WithoutCompilerErrorsAsync(Sources.Runbook(steps));

    [Theory]
    [InlineData("TimeBox.Minutes(")]
    [InlineData("TimeBox.Minutes(15,")]
    [InlineData("TimeBox.Minutes()")]
    [InlineData("new TimeBox(TimeSpan.FromMinutes(15))")]
    public Task Half_typed_time_boxes_report_nothing_and_never_throw(string timeBox) =>
        Verify<RefusedArgumentAnalyzer>.WithoutCompilerErrorsAsync(
            Sources.Runbook("""            .Step("Assess", s => s.Instruction("Look at the dashboard"))""")
                .Replace("TimeBox.Minutes(0, 5)", timeBox, StringComparison.Ordinal));

    [Theory]
    [InlineData("\"\"")]
    [InlineData("Blank")]
    [InlineData("null")]
    public Task A_decision_without_a_title_is_reported(string title) =>
        Steps($$"""            .OneOf({|#0:{{title}}|}, o => o.Step("Restart", s => s.Instruction("Restart the API")).Step("Roll back", s => s.Instruction("Roll back")))""",
            Refused(0, "OneOf(title, options) needs what is decided, e.g. OneOf(\"Mitigation strategy\", o => o.Step(\"Restart\", …).Step(\"Clear the cache\", …)); it is empty."));

    [Fact]
    public Task A_decision_of_one_option_is_reported() =>
        Steps("""            .OneOf("Mitigation", {|#0:o => o.Note("Pick what fits").Step("Restart", s => s.Instruction("Restart the API"))|})""",
            Refused(0, "OneOf(\"Mitigation\") has 1 option(s); a choice needs at least two. For one step that applies only sometimes write .Step(\"…\", s => s.OnlyIf(\"…\")…) instead."));

    [Fact]
    public Task Two_options_of_one_title_are_reported_at_the_second() =>
        Steps("""            .OneOf("Mitigation", o => o.Step("Restart", s => s.Instruction("Restart the API")).Step({|#0:"restart"|}, s => s.Instruction("Restart it again")))""",
            Refused(0, "OneOf(\"Mitigation\") has two options titled 'Restart'; give each option a title of its own, by which the operator chooses it.")); // the first's title, as the runtime says it

    [Theory]
    // Options known only when the runbook runs, or still being typed: not judged.
    [InlineData("""o => { o.Step("Restart", s => s.Instruction("Restart the API")); }""")]
    [InlineData("""o => AddOptions(o)""")]
    [InlineData("""o => o.Step(Condition, s => s.Instruction("Restart the API")).Step(Condition, s => s.Instruction("Roll back"))""")]
    [InlineData("""o => o.Step("Restart", s => s.Instruction("Restart the API")).Step("Roll back", s => s.Instruction("Roll back"))""")]
    public Task A_decision_whose_options_are_not_known_at_build_or_are_valid_is_not_reported(string options) =>
        Steps($$"""            .OneOf("Mitigation", {{options}})""");

    [Fact]
    public Task Two_decisions_of_one_title_are_reported_on_the_one_recorded_second() =>
        Verify<RefusedArgumentAnalyzer>.AnalyzerAsync(
            Sources.Runbook(
                """            .OneOf("Mitigation", o => o.Step("Restart", s => s.Instruction("Restart the API")).Step("Scale", s => s.Instruction("Scale out")))""",
                verification: """v => v.OneOf({|#0:"mitigation "|}, o => o.Step("Check", s => s.Instruction("Check")).Step("Wait", s => s.Instruction("Wait")))"""),
            Refused(0, "The runbook has two OneOf decisions titled 'mitigation' (in 'Immediate actions' and 'Verification'); the operator answers one with --choose \"mitigation=…\", so give each decision a title of its own."));

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"   \"")]
    [InlineData("Blank")]
    public Task A_blank_step_title_is_reported(string title) =>
        Steps($$"""            .Step({|#0:{{title}}|}, s => s.Instruction("Restart the API"))""",
            Refused(0, "Step(title, step) needs the step's title, what the operator sees and the page lists, e.g. Step(\"Restart the API\", …); it is empty."));

    [Theory]
    [InlineData("Condition")]
    [InlineData("\"Restart the API\"")]
    [InlineData("Deployed()")]
    public Task A_step_title_known_at_run_time_or_not_blank_is_not_reported(string title) =>
        Steps($$"""            .Step({{title}}, s => s.Instruction("Restart the API"))""");

    [Theory]
    [InlineData("""            .OneOf(""")]
    [InlineData("""            .OneOf("Mitigation", o => o.Step(""")]
    [InlineData("""            .OneOf("Mitigation", o => o.)""")]
    [InlineData("""            .OneOf("Mitigation", )""")]
    [InlineData("""            .OneOf("Mitigation", o => o.Step("Restart", s => s.""")]
    public Task A_half_typed_decision_reports_nothing_and_never_throws(string steps) =>
        Verify<RefusedArgumentAnalyzer>.WithoutCompilerErrorsAsync(Sources.Runbook(steps));

    [Fact]
    public Task A_body_hole_right_after_a_lone_backslash_in_a_JSON_string_is_reported_at_the_hole() =>
        // The runner refused the body when the runbook was defined ("could not be prepared"): at 3 a.m. for a
        // repository without a dry-run test, while the build passed and the page showed the body.
        Steps("""            .Step("Move", s => s.Http("POST", "https://api.omnix.ai/move").Body($"{{\"region\": \"{Region}\", \"path\": \"C:\\{|#0:{FunctionName}|}\"}}"))""",
            Refused(0, "A body hole right after a backslash inside a JSON string (\\{Value}) is refused: the backslash escapes the value's first character, so a value starting with \" or \\ would end the string. Write the backslash escaped (\\\\) to send one before the value, or put it in the value."));

    [Theory]
    // An escaped backslash, a text body, constant strings only (Body(string), sent as written), a team's own Body: not refused.
    [InlineData("""s.Http("POST", "https://api.omnix.ai/move").Body($"{{\"path\": \"C:\\\\{FunctionName}\"}}")""")]
    [InlineData("""s.Http("POST", "https://api.omnix.ai/move").Body($"path=C:\\{FunctionName}")""")]
    [InlineData("""s.Http("POST", "https://api.omnix.ai/move").Body($"{{\"path\": \"C:\\{Blank}\"}}")""")]
    public Task A_body_the_handler_takes_is_not_reported(string action) =>
        Steps($$"""            .Step("Move", s => {{action}})""");

    [Theory]
    [InlineData("""            .Step("Move", s => s.Http("POST", "https://api.omnix.ai/move").Body($"{{\"path\": \"C:\\{""")]
    [InlineData("""            .Step("Move", s => s.Http("POST", "https://api.omnix.ai/move").Body($"{{\"path\": \"C:\\{FunctionName""")]
    [InlineData("""            .Step("Move", s => s.Http("POST", "https://api.omnix.ai/move").Body($"{{\"path\": \"C:\\{}\"}}"))""")]
    public Task A_half_typed_body_never_throws(string steps) =>
        Verify<RefusedArgumentAnalyzer>.WithoutCompilerErrorsAsync(Sources.Runbook(steps));
}
