using Microsoft.CodeAnalysis;
using RunbookSdk.Import.Model;
using RunbookSdk.Import.Source;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// A secret a document wrote is never copied into the code. The import found only an <c>Authorization</c> header's
/// token and a URL's password, so an API key header, <c>export GITHUB_TOKEN=…</c>, <c>curl -u user:password</c>,
/// <c>PGPASSWORD=…</c>, <c>mysql -p…</c> or a password in a URL with no user were copied as written, and the build then
/// failed on RB0006 even with <c>--allow-incomplete</c>; a URL with a user and password became a plain base-URL
/// parameter, password and all; and a token outside a command (a handbook snippet, a step's title) was copied with no
/// warning at all. It now finds secrets with RB0006's own patterns: in a command each becomes a <c>[Secret]</c>
/// parameter with an empty default, anywhere else a placeholder with a warning.
/// </summary>
public sealed class SecretImportTests
{
    private const string Command = """
        # Payments

        ## Escalation

        - **Level 1** (0-15 minutes): Payments on-call

        ## Playbook: Payments API down

        ### 1. Diagnose (0-5 minutes)

        ```bash
        {0}
        ```

        ### Rollback

        ```bash
        ./rollback.sh
        ```

        ### Verification

        ```bash
        curl -sf https://payments.example.com/health
        ```
        """;

    private static RunbookImporter.GeneratedProject Import(string markdown) =>
        RunbookImporter.Generate(MarkdownSource.FromText("payments.md", markdown), "Payments", allowIncomplete: true,
            Path.Combine(Seeds.RepositoryRoot, "artifacts", "secret-import"), Seeds.RepositoryRoot);

    private static RunAction Diagnosis(RunbookImporter.GeneratedProject project) =>
        Assert.Single(Assert.Single(project.Document.Runbooks).Phases[0].Steps.SelectMany(s => s.Actions).OfType<RunAction>());

