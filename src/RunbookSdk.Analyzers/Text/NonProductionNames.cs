using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RunbookSdk.Analyzers.Text;

/// <summary>
/// RB0012's vocabulary: the parts of a resource name that mark it as not production. Built in: <c>dev</c>,
/// <c>development</c>, <c>staging</c>, <c>stg</c>. Teams name more environments (<c>qa</c>, <c>uat</c>, <c>preprod</c>), so
/// <c>.editorconfig</c> can add theirs: <c>runbook_sdk.RB0012.non_production_names = qa, uat</c>.
/// </summary>
internal sealed class NonProductionNames
{
    /// <summary>The <c>.editorconfig</c> key: extra names, separated by commas or spaces.</summary>
    public const string OptionKey = "runbook_sdk.RB0012.non_production_names";

    private static readonly string[] s_builtIn = ["dev", "development", "staging", "stg"];
    private static readonly ConcurrentDictionary<string, NonProductionNames> s_configured = new(StringComparer.Ordinal);
    private readonly GuardedPattern _pattern;

    private NonProductionNames(IReadOnlyCollection<string> names)
    {
        var alternatives = string.Join("|", names.OrderByDescending(n => n.Length).Select(Regex.Escape));
        // Numbered environments too: cache-stg01, api-dev2.
        _pattern = new GuardedPattern(@"(?i)(^|[-_.])(?<env>" + alternatives + @")\d*([-_.]|$)", RegexOptions.None, names.ToArray());
    }

    /// <summary>Diagnostic property: the resource name as written (the code fix replaces only that text).</summary>
    public const string ResourceProperty = "Resource";

    /// <summary>Diagnostic property: the name without its environment part, which the code fix offers.</summary>
    public const string ProductionNameProperty = "ProductionName";

    /// <summary>What RB0012's code fix needs: the name found and the one it offers instead (none when nothing would be left).</summary>
    public ImmutableDictionary<string, string?> FixProperties(string resource) =>
        WithoutEnvironment(resource) is { } productionName
            ? ImmutableDictionary<string, string?>.Empty.Add(ResourceProperty, resource).Add(ProductionNameProperty, productionName)
            : ImmutableDictionary<string, string?>.Empty;

    /// <summary>The built-in names only.</summary>
    public static NonProductionNames Default { get; } = new(s_builtIn);

    /// <summary>The built-in names and those the file's <c>.editorconfig</c> adds; one instance per distinct setting.</summary>
    public static NonProductionNames For(AnalyzerConfigOptions options) =>
        options.TryGetValue(OptionKey, out var value) && !string.IsNullOrWhiteSpace(value)
            ? s_configured.GetOrAdd(value, static v => new NonProductionNames(s_builtIn.Concat(Parse(v)).Distinct(StringComparer.OrdinalIgnoreCase).ToList()))
            : Default;

    /// <summary>False when the text cannot name a non-production resource: a cheap look for the names.</summary>
    public bool MayMatch(string text) => _pattern.MayMatch(text);

    /// <summary>
    /// Every word of the text that has a non-production name as one of its parts (<c>omnix-ai-dev-orders</c>), not
    /// the name alone (<c>--env staging</c> is an argument, not a resource) and not an option (<c>--save-dev</c>).
    /// </summary>
    public IEnumerable<TextMatch> In(string text)
    {
        // Every word is matched on its own: first ask whether the text names an environment at all.
        if (!_pattern.MayMatch(text)) yield break;
        string? shell = null; // where commands start, read only for a candidate: `echo "a; b" && apt-get install libpq-dev`
        foreach (var word in CommandPatterns.Words(text))
        {
            // An option such as --save-dev; but after a hole (`{FunctionName}-dev`) the text goes on with the name the hole began.
            var afterHole = word.Index > 0 && text[word.Index - 1] == '}';
            if (word.Value.StartsWith("-", StringComparison.Ordinal) && !afterHole) continue;
            var environment = _pattern.Regex.Match(word.Value);
            if (!environment.Success || environment.Length == word.Length && !afterHole) continue;
            if (IsMailbox(text, word) || IsPackage(shell ??= ShellOperators.Read(text), word.Index) || IsDevDomain(text, word, environment)) continue;
            yield return new TextMatch(word.Index, word.Length, word.Value, Describe(environment.Groups["env"].Value.ToLowerInvariant()));
        }
    }

    /// <summary>
    /// <c>https://status.omnix.dev</c>, <c>deploy@api-1.omnix.dev</c>: <c>.dev</c> ending a host is the public top-level
    /// domain, where production sites live. Not <c>Dockerfile.dev</c> (a file) nor <c>api.dev.omnix.ai</c>.
    /// </summary>
    private static bool IsDevDomain(string text, Match word, Match environment)
    {
        if (environment.Index + environment.Length != word.Length || word.Value[environment.Index] != '.') return false;
        if (!string.Equals(environment.Groups["env"].Value, "dev", StringComparison.OrdinalIgnoreCase) || environment.Length != 4) return false;
        var before = word.Index;
        return before > 0 && text[before - 1] == '@' || before > 1 && text[before - 1] == '/' && text[before - 2] == '/';
    }

    /// <summary>
    /// <c>dev-oncall@omnix.ai</c>, <c>ssh dev-user@api-1</c>: a mailbox or a login, not a resource. Not an image
    /// pinned by digest (<c>omnix/api-dev@sha256:...</c>), whose name follows a <c>/</c>.
    /// </summary>
    private static bool IsMailbox(string text, Match word)
    {
        var after = word.Index + word.Length;
        return after < text.Length && text[after] == '@' && (word.Index == 0 || text[word.Index - 1] != '/');
    }

    // A package manager's arguments are packages: libpq-dev and python3-dev are C headers, not a dev environment.
    private static readonly Regex s_packageManager = new(@"\G\s*(sudo\s+)?(apt|apt-get|apk|yum|dnf|zypper|dpkg)(?=\s|$)",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeSpan.FromSeconds(1));

    private static bool IsPackage(string text, int index)
    {
        try
        {
            return s_packageManager.IsMatch(text, ShellCommandBounds.CommandStart(text, index)); // \G: at the command's start, no copy
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>
    /// The name with its environment part taken out, as the production resource is usually called:
    /// <c>omnix-ai-backend-dev</c> → <c>omnix-ai-backend</c>, <c>omnix-ai-dev-orders</c> → <c>omnix-ai-orders</c>,
    /// <c>api-staging.omnix.ai</c> → <c>api.omnix.ai</c>. Null when nothing would be left.
    /// </summary>
    private string? WithoutEnvironment(string name)
    {
        var environment = _pattern.Regex.Match(name);
        if (!environment.Success || environment.Length == name.Length) return null;
        var atStart = environment.Index == 0;
        var atEnd = environment.Index + environment.Length == name.Length;
        // Between two separators, the one after the environment stays: "api-staging.omnix.ai" keeps its ".".
        var result = atStart || atEnd ? name.Remove(environment.Index, environment.Length) : name.Remove(environment.Index, environment.Length - 1);
        return result.Length == 0 ? null : result;
    }

    private static string Describe(string name) => name switch
    {
        "dev" or "development" => "development",
        "staging" or "stg" => "staging",
        _ => name,
    };

    /// <summary>Names are letters and digits; anything else in the setting separates them.</summary>
    private static IEnumerable<string> Parse(string value) =>
        Regex.Split(value, "[^A-Za-z0-9]+").Where(name => name.Length > 0).Select(name => name.ToLowerInvariant());
}
