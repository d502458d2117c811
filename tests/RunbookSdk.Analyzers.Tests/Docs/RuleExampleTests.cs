using Microsoft.CodeAnalysis;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Docs;

/// <summary>
/// Readers learn a rule from its page and copy its examples: the Before must get the rule's finding, the After must
/// not, and where the rule has a code fix, the fix must turn the Before into the After. Each example is pasted into a
/// runbook that is otherwise complete (<see cref="ExampleRunbook"/>) and must compile there; only the page's own rule
/// is asserted.
/// </summary>
public sealed class RuleExampleTests
{
    /// <summary>
    /// Pages whose After is what the rule asks for but not what its fix writes, and why. A page whose After the fix
    /// does write must not be listed (the test says so), so the list shrinks when a fix learns more.
    /// </summary>
    private static readonly Dictionary<string, string> s_afterIsNotTheFix = new(StringComparer.Ordinal)
    {
        ["RB0001"] = "the page recommends the handbook's escalation; the fix adds a skeleton Escalation to the runbook",
        ["RB0002"] = "the fix adds a Rollback skeleton whose TODO (RB0019) the author replaces with the After's step",
        ["RB0003"] = "the fix adds a Verification skeleton whose TODO (RB0019) the author replaces with the After's check",
        ["RB0012"] = "the page shows the better fix, a [Parameter]; the code fix writes the production name it guesses",
        ["RB0021"] = "the fix swaps the time box's bounds; the condition and the timeout are the author's to write",
    };

    // The analyzers' rules, and the generator's diagnostics whose pages show an example (RB0101).
    private static readonly string[] s_ids = Shipped.Analyzers
        .SelectMany(a => a.SupportedDiagnostics)
        .Select(d => d.Id)
        .Concat(Directory.GetFiles(Path.GetDirectoryName(RuleExamples.PagePath("RB0101"))!, "RB01*.md")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(id => RuleExamples.Read(id!).Count > 0)!)
        .Distinct()
        .Order(StringComparer.Ordinal)
        .ToArray()!;

    private static readonly HashSet<string> s_fixable = Shipped.CodeFixes.SelectMany(f => f.FixableDiagnosticIds).ToHashSet(StringComparer.Ordinal);

    public static TheoryData<string> RuleIds => new(s_ids);

    public static TheoryData<string> FixableRuleIds => new(s_ids.Where(s_fixable.Contains));

    [Theory]
    [MemberData(nameof(RuleIds))]
    public async Task The_Before_example_gets_the_pages_finding(string id)
    {
        var before = RuleExamples.Read(id).Where(e => e.Heading == "Before").ToList();
        Assert.True(before.Count > 0, $"docs/rules/{id}.md has no '### Before' csharp example: a reader cannot see what the rule reports.");
        foreach (var example in before)
        {
            var source = await CompilingAsync(example);
            var findings = await ExampleAnalysis.FindingsAsync(source, id);
            Assert.True(findings.Length > 0, $"{example.Where} does not get {id}. As compiled:\n{source}");

            // A line the page marks `// RB0021` must be where the rule reports: a reader looks there for the squiggle.
            var lines = source.ReplaceLineEndings("\n").Split('\n');
            foreach (var marked in example.Code.Split('\n').Where(l => l.Contains("// " + id, StringComparison.Ordinal)))
            {
                // The wrapper continues a chain the example ended with `;`: the line is the same without it.
                var line = Array.FindIndex(lines, l => l.Replace(";", "").Trim() == marked.Replace(";", "").Trim());
                Assert.True(findings.Any(f => f.Location.GetLineSpan() is var span && span.StartLinePosition.Line <= line && line <= span.EndLinePosition.Line),
                    $"{example.Where} marks '{marked.Trim()}' with {id}, but the rule reports {string.Join("; ", findings)}. As compiled:\n{source}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public async Task The_After_example_does_not_get_the_pages_finding(string id)
    {
        foreach (var example in RuleExamples.Read(id).Where(e => e.Heading == "After"))
        {
            var source = await CompilingAsync(example);
            var findings = await ExampleAnalysis.FindingsAsync(source, id);
            Assert.True(findings.Length == 0, $"{example.Where} still gets {string.Join("; ", findings)}. As compiled:\n{source}");
        }
    }

    [Theory]
    [MemberData(nameof(FixableRuleIds))]
    public async Task The_code_fix_turns_the_Before_example_into_the_After_example(string id)
    {
        var examples = RuleExamples.Read(id);
        if (examples.SingleOrDefault(e => e.Heading == "Before") is not { } before || examples.SingleOrDefault(e => e.Heading == "After") is not { } after)
        {
            Assert.False(s_afterIsNotTheFix.ContainsKey(id), $"{id} is listed as a page whose After the fix does not write, but it has no single Before and After.");
            return;
        }

        var fixedSource = await ExampleAnalysis.FixAsync(ExampleRunbook.Wrap(before.Code), id);
        var afterSource = ExampleRunbook.Wrap(after.Code);
        var same = ExampleAnalysis.Tokens(fixedSource) == ExampleAnalysis.Tokens(afterSource);
        if (s_afterIsNotTheFix.TryGetValue(id, out var why))
        {
            Assert.False(same, $"The {id} fix now writes {after.Where}: remove the page from the list ('{why}').");
            return;
        }

        Assert.True(same, $"The {id} fix applied to {before.Where} does not write {after.Where} (layout and comments aside).\n" +
            $"The fix wrote:\n{fixedSource}\nThe page's After, as compiled:\n{afterSource}");
    }

    // The wrapper's own parts must be quiet, or a finding they cause could pass for the example's.
    [Theory]
    [InlineData(""".Step("Look", s => s.Run("kubectl get pods"))""")]
    [InlineData(""".Run($"kubectl get pods -n {Namespace}")""")]
    [InlineData("[Parameter(\"Service\")] public string Service { get; init; } = \"api\";\n.Run($\"systemctl restart {Service}\")")]
    public async Task The_runbook_around_an_example_gets_no_finding_of_its_own(string example)
    {
        var source = ExampleRunbook.Wrap(example);
        Assert.Equal("", await ExampleAnalysis.ErrorsAsync(source));
        Assert.Empty(await ExampleAnalysis.FindingsAsync(source, id: null));
    }

    private static async Task<string> CompilingAsync(RuleExample example)
    {
        var source = ExampleRunbook.Wrap(example.Code);
        var errors = await ExampleAnalysis.ErrorsAsync(source);
        Assert.True(errors.Length == 0, $"{example.Where} does not compile in a runbook:\n{errors}\nAs compiled:\n{source}");
        return source;
    }
}
