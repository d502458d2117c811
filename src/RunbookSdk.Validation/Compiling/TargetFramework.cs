using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp;
using RunbookSdk.Validation.Projects;

namespace RunbookSdk.Validation.Compiling;

/// <summary>
/// A project's target framework (<c>net8.0</c>, <c>netstandard2.0</c>) and what the SDK derives from it for the
/// compiler: the implicit preprocessor symbols and the default C# version. Only .NET (Core) and .NET Standard are
/// modelled, with an OS suffix (<c>net10.0-windows</c>, <c>net8.0-android34.0</c>) on .NET 5 and later.
/// </summary>
/// <param name="Family"><c>NETCOREAPP</c> or <c>NETSTANDARD</c>.</param>
/// <param name="Version">Its version.</param>
internal sealed partial record TargetFramework(string Family, Version Version)
{
    // The Windows versions the .NET 10 SDK supports (WindowsSdkSupportedTargetPlatformVersion in its bundled versions,
    // CsWinRT 3's x.y.z.1 normalized to .0): each one up to the project's gets a WINDOWS*_OR_GREATER symbol.
    private static readonly Version[] WindowsVersions =
        [new(7, 0), new(8, 0), new(10, 0, 17763, 0), new(10, 0, 18362, 0), new(10, 0, 19041, 0), new(10, 0, 20348, 0), new(10, 0, 22000, 0), new(10, 0, 22621, 0), new(10, 0, 26100, 0)];

    /// <summary>The OS of an OS-specific framework, lower case (<c>windows</c>, <c>android</c>), or null.</summary>
    public string? Platform { get; init; }

    /// <summary>The OS version written in the moniker (<c>10.0.19041</c> in <c>net10.0-windows10.0.19041</c>), or null.</summary>
    public string? PlatformVersion { get; init; }

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
        var framework = match.Groups[1].Value.ToLowerInvariant() switch
        {
            "netstandard" => new TargetFramework("NETSTANDARD", version),
            "netcoreapp" => new TargetFramework("NETCOREAPP", version),
            // netN.M without "coreapp" is .NET 5 and later (.NET Framework monikers have no dot: net48).
            _ when version.Major >= 5 => new TargetFramework("NETCOREAPP", version),
            _ => null,
        };
        return framework is not null && match.Groups[4].Success
            ? framework with { Platform = match.Groups[4].Value.ToLowerInvariant(), PlatformVersion = match.Groups[5].Success ? match.Groups[5].Value : null }
            : framework;
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

        foreach (var symbol in PlatformSymbols()) yield return symbol;
    }

    /// <summary>
    /// The OS symbols (the SDK's <c>GenerateTargetPlatformDefineConstants</c> and
    /// <c>GeneratePlatformCompatibleDefineConstants</c>, .NET 5 and later): <c>WINDOWS</c>, <c>WINDOWS7_0</c>, and
    /// <c>WINDOWS7_0_OR_GREATER</c> for each supported version up to the project's. Windows (default 7.0) and browser
    /// (1.0) are the SDK's own; for a workload's OS (android, ios, maccatalyst, macos, tvos) the default version and
    /// the list of supported versions come from the workload, so only the OS symbol and, when the moniker names a
    /// version, that version's own symbols are defined.
    /// </summary>
    private IEnumerable<string> PlatformSymbols()
    {
        if (Platform is null || Family != "NETCOREAPP" || Version.Major < 5) yield break;
        var os = Platform.ToUpperInvariant();
        yield return os;

        var written = PlatformVersion is { } text && System.Version.TryParse(text.Contains('.') ? text : text + ".0", out var parsed) ? parsed : null;
        var (version, supported) = Platform switch
        {
            // The SDK writes a three-part Windows version with four (GetTargetPlatformVersion(..., 4)).
            "windows" => (written is { Build: >= 0, Revision: < 0 } ? new Version(written.Major, written.Minor, written.Build, 0) : written ?? new Version(7, 0), WindowsVersions),
            "browser" => (written ?? new Version(1, 0), new[] { new Version(1, 0) }),
            _ => (written, written is null ? [] : new[] { written }),
        };
        if (version is null) yield break;
        yield return os + version.ToString().Replace('.', '_');
        foreach (var v in supported.Where(v => v <= version).Reverse())
            yield return $"{os}{v.ToString().Replace('.', '_')}_OR_GREATER";
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

    [GeneratedRegex(@"^(netcoreapp|netstandard|net)(\d+)\.(\d+)(?:-([a-z]+)(\d+(?:\.\d+)*)?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Moniker();
}
