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

    [Theory]
    [InlineData("du -sh /home/* | sort -h | tail -5")]                   // every home, on a disk-full host
    [InlineData("ls -la /Users/Shared/omnix")]                            // macOS's shared folder
    [InlineData(@"dir C:\Users\Public\Documents")]                        // Windows's shared folder
    [InlineData(@"type C:\Users\%USERNAME%\.kube\config")]                // cmd's variable
    [InlineData("/home/linuxbrew/.linuxbrew/bin/brew upgrade awscli")]   // Homebrew's prefix on Linux
    [InlineData("ssh ubuntu@bastion 'tail -n 200 /home/ubuntu/app/logs/app.log'")] // a cloud image's default user, on that machine
    [InlineData("scp ec2-user@api-1:/home/ec2-user/heap.hprof .")]
    [InlineData("ls ~/.kube $HOME/.aws ${HOME}/.config")]
    [InlineData("git diff HEAD~1/ --stat")]
    [InlineData("curl -fsS https://people.example.edu/~jon/status.json")]
    [InlineData("sudo -u postgres psql -f ~postgres/restore.sql")]         // a service account's home is the same on every host
    public Task PathsEveryMachineSharesAreNotReported(string command) => Verify(command);
}
