using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// RB0014 on an <c>if</c> that ends a verification: bash returns 0 from <c>if COND; then …; fi</c> when the condition
/// fails and there is no <c>else</c>, so <c>if curl -fsS …; then echo ok; fi</c> passes on a dead service. It cannot fail
/// when every way through it ends in a command that succeeds whatever came before (<c>echo</c>, <c>true</c>, <c>:</c>,
/// no branch at all). It was not reported.
/// </summary>
public sealed class ConditionalCheckTests
{
    private static Task Check(string command) => CommandRuleSources.CheckAsync(command);

    [Theory]
    [InlineData("\"{|RB0014:if curl -fsS https://api.omnix.ai/health; then echo ok; fi|}\"")]
    [InlineData("\"{|RB0014:if curl -fsS https://api.omnix.ai/health\\nthen\\n  echo healthy\\nfi|}\"")]
    [InlineData("\"{|RB0014:if ! curl -fsS https://api.omnix.ai/health; then echo down; fi|}\"")] // says so, and succeeds
    [InlineData("\"{|RB0014:if curl -fsS https://api.omnix.ai/health; then echo ok; else echo down; fi|}\"")]
    [InlineData("\"cd /srv; {|RB0014:if curl -fsS localhost:8080/health; then :; fi|};\"")]
    [InlineData("\"ssh ops@bastion '{|RB0014:if curl -fsS localhost:8080/health; then echo ok; fi|}'\"")] // ssh returns the remote status
    public Task AnIfThatSucceedsWhateverItsConditionFoundIsReported(string command) => Check(command);

    [Theory]
    [InlineData("\"if ! curl -fsS https://api.omnix.ai/health; then echo down; exit 1; fi\"")]
    [InlineData("\"if curl -fsS https://api.omnix.ai/health; then echo ok; else echo down; exit 1; fi\"")]
    [InlineData("\"if test -d /srv/app; then curl -fsS localhost:8080/health; fi\"")] // the branch's check can fail
    [InlineData("\"if curl -fsS https://api.omnix.ai/health; then echo ok; fi; curl -fsS https://api.omnix.ai/ready\"")] // the list's status is the last curl's
    [InlineData("\"if curl -fsS https://api.omnix.ai/health; then echo ok; elif curl -fsS https://api.omnix.ai/ready; then false; fi\"")]
    public Task AnIfThatCanFailIsNotReported(string command) => Check(command);

    // `check && echo ok || echo down`: the echo after || succeeds whatever the check found.
    [Fact]
    public Task AnAndOrEchoIsReported() =>
        Check("\"curl -fsS https://api.omnix.ai/health && echo ok {|RB0014:|| echo|} down\"");
}
