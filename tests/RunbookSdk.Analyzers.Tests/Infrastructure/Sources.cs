namespace RunbookSdk.Analyzers.Tests.Infrastructure;

/// <summary>Source shared by the rule tests: a handbook with severities and escalation, like the seed documents.</summary>
internal static class Sources
{
    public const string Handbook = """
        [Handbook("omnix")]
        public sealed class OmnixHandbook : Handbook
        {
            public override void Define(IHandbookBuilder hb) => hb
                .Title("OMNIX AI incident response")
                .Environment("Production (eu-central-1)")
                .SeverityLevel("P1", "Critical", s => s.RespondWithin(TimeSpan.Zero).Criteria("System down"))
                .SeverityLevel("P2", "High", s => s.RespondWithin(TimeSpan.FromMinutes(30)))
                .Escalation(e => e
                    .Level("Development Team", TimeSpan.Zero, "dev-team@omnix.ai")
                    .Level("Senior Engineering + DevOps", TimeSpan.FromMinutes(15)));
        }

        [Handbook("quiet")]
        public sealed class QuietHandbook : Handbook
        {
            public override void Define(IHandbookBuilder hb) => hb
                .Title("A handbook without escalation")
                .SeverityLevel("P1", "Critical", s => s.RespondWithin(TimeSpan.Zero));
        }
        """;

    /// <summary>The source with each four spaces that start a line written as a tab (a file indented with tabs).</summary>
    public static string WithTabs(string source) =>
        System.Text.RegularExpressions.Regex.Replace(source, "(?m)^((?:    )+)", indent => new string('\t', indent.Length / 4));

    /// <summary>Wraps step lambdas in a complete runbook that belongs to the production handbook.</summary>
    public static string Runbook(string phaseSteps, string extraMembers = "", string verification = """v => v.Step("Health is green", s => s.Http("GET", "https://api.omnix.ai/health").ExpectStatus(200))""") => $$"""
        using System;
        using RunbookSdk;

        [Runbook("sample")]
        public sealed partial class Sample : Runbook<OmnixHandbook>
        {
            [Parameter("AWS region")] public string Region { get; init; } = "eu-central-1";
            [Parameter("Lambda function")] public string FunctionName { get; init; } = "omnix-ai-backend";
            [Parameter, Secret] public string ApiToken { get; init; } = "";
        {{extraMembers}}
            public override void Define(IRunbookBuilder rb) => rb
                .Title("Sample")
                .Severity(Severity.P1)
                .Phase("Immediate actions", TimeBox.Minutes(0, 5), p => p
        {{phaseSteps}})
                .Rollback(r => r.Step("Roll back", s => s.Run("./rollback-plan.sh").RequiresConfirmation()))
                .Verification({{verification}});
        }

        {{Handbook}}
        """;
}
