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

        var ratios = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            // Only the Csc section: the CPU section repeats the names with other figures.
            var csc = File.ReadAllText(file).Split("CPU time of the compiler server", 2)[0];
            var rounds = RunsLine().Matches(csc).ToDictionary(m => m.Groups["name"].Value.Trim(), m => Figures(m.Groups["runs"].Value), StringComparer.Ordinal);
            if (!rounds.TryGetValue(Baseline, out var baseline))
            {
                Console.Error.WriteLine($"error: {file} has no '{Baseline}' line with its runs.");
                return 1;
            }

            foreach (var (name, figures) in rounds.Where(r => r.Key != Baseline))
            {
                if (figures.Length != baseline.Length)
                {
                    Console.Error.WriteLine($"error: {file}: '{name}' has {figures.Length} rounds, the baseline {baseline.Length}; rounds cannot be paired.");
                    return 1;
                }

                if (!ratios.TryGetValue(name, out var list)) ratios[name] = list = [];
                list.AddRange(figures.Select((figure, round) => figure / baseline[round]));
            }
        }

        Console.WriteLine($"Csc task time, paired ratios of {files.Count} runs pooled:");
        foreach (var (name, list) in ratios)
        {
            var interval = MedianInterval.Of(list);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name,-44} paired {BuildReport.Median(list):F2} [{interval.Low:F2}–{interval.High:F2}, {interval.Confidence:P0}] over {list.Count} rounds; under 1.15: {interval.Against(1.15)}"));
        }

        return 0;
    }

    private static double[] Figures(string runs) =>
        [.. runs.Split(',', StringSplitOptions.TrimEntries).Select(figure => double.Parse(figure, CultureInfo.InvariantCulture))];

    // "  + RunbookSdk generator   31906 ms  ratio 1.18  paired 1.20 …  (runs: 32016, 31797, …)"
    [GeneratedRegex(@"^  (?<name>\S.*?)\s+\d+ ms\s.*\(runs: (?<runs>[\d, ]+)\)\s*$", RegexOptions.Multiline)]
    private static partial Regex RunsLine();
}
