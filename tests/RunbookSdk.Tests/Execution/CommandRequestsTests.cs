using RunbookSdk.Execution;

namespace RunbookSdk.Tests.Execution;

/// <summary>
/// Which shell commands send a request that is not idempotent: a resume does not run those again unasked, as it does
/// not send an HTTP step's POST again. Checks and reads run again as before.
/// </summary>
public sealed class CommandRequestsTests
{
    [Theory]
    [InlineData("curl -sS -X POST https://api.example.com/failover", "POST")]
    [InlineData("curl -XPATCH https://api.example.com/flags/x", "PATCH")]
    [InlineData("curl --request=post https://api.example.com/deploy", "POST")]
    [InlineData("curl --fail -sS --max-time 10 --data 2.0.0 http://127.0.0.1:5099/deploy", "POST")]
    [InlineData("curl -d '{\"to\":\"b\"}' -H 'Content-Type: application/json' https://api.example.com/failover", "POST")]
    [InlineData("curl --json '{}' https://api.example.com/cache/flush", "POST")]
    [InlineData("kubectl get pods && /usr/bin/curl -F file=@dump.tar https://upload.example.com/", "POST")]
    [InlineData("wget -qO- --post-data 'version=2' https://api.example.com/deploy", "POST")]
    [InlineData("wget --method=PATCH https://api.example.com/x", "PATCH")]
    [InlineData("http --check-status POST https://api.example.com/failover to=b", "POST")]
    [InlineData("for i in 1 2; do curl -X POST \"https://api.example.com/retry\"; done", "POST")]
    public void A_command_that_sends_a_request_that_is_not_idempotent_is_recognised(string command, string method) =>
        Assert.Equal(method, CommandRequests.NonIdempotentMethod(command));

    [Theory]
    [InlineData("curl -sS https://api.example.com/health")]
    [InlineData("curl -X PUT -d '{\"replicas\":3}' https://api.example.com/scale")]
    [InlineData("curl -X DELETE https://api.example.com/sessions/42")]
    [InlineData("curl -G -d q=errors https://logs.example.com/search")]
    [InlineData("for i in $(seq 1 5); do curl --fail -sS --max-time 5 http://127.0.0.1:5099/health && echo || exit 1; sleep 1; done")]
    [InlineData("wget -qO- https://api.example.com/version")]
    [InlineData("http GET https://api.example.com/health")]
    [InlineData("kubectl get pods -n payments")]
    [InlineData("grep -- '-X POST' access.log")]
    public void A_read_or_an_idempotent_request_is_not(string command) =>
        Assert.Null(CommandRequests.NonIdempotentMethod(command));
}
