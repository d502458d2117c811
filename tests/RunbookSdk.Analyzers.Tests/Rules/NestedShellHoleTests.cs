using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RunbookSdk.Analyzers.Commands;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// RB0020: the handler quotes a parameter for the shell that runs the command; inside the quoted command line that
/// ssh or sh -c hands to another shell, that shell splits the value again (a Dir of "x; reboot" reboots).
/// </summary>
public sealed class NestedShellHoleTests
{
    private static string Runbook(string steps) => Sources.Runbook(steps, extraMembers: """
            [Parameter("Host")] public string Host { get; init; } = "db-1";
            [Parameter("Folder")] public string Dir { get; init; } = "/var/cache/app";
        """);

    [Fact]
    public Task A_parameter_inside_the_command_line_of_ssh_or_sh_c_is_reported_with_the_command_that_hands_it_on() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Runbook("""
                        .Step("Clean", s => s
                            .Run($"ssh {Host} 'ls -la {|#0:{Dir}|}'")
                            .Run($"sudo -u app sh -c \"du -sh {|#1:{Dir}|}\""))
            """),
            new DiagnosticResult("RB0020", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("Dir", "ssh ${Host}"),
            new DiagnosticResult("RB0020", DiagnosticSeverity.Warning).WithLocation(1).WithArguments("Dir", "sudo -u app sh -c"));

    [Fact]
    public Task A_parameter_as_an_argument_of_its_own_and_quoted_text_of_other_commands_are_not_reported() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Runbook("""
                        .Step("Look", s => s
                            .Run($"ssh {Host} uptime")
                            .Run($"sh -c 'du -sh \"$1\"' sh {Dir}")
                            .Run($"echo 'cleaning {Dir}'")
                            .Run($"grep -c '{Host}' /etc/hosts"))
            """));
}
