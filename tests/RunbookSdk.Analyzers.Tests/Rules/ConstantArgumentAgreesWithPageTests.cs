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

    // Arrays passed by name, as CA1861 asks (members of the runbook or of Tables, both in the runbook's file), and a
    // table call. The page reads an array the generator can see element by element; anything else is one cell of source.
    public static TheoryData<string, string> TablesByName => new()
    {
        { "private static readonly string[] Headers = { \"Severity\", \"Who\" }; private static readonly string[] Row1 = { \"P1\", \"Ops\" };", "Table(Headers, Row1)" },
        { "private static readonly string[] Headers = [\"Severity\", \"Who\"]; private static readonly string[] Row1 = [\"P1\", Limits.Name];", "Table(Headers, Row1)" },
        { "private static readonly string[] Headers = new[] { \"Severity\", \"Who\" }; private static readonly string[] Row1 = new string[] { \"P1\", \"Ops\" };", "Table(Headers, Row1, Row1)" },
        { "private static readonly string[] Row1 = { \"P1\", \"Ops\" }; private static readonly string[][] Rows = { Row1, new[] { \"P2\", \"Dev\" } };", "Table(Tables.Headers, Rows)" },
        { "private static string[] Headers { get; } = [\"Severity\", \"Who\"]; private static string[] Row1 => [\"P1\", \"Ops\"];", "Table(Headers, Row1)" },
        { "private static readonly string[] Row1 = { \"P1\", \"Ops\" };", "Table(Tables.Headers, (Row1))" },
        { "private readonly string[] Headers = { \"Severity\", \"Who\" };", "Table(Headers, [\"P1\", \"Ops\"])" },
        { "private static readonly string[] Headers = Make(); private static string[] Make() => [\"Severity\", \"Who\"];", "Table(Headers, [\"P1\", \"Ops\"])" },
        { "private static readonly string[] Row1 = { \"P1\", DateTime.Now.ToString() };", "Table(Tables.Headers, Row1)" },
        { "private static string[] Headers { get; set; } = [\"Severity\", \"Who\"];", "Table(Headers, [\"P1\", \"Ops\"])" },
        // One row written in the call: C# passes it in expanded form, so it is a row, not the whole list of rows.
        { "", "Table(Tables.Headers, new[] { \"P1\", \"Ops\" })" },
        { "", "Table(new[] { \"Severity\", \"Who\" }, [\"P1\", Limits.Name])" },
        { "private static readonly string[] Row1 = { \"P1\", \"Ops\" };", "Table(Tables.Headers, new[] { Row1, new[] { \"P2\", \"Dev\" } })" },
        { "", "Table(Tables.Headers, new[] { \"P1\", DateTime.Now.ToString() })" },
    };

    [Theory]
    [MemberData(nameof(TablesByName))]
    public async Task A_table_of_arrays_passed_by_name_is_warned_about_exactly_when_the_page_shows_one_as_written(string members, string table)
    {
        var page = Page(await Compile($$""".Section("Owners", s => s.{{table}})""", members), out var warned);
        var start = page.IndexOf("## Owners", StringComparison.Ordinal);
        var end = page.IndexOf("\n#", start + 1, StringComparison.Ordinal);
        var section = page[start..(end < 0 ? page.Length : end)];
        var asWritten = section.Contains('{', StringComparison.Ordinal);
        // Never a table without header cells (its first line "|  |") or a header row shorter than its separator.
        Assert.DoesNotContain("|  |", section, StringComparison.Ordinal);
        Assert.Contains("\n|---|", section, StringComparison.Ordinal);

        Assert.True(warned == asWritten, $"RB0016 {(warned ? "warns" : "is silent")}, and the page shows {(asWritten ? "it as written" : "values")}: {section}");
    }

    [Fact]
    public async Task A_table_of_static_readonly_arrays_is_shown_cell_by_cell()
    {
        var members = "private static readonly string[] Row1 = { \"P1\", \"Ops\" }; private static readonly string[][] Rows = { Row1, new[] { \"P2\", Limits.Name } };";

        var page = Page(await Compile(""".Section("Owners", s => s.Table(Tables.Headers, Rows))""", members), out var warned);

        Assert.Contains("## Owners\n\n| Severity | Who |\n|---|---|\n| P1 | Ops |\n| P2 | payments |", page, StringComparison.Ordinal);
        Assert.False(warned);
    }

    [Fact]
    public async Task A_list_given_a_static_readonly_array_is_shown_item_by_item()
    {
        // Bullets(params string[] items) given the array itself: the compiler passes it as the whole list.
        var members = "private static readonly string[] Checks = [\"Dashboards\", Limits.Name];";

        var page = Page(await Compile(""".Section("Checks", s => s.Bullets(Checks))""", members), out var warned);

        Assert.Contains("## Checks\n\n- Dashboards\n- payments", page, StringComparison.Ordinal);
        Assert.False(warned);
    }

    private static async Task<(CSharpCompilation Compilation, bool Warned)> Compile(string chain, string members = "")
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

            public static class Tables
            {
                public static readonly string[] Headers = { "Severity", "Who" };
            }

            [Runbook("agree")]
            public sealed class Agree : Runbook
            {
                private TimeBox Window => TimeBox.Minutes(0, 10);
                private TimeSpan Pause => TimeSpan.FromMinutes(3);
                private static string Describe() => "described";
                {{members}}

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
