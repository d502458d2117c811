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
    private const string Baseline = BuildReport.BaselineName;

    public static int Print(IReadOnlyList<string> files)
    {
        if (files.Count == 0)
        {
            Console.Error.WriteLine("usage: pool FILE... (saved outputs of build or build-cold)");
            return 2;
        }

        var outputs = new List<(string, string)>();
        foreach (var file in files)
        {
            try
            {
                outputs.Add((file, File.ReadAllText(file)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"error: cannot read {file}: {e.Message}");
                return 1;
            }
        }

        var pooled = Pool(outputs, out var error);
        if (error is not null)
        {
            Console.Error.WriteLine($"error: {error}");
            return 1;
        }

        foreach (var (title, configurations) in pooled)
        {
            Console.WriteLine($"{title}, paired ratios of {files.Count} runs pooled:");
            foreach (var (name, list) in configurations)
            {
                var interval = MedianInterval.Of(list);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {name,-44} paired {BuildReport.Median(list):F2} [{interval.Low:F2}–{interval.High:F2}, {interval.Confidence:P0}] over {list.Count} rounds; under 1.15: {interval.Against(1.15)}"));
            }
        }

        return 0;
    }

    /// <summary>
    /// Each section's paired ratios per configuration, in the order the outputs name them: the Csc section, then the
    /// compiler server's CPU when every output has it (a report prints it only on Linux). Empty, with
    /// <paramref name="error"/> saying which output and why, when an output's rounds cannot be paired.
    /// </summary>
    /// <param name="outputs">Each saved output's name (for errors) and text.</param>
    public static IReadOnlyList<(string Title, IReadOnlyList<(string Name, List<double> Ratios)> Configurations)> Pool(
        IReadOnlyList<(string Name, string Text)> outputs, out string? error)
    {
        error = null;
        var pooled = new List<(string, IReadOnlyList<(string, List<double>)>)>();
        string[][] sections = [.. outputs.Select(output => output.Text.Split("CPU time of the compiler server", 2))];
        foreach (var (title, part) in new[] { ("Csc task time", 0), ("CPU time of the compiler server", 1) })
        {
            if (sections.Any(s => s.Length <= part)) continue;
            var ratios = new Dictionary<string, List<double>>(StringComparer.Ordinal);
            var order = new List<string>();
            for (var i = 0; i < outputs.Count; i++)
            {
                if (Pair(outputs[i].Name, sections[i][part], ratios, order) is { } wrong)
                {
                    error = wrong;
                    return [];
                }
            }

            pooled.Add((title, [.. order.Select(name => (name, ratios[name]))]));
        }

        return pooled;
    }

    /// <summary>Adds one run's ratios of each configuration to its baseline, round by round; or says what is wrong.</summary>
    private static string? Pair(string file, string section, Dictionary<string, List<double>> ratios, List<string> order)
    {
        var rounds = RunsLine().Matches(section).ToDictionary(m => m.Groups["name"].Value.Trim(), m => Figures(m.Groups["runs"].Value), StringComparer.Ordinal);
        if (!rounds.TryGetValue(Baseline, out var baseline)) return $"{file} has no '{Baseline}' line with its runs.";
        foreach (var (name, figures) in rounds.Where(r => r.Key != Baseline))
        {
            if (figures.Length != baseline.Length)
                return $"{file}: '{name}' has {figures.Length} rounds, the baseline {baseline.Length}; rounds cannot be paired.";
            if (!ratios.TryGetValue(name, out var list))
            {
                ratios[name] = list = [];
                order.Add(name);
            }

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
