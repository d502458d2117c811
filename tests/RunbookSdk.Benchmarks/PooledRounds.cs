using System.Globalization;
using System.Text.RegularExpressions;

namespace RunbookSdk.Benchmarks;

/// <summary>
/// Pools the rounds of several saved <c>build</c>/<c>build-cold</c> outputs of the same code: each file's rounds are
/// paired with the baseline of the same file and round, and the paired ratios of all files give one median and its
/// <see cref="MedianInterval"/>. A run of six cold builds per configuration spreads wider than the budget's margin;
/// runs of code the compiler sees unchanged measure the same thing and can be counted together.
/// </summary>
internal static partial class PooledRounds
{
    private const string Baseline = "compile (baseline: .NET SDK defaults)";

    public static int Print(IReadOnlyList<string> files)
    {
        if (files.Count == 0)
        {
            Console.Error.WriteLine("usage: pool FILE... (saved outputs of build or build-cold)");
            return 2;
        }

        // The Csc section first, then the compiler server's CPU, which a report prints only on Linux.
        string[][] sections = [.. files.Select(file => File.ReadAllText(file).Split("CPU time of the compiler server", 2))];
        foreach (var (title, part) in new[] { ("Csc task time", 0), ("CPU time of the compiler server", 1) })
        {
            if (sections.Any(s => s.Length <= part)) continue;
            var ratios = new Dictionary<string, List<double>>(StringComparer.Ordinal);
            for (var i = 0; i < files.Count; i++)
            {
                if (Pair(files[i], sections[i][part], ratios) is { } error)
                {
                    Console.Error.WriteLine($"error: {error}");
                    return 1;
                }
            }

            Console.WriteLine($"{title}, paired ratios of {files.Count} runs pooled:");
            foreach (var (name, list) in ratios)
            {
                var interval = MedianInterval.Of(list);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {name,-44} paired {BuildReport.Median(list):F2} [{interval.Low:F2}–{interval.High:F2}, {interval.Confidence:P0}] over {list.Count} rounds; under 1.15: {interval.Against(1.15)}"));
            }
        }

        return 0;
    }

    /// <summary>Adds one run's ratios of each configuration to its baseline, round by round; or says what is wrong.</summary>
    private static string? Pair(string file, string section, Dictionary<string, List<double>> ratios)
    {
        var rounds = RunsLine().Matches(section).ToDictionary(m => m.Groups["name"].Value.Trim(), m => Figures(m.Groups["runs"].Value), StringComparer.Ordinal);
        if (!rounds.TryGetValue(Baseline, out var baseline)) return $"{file} has no '{Baseline}' line with its runs.";
        foreach (var (name, figures) in rounds.Where(r => r.Key != Baseline))
        {
            if (figures.Length != baseline.Length)
                return $"{file}: '{name}' has {figures.Length} rounds, the baseline {baseline.Length}; rounds cannot be paired.";
            if (!ratios.TryGetValue(name, out var list)) ratios[name] = list = [];
            // A round either lacks ("-", NaN) is left out, as the report leaves it out of its own paired ratio.
            list.AddRange(figures.Select((figure, round) => figure / baseline[round]).Where(ratio => !double.IsNaN(ratio)));
        }

        return null;
    }

    private static double[] Figures(string runs) =>
        [.. runs.Split(',', StringSplitOptions.TrimEntries).Select(figure => figure == "-" ? double.NaN : double.Parse(figure, CultureInfo.InvariantCulture))];

    // "  + RunbookSdk generator   31906 ms  ratio 1.18  paired 1.20 …  (runs: 32016, 31797, …)", and in the CPU
    // section "  + RunbookSdk generator   58240 ms   +8330 ms (+16.7%) …  (runs: …)".
    [GeneratedRegex(@"^  (?<name>\S.*?)\s+\d+ ms\s.*\(runs: (?<runs>[\d, -]+)\)\s*$", RegexOptions.Multiline)]
    private static partial Regex RunsLine();
}
