using System.Text.RegularExpressions;
using RunbookSdk.Analyzers.Text;
using RunbookSdk.Import.Model;
using RunbookSdk.Import.Outline;

namespace RunbookSdk.Import.Recognition;

/// <summary>
/// Lifts values out of commands into parameters: AWS regions, hosts that appear more than once (as a base URL),
/// resource names given to the same option more than once (<c>--function-name</c>, <c>--cluster</c>, ...),
/// home-directory paths (a developer's checkout is not a place to run from), and secrets (never copied: the
/// parameter is a <c>[Secret]</c> with an empty default). The original value is the default. A value becomes a hole
/// only where it was found as what it is — a resource after its option, a secret where RB0006's patterns find one — so
/// <c>--cluster payments</c> does not turn <c>rm -rf /var/lib/payments/tmp</c> into a path that follows the cluster.
/// </summary>
internal static partial class ParameterExtractor
{
    private enum Kind { Secret, Region, Url, Resource, Home, Placeholder }

    private sealed record Candidate(string Value, string Name, string Description, Kind Kind);

    public static void Extract(ImportedDocument document)
    {
        var runs = document.Runbooks.SelectMany(r => r.AllPhases.SelectMany(p => p.Steps).SelectMany(s => s.Actions).OfType<RunAction>().Select(a => (Runbook: r, Run: a))).ToList();
        var texts = runs.Select(r => r.Run.Command).ToList();
        var candidates = new List<Candidate>();

        // What RB0006 reports is what is lifted: a secret the rule finds must not be copied, or the build fails on it. Not
        // a placeholder it takes for one ("Bearer YOUR-API-TOKEN", "YOUR_TOKEN_V2"): that is no value, and lifted as a
        // secret it was an optional parameter, empty by default, so the run sent "Bearer " and failed. It is a required
        // secret below.
        foreach (var secret in texts.SelectMany(t => CommandPatterns.Secrets(t).Where(m => !StandsInAPlaceholder(t, m))).DistinctBy(m => m.Text))
            candidates.Add(new(secret.Text, secret.Name,
                $"{secret.Detail}, written into a command in the document (not copied: give it at run time)", Kind.Secret));
        foreach (var region in texts.SelectMany(t => Region().Matches(t)).Select(m => m.Value).Distinct())
            candidates.Add(new(region, "Region", "Cloud region", Kind.Region));
        // A URL with a user and password (https://deployer:pw@registry) is used as a base URL nowhere: its password is a
        // secret, and a secret's hole comes before any other (Substitute), so such a base is left unused and undeclared.
        foreach (var group in texts.SelectMany(t => Url().Matches(t)).Select(m => m.Value.TrimEnd('.', ',')).GroupBy(Host))
        {
            if (group.Key.Length == 0 || group.Count() < 2 || !IsPlainWord(group.Key) || group.Key.StartsWith("localhost", StringComparison.Ordinal) || group.Key.StartsWith("127.", StringComparison.Ordinal)) continue;
            candidates.Add(new(CommonPrefix(group.Distinct().ToList()), HostName(group.Key) + "Url", $"Base URL of {group.Key}", Kind.Url));
        }
        var options = texts.SelectMany(t => ResourceOption().Matches(t))
            .Select(m => (Option: m.Groups["option"].Value, Value: m.Groups["value"].Value))
            .Where(o => o.Value.Any(char.IsLetter) && o.Value.Length >= 3)
            .ToList();
        foreach (var byOption in options.GroupBy(o => OptionName(o.Option)))
        {
            // Given to the option twice or more: the same value elsewhere (`psql -d payments`) may be another thing.
            var values = byOption.GroupBy(o => o.Value).Where(v => v.Count() >= 2).Select(v => v.Key).ToList();
            foreach (var value in values)
            {
                var name = values.Count == 1 ? byOption.Key : Distinguish(value, values) + byOption.Key;
                var words = byOption.First().Option.Replace('-', ' ');
                candidates.Add(new(value, name, char.ToUpperInvariant(words[0]) + words[1..] + $" (--{byOption.First().Option})", Kind.Resource));
            }
        }
        // "<pod-name>", "{pod-name}" and "YOUR_POD_NAME" ask for the same value: one parameter per name, with no default to give.
        // One written where a credential goes ("Authorization: Bearer YOUR_JWT") is a secret whatever its name: masked.
        var placeholders = texts.SelectMany(CommandPlaceholders.Find).ToList();
        var credentialPlaceholders = placeholders.Where(p => p.Credential).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var placeholder in placeholders.DistinctBy(p => p.Name))
            candidates.Add(new(placeholder.Written, placeholder.Name,
                $"The value of `{placeholder.Written}` in the document's commands, which it left for the engineer to fill in", Kind.Placeholder));
        foreach (var group in texts.SelectMany(t => HomePath().Matches(t)).Select(m => m.Value).GroupBy(p => string.Join('/', p.Split('/').Take(3))))
        {
            var directory = CommonDirectory(group.Distinct().ToList());
            var last = directory.TrimEnd('/').Split('/').Last();
            candidates.Add(new(directory, Text.Pascal(last, 3) + "Directory", "Directory the document ran commands from (it was a home directory: set your own)", Kind.Home));
        }

