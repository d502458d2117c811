using System.Text.RegularExpressions;
using RunbookSdk.Import.Model;
using RunbookSdk.Import.Outline;

namespace RunbookSdk.Import.Recognition;

/// <summary>
/// Lifts values out of commands into parameters: AWS regions, hosts that appear more than once (as a base URL),
/// resource names given to the same option more than once (<c>--function-name</c>, <c>--cluster</c>, ...),
/// home-directory paths (a developer's checkout is not a place to run from), and secrets (never copied: the
/// parameter is a <c>[Secret]</c> with an empty default). The original value is the default.
/// </summary>
internal static partial class ParameterExtractor
{
    public static void Extract(ImportedDocument document)
    {
        var runs = document.Runbooks.SelectMany(r => r.AllPhases.SelectMany(p => p.Steps).SelectMany(s => s.Actions).OfType<RunAction>().Select(a => (Runbook: r, Run: a))).ToList();
        var texts = runs.Select(r => r.Run.Command).ToList();
        var candidates = new List<(string Value, string Name, string Description, bool Secret)>();

        foreach (var secret in texts.SelectMany(t => SecretValue().Matches(t)).Select(m => m.Groups["secret"].Value).Distinct())
        {
            if (IsPlaceholder(secret)) continue;
            candidates.Add((secret, "ApiToken", "Credential the document had written into a command (not copied: give it at run time)", true));
        }
        foreach (var region in texts.SelectMany(t => Region().Matches(t)).Select(m => m.Value).Distinct())
            candidates.Add((region, "Region", "Cloud region", false));
        foreach (var group in texts.SelectMany(t => Url().Matches(t)).Select(m => m.Value.TrimEnd('.', ',')).GroupBy(Host))
        {
            if (group.Key.Length == 0 || group.Count() < 2 || !IsPlainWord(group.Key) || group.Key.StartsWith("localhost", StringComparison.Ordinal) || group.Key.StartsWith("127.", StringComparison.Ordinal)) continue;
            candidates.Add((CommonPrefix(group.Distinct().ToList()), HostName(group.Key) + "Url", $"Base URL of {group.Key}", false));
        }
        var options = texts.SelectMany(t => ResourceOption().Matches(t))
            .Select(m => (Option: m.Groups["option"].Value, Value: m.Groups["value"].Value))
            .Where(o => o.Value.Any(char.IsLetter) && o.Value.Length >= 3)
            .ToList();
        foreach (var byOption in options.GroupBy(o => OptionName(o.Option)))
        {
            var values = byOption.Select(o => o.Value).Distinct().Where(v => Occurrences(texts, v) >= 2).ToList();
            foreach (var value in values)
            {
                var name = values.Count == 1 ? byOption.Key : Distinguish(value, values) + byOption.Key;
                var words = byOption.First().Option.Replace('-', ' ');
                candidates.Add((value, name, char.ToUpperInvariant(words[0]) + words[1..] + $" (--{byOption.First().Option})", false));
            }
        }
        foreach (var group in texts.SelectMany(t => HomePath().Matches(t)).Select(m => m.Value).GroupBy(p => string.Join('/', p.Split('/').Take(3))))
        {
            var directory = CommonDirectory(group.Distinct().ToList());
            var last = directory.TrimEnd('/').Split('/').Last();
            candidates.Add((directory, Text.Pascal(last, 3) + "Directory", "Directory the document ran commands from (it was a home directory: set your own)", false));
        }

        // One parameter per value, unique names, longest values replaced first so a URL wins over the region inside it.
        var parameters = new List<ImportedParameter>();
        foreach (var (value, name, description, secret) in candidates)
        {
            if (value.Length < 2 || parameters.Any(p => p.Default == value) || !char.IsLetter(name[0])) continue;
            var unique = name;
            for (var n = 2; parameters.Any(p => p.Name == unique); n++) unique = name + n;
            parameters.Add(new ImportedParameter(unique, secret ? value : value, description, secret));
        }
        foreach (var (_, run) in runs) run.Parts = Substitute(run.Command, parameters.OrderByDescending(p => p.Default.Length).ToList());

        var used = runs.SelectMany(r => r.Run.Parts.Where(p => p.Parameter is not null).Select(p => (r.Runbook, p.Parameter!))).Distinct().ToList();
        foreach (var parameter in parameters)
        {
            var owners = used.Where(u => u.Item2 == parameter.Name).Select(u => u.Runbook).Distinct().ToList();
            var declared = parameter.Secret ? parameter with { Default = "" } : parameter;
            if (owners.Count > 1) document.SharedParameters.Add(declared);
            else if (owners.Count == 1) owners[0].Parameters.Add(declared);
        }
    }

    private static List<CommandPart> Substitute(string command, List<ImportedParameter> parameters)
    {
        var parts = new List<CommandPart> { new(command, null) };
        foreach (var parameter in parameters)
        {
            var next = new List<CommandPart>();
            foreach (var part in parts)
            {
                if (part.Parameter is not null) { next.Add(part); continue; }
                var text = part.Text;
                var start = 0;
                for (var index = text.IndexOf(parameter.Default, StringComparison.Ordinal); index >= 0; index = text.IndexOf(parameter.Default, index + 1, StringComparison.Ordinal))
                {
                    var end = index + parameter.Default.Length;
                    if (index < start || !Boundary(text, index - 1) || !Boundary(text, end)) continue;
                    if (index > start) next.Add(new CommandPart(text[start..index], null));
                    next.Add(new CommandPart(parameter.Default, parameter.Name));
                    start = end;
                }
                if (start < text.Length) next.Add(new CommandPart(text[start..], null));
            }
            parts = next;
        }
        return parts;
    }

