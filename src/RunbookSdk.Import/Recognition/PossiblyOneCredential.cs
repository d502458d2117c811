using System.Text.RegularExpressions;
using RunbookSdk.Analyzers.Text;
using RunbookSdk.Import.Model;

namespace RunbookSdk.Import.Recognition;

/// <summary>
/// Parameters that may be one credential written two ways: <c>Authorization: Bearer YOUR_TOKEN</c> in one command and
/// <c>Authorization: Bearer &lt;api-token&gt;</c> in another to the same host give the two <c>[Secret]</c> parameters
/// <c>Token</c> and <c>ApiToken</c>, and the engineer is asked for both.
/// </summary>
/// <remarks>
/// They are never merged: two tokens to one API can really be two (a read token and an admin one), and a wrong merge sends
/// the wrong credential at 3 a.m. The import names them instead, so the reviewer merges them by hand where they are one.
/// Named only where two different parameters stand in the same kind of credential position (the same header, the same
/// option of the same tool) to the same host, or both with no host written: a password for the database and a token for
/// the API are no pair.
/// </remarks>
internal static partial class PossiblyOneCredential
{
    /// <summary>A parameter standing where a credential goes: which position (<c>Key</c> compares, <c>Shown</c> names it), to which host, at which line.</summary>
    private readonly record struct Stand(string Parameter, string Key, string Shown, string? Host, int Line);

    /// <summary>One warning per group of two or more parameters that may be one credential, naming them with their lines.</summary>
    public static IEnumerable<string> Warnings(IEnumerable<RunAction> runs)
    {
        var stands = runs.SelectMany(StandsIn).ToList();
        foreach (var group in stands.GroupBy(s => (s.Key, s.Host)))
        {
            var parameters = group.GroupBy(s => s.Parameter, StringComparer.Ordinal).ToList();
            if (parameters.Count < 2) continue;
            var named = parameters.Select(p => $"{p.Key} ({Lines(p.Select(s => s.Line))})").ToList();
            var list = string.Join(", ", named.SkipLast(1)) + " and " + named[^1];
            var host = group.Key.Host is { } written ? $"to {written}" : "with no host written";
            yield return $"the [Secret] parameters {list} stand in the same credential position, {group.First().Shown}, {host}: "
                + "they may be one credential the document wrote two ways, and are kept apart (two credentials to one service can "
                + "really be two, and a wrong merge sends the wrong one); if they are one, keep one of them in each command and delete the other";
        }
    }

    private static string Lines(IEnumerable<int> lines)
    {
        var known = lines.Where(l => l > 0).Distinct().Order().ToList();
        return known.Count switch
        {
            0 => "line unknown",
            1 => $"line {known[0]}",
            _ => "lines " + string.Join(", ", known),
        };
    }

    /// <summary>The parameters whose holes in <paramref name="run"/> stand where a credential goes (<see cref="SentCredentials"/>).</summary>
    private static IEnumerable<Stand> StandsIn(RunAction run)
    {
        if (!run.Parts.Any(p => p.Parameter is not null)) yield break;
        var holes = new List<(int Start, int End, string Parameter)>();
        var at = 0;
        foreach (var part in run.Parts)
        {
            if (part.Parameter is not null) holes.Add((at, at + part.Text.Length, part.Parameter));
            at += part.Text.Length;
        }
        foreach (var credential in SentCredentials.In(run.Command))
        {
            var hole = holes.FirstOrDefault(h => h.Start < credential.Start + credential.Length && credential.Start < h.End);
            if (hole.Parameter is null) continue;
            var (key, shown) = Position(run.Command, credential);
            // The host of the simple command holding this credential: one command line can send two to two hosts.
            yield return new Stand(hole.Parameter, key, shown, CredentialHost.Of(run.Command, credential.Start), run.Line);
        }
    }

    /// <summary>
    /// The kind of credential position: a header by its name and, for an Authorization value, its scheme
    /// (<c>the Authorization header (Bearer)</c>: <c>Basic …</c> and <c>Bearer …</c> are two positions), any other by what RB0006's
    /// pattern calls it and the name it gives (<c>PGPASSWORD=</c> and <c>DB_PASSWORD=</c> are two positions).
    /// </summary>
    /// <remarks>
    /// A Basic credential (a user and a password) and a bearer token are never one credential, whatever the host: paired,
    /// the reviewer would be told to keep one of them in both commands. The scheme compares as HTTP does, without case.
    /// </remarks>
    private static (string Key, string Shown) Position(string command, TextMatch credential)
    {
        var lineStart = command.LastIndexOf('\n', Math.Max(credential.Start - 1, 0)) + 1;
        if (credential.Detail.Contains("header", StringComparison.Ordinal) &&
            HeaderBefore().Match(command, lineStart, credential.Start - lineStart) is { Success: true } header)
        {
            var name = header.Groups["header"].Value;
            var scheme = header.Groups["scheme"].Value.TrimEnd().Split(' ', '\t')[0];
            return ("header:" + name.ToLowerInvariant() + ":" + scheme.ToLowerInvariant(), ShownHeader(name, scheme));
        }
        var detail = char.ToLowerInvariant(credential.Detail[0]) + credential.Detail[1..];
        return (credential.Detail + ":" + credential.Name, $"{detail} ({credential.Name})");
    }

    /// <summary>
    /// The header as the warning names it: an Authorization header with its scheme as the first command wrote it
    /// (<c>the Authorization header (Bearer)</c>), since the scheme is part of the position and the engineer must know which
    /// two values are meant when one command line sends a Basic credential and a bearer token; any other header by its name.
    /// </summary>
    private static string ShownHeader(string name, string scheme) =>
        scheme.Length > 0 ? $"the {name} header ({scheme})"
        : name.EndsWith("authorization", StringComparison.OrdinalIgnoreCase) ? $"the {name} header (no scheme)"
        : $"the {name} header";

    // The header's name right before the credential, past the Authorization scheme (and its parameter name) when there is
    // one, which "scheme" holds ("Bearer ", "Token token=").
    [GeneratedRegex(@"(?<header>[A-Za-z][\w-]*)\s*:\s*[`'""]?(?<scheme>" + CommandPatterns.AuthorizationScheme + @")?$")]
    private static partial Regex HeaderBefore();
}
