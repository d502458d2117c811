using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using RunbookSdk.Analyzers.Commands;
using RunbookSdk.Analyzers.Steps;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

public sealed class RB0004Tests
{
    [Fact]
    public Task AStepWithOnlyANoteIsReported() =>
        Verify<EmptyStepAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step({|RB0004:"Think about it"|}, s => s.Note("Consider the options"))
                        .Step({|RB0004:"Nothing at all"|}, s => s.RequiresConfirmation())
            """));

    [Fact]
    public Task AStepWhoseOnlyActionHasNoTextIsReported() =>
        Verify<EmptyStepAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step({|RB0004:"Empty instruction"|}, s => s.Instruction(""))
                        .Step({|RB0004:"Empty command"|}, s => s.Run(""))
                        .Step({|RB0004:"Blank command"|}, s => s.Run("   ", "nothing").Note("Blank"))
                        .Step({|RB0004:"Empty interpolation"|}, s => s.Run($"").Instruction(text: " "))
                        .Step("One real action", s => s.Run("").Instruction("Page the database owner"))
                        .Step("A parameter may hold text", s => s.Run($"{FunctionName}"))
            """));

    [Fact]
    public Task StepsWithACommandRequestInstructionOrWaitAreNotReported() =>
        Verify<EmptyStepAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Run", s => s.Run("aws lambda list-functions"))
                        .Step("Ask", s => s.Instruction("Page the database owner").Note("They know the schema"))
                        .Step("Wait", s => s.Wait(TimeSpan.FromMinutes(5)))
                        .Step("Helper", s => Helpers.Add(s))
                        .Step("Code", s => s.Execute("drain the queue", _ => System.Threading.Tasks.Task.CompletedTask).Timeout(TimeSpan.FromMinutes(2)))
            """, extraMembers: """    private static class Helpers { public static IStepBuilder Add(IStepBuilder s) => s.Run("true"); }"""));
}

public sealed class RB0005Tests
{
    [Theory]
    [InlineData("kubectl delete pod -l app=macro-ai-api")]
    [InlineData("redis-cli FLUSHALL", "FLUSHALL")]
    [InlineData("kubectl rollout undo deployment/macro-ai-api")]
    [InlineData("aws lambda update-function-code --function-name omnix-ai-backend --zip-file fileb://omnix-ai-backend.zip")]
    [InlineData("aws dynamodb restore-table-from-backup --target-table-name omnix-ai-products-restored")]
    [InlineData("kubectl scale deployment/macro-ai-api --replicas=0", "--replicas=0")]
    [InlineData("rm -rf /var/lib/app/cache")]
    [InlineData("docker-compose stop postgres")]
    [InlineData("./rollback-plan.sh")]
    public Task DestructiveCommandsFromTheSeedsAreReported(string command, string? reported = null) =>
        CommandRuleSources.DestructiveAsync(command, reported ?? command);

    [Fact]
    public Task SqlThatDeletesDataIsReportedAtTheStatement() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Clean", s => s.Run("psql -c \"{|RB0005:DROP TABLE|} sessions;\""))
            """));

    [Fact]
    public Task ConfirmedDestructiveStepsAreNotReported() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Flush", s => s.Run("redis-cli FLUSHALL").RequiresConfirmation())
                        .Step("Undo", s => s.RequiresConfirmation().Run($"kubectl rollout undo deployment/{FunctionName}"))
            """));

    [Theory]
    [InlineData("kubectl rollout restart deployment/macro-ai-api")]
    [InlineData("kubectl scale deployment/macro-ai-api --replicas=5")]
    [InlineData("aws lambda update-function-configuration --function-name omnix-ai-backend --memory-size 1024")]
    [InlineData("docker-compose -f docker-compose.prod.yml restart postgres")]
    [InlineData("docker-compose logs --tail=100 hook-receiver | grep -i error")]
    [InlineData("docker-compose exec postgres psql -U omninode_bridge -c \\\"SELECT count(*) FROM pg_stat_activity WHERE state = 'active';\\\"")]
    [InlineData("aws ecs update-service --cluster modax-cluster --service modax-internal --desired-count 10")]
    [InlineData("kubectl apply -f maintenance-mode.yaml")]
    [InlineData("git log --oneline --since=\\\"2 hours ago\\\"")]
    [InlineData("aws cloudformation describe-stack-events --stack-name omnix-ai-backend-prod")]
    public Task HarmlessCommandsFromTheSeedsAreNotReported(string command) =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook($$"""
                        .Step("Look", s => s.Run("{{command}}"))
            """));
}

public sealed class RB0006Tests
{
    [Fact]
    public Task SecretsInCommandsUrlsAndHeadersAreReported() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Db", s => s.Run("psql postgresql://admin:{|RB0006:s3cr3t|}@db.omnix.ai:5432/app -c 'SELECT 1'"))
                        .Step("Api", s => s.Run("curl -H \"Authorization: Bearer {|RB0006:abc123def456|}\" https://api.omnix.ai/v1/health"))
                        .Step("Aws", s => s.Run("AWS_ACCESS_KEY_ID={|RB0006:AKIAIOSFODNN7EXAMPLE|} aws s3 ls"))
                        .Step("Query", s => s.Http("GET", "https://api.omnix.ai/v1/orders?password={|RB0006:hunter2|}").ExpectStatus(200))
                        .Step("Header", s => s.Http("GET", "https://api.omnix.ai/v1/orders").Header("Authorization", "Bearer {|RB0006:eyJhbGciOi|}").ExpectStatus(200))
            """));

    [Fact]
    public Task PlaceholdersAndSecretParametersAreNotReported() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Api", s => s.Run($"curl -H \"Authorization: Bearer {ApiToken}\" https://api.omnix.ai/v1/health"))
                        .Step("Seed", s => s.Run("curl -H \"Authorization: Bearer $TOKEN\" https://api.auraconnect.ai/api/v1/health/detailed"))
                        .Step("Placeholder", s => s.Run("psql 'postgresql://omninode_bridge:PASSWORD@postgres:5432/omninode_bridge'"))
                        .Step("OAuth", s => s.Run("curl -H \"Authorization: OAuth TOKEN\" https://api.statuspage.io/v1/pages"))
                        .Step("Header", s => s.Http("GET", "https://api.omnix.ai/v1/orders").Header("Authorization", "Bearer ${API_TOKEN}").ExpectStatus(200))
                        .Step("Node", s => s.Run("node -e 'fetch(url, { headers: { Authorization: `Bearer ${process.env.API_TOKEN}` } })'"))
            """));

    [Fact]
    public Task A_credential_in_a_quoted_header_value_is_still_reported() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Api", s => s.Run("curl -H 'Authorization: \"Bearer {|RB0006:abc123def456|}\"' https://api.omnix.ai/v1/health"))
            """));
}

