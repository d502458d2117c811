using System.Text;

namespace RunbookSdk.Benchmarks;

/// <summary>
/// Writes N realistic runbooks (3 phases of 5 steps, interpolated commands, HTTP checks, rollback, verification)
/// belonging to one shared handbook, as C# source files. Deterministic: the same N gives the same text.
/// </summary>
public static class SyntheticCorpus
{
    public const string HandbookSource = """
        using System;
        using RunbookSdk;
        namespace Corpus;
        [Handbook("corpus")]
        public sealed class CorpusHandbook : Handbook
        {
            public override void Define(IHandbookBuilder hb) => hb
                .Title("Corpus handbook")
                .SeverityLevel("P1", "Critical", s => s.RespondWithin(TimeSpan.Zero).Criteria("Down"))
                .SeverityLevel("P2", "High", s => s.RespondWithin(TimeSpan.FromMinutes(30)).Criteria("Degraded"))
                .Escalation(e => e.Level("On-call", TimeSpan.Zero, "pager").Level("Lead", TimeSpan.FromMinutes(15), "lead@example.com"))
                .Communication("Status", "Investigating {issue}", "#incidents");
        }
        """;

    public static IReadOnlyList<string> Runbooks(int count) => Enumerable.Range(0, count).Select(Runbook).ToArray();

    /// <summary>
    /// Writes the runbooks (Runbook0.cs …) and the handbook (Handbook.cs) into <paramref name="directory"/> for a
    /// project on disk, with empty Directory.Build.props and .targets that keep it out of any Directory.Build.* or
    /// central package management above it. The caller writes the project file.
    /// </summary>
    public static void WriteTo(string directory, int runbooks)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), "<Project />");
        var sources = Runbooks(runbooks);
        for (var i = 0; i < sources.Count; i++) File.WriteAllText(Path.Combine(directory, $"Runbook{i}.cs"), sources[i]);
        File.WriteAllText(Path.Combine(directory, "Handbook.cs"), HandbookSource);
    }

    public static string Runbook(int index)
    {
        var source = new StringBuilder();
        source.Append($$"""
            using System;
            using RunbookSdk;
            namespace Corpus;
            [Runbook("corpus-runbook-{{index}}")]
            public sealed class Runbook{{index}} : Runbook<CorpusHandbook>
            {
                [Parameter("Region")] public string Region { get; init; } = "eu-west-1";
                [Parameter("Service")] public string Service { get; init; } = "service-{{index}}";
                [Parameter("Base URL")] public string BaseUrl { get; init; } = "https://service-{{index}}.example.com";
                public override void Define(IRunbookBuilder rb) => rb
                    .Title("Service {{index}} incident")
                    .Severity(Severity.P{{1 + index % 2}})
                    .Symptoms("Alert service-{{index}}-5xx", "Latency above SLO")
            """);
        for (var phase = 0; phase < 3; phase++)
        {
            source.Append($"\n            .Phase(\"Phase {phase}\", TimeBox.Minutes({phase * 5}, {phase * 5 + 5}), p => p");
            for (var step = 0; step < 5; step++)
            {
                source.Append($$"""

                                .Step("Step {{phase}}.{{step}}", s => s
                                    .Run($"kubectl get pods -n {Service} --context {Region} -l step={{step}}", "List pods")
                                    .Http("GET", $"{BaseUrl}/health/{{step}}").ExpectStatus(200))
                """);
            }
            source.Append(')');
        }
        source.Append("""

                    .Rollback(r => r.Step("Undo", s => s.Run($"kubectl rollout undo deployment/{Service}").RequiresConfirmation()))
                    .Verification(v => v.Step("Healthy", s => s.Http("GET", $"{BaseUrl}/health").ExpectStatus(200)))
                    .ReviewDate(2099, 1, 1);
            }
            """);
        return source.ToString();
    }
}
