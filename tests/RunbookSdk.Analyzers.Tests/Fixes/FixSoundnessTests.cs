using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Fixes;

/// <summary>
/// Every fix offered for every finding in runbooks written every way C# writes a string (regular, verbatim, raw on one
/// line and on several, interpolated with one <c>$</c> or more, joined with <c>+</c>, formatted) and in the places a
/// command stands (an expression lambda, a block, after other calls, with a comment): applied on its own, the code
/// still compiles, the finding it fixed is gone, and no finding of another rule appears. The same for whole runbooks
/// and the fixes of sections, escalation, time boxes and ids, in the layouts people write (a comment after the last
/// call, statements in a block, <c>#if</c>, a base class, a partial class). A fix that broke the code or fixed nothing
/// would cost the developer more than the finding did: the escalation fix was offered for levels listed one statement
/// each and changed nothing.
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
        """.Step("A", s => s.Run("ls -la /home/jon/logs/*.log && cat /home/jon/app/{a,b}.conf"))""",
        """.Step("A", s => s.Run($"grep {Region} /home/jon/app/log-$(date +%F).txt"))""",
        """".Step("A", s => s.Run("""cat /home/jon/app/{a,b}.conf /home/jon/my\ notes/*.txt"""))"""",
        """.Step("A", s => s.Run("PGPASSWORD='aB3;kL9x' psql -h db -U app -c 'select 1'"))""",
        """".Step("A", s => s.Run(@"redis-cli -h cache -a ""p@ss w0rd"" ping && mysql -u root --password='Tr0ub4dor&3' -e 'select 1'"))"""",
        """.Step("A", s => s.Run($"curl -fsS -u ops:'pa ss' https://{FunctionName}.omnix.ai/health"))""",
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

    /// <summary>Whole runbooks, for the fixes of sections, escalation, time boxes and ids, in the layouts people write.</summary>
    public static TheoryData<string> Runbooks => new()
    {
        """
        using System;
        using RunbookSdk;

        [Runbook("empty-sections")]
        public sealed class A : Runbook
        {
            public override void Define(IRunbookBuilder rb) => rb
                .Title("A")
                .Phase("Look", p => p.Step("Assess", s => s.Run("aws lambda list-functions")))
                .Escalation(_ => { })
                .Rollback(s => { /* later */ })
                .Verification(delegate (IPhaseBuilder v) { });
        }
        """,
        """
        using RunbookSdk;

        [Runbook("blank-waiver")]
        public sealed class A : Runbook
        {
            public override void Define(IRunbookBuilder rb)
            {
                rb.Escalation(e => { });
                rb.NoRollback(@"  ");
                rb.Verification(v => { });
            }
        }
        """,
        """
        using System;
        using RunbookSdk;

        [Runbook("a-one")]
        public sealed class A : Runbook
        {
            public override void Define(IRunbookBuilder rb) => rb
                .Title("A")
                .Phase("Look", p => p.Step("Assess", s => s.Run("aws lambda list-functions"))) // the only phase
                ;
        }
        """,
        """
        using System;
        using RunbookSdk;

        [Runbook("a-two")]
        public sealed class A : Runbook
        {
            public override void Define(IRunbookBuilder rb)
            {
                rb.Title("A");
        #if DEBUG
                rb.Description("debug");
        #endif
                rb.Phase("Look", p => p.Step("Assess", s => s.Run("aws lambda list-functions")));
            }
        }
        """,
        """
        using System;
        using RunbookSdk;

        [Runbook("a-four")]
        public sealed class A : Runbook
        {
            public override void Define(IRunbookBuilder rb)
            {
                var chain = rb.Title("A");
                chain.Phase("Look", p => p.Step("Assess", s => s.Run("aws lambda list-functions")));
                if (DateTime.Now.Year > 3000) return;
                chain.NoRollback("read-only");
            }
        }
        """,
        """
        using System;
        using RunbookSdk;

        public abstract class Base : Runbook
        {
            public override void Define(IRunbookBuilder rb) => rb
                .Title("Base")
                .Escalation(e => e.Level("On-call", TimeSpan.Zero, "oncall@example.com"));
        }

        [Runbook("a-five")]
        public sealed class A : Base
        {
            public override void Define(IRunbookBuilder rb)
            {
                base.Define(rb);
                rb.Phase("Look", p => p.Step("Assess", s => s.Run("aws lambda list-functions")));
            }
        }
        """,
        """
        using System;
        using RunbookSdk;

        [Runbook("a-six")]
        public sealed partial class A : Runbook
        {
            [Parameter("Region")] public string Region { get; init; } = "eu";
        }

        public sealed partial class A
        {
            public override void Define(IRunbookBuilder rb) => rb
                .Title("A")
                .Phase("Look", p => p.Step("Assess", s => s.Run($"aws lambda list-functions --region {Region}")))
                .NoRollback("read-only");
        }
        """,
        """
        using System;
        using RunbookSdk;

        [Runbook("a-seven")]
        public sealed class A : Runbook
        {
            public override void Define(IRunbookBuilder rb)
            {
                rb.Title("A");
                rb.Phase("Look", p => p.Step("Assess", s => s.Run("aws lambda list-functions")));
                rb.NoRollback("read-only");
                rb.Verification(v => v.Step("Check", s => s.Run("curl -fsS https://x/health")));
                rb.Escalation(e =>
                {
                    e.Level("Team lead", TimeSpan.FromMinutes(15), "lead@example.com");
                    e.Level("On-call", TimeSpan.FromMinutes(5), "oncall@example.com");
                });
            }
        }
        """,
        """
        using System;
        using RunbookSdk;

        [Runbook("a-nine")]
        public sealed class A : Runbook
        {
            private const int Late = 30;
            public override void Define(IRunbookBuilder rb) => rb
                .Title("A")
                .Phase("Look", TimeBox.Minutes(Late, 5), p => p.Step("Assess", s => s.Run("aws lambda list-functions")))
                .Phase("Act", new TimeBox(TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(10)), p => p.Step("Assess", s => s.Run("aws lambda list-functions")))
                .NoRollback("read-only")
                .Verification(v => v.Step("Check", s => s.Run("curl -fsS https://x/health")))
                .Escalation(e => e.Level("On-call", TimeSpan.Zero, "oncall@example.com"));
        }
        """,
        """
        using System;
        using RunbookSdk;

        [Runbook(id: "Api Outage")]
        public sealed class A : Runbook
        {
            public override void Define(IRunbookBuilder rb) => rb
                .Title("A")
                .Phase("Look", p => p.Step("Assess", s => s.Note("look")))
                .NoRollback("read-only")
                .Verification(v => v.Step("Check", s => s.Run("curl -fsS https://x/health")))
                .Escalation(e => e.Level("On-call", TimeSpan.FromMinutes(5), "oncall@example.com"));
        }
        """,
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
    public Task Each_fix_of_a_command_compiles_removes_its_finding_and_adds_none(string written)
    {
        var code = Visible(written);
        return CheckEachFixAsync(code.StartsWith("v =>", StringComparison.Ordinal)
            ? Sources.Runbook("""            .Step("Assess", s => s.Instruction("Look"))""", Constants, code)
            : Sources.Runbook("            " + code.TrimStart(), Constants));
    }

    /// <summary>A section's skeleton says what is left to write with a TODO, which RB0019 then lists: the one finding a fix may add.</summary>
    [Theory]
    [MemberData(nameof(Runbooks))]
    public Task Each_fix_of_a_runbook_compiles_removes_its_finding_and_adds_none(string source) => CheckEachFixAsync(source);

    private static async Task CheckEachFixAsync(string source)
    {
        var applied = await AppliedFixes.CheckEachFixAsync(AppliedFixes.Document(source).Project,
            expectedNew: (fix, id) => id == "RB0019" && fix.Source.Contains("\"TODO: ", StringComparison.Ordinal) && !source.Contains("\"TODO: ", StringComparison.Ordinal));
        Assert.True(applied > 0, "No fix was offered for any finding.");
    }
}
