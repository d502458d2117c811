using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RunbookSdk.Benchmarks;

/// <summary>
/// The corpus as it is against the same runbooks deriving from a team's base class, the shape of every project in
/// samples/ (<c>DataAccuracy : OmnixRunbook</c>, where <c>OmnixRunbook : Runbook&lt;OmnixHandbook&gt;</c> declares the
/// parameters the team's runbooks share): the region parameter moves to <c>CorpusRunbook</c>, so both corpora generate
/// the same text. Prints whether they do and how many runbooks each read without binding, then what one generator run
/// over a fresh compilation of each allocates and takes, alternating.
/// </summary>
internal static class TeamBaseReport
{
    private const string TeamBaseSource = """
        using System;
        using RunbookSdk;
        namespace Corpus;
        public abstract class CorpusRunbook : Runbook<CorpusHandbook>
        {
            [Parameter("Region")] public string Region { get; init; } = "eu-west-1";
        }
        """;

    /// <summary><paramref name="plain"/>'s runbooks rewritten to derive from <c>CorpusRunbook</c>, which is added.</summary>
    public static Compilation Team(Compilation plain)
    {
        var result = plain;
        foreach (var tree in plain.SyntaxTrees.Where(t => Path.GetFileName(t.FilePath).StartsWith("Runbook", StringComparison.Ordinal)))
        {
            var text = tree.ToString()
                .Replace(": Runbook<CorpusHandbook>", ": CorpusRunbook", StringComparison.Ordinal)
                .Replace("[Parameter(\"Region\")] public string Region { get; init; } = \"eu-west-1\";", "", StringComparison.Ordinal);
            result = result.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(text, System.Text.Encoding.UTF8)));
        }

        return result.AddSyntaxTrees(CSharpSyntaxTree.ParseText(TeamBaseSource, (CSharpParseOptions)plain.SyntaxTrees.First().Options, "CorpusRunbook.cs"));
    }

    /// <param name="runbooks">Runbooks in each corpus.</param>
    /// <param name="rounds">Generator runs over each, alternating which goes first.</param>
    public static void Print(int runbooks, int rounds)
    {
        var (outputs, differing, plainUnbound, teamUnbound) = Compare(runbooks);
        Console.WriteLine($"outputs: {outputs} of each, {differing} differ; read without binding: {plainUnbound} of {runbooks} in the corpus, {teamUnbound} of {runbooks} deriving from the team's class");

        var plain = new List<(long Bytes, double Ms)>();
        var team = new List<(long Bytes, double Ms)>();
        // Two rounds first, not counted: the runs after the first still run code the JIT has not optimised yet.
        for (var round = -2; round < rounds; round++)
        {
            foreach (var teamShape in round % 2 == 0 ? new[] { false, true } : new[] { true, false })
            {
                var compilation = teamShape ? Team(CorpusCompilation.Create(runbooks)) : CorpusCompilation.Create(runbooks);
                GC.Collect();
                var driver = CorpusCompilation.Driver();
                var before = GC.GetTotalAllocatedBytes(precise: true);
                var watch = Stopwatch.StartNew();
                var ran = driver.RunGenerators(compilation);
                if (round >= 0) (teamShape ? team : plain).Add((GC.GetTotalAllocatedBytes(precise: true) - before, watch.Elapsed.TotalMilliseconds));
                CorpusCompilation.EnsureGenerated(ran, compilation);
            }
        }

        Console.WriteLine($"one generator run over a fresh compilation of {runbooks} runbooks, {rounds} rounds:");
        foreach (var (name, runs) in new[] { ("Runbook<CorpusHandbook>", plain), ("CorpusRunbook, a team's base class", team) })
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name,-36} {runs.Min(r => r.Bytes) / 1_000_000.0,6:F1} MB allocated (fewest), {BuildReport.Median(runs.Select(r => r.Ms)),5:F0} ms median, {runs.Min(r => r.Ms),5:F0} ms fastest (runs: {string.Join(", ", runs.Select(r => r.Ms.ToString("F0", CultureInfo.InvariantCulture)))})"));
        }

        var ratios = plain.Zip(team, (p, t) => t.Ms / p.Ms).ToList();
        var interval = MedianInterval.Of(ratios);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  team ÷ corpus, round by round: {BuildReport.Median(ratios):F2} [{interval.Low:F2}–{interval.High:F2}, {interval.Confidence:P0}]"));
    }

    /// <summary>
    /// Runs the generator once over each corpus: how many texts it generates for the corpus, how many of them the team's
    /// shape generates differently (or not at all), and how many runbooks each read without binding.
    /// </summary>
    internal static (int Outputs, int Differing, int PlainUnbound, int TeamUnbound) Compare(int runbooks)
    {
        var plainGenerator = new RunbookSdk.Generators.RunbookGenerator();
        var teamGenerator = new RunbookSdk.Generators.RunbookGenerator();
        var plain = Texts(CorpusCompilation.Driver(generator: plainGenerator).RunGenerators(CorpusCompilation.Create(runbooks)));
        var team = Texts(CorpusCompilation.Driver(generator: teamGenerator).RunGenerators(Team(CorpusCompilation.Create(runbooks))));
        var differing = plain.Count(p => !team.TryGetValue(p.Key, out var text) || text != p.Value) + team.Keys.Count(k => !plain.ContainsKey(k));
        return (plain.Count, differing, plainGenerator.Reads.CountWithoutBinding, teamGenerator.Reads.CountWithoutBinding);
    }

    private static Dictionary<string, string> Texts(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
}