        // One parameter per value, unique names.
        var parameters = new List<(ImportedParameter Parameter, Candidate Candidate)>();
        foreach (var candidate in candidates)
        {
            if (candidate.Value.Length < 2 || parameters.Any(p => p.Parameter.Default == candidate.Value) || !char.IsLetter(candidate.Name[0])) continue;
            var unique = candidate.Name;
            for (var n = 2; parameters.Any(p => p.Parameter.Name == unique); n++) unique = candidate.Name + n;
            var secret = candidate.Kind == Kind.Secret || (candidate.Kind == Kind.Placeholder && (SecretName().IsMatch(candidate.Name) || credentialPlaceholders.Contains(candidate.Name)));
            parameters.Add((new ImportedParameter(unique, candidate.Value, candidate.Description, secret, candidate.Kind == Kind.Placeholder), candidate));
        }
        foreach (var (_, run) in runs) run.Parts = Substitute(run.Command, parameters);
        var required = parameters.Where(p => p.Candidate.Kind == Kind.Placeholder).ToList();
        if (required.Count > 0)
        {
            var written = string.Join(", ", required.Select(p => p.Candidate.Value));
            var names = string.Join(", ", required.Select(p => p.Parameter.Name));
            // Bash reads "<pod-name>" as a redirection and passes "{pod-name}" and "YOUR_POD_NAME" on as they are.
            var asWritten = required.All(p => p.Candidate.Value.StartsWith('<')) ? "bash would read each as a redirection"
                : required.Any(p => p.Candidate.Value.StartsWith('<')) ? "bash would read a <…> one as a redirection and pass the others on as they are"
                : "bash would pass each on as it is";
            document.Warnings.Add($"the commands' placeholder{(required.Count == 1 ? "" : "s")} {written} ({asWritten}) "
                + $"{(required.Count == 1 ? "is" : "are")} imported as the required parameter{(required.Count == 1 ? "" : "s")} {names}, without a default: "
                + $"a run refuses to start until it is given one ({required[0].Parameter.Name}=VALUE)"
                + (required.Where(p => p.Parameter.Secret).Select(p => p.Parameter.Name).ToList() is { Count: > 0 } secrets
                    ? $"; {string.Join(", ", secrets)} {(secrets.Count == 1 ? "is a secret ([Secret])" : "are secrets ([Secret])")}: what the engineer gives is masked in the console and the journal"
                    : ""));
        }

        // "Bearer YOUR_TOKEN" and "Bearer <api-token>" to one host are two parameters, never merged: the reviewer is told.
        document.Warnings.AddRange(PossiblyOneCredential.Warnings(runs.Select(r => r.Run)));

