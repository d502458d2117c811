namespace RunbookSdk.Validation.Tests;

/// <summary>
/// An OS-specific target framework (<c>net10.0-windows</c>, <c>net8.0-android</c>) defines the platform's symbols, as the
/// SDK does (its <c>GenerateTargetPlatformDefineConstants</c> target; the values checked against the .NET 10 SDK).
/// </summary>
public sealed class PlatformSymbolTests
{
    private static TempProject ProjectFor(string targetFramework, string condition)
    {
        var project = new TempProject().With("PaymentsHandbook.cs", Runbooks.Handbook).With("QueueStuck.cs", $"#if {condition}\n{Runbooks.WithoutRollback}\n#endif\n");
        File.WriteAllText(project.ProjectFile, TempProject.AppProject.Replace("<TargetFramework>net10.0</TargetFramework>", $"<TargetFramework>{targetFramework}</TargetFramework>", StringComparison.Ordinal));
        return project;
    }

    [Theory]
    [InlineData("net10.0-windows", "WINDOWS")]
    [InlineData("net10.0-windows", "WINDOWS7_0")]
    [InlineData("net10.0-windows", "WINDOWS7_0_OR_GREATER")]
    [InlineData("net10.0-windows", "NET10_0 && NET8_0_OR_GREATER")]
    [InlineData("net10.0-windows10.0.19041", "WINDOWS10_0_19041_0")]
    [InlineData("net10.0-windows10.0.19041.0", "WINDOWS10_0_17763_0_OR_GREATER && WINDOWS8_0_OR_GREATER")]
    [InlineData("net10.0-windows10.0.22621.0", "WINDOWS10_0_22000_0_OR_GREATER")]
    [InlineData("net8.0-android", "ANDROID && NET8_0")]
    [InlineData("net8.0-android34.0", "ANDROID34_0")]
    [InlineData("net10.0-ios", "IOS")]
    [InlineData("net10.0-browser", "BROWSER && BROWSER1_0 && BROWSER1_0_OR_GREATER")]
    public async Task ThePlatformSymbolsTheSdkDefinesAreDefined(string targetFramework, string condition)
    {
        using var project = ProjectFor(targetFramework, condition);

        var result = await RunbookValidator.ValidateAsync(project.ProjectFile);

        Assert.Equal("payments-queue-stuck", Assert.Single(result.Runbooks).Id);
    }

    [Theory]
    [InlineData("net10.0", "WINDOWS")]
    [InlineData("net10.0-windows", "WINDOWS8_0_OR_GREATER")]
    [InlineData("net10.0-windows", "ANDROID")]
    [InlineData("net10.0-windows10.0.19041.0", "WINDOWS10_0_22000_0_OR_GREATER")]
    [InlineData("netstandard2.0-windows", "WINDOWS")]
    public async Task OtherPlatformSymbolsAreNot(string targetFramework, string condition)
    {
        using var project = ProjectFor(targetFramework, condition);

        var result = await RunbookValidator.ValidateAsync(project.ProjectFile);

        Assert.Empty(result.Runbooks);
    }
}
