using RunbookSdk.Analyzers.Commands;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>Commands real runbooks write that the command rules once judged wrongly (found by an adversarial pass); each states what the rule's page promises.</summary>
public sealed class CommandRuleEdgeTests
{
    // RB0014 false positive: the check's exit status is grep's/jq's, which fails when the page is an error page.
    // Seed 001 line 402 writes exactly this. Adding --fail (the offered fix) would even break this check when the
    // maintenance page is served with a 503.
    [Theory]
    [InlineData("curl -s https://hooks.omninode.ai/ | grep -q maintenance")]
    [InlineData("curl -s https://api.omnix.ai/health | jq -e '.status == \\\"ok\\\"'")]
    public Task RB0014_CurlPipedIntoACheckThatCanFailIsNotReported(string command) =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook(
            """            .Step("Assess", s => s.Instruction("Look at the dashboard"))""",
            verification: $$"""v => v.Step("Check", s => s.Run("{{command}}"))"""));

    // RB0005 false positives: "Restarts, describe/get/list ... are not reported".
    [Theory]
    [InlineData("docker run --rm postgres:16 pg_isready -h db.internal")] // --rm only cleans up the throwaway container
    [InlineData("kubectl auth can-i delete pods -n prod")]                  // asks a question, deletes nothing
    [InlineData("grep -i rollback /var/log/deploy.log")]                    // reads a log
    public Task RB0005_ReadOnlyCommandsAreNotReported(string command) =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook($$"""
                        .Step("Look", s => s.Run("{{command}}"))
            """));

    // RB0005 false negative: the page lists `aws ... delete-*` and `aws s3 rm`; a global option before the service hides them.
    [Theory]
    [InlineData("aws --profile prod s3 rm s3://omnix-uploads/tmp --recursive")]
    [InlineData("aws --region eu-central-1 dynamodb delete-table --table-name omnix-ai-orders")]
    public Task RB0005_AwsWithAGlobalOptionFirstIsStillDestructive(string command) =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook($$"""
                        .Step("Clean", s => s.Run("{|RB0005:{{command}}|}"))
            """));

    // RB0006 false negatives: "password=/token= assignments" and "--password ... options" are missed when quoted.
    [Fact]
    public Task RB0006_QuotedPasswordAssignmentIsReported() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Db", s => s.Run("PGPASSWORD='{|RB0006:s3cr3tPass|}' psql -h db.internal -U app -c 'SELECT 1'"))
            """));

    [Fact]
    public Task RB0006_QuotedPasswordOptionIsReported() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Db", s => s.Run("mysql -u root --password='{|RB0006:s3cr3tPass|}' -e 'SELECT 1'"))
            """));

    // RB0006 false negative: "passwords in URLs and connection strings"; a Redis URL has no user name.
    [Fact]
    public Task RB0006_PasswordInAUrlWithoutUserNameIsReported() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Cache", s => s.Run("redis-cli -u redis://:{|RB0006:s3cr3tPass|}@cache.internal:6379 PING"))
            """));

    // RB0015 false positive: git log --follow follows renames and ends on its own.
    [Fact]
    public Task RB0015_GitLogFollowIsNotReported() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("History", s => s.Run("git log --follow --oneline -- config/app.yaml"))
            """));

    // RB0005 false negatives: commands that delete, wipe or scale to zero on the clouds and tools runbooks use.
    [Theory]
    [InlineData("gcloud compute instances delete omnix-api-1 --zone europe-west1-b")]
    [InlineData("az group delete -n omnix-prod --yes")]
    [InlineData("terraform apply -auto-approve")]
    [InlineData("terraform state rm aws_instance.api")]
    [InlineData("terraform -chdir=infra destroy")]
    [InlineData("kubectl apply --prune -l app=api -f k8s/")]
    [InlineData("kubectl patch deployment api -p '{ \\\"spec\\\": { \\\"replicas\\\": 0 } }'", "\"replicas\": 0")]
    [InlineData("aws autoscaling update-auto-scaling-group --auto-scaling-group-name api --desired-capacity 0", "--desired-capacity 0")]
    [InlineData("aws s3 sync ./build s3://omnix-web --delete")] // the finding names the program, not "sync ./build …"
    [InlineData("aws --profile prod s3 sync ./build s3://omnix-web --delete")]
    [InlineData("cd web && aws s3 sync ./build s3://omnix-web --delete", "aws s3 sync ./build s3://omnix-web --delete")]
    [InlineData("rsync -a --delete build/ web-1:/srv/www/")]
    [InlineData("rm -f -r /var/lib/app/cache")]
    [InlineData("rm --force --recursive /var/lib/app/cache")]
    [InlineData("find /var/log/app -name '*.log' -mtime +7 -delete")]
    [InlineData("mkfs.ext4 /dev/nvme1n1")]
    [InlineData("psql -c 'ALTER TABLE users DROP COLUMN email'", "DROP COLUMN")]
    [InlineData("git push origin +main")]
    public Task RB0005_MoreDestructiveCommandsAreReported(string command, string? reported = null) =>
        CommandRuleSources.DestructiveAsync(command, reported ?? command);

    [Theory]
    [InlineData("docker run --rm -it -e MODE=check --read-only alpine ls /data")]
    [InlineData("terraform plan -destroy -out tfplan")]
    [InlineData("kubectl patch deployment api -p '{ \\\"spec\\\": { \\\"replicas\\\": 3 } }'")]
    [InlineData("aws s3 sync ./build s3://omnix-web")]
    [InlineData("gcloud compute instances list --filter='name~delete'")]
    public Task RB0005_TheirHarmlessNeighboursAreNotReported(string command) =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook($$"""
                        .Step("Look", s => s.Run("{{command}}"))
            """));

    // RB0006 false negatives: the common ways a password or token rides on a command line.
    [Theory]
    [InlineData("mysql -h db.internal -u root -p", "S3cretPass", " -e 'SELECT 1'")]
    [InlineData("redis-cli -h cache.internal -a ", "S3cretPass", " PING")]
    [InlineData("curl -fsS -u admin:", "S3cretPass", " https://grafana.internal/api/health")]
    [InlineData("aws configure set aws_secret_access_key ", "wJalrXUtnFEMIK7MDENGbPxRfiCY", "")]
    [InlineData("curl -fsS -X POST https://hooks.slack.com/services/T024BE7LD/B0123ABCD/", "a1b2c3d4e5f6g7h8i9j0k1l2", " -d @msg.json")]
    public Task RB0006_CommandLineCredentialsAreReported(string before, string secret, string after) =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook($$"""
                        .Step("Act", s => s.Run("{{before}}{|RB0006:{{secret}}|}{{after}}"))
            """));

    // RB0006 false negative: the program's command was bounded by a regex that stopped at the ';' inside a $(…) or a
    // quoted SQL, so a password given after one went unread. bash runs the $(…) and hands its output to mysql as one word.
    [Theory]
    [InlineData("mysql -h db-1 -e \\\"$(cat a.sql; cat b.sql)\\\" -p", "S3cr3t", "")]
    [InlineData("mysql -h db-1 -e $(cat a.sql; cat b.sql) -p", "S3cr3t", "")]
    [InlineData("mysql -h db-1 -e 'select 1; select 2' -p", "S3cr3t", "")]
    [InlineData("redis-cli -h cache-1 --eval \\\"$(cat a.lua; cat b.lua)\\\" -a ", "S3cr3t", " ping")]
    [InlineData("curl -fsS --data \\\"$(cat body.json; date)\\\" -u admin:", "S3cr3t", " https://api.internal/drain")]
    public Task RB0006_APasswordAfterANestedPartOfItsCommandIsReported(string before, string secret, string after) =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook($$"""
                        .Step("Act", s => s.Run("{{before}}{|RB0006:{{secret}}|}{{after}}"))
            """));

    // The -p inside the $(…) is echo's word: bash runs echo and hands what it prints to mysql inside -e's one quoted word.
    [Theory]
    [InlineData("mysql -e \\\"$(cat a.sql; echo -p)\\\"")]
    [InlineData("mysql -e \\\"$(cat a.sql; echo -pS3cr3t)\\\"")]
    [InlineData("mysql -e \\\"$(cat a.sql; echo -pS3cr3t)\\\" -p")]
    public Task RB0006_AnOptionOfAnotherCommandInsideASubstitutionIsNotReported(string command) =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook($$"""
                        .Step("Act", s => s.Run("{{command}}"))
            """));

    [Theory]
    [InlineData("mysql -h db.internal -u root -p -e 'SELECT 1'")]          // -p alone prompts
    [InlineData("mysql -h db.internal -u root -p$MYSQL_PWD -e 'SELECT 1'")]
    [InlineData("psql -h mysql-db -p5432 -U app -c 'SELECT 1'")]              // a host named mysql-…, and psql's -p is a port
    [InlineData("redis-cli -h cache.internal ping")]
    [InlineData("curl -fsS -u $GRAFANA_USER:$GRAFANA_PASSWORD https://grafana.internal/api/health")]
    [InlineData("curl -fsS -X POST https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX")]
    public Task RB0006_PlaceholdersAndPromptsAreNotReported(string command) =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook($$"""
                        .Step("Act", s => s.Run("{{command}}"))
            """));

    // RB0015 false negatives: commands that hold the runner forever.
    [Theory]
    [InlineData("journalctl ", "-fu", " nginx")]
    [InlineData("", "kubectl port-forward", " svc/api 8080:80")]
    [InlineData("", "stern", " api -n prod --since 10m")]
    [InlineData("", "sleep infinity", "")]
    [InlineData("", "less +F", " /var/log/app.log")]
    [InlineData("", "ping", " db.internal")]
    [InlineData("kubectl -n api exec api-0 -- ", "ping", " db.internal")]
    public Task RB0015_MoreEndlessCommandsAreReported(string before, string endless, string after) =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook($$"""
                        .Step("Act", s => s.Run("{{before}}{|RB0015:{{endless}}|}{{after}}"))
            """));

    [Theory]
    [InlineData("ping -c 3 db.internal")]
    [InlineData("redis-cli -h cache.internal ping")]
    [InlineData("stern --no-follow api -n prod")]
    [InlineData("aws s3 cp --follow-symlinks ./dist s3://omnix-web/")] // not --follow
    [InlineData("kubectl logs api-0 -c fluent-bit --since=10m")]
    public Task RB0015_CommandsThatEndAreNotReported(string command) =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook($$"""
                        .Step("Look", s => s.Run("{{command}}"))
            """));

    // RB0014 false positive: the pipeline's status is its last command's, here grep's.
    [Theory]
    [InlineData("curl -s https://api.omnix.ai/health | jq -r .status | grep -qx ok")]
    [InlineData("curl -s https://api.omnix.ai/health | tee /tmp/health.json | grep -q ok")]
    public Task RB0014_CurlWhosePipelineEndsInACheckIsNotReported(string command) =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook(
            """            .Step("Assess", s => s.Instruction("Look at the dashboard"))""",
            verification: $$"""v => v.Step("Check", s => s.Run("{{command}}"))"""));
}