public sealed class RB0007Tests
{
    [Fact]
    public Task HomeDirectoryPathsAreReported() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Go", s => s.Run("cd {|RB0007:/home/jonmax1987/projects/omnix-ai-professional/apps/backend|} && ls"))
                        .Step("Mac", s => s.Run("ls {|RB0007:/Users/jane/omnix|}"))
                        .Step("Win", s => s.Run(@"dir {|RB0007:C:\Users\jane\omnix|}"))
            """));

    [Fact]
    public Task RelativeAndSystemPathsAreNotReported() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Go", s => s.Run("cd ./apps/backend/scripts && ./sla-monitoring-service.sh health-check"))
                        .Step("Etc", s => s.Run("docker-compose exec nginx nginx -s reload -c /etc/nginx/nginx-maintenance.conf"))
                        .Step("Home", s => s.Run("ls ~/projects /home/$USER/projects"))
            """));
}

public sealed class RB0012Tests
{
    [Fact]
    public Task DevAndStagingResourcesInAProductionRunbookAreReported() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Assess", s => s.Run("aws lambda get-function --function-name {|RB0012:omnix-ai-backend-dev|} --region eu-central-1"))
                        .Step("Tables", s => s.Run("aws dynamodb describe-table --table-name {|RB0012:omnix-ai-dev-orders|}"))
                        .Step("Deploy", s => s.Http("GET", "https://{|RB0012:api-staging.omnix.ai|}/health").ExpectStatus(200))
            """));

    [Fact]
    public Task ProductionNamesFlagsAndDevicesAreNotReported() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Assess", s => s.Run("aws cloudformation describe-stack-events --stack-name omnix-ai-backend-prod"))
                        .Step("Null", s => s.Run("curl -s -o /dev/null -w '%{http_code}' https://api.openai.com/v1/models"))
                        .Step("Install", s => s.Run("npm install --save-dev typescript"))
                        .Step("Param", s => s.Run($"aws lambda get-function --function-name {FunctionName}"))
            """));

    [Fact]
    public Task ANonProductionRunbookMayNameDevResources() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync("""
            using System;
            using RunbookSdk;

            [Runbook("dev-only")]
            public sealed class DevOnly : Runbook
            {
                public override void Define(IRunbookBuilder rb) => rb
                    .Environment("Development sandbox")
                    .Phase("Look", p => p.Step("Assess", s => s.Run("aws lambda get-function --function-name omnix-ai-backend-dev")));
            }
            """);

    [Fact]
    public async Task NamesTheProjectAddsInEditorconfigAreReportedToo()
    {
        var test = new CSharpAnalyzerTest<CommandTextAnalyzer, DefaultVerifier>
        {
            TestCode = Sources.Runbook("""
                        .Step("Qa", s => s.Run("aws lambda get-function --function-name {|RB0012:omnix-ai-backend-qa|}"))
                        .Step("Uat", s => s.Http("GET", "https://{|RB0012:uat.omnix.ai|}/health").ExpectStatus(200))
                        .Step("Dev", s => s.Run("aws dynamodb describe-table --table-name {|RB0012:omnix-ai-dev-orders|}"))
                        .Step("Words", s => s.Run("aws lambda get-function --function-name omnix-quality --qa uat"))
            """, extraMembers: """    [Parameter("Orders queue")] public string Queue { get; init; } = "{|RB0012:orders-uat|}";""" + "\n"),
        };
        Verify<CommandTextAnalyzer>.Configure(test);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\nrunbook_sdk.RB0012.non_production_names = QA, uat\n"));
        await test.RunAsync();
    }

    [Fact]
    public Task WithoutTheProjectsNamesOnlyDevAndStagingAreKnown() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Qa", s => s.Run("aws lambda get-function --function-name omnix-ai-backend-qa"))
            """));

    [Fact]
    public Task AParameterWhoseDefaultNamesADevResourceIsReportedAtTheDefault() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync("""
            using System;
            using RunbookSdk;

            [Runbook("lambda-errors")]
            public sealed class LambdaErrors : Runbook<OmnixHandbook>
            {
                private const string DevTable = "omnix-ai-dev-orders";

                [Parameter("Lambda function")] public string FunctionName { get; init; } = "{|RB0012:omnix-ai-backend-dev|}";
                [Parameter("Orders table")] public string Table { get; init; } = {|RB0012:DevTable|};
                [Parameter("AWS region")] public string Region { get; init; } = "eu-central-1";
                public string NotAParameter { get; } = "omnix-ai-backend-dev";

                public override void Define(IRunbookBuilder rb) => rb
                    .Title("Lambda errors")
                    .Phase("Look", p => p.Step("Assess", s => s.Run($"aws lambda get-function --function-name {FunctionName} --region {Region}")));
            }

            """ + Sources.Handbook);

    [Fact]
    public Task ParameterDefaultsOfANonProductionRunbookAreNotReported() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync("""
            using System;
            using RunbookSdk;

            [Runbook("dev-only")]
            public sealed class DevOnly : Runbook
            {
                [Parameter("Lambda function")] public string FunctionName { get; init; } = "omnix-ai-backend-dev";

                public override void Define(IRunbookBuilder rb) => rb
                    .Environment("Development sandbox")
                    .Phase("Look", p => p.Step("Assess", s => s.Run($"aws lambda get-function --function-name {FunctionName}")));
            }
            """);
}

public sealed class RB0013Tests
{
    [Fact]
    public Task ParametersConcatenatedOrFormattedIntoAPlainCommandAreReported() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Concat", s => s.Run({|RB0013:"aws lambda get-function --function-name " + FunctionName|}))
                        .Step("Format", s => s.Run({|RB0013:string.Format("aws logs tail --region {0} x", Region)|}).Timeout(TimeSpan.FromMinutes(1)))
                        .Step("Local", s => { var command = $"aws lambda get-function --function-name {FunctionName}"; s.Run({|RB0013:command|}); })
            """));

    [Fact]
    public Task ParametersInTheSafeHandlerAreNotReported() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Safe", s => s.Run($"aws lambda get-function --function-name {FunctionName} --region {Region}"))
                        .Step("Constant", s => s.Run("aws lambda list-functions " + "--region eu-central-1"))
            """));
}

public sealed class RB0014Tests
{
    [Fact]
    public Task VerificationsThatCannotFailAreReported() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook(
            """            .Step("Assess", s => s.Run("curl -s https://hooks.omninode.ai/health"))""",
            verification: """
                v => v
                            .Step("Curl", s => s.Run("{|RB0014:curl|} -s https://api.omnix.ai/health"))
                            .Step("Swallowed", s => s.Run("curl -f https://api.omnix.ai/health {|RB0014:|| echo|} down"))
                            .Step("Http", s => s.Http("GET", {|RB0014:"https://api.omnix.ai/health"|}))
                """));

    [Fact]
    public Task FailingCurlAndHttpWithExpectationsAreNotReported() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook(
            """            .Step("Assess", s => s.Run("curl -s https://hooks.omninode.ai/health | jq ."))""",
            verification: """
                v => v
                            .Step("Curl", s => s.Run("curl -f http://api.macro-ai.com/api/health"))
                            .Step("Flags", s => s.Run("curl -fsS --max-time 5 https://api.omnix.ai/health && curl --fail https://modax.ai/health"))
                            .Step("Http", s => s.Http("GET", "https://api.omnix.ai/health").ExpectBodyContains("ok"))
                """));
}

public sealed class RB0015Tests
{
    [Fact]
    public Task FollowingAndWatchingCommandsWithoutTimeoutAreReported() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Logs", s => s.Run("aws logs tail /aws/ecs/modax-internal {|RB0015:--follow|} --since 30m"))
                        .Step("Tail", s => s.Run("{|RB0015:tail -f|} /var/log/nginx/error.log"))
                        .Step("Watch", s => s.Run("{|RB0015:watch|} -n 5 'aws ecs list-services --cluster modax-cluster'"))
                        .Step("A later command's timeout", s => s.Run("{|RB0015:tail -f|} /var/log/api.log").Run("ls /var/log").Timeout(TimeSpan.FromMinutes(1)))
                        .Step("Code's timeout", s => s.Run("{|RB0015:tail -f|} /var/log/api.log").Execute("count", _ => System.Threading.Tasks.Task.CompletedTask).Timeout(TimeSpan.FromMinutes(1)))
            """));

    [Fact]
    public Task CommandsWithATimeoutOrThatEndAreNotReported() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Logs", s => s.Run("aws logs tail /aws/ecs/modax-internal --follow").Timeout(TimeSpan.FromMinutes(5)))
                        .Step("Tail", s => s.Run("docker-compose logs --tail=100 hook-receiver"))
                        .Step("Status", s => s.Run("kubectl rollout status deployment/macro-ai-api --timeout=300s"))
                        .Step("Prefix", s => s.Run("timeout 60 tail -f /var/log/nginx/error.log"))
            """));
}

public sealed class RB0017Tests
{
    private const string Constants = """
            private const string Kubectl = "kubectl --context prod-eu";
            private const string Flags = "--all --force";
            private const string Message = "Roll back the deploy";
            private const string Context = "prod-eu";
        """;

    [Fact]
    public Task AConstantOfSeveralWordsStartingACommandOrHoldingOptionsIsReported() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Pods", s => s.Run($"{|RB0017:{Kubectl}|} get pods -n {Region}"))
                        .Step("After a pipe", s => s.Run($"aws lambda get-function --function-name {FunctionName} | {|RB0017:{Kubectl}|} apply -f -"))
                        .Step("Sudo", s => s.Run($"sudo {|RB0017:{Kubectl}|} get nodes -l region={Region}"))
                        .Step("Flags", s => s.Run($"kubectl delete pods -n {Region} {|RB0017:{Flags}|}").RequiresConfirmation())
            """, extraMembers: Constants));

    [Fact]
    public Task OneWordOnPurposeAndTextTheHandlerNeverSeesAreNotReported() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("A sentence after an option", s => s.Run($"git commit -m {Message} --author {FunctionName}"))
                        .Step("Quoted on purpose", s => s.Run($"kubectl get pods -n {Region} -l \"note={Kubectl}\""))
                        .Step("One word", s => s.Run($"kubectl --context {Context} get pods -n {Region}"))
                        .Step("A comment", s => s.Run($"kubectl get pods -n {Region} # then {Kubectl} describe"))
                        .Step("After a quoted separator: an argument, not a command", s => s.Run($"grep -e a\\; {Message} -n {Region}"))
                        .Step("Constants only: Run(string) runs the text as written", s => s.Run($"{Kubectl} get pods"))
                        .Step("Joined with +", s => s.Run(Kubectl + " get pods"))
            """, extraMembers: Constants));
}

/// <summary>
/// RB0022: with constant strings in every hole, C# makes the command one constant and <c>Run(string)</c> runs it as
/// written — the constants are not quoted as a hole is (the page shows the same, see
/// <c>PageAgreesWithPlanTests.Every_command_with_constants_is_documented_as_it_runs</c>).
/// </summary>
public sealed class RB0022Tests
{
    private const string Constants = """
            private const string Dir = "my app";
            private const string Kubectl = "kubectl --context prod-eu";
            private const string Message = "Roll back the deploy";
            private const string Quoted = "it's done";
            private const string Home = "$HOME/backups";
            private const string Namespace = "payments";
        """;

    [Fact]
    public Task A_constant_the_shell_reads_otherwise_than_a_hole_is_reported_with_how_a_hole_would_be_written() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(
            Sources.Runbook("""
                        .Step("Clean", s => s.Run($"rm -rf /srv/{|#0:{Dir}|}").RequiresConfirmation())
                        .Step("Commit", s => s.Run($"git commit -m {|#1:{Message}|}"))
                        .Step("Say", s => s.Run($"echo {|#2:{Quoted}|} && ls {|#3:{Home}|}"))
                        .Step("Remote", s => s.Run($"ssh db-1 'du -sh /var/cache/{|#4:{Dir}|}'"))
            """, extraMembers: Constants),
            Unquoted(0, "Dir", "my app", "'my app'"),
            Unquoted(1, "Message", "Roll back the deploy", "'Roll back the deploy'"),
            Unquoted(2, "Quoted", "it's done", "'it'\\''s done'"),
            Unquoted(3, "Home", "$HOME/backups", "'$HOME/backups'"),
            Unquoted(4, "Dir", "my app", "'\\''my app'\\''"));

    [Fact]
    public Task A_plain_word_splitting_meant_or_a_command_the_handler_receives_is_not_reported() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("A plain word", s => s.Run($"kubectl -n {Namespace} get pods"))
                        .Step("A command meant to be split", s => s.Run($"{Kubectl} get pods"))
                        .Step("Beside a parameter: the handler quotes it", s => s.Run($"du -sh /srv/{Dir}/{Region}"))
                        .Step("A literal", s => s.Run("rm -rf '/srv/my app'").RequiresConfirmation())
            """, extraMembers: Constants));

    /// <summary>
    /// The fix puts single quotes around the hole where the handler would have written the value in them and nothing
    /// else, so the finished constant is what the handler would have run; a value with a quote of its own, or one in
    /// a command line another shell reads, is written otherwise by the handler and gets no fix.
    /// </summary>
    [Fact]
    public Task The_fix_quotes_the_hole_where_the_handler_would_have_quoted_the_value_so() =>
        Verify<CommandTextAnalyzer>.FixAsync<RunbookSdk.CodeFixes.Commands.QuoteConstantHoleCodeFix>(
            Sources.Runbook(""""
                        .Step("Clean", s => s.Run($"rm -rf /srv/{|RB0022:{Dir}|}").RequiresConfirmation())
                        .Step("Commit", s => s.Run($@"git commit -m {|RB0022:{Message}|}"))
                        .Step("Script", s => s.Run($"""
                            ls {|RB0022:{Home}|} &&
                              echo {|RB0022:{Quoted}|}
                            """))
                        .Step("Remote", s => s.Run($"ssh db-1 'du -sh /var/cache/{|RB0022:{Dir}|}'"))
            """", extraMembers: Constants),
            Sources.Runbook(""""
                        .Step("Clean", s => s.Run($"rm -rf /srv/'{Dir}'").RequiresConfirmation())
                        .Step("Commit", s => s.Run($@"git commit -m '{Message}'"))
                        .Step("Script", s => s.Run($"""
                            ls '{Home}' &&
                              echo {|RB0022:{Quoted}|}
                            """))
                        .Step("Remote", s => s.Run($"ssh db-1 'du -sh /var/cache/{|RB0022:{Dir}|}'"))
            """", extraMembers: Constants));

    private static DiagnosticResult Unquoted(int location, string name, string value, string quoted) =>
        new DiagnosticResult("RB0022", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(location).WithArguments(name, value, quoted);
}
