using RunbookSdk.Analyzers.Commands;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// RB0012 in a production runbook, on the names real commands use: numbered environments and a literal environment
/// suffix after a parameter are dev resources; a -dev package, a mailbox and a device are not.
/// </summary>
public sealed class NonProductionNameTests
{
    private static Task Verify(string step) =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook($$"""
                        .Step("Act", s => {{step}})
            """));

    [Theory]
    [InlineData("""s.Run("redis-cli -h {|RB0012:cache-stg01.internal|} ping")""")]
    [InlineData("""s.Run("curl -fsS https://{|RB0012:api-dev2.omnix.ai|}/health")""")]
    [InlineData("""s.Run($"aws lambda get-function --function-name {FunctionName}{|RB0012:-dev|} --region {Region}")""")] // whatever the function, its -dev twin
    [InlineData("""s.Run("docker pull registry.omnix.ai/{|RB0012:api-dev|}@sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945")""")] // an image, not a mailbox
    [InlineData("""s.Run("docker build -f {|RB0012:Dockerfile.dev|} -t omnix/api .")""")]            // a file, not a host
    [InlineData("""s.Run("curl -fsS https://{|RB0012:api.dev.omnix.ai|}/health")""")]
    public Task DevResourcesAreReported(string step) => Verify(step);

    [Theory]
    [InlineData("""s.Run("sudo apt-get install -y libpq-dev postgresql-client")""")]    // a package of C headers
    [InlineData("""s.Run("apk add --no-cache python3-dev")""")]
    [InlineData("""s.Run("echo 'API down' | mail -s 'P1 incident' dev-oncall@omnix.ai")""")] // a mailbox, not a resource
    [InlineData("""s.Run("npm ci --omit=dev && npm run build")""")]
    [InlineData("""s.Run("lsblk /dev/nvme1n1 && df -h /dev/sda1")""")]
    [InlineData("""s.Run("curl -fsS https://status.omnix.dev/api/v2/status.json")""")]           // .dev is a public top-level domain
    [InlineData("""s.Http("GET", "https://api.omnix.dev/health").ExpectStatus(200)""")]
    [InlineData("""s.Run("ssh deploy@api-1.omnix.dev 'systemctl status api --no-pager'")""")]
    public Task NamesThatAreNotResourcesAreNotReported(string step) => Verify(step);
}
