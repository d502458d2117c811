using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RunbookSdk.Analyzers.Commands;
using RunbookSdk.Analyzers.Tests.Infrastructure;
using RunbookSdk.CodeFixes.Commands;

namespace RunbookSdk.Analyzers.Tests.Fixes;

/// <summary>
/// RB0006 read a quoted value as it reads an unquoted one, up to the first <c>;</c>, <c>&amp;</c>, blank or backslash:
/// <c>PGPASSWORD='aB3;kL9x'</c> reported <c>aB3</c>, and the fix wrote <c>'{PGPASSWORD};kL9x'</c>, half the password
/// still committed; <c>curl -u ops:'pa ss'</c> was not reported at all. A quoted value's secret is all it quotes. An
/// unquoted one ends where the shell ends the word (<c>-a s3cr3t&amp;&amp; …</c>), and the property is named for its key
/// in PascalCase (<c>PGPASSWORD</c> → <c>PgPassword</c>), so two keys are two parameters.
/// </summary>
public sealed class QuotedSecretFixTests
{
    private static string Step(string command) => $$"""            .Step("Act", s => s.Run({{command}}))""";

    private static string Secret(string name, string description) =>
        $$"""    [Parameter("{{description}}"), Secret] public string {{name}} { get; init; } = "";""" + "\n";

    private const string Assigned = "A secret assigned in the text";

