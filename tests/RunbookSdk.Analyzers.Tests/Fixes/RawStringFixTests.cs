using RunbookSdk.Analyzers.Commands;
using RunbookSdk.Analyzers.Tests.Infrastructure;
using RunbookSdk.CodeFixes.Commands;

namespace RunbookSdk.Analyzers.Tests.Fixes;

/// <summary>
/// Raw strings are how a script is written into a runbook (<c>"""</c> over several lines, no escapes). A finding in
/// one squiggles its own text, as in any other string, and the fix that moves a home path or a password into a
/// parameter writes the hole the raw string's way: one <c>$</c> more than its longest run of braces and holes of as
/// many braces, so the braces the script already holds stay text.
/// </summary>
public sealed class RawStringFixTests
{
    private const string AppsParameter = """    [Parameter("Path of 'apps' on the operator's machine")] public string AppsDirectory { get; init; } = "/home/jon/apps";""" + "\n";
    private const string PasswordParameter = """    [Parameter("Password"), Secret] public string Password { get; init; } = "";""" + "\n";

    [Fact]
    public Task A_home_path_in_a_script_over_several_lines_becomes_a_parameter() =>
        Verify<CommandTextAnalyzer>.FixAsync<LiteralToParameterCodeFix>(
            Sources.Runbook(""""
                        .Step("Validate", s => s.Run("""
                            set -e
                              cd {|RB0007:/home/jon/apps|} && ./validate.sh

                            echo done
                            """))
            """"),
            Sources.Runbook(""""
                        .Step("Validate", s => s.Run($"""
                            set -e
                              cd {AppsDirectory} && ./validate.sh

                            echo done
                            """))
            """", extraMembers: AppsParameter));

    /// <summary>A script over several lines with a parameter added on stays a script over several lines.</summary>
    [Fact]
    public Task A_script_over_several_lines_built_with_a_parameter_is_interpolated_as_a_raw_string() =>
        Verify<CommandTextAnalyzer>.FixAsync<InterpolateCommandCodeFix>(
            Sources.Runbook(""""
                        .Step("Deploy", s => s.Run({|RB0013:"""
                            set -e
                              cd /srv/app

                            ./deploy.sh --region 
                            """ + Region|}).RequiresConfirmation())
            """"),
            Sources.Runbook(""""
                        .Step("Deploy", s => s.Run($"""
                            set -e
                              cd /srv/app

                            ./deploy.sh --region {Region}
                            """).RequiresConfirmation())
            """"));

    [Fact]
    public async Task A_raw_script_with_braces_and_quotes_gets_the_dollars_and_quotes_it_needs()
    {
        var fixedSource = await AppliedFixes.FixOnlyAsync(Sources.Runbook(""""""
                        .Step("Count", s => s.Run($$""""
                            aws logs tail {{Region}} | awk '{print $1}'
                            echo """done"""
                            """" + " " + FunctionName))
            """"""), "RB0013");
        Assert.Equal(Sources.Runbook(""""""
                        .Step("Count", s => s.Run($$""""
                            aws logs tail {{Region}} | awk '{print $1}'
                            echo """done""" {{FunctionName}}
                            """"))
            """"""), fixedSource);
    }

    /// <summary>The script's <c>}}</c> would close a hole of a <c>$$</c> string: it takes three.</summary>
    [Fact]
    public async Task A_raw_string_with_braces_gets_as_many_dollars_as_it_needs()
    {
        var fixedSource = await AppliedFixes.FixOnlyAsync(Sources.Runbook(""""
                        .Step("Validate", s => s.Run("""cd /home/jon/apps && jq '{a: {b: .c}}' report.json"""))
            """"), "RB0007");
        Assert.Equal(Sources.Runbook(""""
                        .Step("Validate", s => s.Run($$$"""cd {{{AppsDirectory}}} && jq '{a: {b: .c}}' report.json"""))
            """", extraMembers: AppsParameter), fixedSource);
    }

    [Fact]
    public async Task A_password_in_an_interpolated_script_gets_a_hole_of_the_script_s_braces()
    {
        var fixedSource = await AppliedFixes.FixOnlyAsync(Sources.Runbook(""""
                        .Step("Db", s => s.Run($$"""
                            psql postgresql://admin:s3cr3t@db.omnix.ai:5432/app --set region={{Region}} -c '{ SELECT 1 }'
                            """))
            """"), "RB0006");
        Assert.Equal(Sources.Runbook(""""
                        .Step("Db", s => s.Run($$"""
                            psql postgresql://admin:{{Password}}@db.omnix.ai:5432/app --set region={{Region}} -c '{ SELECT 1 }'
                            """))
            """", extraMembers: PasswordParameter), fixedSource);
    }

    /// <summary>
    /// <c>/home/jon/apps/{Region}</c>: the part written in the string is one person's; the hole is the runbook's own.
    /// The finding was on the whole command, named after the hole (<c>RegionDirectory</c>, "Path of '${Region}'"), and
    /// no fix was offered.
    /// </summary>
    [Fact]
    public async Task A_home_path_that_runs_into_a_hole_moves_only_its_written_part()
    {
        var document = AppliedFixes.Document(Sources.Runbook(""""
                        .Step("Validate", s => s.Run($"cd /home/jon/apps/{Region} && ./validate.sh"))
                        .Step("Tail", s => s.Run($$"""
                            tail -n 50 /home/jon/apps/{{Region}}.log
                            """))
            """"));
        var findings = await AppliedFixes.FindingsAsync(document);
        Assert.Equal(["/home/jon/apps", "/home/jon/apps"], findings.Where(f => f.Diagnostic.Id == "RB0007").Select(f => f.Text));
        Assert.All(findings.Where(f => f.Diagnostic.Id == "RB0007"), f => Assert.Equal("AppsDirectory", f.Diagnostic.Properties["ParameterName"]));

        var fixedSource = await AppliedFixes.FixOnlyAsync((await document.GetTextAsync()).ToString().Replace("/home/jon/apps/{Region} &&", "$HOME/apps/{Region} &&"), "RB0007");
        Assert.Equal(Sources.Runbook(""""
                        .Step("Validate", s => s.Run($"cd $HOME/apps/{Region} && ./validate.sh"))
                        .Step("Tail", s => s.Run($$"""
                            tail -n 50 {{AppsDirectory}}/{{Region}}.log
                            """))
            """", extraMembers: AppsParameter), fixedSource);
    }

    [Fact]
    public Task A_home_whose_user_is_a_hole_is_the_runbook_s_own_path() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Validate", s => s.Run($"cd /home/{FunctionName}/apps && ./validate.sh"))
            """));

    [Fact]
    public Task Findings_in_a_script_over_several_lines_squiggle_their_own_text() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook(""""
                        .Step("Look", s => s.Run($"""
                            kubectl get pods -n {|RB0012:omnix-dev|} -l region={Region}
                              echo{|RB0018:​|}done
                            """))
                        .Step("Tail", s => s.Run("""

                                journalctl -u api {|RB0015:-f|}
                            """))
            """"));
}
