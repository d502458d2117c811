using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// RB0014 judges a check by the status bash returns for it. Two checks that fail when the service is wrong were
/// reported as unable to fail: a curl whose output a test compares (<c>[ "$(curl -s -w '%{http_code}' …)" = 200 ]</c>:
/// the test is the check, not the curl), and a curl before <c>;</c> and the command whose status the list returns.
/// </summary>
public sealed class VerificationStatusTests
{
    private static Task Check(string command) => CommandRuleSources.CheckAsync($"\"{command}\"");

    [Theory]
    [InlineData("[ \\\"$(curl -s -o /dev/null -w '%{http_code}' https://api.omnix.ai/health)\\\" = \\\"200\\\" ]")]
    [InlineData("test $(curl -s -o /dev/null -w '%{http_code}' https://api.omnix.ai/health) -eq 200")]
    [InlineData("[[ $(curl -s https://api.omnix.ai/health | jq -r .status) == ok ]]")]
    [InlineData("if [ \\\"$(curl -s https://api.omnix.ai/version)\\\" != 1.4.2 ]; then exit 1; fi")]
    [InlineData("curl -s -o /tmp/token https://auth.omnix.ai/token; curl -f -H \\\"Authorization: Bearer $(cat /tmp/token)\\\" https://api.omnix.ai/health")]
    public Task A_check_whose_status_a_test_or_a_later_command_decides_is_not_reported(string command) =>
        Check(command);

    [Theory]
    [InlineData("echo \\\"$({|RB0014:curl|} -s https://api.omnix.ai/health)\\\"")]
    [InlineData("{|RB0014:curl|} -s https://api.omnix.ai/health && echo healthy")]
    [InlineData("echo $(curl -s https://api.omnix.ai/health | {|RB0014:jq|} -r .status)")]
    public Task A_curl_whose_status_is_the_checks_is_still_reported(string command) =>
        Check(command);

    [Theory]
    [InlineData("{|RB0014:echo ok|}")]
    [InlineData("{|RB0014:echo \\\"Service healthy\\\"|}")]
    [InlineData("{|RB0014:true|}")]
    [InlineData("{|RB0014:printf 'healthy\\\\n'; echo done|}")]
    [InlineData("  {|RB0014:echo checked && echo ${STATUS:-ok}|}  ")]
    // A client or an `if` that is only printed runs no check: the finding is the echo's, not the client's.
    [InlineData("{|RB0014:echo http GET https://api.omnix.ai/health|}")]
    [InlineData("{|RB0014:echo 'if curl -fsS x; then echo ok; fi'|}")]
    public Task A_command_of_nothing_but_commands_that_always_succeed_is_reported_whole(string command) =>
        Check(command);

    [Theory]
    [InlineData("echo > /dev/tcp/db.omnix.ai/5432")]
    [InlineData("echo ok | grep -q ok")]
    [InlineData("echo ok; curl -f https://api.omnix.ai/health")]
    [InlineData("true && pg_isready -h db.omnix.ai")]
    public Task A_command_with_a_check_or_a_redirection_is_not_reported_as_checking_nothing(string command) =>
        Check(command);
}