    private static bool Boundary(string text, int index) =>
        index < 0 || index >= text.Length || !(char.IsLetterOrDigit(text[index]) || text[index] is '_' or '-');

    private static int Occurrences(List<string> texts, string value) =>
        texts.Sum(t => Regex.Matches(t, @"(?<![\w-])" + Regex.Escape(value) + @"(?![\w-])").Count);

    private static string Host(string url) => Regex.Match(url, @"^https?://(?<host>[^/?#]+)").Groups["host"].Value;

    private static string HostName(string host)
    {
        var labels = host.Split('.', ':').Where(l => l.Length > 0).ToList();
        // Random-looking labels (API Gateway ids such as 4j4yb4b844) do not name anything.
        var meaningful = labels.FirstOrDefault(l => !(l.Any(char.IsDigit) && l.Any(char.IsLetter) && l.Length >= 6) && l is not "www") ?? "Service";
        if (meaningful == "execute-api") return "ApiGateway";
        return Text.Pascal(meaningful, 3);
    }

    private static string CommonPrefix(List<string> urls)
    {
        var split = urls.Select(u => u.Split('?')[0].Split('#')[0].TrimEnd('/').Split('/')).ToList();
        var host = split[0].Take(3).ToList(); // https:, "", host
        var prefix = new List<string>(host);
        for (var i = 3; split.All(s => s.Length > i) && split.Select(s => s[i]).Distinct().Count() == 1; i++)
        {
            if (split.Any(s => s.Length == i + 1)) break; // keep the last segment of the shortest URL out: it is the endpoint
            if (!IsPlainWord(split[0][i])) break; // $STAGE, ${PREFIX}, *: the shell expands them, a quoted hole would not
            prefix.Add(split[0][i]);
        }
        return string.Join('/', prefix);
    }

    private static string CommonDirectory(List<string> paths)
    {
        var split = paths.Select(p => p.TrimEnd('/').Split('/')).ToList();
        var common = new List<string>();
        for (var i = 0; split.All(s => s.Length > i) && split.Select(s => s[i]).Distinct().Count() == 1 && IsPlainWord(split[0][i]); i++) common.Add(split[0][i]);
        if (paths.Count == 1 && common.Count == split[0].Length && split[0].Last().Contains('.')) common.RemoveAt(common.Count - 1); // a script, not a directory
        return string.Join('/', common);
    }

    /// <summary>
    /// Text the runner's quoting leaves as it is (letters, digits, <c>- _ . : @ % + , =</c>): a parameter's default must be
    /// such text, or the quoted hole would stop the shell expanding what the document wrote (<c>$STAGE</c>, <c>*</c>, <c>{a,b}</c>).
    /// </summary>
    private static bool IsPlainWord(string segment) =>
        segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':' or '@' or '%' or '+' or ',' or '=');

    private static string OptionName(string option)
    {
        var name = Text.Pascal(option.Replace("services", "service"), 4);
        return Regex.IsMatch(name, "(Name|Id|Identifier|Arn|Definition)$") ? name : name + "Name";
    }

    private static string Distinguish(string value, List<string> all)
    {
        var others = all.Where(v => v != value).SelectMany(v => v.Split('-', '_', '.', '/')).ToHashSet();
        var own = value.Split('-', '_', '.', '/').Where(w => w.Length > 0 && !others.Contains(w)).ToList();
        return own.Count == 0 ? "" : Text.Pascal(string.Join(" ", own), 2);
    }

    private static bool IsPlaceholder(string value)
    {
        value = value.Trim('"', '\'', '`');
        return value.Length == 0 || value[0] is '$' or '<' or '{' or '[' or '%' || value.All(c => c is '*' or 'x' or 'X' or '.' or '-') || value.All(c => c is (>= 'A' and <= 'Z') or '_');
    }

    [GeneratedRegex(@"\b(us|eu|ap|sa|ca|me|af|il|mx)-(central|north|south|east|west|northeast|southeast|northwest|southwest)-\d\b")]
    private static partial Regex Region();

    [GeneratedRegex(@"https?://[^\s'""`)<>|\\]+")]
    private static partial Regex Url();

    [GeneratedRegex(@"--(?<option>function-name|table-name|stack-name|cluster|services?|log-group-name|db-instance-identifier|task-definition|user-pool-id|rest-api-id|bucket|queue-url|resource-group|deployment|release|namespace-name|instance-id|instance-ids|cache-cluster-id|replication-group-id|distribution-id|hosted-zone-id|secret-id|topic-arn|state-machine-arn|target-table-name)[ =](?<value>[A-Za-z0-9][A-Za-z0-9._:/-]*)")]
    private static partial Regex ResourceOption();

    [GeneratedRegex(@"(?<![\w.~/$-])(/home|/Users)/[^\s/'""$`;&|)]+[^\s'""`;&|)]*")]
    private static partial Regex HomePath();

    [GeneratedRegex(@"(?i)authorization\s*:\s*(bearer|basic|token|oauth)\s+(?<secret>[^\s'""\\]+)|://[^\s:/@'""]+:(?<secret>[^\s/@'""]+)@")]
    private static partial Regex SecretValue();
}
