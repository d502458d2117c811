using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RunbookSdk.Analyzers.Commands;
using RunbookSdk.Analyzers.Tests.Infrastructure;
using RunbookSdk.CodeFixes.Commands;

namespace RunbookSdk.Analyzers.Tests.Fixes;

/// <summary>
/// RB0007's fix puts a hole where the home path was, and the runner quotes every hole: what the shell would have
/// expanded in the path (a glob, a brace list, <c>$VAR</c>, <c>$(…)</c>, a backtick, a backslash escape, <c>~jon</c>)
/// was no longer expanded. <c>ls /home/jon/logs/*.log</c> listed a file named <c>*.log</c>, <c>{a,b}.conf</c> named one
/// file, and <c>log-$(date +%F).txt</c> was cut inside the substitution (<c>tail {LogDateDirectory} +%F).txt</c>, a
/// syntax error). The path now ends at its last whole directory before such a character, so the rest stays literal text
/// after the hole; for <c>~jon</c>, which no quoted value can stand for, the finding stays and no fix is offered.
/// </summary>
public sealed class HomePathExpansionFixTests
{
    private static string Step(string command) => $$"""            .Step("Act", s => s.Run({{command}}))""";

    private static string Member(string name, string path) =>
        $$"""    [Parameter("Path of '{{path.Substring(path.LastIndexOf('/') + 1)}}' on the operator's machine")] public string {{name}} { get; init; } = "{{path}}";""" + "\n";

    [Theory]
    [InlineData(@"ls -la {|#0:/home/jon/logs|}/*.log", "/home/jon/logs")]
    [InlineData(@"ls {|#0:/home/jon/app|}/log-?.txt", "/home/jon/app")]
    [InlineData(@"ls {|#0:/home/jon/app|}/log-[0-9].txt", "/home/jon/app")]
    [InlineData(@"cat {|#0:/home/jon/app|}/{a,b}.conf", "/home/jon/app")]
    [InlineData(@"tail -n 50 {|#0:/home/jon/app|}/log-$(date +%F).txt", "/home/jon/app")]
    [InlineData(@"cat {|#0:/home/jon/app|}/$STAGE.conf", "/home/jon/app")]
    [InlineData(@"cat {|#0:/home/jon/app|}/`hostname`.conf", "/home/jon/app")]
    [InlineData(@"cat {|#0:/home/jon|}/my\\ notes/todo.txt", "/home/jon")]
    [InlineData(@"ls {|#0:/home/jon|}/*.log", "/home/jon")]
    [InlineData(@"dir {|#0:C:\\Users\\jon\\logs|}\\*.log", @"C:\Users\jon\logs")]
    [InlineData(@"cat {|#0:~jon/notes.txt|}", "~jon/notes.txt")]
    [InlineData(@"ls {|#0:~jon|}/*.log", "~jon")]
    public Task The_path_reported_ends_at_its_last_whole_directory_before_what_the_shell_expands(string command, string path) =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook(Step("\"" + command + "\"")),
            new DiagnosticResult("RB0007", DiagnosticSeverity.Warning).WithLocation(0).WithArguments(path));

    [Theory]
    [InlineData("ls -la /home/jon/logs/*.log", "\"ls -la {|RB0007:/home/jon/logs|}/*.log\"", "$\"ls -la {LogsDirectory}/*.log\"", "LogsDirectory", "/home/jon/logs")]
    [InlineData("cat /home/jon/app/{a,b}.conf", "\"cat {|RB0007:/home/jon/app|}/{a,b}.conf\"", "$\"cat {AppDirectory}/{{a,b}}.conf\"", "AppDirectory", "/home/jon/app")]
    [InlineData("tail -n 50 /home/jon/app/log-$(date +%F).txt", "\"tail -n 50 {|RB0007:/home/jon/app|}/log-$(date +%F).txt\"", "$\"tail -n 50 {AppDirectory}/log-$(date +%F).txt\"", "AppDirectory", "/home/jon/app")]
    [InlineData("cat /home/jon/app/`hostname`.conf", "\"cat {|RB0007:/home/jon/app|}/`hostname`.conf\"", "$\"cat {AppDirectory}/`hostname`.conf\"", "AppDirectory", "/home/jon/app")]
    [InlineData(@"cat /home/jon/my\ notes/todo.txt", @"@""cat {|RB0007:/home/jon|}/my\ notes/todo.txt""", @"$@""cat {JonDirectory}/my\ notes/todo.txt""", "JonDirectory", "/home/jon")]
    public async Task The_fix_moves_that_directory_and_the_command_runs_as_written(string written, string marked, string fixedCommand, string name, string path)
    {
        var fixedSource = Sources.Runbook(Step(fixedCommand), extraMembers: Member(name, path));
        await Verify<CommandTextAnalyzer>.FixAsync<LiteralToParameterCodeFix>(Sources.Runbook(Step(marked)), fixedSource);
        Assert.Equal(written, RenderedCommand.Of(fixedSource));
    }

    /// <summary>
    /// <c>~jon</c> is jon's home only where the shell reads it unquoted at the start of a word, and which folder that is
    /// differs from machine to machine: neither a quoted hole nor an absolute default can stand for it. A user's name
    /// that runs on into what the shell expands (<c>/home/jon$SUFFIX</c>) writes no whole home to move either.
    /// </summary>
    [Theory]
    [InlineData("\"cat {|RB0007:~jon/notes.txt|}\"")]
    [InlineData("\"ls {|RB0007:~jon|}/*.log\"")]
    [InlineData("\"ls {|RB0007:/home/jon$SUFFIX/logs/*.log|}\"")]
    [InlineData("{|RB0007:$\"tail -n 50 /home/jon{FunctionName}/app.log\"|}")] // across a hole: the whole argument
    public Task Another_users_tilde_or_a_user_the_shell_expands_is_reported_without_a_fix(string marked) =>
        Verify<CommandTextAnalyzer>.FixAsync<LiteralToParameterCodeFix>(Sources.Runbook(Step(marked)), Sources.Runbook(Step(marked)));

    [Fact]
    public Task A_home_whose_user_is_a_variable_is_not_reported() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook(Step("\"ls /home/$USER/logs/*.log\"")));
}
