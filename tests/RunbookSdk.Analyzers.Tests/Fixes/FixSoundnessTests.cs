using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Fixes;

/// <summary>
/// Every fix offered for every finding in runbooks written every way C# writes a string (regular, verbatim, raw on one
/// line and on several, interpolated with one <c>$</c> or more, joined with <c>+</c>, formatted) and in the places a
/// command stands (an expression lambda, a block, after other calls, with a comment): applied on its own, the code
/// still compiles, the finding it fixed is gone, and no finding of another rule appears. A fix that broke the code or
/// fixed nothing would cost the developer more than the finding did.
/// </summary>
public sealed class FixSoundnessTests
{
    // Hidden characters are written as names here, so that this file holds none.
    private static string Visible(string text) => text.Replace("<ZWSP>", "\u200B").Replace("<RLO>", "\u202E");

    public static TheoryData<string> Commands => new()
    {
        """.Step("A", s => s.Run(@"cd /home/jon/apps && ./run.sh"))""",
        """"".Step("A", s => s.Run(""""cd /home/jon/apps && ./run.sh""""))""""",
        """"
                    .Step("A", s => s.Run("""
                        cd /home/jon/apps
                        ./run.sh
                        """))
        """",
        """.Step("A", s => s.Run($@"cd /home/jon/apps/{Region} && ./run.sh"))""",
        """".Step("A", s => s.Run($$"""cd /home/jon/apps/{{Region}} && ./run.sh"""))"""",
        """".Step("A", s => s.Run(@"psql postgresql://admin:s3cr3t@db.omnix.ai:5432/app -c ""SELECT 1"""))"""",
        """".Step("A", s => s.Run($$"""psql postgresql://admin:s3cr3t@db.omnix.ai:5432/app --set r={{Region}} -c '{ SELECT 1 }'"""))"""",
        """.Step("A", s => s.Run(@"redis-cli FLUSHALL"))""",
        """.Step("A", s => s.Run("redis-cli FLUSHALL" /* all of it */))""",
        """.Step("A", s => s.Run("redis-cli FLUSHALL").Note("careful"))""",
        """.Step("A", s => { s.Run("redis-cli FLUSHALL"); })""",
        """.Step("A", s => s.Run(@"journalctl -u api -f"))""",
        """".Step("A", s => s.Run($$"""kubectl get pods -n {{Region}} --watch"""))"""",
        """.Step("A", s => s.Run(@"aws lambda get-function --function-name " + FunctionName))""",
        """"".Step("A", s => s.Run(""""aws lambda get-function --function-name """" + FunctionName + @" --query ""{A: B}"""))""""",
        """.Step("A", s => s.Run("aws lambda get-function --function-name " + FunctionName + " --region " + Region))""",
        """.Step("A", s => s.Run("echo " + '{' + FunctionName))""",
        """.Step("A", s => s.Run("echo \u00A0" + FunctionName))""",
        """".Step("A", s => s.Run(string.Format(@"aws logs tail /aws/lambda/{0} --since ""5m""", FunctionName)))"""",
        """.Step("A", s => s.Run($"{Kubectl} get pods -n {Region}"))""",
        """.Step("A", s => s.Run($@"{Kubectl} get pods -n {Region}"))""",
        """".Step("A", s => s.Run($$"""{{Kubectl}} get pods -n {{Region}} -o '{}'"""))"""",
        """.Step("A", s => s.Run($"{Quoted} get pods -n {Region}"))""",
        """.Step("A", s => s.Run($"{Braced} get pods -n {Region}"))""",
        """.Step("A", s => s.Run($"delete pods {Flags} -n {Region}").RequiresConfirmation())""",
        """.Step("A", s => s.Run("echo\u200Bhello"))""",
        """.Step("A", s => s.Run(@"echo<ZWSP>hello"))""",
        """.Step("A", s => s.Run($"echo<ZWSP>{Region}"))""",
        """.Step("A", s => s.Run("kubectl get pods -n omnix-dev"))""",
        """.Step("A", s => s.Run(@"kubectl get pods -n omnix-dev"))""",
        """.Step("A", s => s.Run($"kubectl get pods -n omnix-dev -l r={Region}"))""",
        """.Step("A", s => s.Note("look at the dashboard"))""",
        """.Step("A", s => s.Note(@"look at ""the"" dashboard"))""",
        """.Step("A", s => s.Note($"look at {Region}"))""",
        """v => v.Step("Health", s => s.Run(@"curl -s https://api.omnix.ai/health"))""",
        """"v => v.Step("Health", s => s.Run($$"""curl -s https://api.omnix.ai/{{Region}}/health"""))"""",
        """".Step("A", s => s.Run("""kubectl get pods -n omnix-dev"""))"""",
        """".Step("A", s => s.Run($$"""kubectl get pods -n omnix-dev -l r={{Region}}"""))"""",
        """"
                    .Step("A", s => s.Run("""
                        kubectl get pods -n omnix-dev
                        echo done
                        """))
        """",
        """".Step("A", s => s.Run("""echo<ZWSP>hello"""))"""",
        """"
                    .Step("A", s => s.Run($"""
                        echo<ZWSP>{Region}
                        """))
        """",
        """"
                    .Step("A", s => s.Run("""
                        journalctl -u api -f
                        """))
        """",
        """"
                    .Step("A", s => s.Run($$"""
                        {{Kubectl}} get pods -n {{Region}}
                        """))
        """",
        """"
                    .Step("A", s => s.Run($"""
                        psql postgresql://admin:s3cr3t@db.omnix.ai:5432/app --set r={Region}
                        """))
        """",
        """"
                    .Step("A", s => s.Run("""
                        redis-cli FLUSHALL
                        """))
        """",
        """.Step("A", s => s.Run("cd /home/jon/apps/" + Region))""",
        """.Step("A", s => s.Run("cd /home/jon/apps/{x} && ./run.sh"))""",
        """.Step("A", s => s.Run($"cd /home/jon/apps && ./run.sh {Region}"))""",
        """.Step("A", s => s.Run($@"cd /home/jon/apps && ./run.sh {Region}"))""",
        """"
                    .Step("A", s => s.Instruction($"""
                        Open the {Region} dashboard<RLO> and look
                        """))
        """",
        """"
                    .Step("A", s => s.Run("""
                          kubectl get pods -n omnix-dev

                        echo done
                        """))
        """",
        """"
                    .Step("A", s => s.Run($"""
                        echo {Region}
                          cd /home/jon/apps/{Region} && ./run.sh
                        """))
        """",
        """.Step("A", s => s.Run($"rm -rf /srv/{Spaced}").RequiresConfirmation())""",
        """.Step("A", s => s.Run($@"rm -rf /srv/{Spaced} && echo {Flags}").RequiresConfirmation())""",
        """"
                    .Step("A", s => s.Run($$"""
                        du -sh /srv/{{Spaced}} | jq '{a: 1}'
                        """))
        """",
        """v => v.Step("Health", s => s.Run("curl -fsS https://api.omnix.ai/health || echo \"down $(date)\""))""",
        """"v => v.Step("Health", s => s.Run(@"curl -fsS https://api.omnix.ai/health || echo ""down"""))"""",
        """v => v.Step("Health", s => s.Run($"curl -fsS https://{FunctionName}.omnix.ai/health || true"))""",
        """v => v.Step("Health", s => s.Run("ssh bastion 'curl -s localhost:8080/health || exit 0'"))""",
    };

    private const string Constants = """
            private const string Kubectl = "kubectl --context prod-eu";
            private const string Quoted = "kubectl --context \"prod eu\"";
            private const string Braced = "kubectl -o {x}";
            private const string Flags = "--all --force";
            private const string Spaced = "my app";
        """;

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Each_fix_compiles_removes_its_finding_and_adds_none(string written)
    {
        var code = Visible(written);
        var source = code.StartsWith("v =>", StringComparison.Ordinal)
            ? Sources.Runbook("""            .Step("Assess", s => s.Instruction("Look"))""", Constants, code)
            : Sources.Runbook("            " + code.TrimStart(), Constants);
        var document = AppliedFixes.Document(source);
        Assert.Empty((await document.Project.GetCompilationAsync())!.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var findings = await AppliedFixes.FindingsAsync(document);
        var fixesApplied = 0;
        foreach (var finding in findings)
        {
            foreach (var applied in await AppliedFixes.ApplyEachAsync(document, finding.Diagnostic))
            {
                var what = $"'{applied.Title}' for {finding.Diagnostic.Id} on '{finding.Text}'";
                Assert.True(applied.Errors.IsEmpty, $"{what} wrote code that does not compile: {string.Join("; ", applied.Errors)}\n{applied.Source}");
                Assert.True(applied.Findings.Count(d => d.Id == finding.Diagnostic.Id) < findings.Count(f => f.Diagnostic.Id == finding.Diagnostic.Id),
                    $"{what} left the finding in place:\n{applied.Source}");
                var added = applied.Findings.Select(d => d.Id).Except(findings.Select(f => f.Diagnostic.Id)).ToList();
                Assert.True(added.Count == 0, $"{what} brought {string.Join(", ", added)}:\n{applied.Source}");
                fixesApplied++;
            }
        }

        Assert.True(fixesApplied > 0, $"No fix was offered for {string.Join(", ", findings.Select(f => f.Diagnostic.Id + " on '" + f.Text + "'"))}");
    }
}
