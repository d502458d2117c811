using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp;
using RunbookSdk.Validation.Projects;

namespace RunbookSdk.Validation.Compiling;

/// <summary>
/// A project's target framework (<c>net8.0</c>, <c>netstandard2.0</c>) and what the SDK derives from it for the
/// compiler: the implicit preprocessor symbols and the default C# version. Only .NET (Core) and .NET Standard are
/// modelled; an OS suffix (<c>net10.0-windows</c>) is ignored, so its symbols (<c>WINDOWS</c>) are not defined.
/// </summary>
/// <param name="Family"><c>NETCOREAPP</c> or <c>NETSTANDARD</c>.</param>
/// <param name="Version">Its version.</param>
internal sealed partial record TargetFramework(string Family, Version Version)
{
    // The versions the SDK defines a *_OR_GREATER symbol for, per family.
    private static readonly Version[] CoreVersions = [new(1, 0), new(1, 1), new(2, 0), new(2, 1), new(2, 2), new(3, 0), new(3, 1), new(5, 0), new(6, 0), new(7, 0), new(8, 0), new(9, 0), new(10, 0)];
    private static readonly Version[] StandardVersions = [new(1, 0), new(1, 1), new(1, 2), new(1, 3), new(1, 4), new(1, 5), new(1, 6), new(2, 0), new(2, 1)];

    /// <summary>The project's <c>TargetFramework</c> (or the first of <c>TargetFrameworks</c>), or null when absent or not modelled.</summary>
    public static TargetFramework? Of(ProjectProperties properties)
    {
        var moniker = properties["TargetFramework"]
            ?? properties["TargetFrameworks"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (moniker is null || Moniker().Match(moniker) is not { Success: true } match) return null;
        var version = new Version(int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(match.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture));
        return match.Groups[1].Value.ToLowerInvariant() switch
        {
            "netstandard" => new TargetFramework("NETSTANDARD", version),
            "netcoreapp" => new TargetFramework("NETCOREAPP", version),
            // netN.M without "coreapp" is .NET 5 and later (.NET Framework monikers have no dot: net48).
            _ when version.Major >= 5 => new TargetFramework("NETCOREAPP", version),
            _ => null,
        };
    }

    /// <summary>The symbols the SDK defines for this framework (its <c>_ImplicitDefineConstant</c> items).</summary>
    public IEnumerable<string> ImplicitSymbols()
    {
        var versioned = $"{Version.Major}_{Version.Minor}";
        if (Family == "NETSTANDARD")
        {
            yield return "NETSTANDARD";
            yield return "NETSTANDARD" + versioned;
            foreach (var v in StandardVersions.Where(v => v <= Version)) yield return $"NETSTANDARD{v.Major}_{v.Minor}_OR_GREATER";
            yield break;
        }

        yield return "NETCOREAPP";
        if (Version.Major >= 5)
        {
            yield return "NET";
            yield return "NET" + versioned;
        }
        else
        {
            yield return "NETCOREAPP" + versioned;
        }

        foreach (var v in CoreVersions.Where(v => v <= Version))
            yield return v.Major >= 5 ? $"NET{v.Major}_{v.Minor}_OR_GREATER" : $"NETCOREAPP{v.Major}_{v.Minor}_OR_GREATER";
    }

    /// <summary>
    /// The C# version a build uses without <c>LangVersion</c> (the SDK picks it from the framework). C# 14 (net10.0)
    /// is <see cref="LanguageVersion.Preview"/> in the compiler validate ships (Roslyn 4.14), the closest it has.
    /// </summary>
    public LanguageVersion DefaultLanguageVersion() => (Family, Version.Major, Version.Minor) switch
    {
        ("NETCOREAPP", >= 10, _) => LanguageVersion.Preview,
        ("NETCOREAPP", 9, _) => LanguageVersion.CSharp13,
        ("NETCOREAPP", 8, _) => LanguageVersion.CSharp12,
        ("NETCOREAPP", 7, _) => LanguageVersion.CSharp11,
        ("NETCOREAPP", 6, _) => LanguageVersion.CSharp10,
        ("NETCOREAPP", 5, _) => LanguageVersion.CSharp9,
        ("NETCOREAPP", 3, _) => LanguageVersion.CSharp8,
        ("NETSTANDARD", 2, >= 1) => LanguageVersion.CSharp8,
        _ => LanguageVersion.CSharp7_3,
    };

    [GeneratedRegex(@"^(netcoreapp|netstandard|net)(\d+)\.(\d+)(-.*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Moniker();
}
