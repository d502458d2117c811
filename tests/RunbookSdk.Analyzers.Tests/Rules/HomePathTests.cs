using RunbookSdk.Analyzers.Commands;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// RB0007 on the paths runbooks really write: one person's home in its other spellings (Windows, Git Bash, WSL,
/// <c>~user</c>) is reported; paths shared by every machine, globs, placeholders and variables are not.
/// </summary>
public sealed class HomePathTests
{
    private static Task Verify(string command) =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook($$"""
                        .Step("Act", s => s.Run(@"{{command}}"))
            """));

    [Theory]
    [InlineData("cat {|RB0007:~jon/.kube/config|}")]
    [InlineData("cd {|RB0007:C:/Users/jon/projects/api|} && dotnet run")]
    [InlineData(@"type {|RB0007:c:\users\jon\notes.txt|}")]
    [InlineData("cd {|RB0007:/c/Users/jon/projects/api|} && ./deploy.sh")]
    [InlineData("cd {|RB0007:/mnt/c/Users/jon/projects/api|} && ./deploy.sh")]
    public Task OnePersonsHomeIsReported(string command) => Verify(command);
}