    [Theory]
    [InlineData("PGPASSWORD='{|#0:aB3;kL9x|}' psql -h db -U app -c 'select 1'", Assigned)]
    [InlineData("PGPASSWORD=\\\"{|#0:aB3;kL9x|}\\\" psql -h db -U app -c 'select 1'", Assigned)]
    [InlineData("PGPASSWORD=\\\"{|#0:a\\\\\\\"b c|}\\\" psql -h db -U app -c 'select 1'", Assigned)] // "a\"b c": the escaped quote does not end it
    [InlineData("mysql -u root --password='{|#0:Tr0ub4dor&3|}' -e 'select 1'", Assigned)]
    [InlineData("mysql -u root -p'{|#0:Tr0ub4dor&3|}' -e 'select 1'", "A password passed as mysql -p")]
    [InlineData("redis-cli -h cache -a '{|#0:p@ss w0rd|}' ping", "A password passed as redis-cli -a")]
    [InlineData("redis-cli -h cache -a {|#0:hunter2secret|}&& echo ok", "A password passed as redis-cli -a")]
    [InlineData("sshpass -p '{|#0:Hunter2 Winter!|}' ssh ops@db-1 'systemctl restart worker'", "A password passed as sshpass -p")]
    [InlineData("sshpass -p{|#0:Hunter2Winter|} ssh ops@db-1 uptime", "A password passed as sshpass -p")]
    [InlineData("docker login -u deploy -p '{|#0:Dk8#pQ2$wZ|}' registry.example.com", "A password passed as docker login -p")]
    [InlineData("helm registry login ghcr.io -u ci -p {|#0:Dk8pQ2wZ|}", "A password passed as docker login -p")]
    [InlineData("vault login {|#0:s.AbCdEf1234567890XyZ|}", "A token passed as vault login")]
    [InlineData("vault login -no-print '{|#0:s.AbCdEf1234567890XyZ|}' && vault status", "A token passed as vault login")]
    [InlineData("VAULT_ADDR=https://vault:8200 vault kv get -field=pw {|#0:hvs.CAESIJ0abcdefghijklmnopqrstu|}", "A Vault token")]
    [InlineData("curl -fsS -u ops:'{|#0:pa ss|}' https://x", "A password in curl --user")]
    [InlineData("curl -fsS -u 'ops:{|#0:pa ss|}' https://x", "A password in curl --user")]
    [InlineData("curl -fsS --user=\\\"ops:{|#0:pa ss|}\\\" https://x", "A password in curl --user")]
    [InlineData("deployctl --token \\\"{|#0:ab cd;ef|}\\\" status", "A secret passed as a command-line option")]
    [InlineData("aws configure set aws_secret_access_key '{|#0:wJalr XUtn;FEMI|}'", "An AWS secret set with aws configure")]
    public Task A_quoted_secret_is_all_it_quotes_and_an_unquoted_one_ends_with_the_word(string command, string detail) =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook(Step("\"" + command + "\"")),
            new DiagnosticResult("RB0006", DiagnosticSeverity.Error).WithLocation(0).WithArguments(detail));

    [Theory]
    [InlineData("PGPASSWORD=\\\"${DB_PASSWORD}\\\" psql -h db -c 'select 1'")]
    [InlineData("PGPASSWORD='' psql -h db -c 'select 1'")]
    [InlineData("redis-cli -h cache -a \\\"$REDIS_PASSWORD\\\" ping")]
    [InlineData("curl -fsS -u ops:\\\"$OPS_PASSWORD\\\" https://x")]
    [InlineData("curl -fsS -u 'ops:<password>' https://x")]
    [InlineData("sshpass -p \\\"$SSH_PASSWORD\\\" ssh ops@db-1 uptime")]
    [InlineData("sshpass -e ssh ops@db-1 uptime")]
    [InlineData("docker login -u deploy --password-stdin registry.example.com")]
    [InlineData("vault login -method=userpass username=ops")]
    [InlineData("vault login -")]
    [InlineData("vault login")]
    public Task A_quoted_placeholder_is_not_reported(string command) =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook(Step("\"" + command + "\"")));

    public static TheoryData<string, string, string, string, string, string> Fixes => new()
    {
        {
            "PGPASSWORD='aB3;kL9x' psql -h db -U app -c 'select 1'", "aB3;kL9x",
            "\"PGPASSWORD='{|RB0006:aB3;kL9x|}' psql -h db -U app -c 'select 1'\"", "$\"PGPASSWORD='{PgPassword}' psql -h db -U app -c 'select 1'\"",
            "PgPassword", "PostgreSQL password"
        },
        {
            "mysql -u root --password='Tr0ub4dor&3' -e 'select 1'", "Tr0ub4dor&3",
            "\"mysql -u root --password='{|RB0006:Tr0ub4dor&3|}' -e 'select 1'\"", "$\"mysql -u root --password='{Password}' -e 'select 1'\"",
            "Password", "Password"
        },
        {
            "redis-cli -h cache -a 'p@ss w0rd' ping", "p@ss w0rd",
            "\"redis-cli -h cache -a '{|RB0006:p@ss w0rd|}' ping\"", "$\"redis-cli -h cache -a '{RedisPassword}' ping\"",
            "RedisPassword", "Redis password"
        },
        {
            "curl -fsS -u ops:'pa ss' https://x", "pa ss",
            "\"curl -fsS -u ops:'{|RB0006:pa ss|}' https://x\"", "$\"curl -fsS -u ops:'{BasicAuthPassword}' https://x\"",
            "BasicAuthPassword", "Basic auth password"
        },
        {
            "PGPASSWORD=\"a\\\"b c\" psql -h db -c 'select 1'", "a\"b c",
            "\"PGPASSWORD=\\\"{|RB0006:a\\\\\\\"b c|}\\\" psql -h db -c 'select 1'\"", "$\"PGPASSWORD=\\\"{PgPassword}\\\" psql -h db -c 'select 1'\"",
            "PgPassword", "PostgreSQL password"
        },
        {
            "MYSQL_PWD='S3cr3t!x' mysql -u root -e 'select 1'", "S3cr3t!x",
            "\"MYSQL_PWD='{|RB0006:S3cr3t!x|}' mysql -u root -e 'select 1'\"", "$\"MYSQL_PWD='{MysqlPassword}' mysql -u root -e 'select 1'\"",
            "MysqlPassword", "MySQL password"
        },
        {
            "export GITHUB_TOKEN=ghp_0123456789abcdefghijABCDEFGHIJ0123 && gh api repos/acme/app", "ghp_0123456789abcdefghijABCDEFGHIJ0123",
            "\"export GITHUB_TOKEN={|RB0006:ghp_0123456789abcdefghijABCDEFGHIJ0123|} && gh api repos/acme/app\"", "$\"export GITHUB_TOKEN={GitHubToken} && gh api repos/acme/app\"",
            "GitHubToken", "GitHub token"
        },
    };

    [Theory]
    [MemberData(nameof(Fixes))]
    public async Task The_fix_takes_the_whole_secret_into_a_parameter_named_for_it_and_the_command_runs_as_written(
        string written, string secret, string marked, string fixedCommand, string name, string description)
    {
        var fixedSource = Sources.Runbook(Step(fixedCommand), extraMembers: Secret(name, description));
        await Verify<CommandTextAnalyzer>.FixAsync<LiteralToParameterCodeFix>(Sources.Runbook(Step(marked)), fixedSource);
        Assert.Equal(written, RenderedCommand.Of(fixedSource, new Dictionary<string, string> { [name] = secret }));
    }

    /// <summary><c>API_TOKEN</c> is the runbook's API token: the fix reads the <c>ApiToken</c> secret it already has.</summary>
    [Fact]
    public async Task An_api_token_variable_reuses_the_runbooks_api_token()
    {
        var fixedSource = Sources.Runbook(Step("$\"API_TOKEN={ApiToken} ./deploy.sh --check\""));
        await Verify<CommandTextAnalyzer>.FixAsync<LiteralToParameterCodeFix>(Sources.Runbook(Step("\"API_TOKEN={|RB0006:abc123def456|} ./deploy.sh --check\"")), fixedSource);
        Assert.Equal("API_TOKEN=abc123def456 ./deploy.sh --check", RenderedCommand.Of(fixedSource, new Dictionary<string, string> { ["ApiToken"] = "abc123def456" }));
    }

    /// <summary>Two keys are two secrets: named <c>Password</c> alike, the second fix would reuse the first's property and send one value to both.</summary>
    [Fact]
    public async Task Two_keys_become_two_parameters()
    {
        var fixedSource = Sources.Runbook(Step("$\"REDIS_PASSWORD={RedisPassword} DB_PASSWORD={DbPassword} ./migrate.sh\""),
            extraMembers: Secret("RedisPassword", "Redis password") + Secret("DbPassword", "DB password"));
        await Verify<CommandTextAnalyzer>.FixAsync<LiteralToParameterCodeFix>(
            Sources.Runbook(Step("\"REDIS_PASSWORD={|RB0006:r3disPw|} DB_PASSWORD={|RB0006:dbPw123|} ./migrate.sh\"")), fixedSource);
        Assert.Equal("REDIS_PASSWORD=r3disPw DB_PASSWORD=dbPw123 ./migrate.sh",
            RenderedCommand.Of(fixedSource, new Dictionary<string, string> { ["RedisPassword"] = "r3disPw", ["DbPassword"] = "dbPw123" }));
    }
}