        var used = runs.SelectMany(r => r.Run.Parts.Where(p => p.Parameter is not null).Select(p => (r.Runbook, p.Parameter!))).Distinct().ToList();
        foreach (var (parameter, _) in parameters)
        {
            var owners = used.Where(u => u.Item2 == parameter.Name).Select(u => u.Runbook).Distinct().ToList();
            // A secret is never copied, and a placeholder's "<pod-name>" is no value: both are declared empty.
            var declared = parameter.Secret || parameter.Required ? parameter with { Default = "" } : parameter;
            // A required parameter on the shared base would refuse runs of the runbooks that never use it: each declares its own.
            if (owners.Count > 1 && !parameter.Required) document.SharedParameters.Add(declared);
            else foreach (var owner in owners) owner.Parameters.Add(declared);
        }
    }

    /// <summary>
    /// Whether the secret RB0006's patterns read in <paramref name="command"/> is a placeholder the document left there
    /// (<c>Authorization: Bearer YOUR-API-TOKEN</c>), which is no secret to lift but a value to ask for.
    /// </summary>
    private static bool StandsInAPlaceholder(string command, TextMatch secret) =>
        CommandPlaceholders.Find(command).Any(p => p.Start < secret.Start + secret.Length && secret.Start < p.Start + p.Written.Length);

    /// <summary>
    /// <paramref name="command"/> as text and holes: each parameter's value where it stands as what it was lifted as, the
    /// longest first where two overlap (a URL wins over the region inside it, a secret over anything around it).
    /// </summary>
    private static List<CommandPart> Substitute(string command, List<(ImportedParameter Parameter, Candidate Candidate)> parameters)
    {
        var places = new List<(int Start, int Length, string Name, bool Secret)>();
        foreach (var (parameter, candidate) in parameters)
        {
            foreach (var (start, length) in Places(command, candidate))
                places.Add((start, length, parameter.Name, candidate.Kind == Kind.Secret));
        }

        var holes = new List<(int Start, int Length, string Name)>();
        foreach (var place in places.OrderByDescending(p => p.Secret).ThenByDescending(p => p.Length).ThenBy(p => p.Start))
        {
            if (holes.Any(h => place.Start < h.Start + h.Length && h.Start < place.Start + place.Length)) continue;
            holes.Add((place.Start, place.Length, place.Name));
        }

        var parts = new List<CommandPart>();
        var at = 0;
        foreach (var (start, length, name) in holes.OrderBy(h => h.Start))
        {
            if (start > at) parts.Add(new CommandPart(command[at..start], null));
            parts.Add(new CommandPart(command.Substring(start, length), name));
            at = start + length;
        }
        if (at < command.Length || parts.Count == 0) parts.Add(new CommandPart(command[at..], null));
        return parts;
    }

    /// <summary>Where the candidate's value stands in <paramref name="command"/> as the kind of value it was lifted as, and its length.</summary>
    private static IEnumerable<(int Start, int Length)> Places(string command, Candidate candidate) => candidate.Kind switch
    {
        Kind.Secret => CommandPatterns.Secrets(command).Where(m => m.Text == candidate.Value).Select(m => (m.Start, m.Text.Length)),
        Kind.Resource => ResourceOption().Matches(command).Select(m => m.Groups["value"]).Where(g => g.Value == candidate.Value).Select(g => (g.Index, g.Length)),
        // Every spelling of the name ("<pod-name>", "<POD_NAME>") is the one parameter's hole.
        Kind.Placeholder => CommandPlaceholders.Find(command).Where(p => p.Name == candidate.Name).Select(p => (p.Start, p.Written.Length)),
        // A region, a URL's base and a home directory are values of their own shape wherever they stand.
        _ => Occurrences(command, candidate.Value).Select(start => (start, candidate.Value.Length)),
    };

    private static IEnumerable<int> Occurrences(string text, string value)
    {
        for (var index = text.IndexOf(value, StringComparison.Ordinal); index >= 0; index = text.IndexOf(value, index + 1, StringComparison.Ordinal))
        {
            if (Boundary(text, index - 1) && Boundary(text, index + value.Length)) yield return index;
        }
    }

    private static bool Boundary(string text, int index) =>
        index < 0 || index >= text.Length || !(char.IsLetterOrDigit(text[index]) || text[index] is '_' or '-');

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

    // "<db-password>", "<API_TOKEN>": a placeholder for a secret is a [Secret] parameter, masked where its value shows.
    [GeneratedRegex(@"(Password|Passwd|Secret|Token|ApiKey|AccessKey|PrivateKey)")]
    private static partial Regex SecretName();

    [GeneratedRegex(@"\b(us|eu|ap|sa|ca|me|af|il|mx)-(central|north|south|east|west|northeast|southeast|northwest|southwest)-\d\b")]
    private static partial Regex Region();

    [GeneratedRegex(@"https?://[^\s'""`)<>|\\]+")]
    private static partial Regex Url();

    [GeneratedRegex(@"--(?<option>function-name|table-name|stack-name|cluster|services?|log-group-name|db-instance-identifier|task-definition|user-pool-id|rest-api-id|bucket|queue-url|resource-group|deployment|release|namespace-name|instance-id|instance-ids|cache-cluster-id|replication-group-id|distribution-id|hosted-zone-id|secret-id|topic-arn|state-machine-arn|target-table-name)[ =](?<value>[A-Za-z0-9][A-Za-z0-9._:/-]*)")]
    private static partial Regex ResourceOption();

    // A quoted path is read to its closing quote (in double quotes, to a $ or backtick the shell expands):
    // "/home/jon/payments scripts" is one path, whose blank keeps its folder out of the parameter (CommonDirectory),
    // not "/home/jon/payments", a folder that does not exist.
    [GeneratedRegex(@"(?<=(?<![\w\\])"")(/home|/Users)/[^""$`\\\n]+|(?<=(?<![\w\\])')(/home|/Users)/[^'\n]+|(?<![\w.~/$-])(/home|/Users)/[^\s/'""$`;&|)]+[^\s'""`;&|)]*")]
    private static partial Regex HomePath();
}
