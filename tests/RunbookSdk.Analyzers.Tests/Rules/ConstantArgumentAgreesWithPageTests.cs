using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using RunbookSdk.Analyzers.Constants;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// RB0016 warns where the generated page can show an argument only as its C# source, and the page shows a value
/// everywhere else. The two must agree: a duration the page shows as written without a warning leaves the on-call
/// engineer reading <c>TimeSpan.FromMinutes(5) + Grace</c> with nobody told; a warning on one the page shows by its
/// value sends the author after nothing. Each form is compiled, analysed and generated.
/// </summary>
public sealed class ConstantArgumentAgreesWithPageTests
{
    public static TheoryData<string> Durations => new()
    {
        "TimeSpan.FromMinutes(5)",
        "TimeSpan.FromMinutes(1.5)",
        "TimeSpan.FromMinutes(1, 30)",
        "TimeSpan.FromHours(1, seconds: 60)",
        "TimeSpan.FromMilliseconds(500)",
        "TimeSpan.FromMicroseconds(5)",
        "TimeSpan.FromSeconds(Limits.Seconds)",
        "TimeSpan.FromMinutes(Limits.Minutes)",
        "TimeSpan.FromTicks(600000000)",
        "TimeSpan.FromTicks(value: 15)",
        "new TimeSpan(ticks: 600000000)",
        "TimeSpan.FromDays(1e9)",
        "TimeSpan.Parse(\"00:05:00\")",
        "TimeSpan.Zero",
        "TimeSpan.MaxValue",
        "TimeSpan.MinValue",
        "Timeout.InfiniteTimeSpan",
        "default(TimeSpan)",
        "new TimeSpan()",
        "new TimeSpan(600000000)",
        "new TimeSpan(0, 1, 30)",
        "new TimeSpan(minutes: 5, hours: 1, seconds: 0)",
        "new TimeSpan(0, 0, 0, 1, 500, 0)",
        "(TimeSpan.FromMinutes(5))",
        "-TimeSpan.FromMinutes(5)",
        "TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(30)",
        "TimeSpan.FromMinutes(5) * 2",
        "Limits.Grace",
        "Pause",
    };

    [Theory]
    [MemberData(nameof(Durations))]
    public async Task A_wait_duration_is_warned_about_exactly_when_the_page_shows_it_as_written(string duration)
    {
        var page = Page(await Compile($$""".Phase("P", p => p.Step("Hold", s => s.Wait({{duration}}, "let it settle")))"""), out var warned);
        var asWritten = page.Contains($"**Wait** {duration}: let it settle", StringComparison.Ordinal);
        Assert.Contains("**Wait** ", page, StringComparison.Ordinal);

        Assert.True(warned == asWritten, $"RB0016 {(warned ? "warns" : "is silent")}, and the page shows {(asWritten ? "it as written" : "a value")}: {page.Split('\n').First(l => l.Contains("**Wait**", StringComparison.Ordinal))}");
    }

    public static TheoryData<string> TimeBoxes => new()
    {
        "TimeBox.Minutes(0, 5)",
        "(TimeBox.Minutes(0, 5))",
        "TimeBox.Minutes(to: 5)",
        "TimeBox.Minutes(to: 15, from: 5)",
        "TimeBox.Hours(Limits.Hours)",
        "TimeBox.Hours(1, Limits.Hours)",
        "TimeBox.Hours(int.MaxValue)",
        "TimeSpan.FromMinutes(30)",
        "new TimeBox(TimeSpan.Zero, TimeSpan.FromMinutes(5))",
        "new TimeBox(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15))",
        "new TimeBox(To: TimeSpan.FromMinutes(15), From: TimeSpan.FromMinutes(5))",
        "new(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15))",
        "Limits.Window",
        "Window",
    };

    [Theory]
    [MemberData(nameof(TimeBoxes))]
    public async Task A_phase_time_box_is_warned_about_exactly_when_the_page_shows_it_as_written(string timeBox)
    {
        var page = Page(await Compile($$""".Phase("P", {{timeBox}}, p => p.Step("Look", s => s.Instruction("look")))"""), out var warned);
        var heading = page.Split('\n').First(l => l.StartsWith("## Phase 1", StringComparison.Ordinal));
        var asWritten = heading.Contains(timeBox.Trim('(', ')'), StringComparison.Ordinal) || heading.Contains("Window", StringComparison.Ordinal);

        Assert.True(warned == asWritten, $"RB0016 {(warned ? "warns" : "is silent")}, and the page shows {(asWritten ? "it as written" : "a value")}: {heading}");
    }