    [Theory]
    [InlineData("curl -H \"X-Api-Key: AKIAIOSFODNN7EXAMPLE\" https://payments.example.com/v1/charges", "AKIAIOSFODNN7EXAMPLE", "ApiKey")]
    [InlineData("export GITHUB_TOKEN=ghp_0123456789abcdefghijABCDEFGHIJ0123 && gh api repos/acme/payments", "ghp_0123456789abcdefghijABCDEFGHIJ0123", "GitHubToken")]
    [InlineData("curl -u deploy:hunter2pass https://payments.example.com/v1/charges", "hunter2pass", "BasicAuthPassword")]
    [InlineData("PGPASSWORD='Pa55word!' psql -h db.internal -c 'select 1'", "Pa55word!", "PgPassword")]
    [InlineData("mysql -pRootPw123 -e 'show processlist'", "RootPw123", "MysqlPassword")]
    [InlineData("redis-cli -u redis://:S3cretRedis@cache.internal:6379 ping", "S3cretRedis", "Password")]
    [InlineData("curl -H \"Authorization: Bearer abc123def456\" https://payments.example.com/v1/charges", "abc123def456", "ApiToken")]
    // Copied as written before: RB0006 read none of these.
    [InlineData("sshpass -p 'Hunter2Winter!' ssh ops@db-1 'systemctl restart payments-worker'", "Hunter2Winter!", "SshPassword")]
    [InlineData("docker login -u deploy -p 'Dk8#pQ2$wZ' registry.example.com", "Dk8#pQ2$wZ", "RegistryPassword")]
    [InlineData("vault login s.AbCdEf1234567890XyZ", "s.AbCdEf1234567890XyZ", "VaultToken")]
    // Given after a $(…) or a quoted SQL whose ';' the pattern's command once ended at: copied as written before.
    [InlineData("mysql -h db-1 -e \"$(cat a.sql; cat b.sql)\" -pS3cr3tDb", "S3cr3tDb", "MysqlPassword")]
    [InlineData("mysql -h db-1 -e 'select 1; select 2' -pS3cr3tDb", "S3cr3tDb", "MysqlPassword")]
    public void A_secret_in_a_command_becomes_a_secret_parameter_and_the_build_has_no_RB0006(string command, string secret, string parameter)
    {
        var project = Import(Command.Replace("{0}", command, StringComparison.Ordinal));

        Assert.All(project.Files, f => Assert.DoesNotContain(secret, f.Value, StringComparison.Ordinal));
        var run = Diagnosis(project);
        Assert.Equal(command, string.Concat(run.Parts.Select(p => p.Text)));
        Assert.Equal(secret, Assert.Single(run.Parts, p => p.Parameter == parameter).Text);
        var declared = Assert.Single(Assert.Single(project.Document.Runbooks).Parameters, p => p.Secret);
        Assert.Equal((parameter, ""), (declared.Name, declared.Default));
        var diagnostics = InMemoryCompiler.Compile(project.Files);
        Assert.DoesNotContain(diagnostics, d => d.Id == "RB0006");
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void A_url_with_a_user_and_password_gives_its_password_to_a_secret_and_is_no_base_url()
    {
        var project = Import(Command.Replace("{0}", """
            curl -s https://deployer:Tr0ub4dor@registry.example.com/v2/_catalog
            curl -s https://deployer:Tr0ub4dor@registry.example.com/v2/app/tags/list
            """, StringComparison.Ordinal));

        Assert.All(project.Files, f => Assert.DoesNotContain("Tr0ub4dor", f.Value, StringComparison.Ordinal));
        var parameters = Assert.Single(project.Document.Runbooks).Parameters;
        var password = Assert.Single(parameters);
        Assert.True(password.Secret);
        Assert.Equal("Password", password.Name);
        Assert.DoesNotContain(InMemoryCompiler.Compile(project.Files), d => d.Id == "RB0006");
    }

    [Fact]
    public void A_secret_outside_a_command_is_written_as_a_placeholder_with_a_warning_that_does_not_repeat_it()
    {
        var project = Import("""
            # Payments

            ## Useful Commands

            ```bash
            curl -H "Authorization: Bearer sk_live_51HxYzABCDEF123456" https://api.example.com/v1/health
            ```

            ## Playbook: Payments API down

            ### 1. Diagnose (0-5 minutes)

            1. **Call the API with token ghp_0123456789abcdefghijABCDEFGHIJ0123**

            ```bash
            curl -sf https://payments.example.com/health
            ```
            """);

        var code = string.Concat(project.Files.Values);
        Assert.DoesNotContain("sk_live_51HxYzABCDEF123456", code, StringComparison.Ordinal);
        Assert.DoesNotContain("ghp_0123456789abcdefghijABCDEFGHIJ0123", code, StringComparison.Ordinal);
        Assert.Contains("Authorization: Bearer <ApiToken>", code, StringComparison.Ordinal);
        Assert.Contains("Call the API with token <GitHubToken>", code, StringComparison.Ordinal);
        var warnings = project.Warnings.Where(w => w.Contains("is written outside a command", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, w => w.StartsWith("payments.md: a credential in an Authorization header is written outside a command (\"curl -H \\\"Authorization: Bearer <ApiToken>\\\"", StringComparison.Ordinal)
            || w.StartsWith("payments.md: a credential in an Authorization header is written outside a command (\"curl -H \"Authorization: Bearer <ApiToken>\"", StringComparison.Ordinal));
        Assert.All(warnings, w => Assert.DoesNotContain("sk_live", w, StringComparison.Ordinal));
        Assert.DoesNotContain(InMemoryCompiler.Compile(project.Files), d => d.Id == "RB0006");
    }

    [Fact]
    public void A_resource_lifted_from_its_option_stays_as_written_everywhere_else()
    {
        var project = Import(Command.Replace("{0}", """
            aws ecs describe-services --cluster payments --services api
            aws ecs update-service --cluster payments --service api --force-new-deployment
            psql -d payments -c 'select count(*) from charges'
            rm -rf /var/lib/payments/tmp
            """, StringComparison.Ordinal));

        var runs = Assert.Single(project.Document.Runbooks).Phases[0].Steps.SelectMany(s => s.Actions).OfType<RunAction>().ToList();
        Assert.Equal(["ClusterName", "ServiceName"], runs[0].Parts.Where(p => p.Parameter is not null).Select(p => p.Parameter!));
        Assert.All(runs.Skip(2), r => Assert.Equal([new CommandPart(r.Command, null)], r.Parts));
    }

    [Fact]
    public void A_secret_word_elsewhere_in_the_commands_is_not_the_secret()
    {
        var project = Import(Command.Replace("{0}", """
            curl -H "Authorization: Bearer secret" http://payments.internal:8080/admin/health
            kubectl get secret payments-db -n payments -o yaml
            """, StringComparison.Ordinal));

        var runs = Assert.Single(project.Document.Runbooks).Phases[0].Steps.SelectMany(s => s.Actions).OfType<RunAction>().ToList();
        Assert.Equal("secret", Assert.Single(runs[0].Parts, p => p.Parameter == "ApiToken").Text);
        Assert.Equal([new CommandPart("kubectl get secret payments-db -n payments -o yaml", null)], runs[1].Parts);
    }
}