    // A text argument, and what the page shows when it shows the argument (or a hole of it) as written.
    public static TheoryData<string, string> Texts => new()
    {
        { "\"Restart the API\"", "\"Restart the API\"" },
        { "Limits.Name", "Limits.Name" },
        { "\"Restart \" + Limits.Name", "Limits.Name" },
        { "$\"Restart {Limits.Name}\"", "Limits.Name" },
        { "$\"Restart {Limits.Count:D3}\"", "Limits.Count" },
        { "$\"Restart {Limits.Count,4}\"", "Limits.Count" },
        { "nameof(Agree)", "nameof(Agree)" },
        { "(Limits.Name)", "Limits.Name" },
        { "string.Empty", "string.Empty" },
        { "Limits.Name.ToUpper()", "Limits.Name.ToUpper()" },
        { "Limits.Shared", "Limits.Shared" },
        { "$\"Restart {Limits.Shared}\"", "Limits.Shared" },
        { "$\"Restart {DateTime.Now}\"", "DateTime.Now" },
        { "$\"Restart {Limits.Tier}\"", "Limits.Tier" },
        { "$\"Restart {(Limits.Count + 1)}\"", "Limits.Count" },
        { "Describe()", "Describe()" },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public async Task A_text_is_warned_about_exactly_when_the_page_shows_it_as_written(string text, string sourceFragment)
    {
        var page = Page(await Compile($$""".Phase("P", p => p.Step("Look", s => s.Instruction({{text}})))"""), out var warned);
        // The step's part of the page: from its title to the next heading.
        var start = page.IndexOf("Look", page.IndexOf("## Phase 1", StringComparison.Ordinal), StringComparison.Ordinal);
        var end = page.IndexOf("\n#", start, StringComparison.Ordinal);
        var line = page[start..(end < 0 ? page.Length : end)].Trim();
        var asWritten = line.Contains(sourceFragment, StringComparison.Ordinal) && !sourceFragment.StartsWith('"');

        Assert.True(warned == asWritten, $"RB0016 {(warned ? "warns" : "is silent")}, and the page shows {(asWritten ? "it as written" : "a value")}: {line}");
    }

    private static async Task<(CSharpCompilation Compilation, bool Warned)> Compile(string chain)
    {
        var source = $$"""
            using System;
            using System.Threading;
            using RunbookSdk;

            public static class Limits
            {
                public const int Hours = 4;
                public const int Seconds = 90;
                public const double Minutes = 2.5;
                public static readonly TimeSpan Grace = TimeSpan.FromMinutes(1);
                public const string Name = "payments";
                public const int Count = 7;
                public const Tier Tier = global::Tier.Gold;
                public static readonly string Shared = "shared";
                public static readonly TimeBox Window = TimeBox.Minutes(0, 5);
            }

            public enum Tier { Gold, Silver }

            [Runbook("agree")]
            public sealed class Agree : Runbook
            {
                private TimeBox Window => TimeBox.Minutes(0, 10);
                private TimeSpan Pause => TimeSpan.FromMinutes(3);
                private static string Describe() => "described";

                public override void Define(IRunbookBuilder rb) => rb
                    .Title("Agree")
                    {{chain}}
                    .NoRollback("a test")
                    .Verification(v => v.Step("Look", s => s.Instruction("look")));
            }
            """;
        var compilation = TestReferences.Compile(source);
        var warned = (await compilation.WithAnalyzers([new ConstantArgumentAnalyzer()]).GetAnalyzerDiagnosticsAsync()).Any(d => d.Id == "RB0016");
        return (compilation, warned);
    }

    private static string Page((CSharpCompilation Compilation, bool Warned) compiled, out bool warned)
    {
        warned = compiled.Warned;
        return Page(compiled.Compilation);
    }

    /// <summary>The runbook's page, as the generator embeds it: the last text of its part.</summary>
    private static string Page(CSharpCompilation compilation)
    {
        var run = CSharpGeneratorDriver.Create(new RunbookSdk.Generators.RunbookGenerator()).RunGenerators(compilation).GetRunResult();
        var part = run.GeneratedTrees.Single(t => t.FilePath.EndsWith(".Runbook.g.cs", StringComparison.Ordinal));
        return part.GetRoot().DescendantNodes().OfType<LiteralExpressionSyntax>().Last(l => l.IsKind(SyntaxKind.StringLiteralExpression)).Token.ValueText;
    }
}
