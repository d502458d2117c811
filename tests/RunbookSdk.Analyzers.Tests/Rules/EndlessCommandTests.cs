using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RunbookSdk.Analyzers.Commands;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// RB0015 on the commands incident runbooks really write: the ones that hold the runner forever (a rollout that never
/// completes, a tunnel, a session) and the bounded forms beside them, which must stay quiet.
/// </summary>
public sealed class EndlessCommandTests
{
    private static Task Verify(string command) =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook($$"""
                        .Step("Act", s => s.Run("{{command}}"))
            """));

    // kubectl waits for a rollout with no time limit unless told one: a stuck rollout holds the run forever.
    [Theory]
    [InlineData("kubectl {|RB0015:rollout status|} deploy/api")]
    [InlineData("kubectl -n payments {|RB0015:rollout status|} deployment/api")]
    [InlineData("kubectl {|RB0015:rollout status|} deploy/api --timeout=0s")] // zero means no limit
    public Task RolloutStatusWithoutATimeoutIsReported(string command) => Verify(command);

    [Theory]
    [InlineData("kubectl rollout status deploy/api --timeout=5m")]
    [InlineData("kubectl -n payments rollout status deployment/api --timeout 120s")]
    [InlineData("kubectl rollout status deploy/api --watch=false")]
    [InlineData("kubectl rollout history deploy/api")]
    public Task RolloutStatusThatEndsIsNotReported(string command) => Verify(command);

    // A new line ends a command as ; does: what the next line starts is a command.
    [Theory]
    [InlineData("cd /srv\\n{|RB0015:watch|} df -h")]
    [InlineData("kubectl get pods\\n{|RB0015:ping|} db.internal")]
    public Task ACommandStartingALineIsReported(string command) => Verify(command);

    // A tunnel or a session holds its connection open until someone stops it.
    [Theory]
    [InlineData("{|RB0015:ssh|} -N -L 5432:db.internal:5432 bastion.omnix.ai")]
    [InlineData("{|RB0015:ssh|} -i ~/.ssh/oncall.pem -NL 6379:cache.internal:6379 ec2-user@bastion")]
    [InlineData("{|RB0015:autossh|} -M 0 -N -L 5432:db.internal:5432 bastion")]
    [InlineData("aws ssm {|RB0015:start-session|} --target i-0abc123def4567890")]
    [InlineData("aws --region eu-central-1 ssm {|RB0015:start-session|} --target i-0abc --document-name AWS-StartPortForwardingSession --parameters portNumber=5432,localPortNumber=5432")]
    [InlineData("gcloud compute {|RB0015:start-iap-tunnel|} db-1 5432 --local-host-port=localhost:5432 --zone europe-west1-b")]
    [InlineData("kubectl {|RB0015:proxy|} --port=8001")]
    public Task TunnelsAndSessionsAreReported(string command) => Verify(command);

    [Theory]
    [InlineData("ssh -fN -L 5432:db.internal:5432 bastion.omnix.ai")] // -f: ssh goes to the background, the shell goes on
    [InlineData("ssh -f -N -L 5432:db.internal:5432 bastion.omnix.ai")]
    [InlineData("ssh bastion.omnix.ai 'systemctl status nginx --no-pager'")]
    [InlineData("ssh -o ConnectTimeout=5 ec2-user@api-1 uptime")]
    [InlineData("aws ssm start-session --target i-0abc --document-name AWS-StartNonInteractiveCommand --parameters command='df -h'")]
    [InlineData("aws ssm send-command --instance-ids i-0abc --document-name AWS-RunShellScript --parameters commands='df -h'")]
    [InlineData("aws ssm describe-sessions --state Active")]
    [InlineData("kubectl get --raw /api/v1/nodes/node-1/proxy/metrics")]
    [InlineData("kubectl -n proxy get pods")]
    public Task CommandsThatEndAreNotReported(string command) => Verify(command);

    // The message names the command up to what makes it endless: "'-f' never ends on its own" left the reader to
    // find which -f (and which command) among the step's commands was meant.
    [Theory]
    [InlineData("kubectl logs {|#0:-f|} deploy/payments -n payments", "kubectl logs -f")]
    [InlineData("curl -fsS localhost:8080/health && sudo journalctl -u api {|#0:-fu|} api", "sudo journalctl -u api -fu")]
    [InlineData("kubectl -n payments {|#0:rollout status|} deployment/api", "kubectl -n payments rollout status")]
    [InlineData("aws ssm {|#0:start-session|} --target i-0abc123def4567890", "aws ssm start-session")]
    [InlineData("{|#0:tail -f|} /var/log/app.log", "tail -f")]
    public Task TheMessageNamesTheCommandFromItsStart(string command, string named) =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(
            Sources.Runbook($$"""
                        .Step("Act", s => s.Run("{{command}}"))
            """),
            new DiagnosticResult("RB0015", DiagnosticSeverity.Warning).WithLocation(0).WithArguments(named));

    // A `timeout N` prefix bounds the command it prefixes, not the commands after it in the list.
    [Theory]
    [InlineData("timeout 60 kubectl get pods -w; {|RB0015:tail -f|} /var/log/app.log")]
    [InlineData("timeout 30 curl -fsS http://localhost:8080/health && {|RB0015:kubectl port-forward|} svc/api 8080:80")]
    [InlineData("timeout 60 tail -f /var/log/app.log | grep -m1 ready; journalctl -u api {|RB0015:-f|}")]
    public Task ATimeoutPrefixDoesNotCoverTheCommandsAfterIt(string command) => Verify(command);

    [Theory]
    [InlineData("cd /var/log && timeout 60 tail -f app.log")]
    [InlineData("sudo timeout 30s journalctl -fu nginx")]
    [InlineData("timeout -s INT 5m kubectl port-forward svc/api 8080:80")]
    [InlineData("timeout 60 kubectl logs -f deploy/api | grep -i error")]
    [InlineData("kubectl -n api exec api-0 -- timeout 10 tail -f /var/log/app.log")]
    public Task ATimeoutPrefixCoversTheCommandItPrefixes(string command) => Verify(command);

    // A command sent to the background with `&` does not hold the runner: the shell goes on, and ends.
    [Theory]
    [InlineData("kubectl port-forward svc/api 8080:80 > /tmp/pf.log 2>&1 & sleep 3; curl -fsS http://localhost:8080/health; kill $!")]
    [InlineData("ssh -N -L 5432:db.internal:5432 bastion & sleep 2; psql -h localhost -c 'SELECT 1'; kill %1")]
    [InlineData("tail -f /var/log/app.log | grep --line-buffered ERROR > /tmp/errors.log & sleep 60; kill %1")]
    public Task ABackgroundedCommandIsNotReported(string command) => Verify(command);

    [Theory]
    [InlineData("{|RB0015:tail -f|} /var/log/app.log 2>&1 | grep ERROR")]
    [InlineData("{|RB0015:kubectl port-forward|} svc/api 8080:80 &> /tmp/pf.log")]
    [InlineData("{|RB0015:kubectl port-forward|} svc/api 8080:80 && curl -fsS http://localhost:8080/health")]
    public Task ARedirectionIsNotABackground(string command) => Verify(command);

    // `watch` is a command only where a command starts; as an argument it is a word like any other.
    [Theory]
    [InlineData("grep -ci watch /var/log/kube-apiserver.log")]
    [InlineData("kubectl get events -A --field-selector reason=Failed | grep -i watch | head")]
    public Task WatchAsAnArgumentIsNotReported(string command) => Verify(command);

    [Theory]
    [InlineData("{|RB0015:watch|} -n 5 kubectl get pods")]
    [InlineData("cd /srv && sudo {|RB0015:watch|} -n 2 df -h")]
    public Task WatchAsACommandIsReported(string command) => Verify(command);

    // sudo's options stand between sudo and the command it runs: -u app, -E, -n, --user=app. A user named watch is not watch.
    [Theory]
    [InlineData("sudo -u app {|RB0015:watch|} df -h")]
    [InlineData("sudo -E {|RB0015:watch|} -n 5 kubectl get pods")]
    [InlineData("sudo -n -u app {|RB0015:watch|} df -h")]
    [InlineData("sudo --user=app {|RB0015:watch|} df -h")]
    [InlineData("cd /srv && sudo -iu app {|RB0015:watch|} df -h")]
    [InlineData("sudo -u app {|RB0015:ping|} db.internal")]
    [InlineData("sudo -u watch ls /srv")]
    [InlineData("sudo -u app timeout 60 watch df -h")]
    [InlineData("sudo -u app grep -i watch /etc/crontab")]
    [InlineData("sudo -u app ping -c 3 db.internal")]
    public Task AWatchAfterSudoAndItsOptionsIsReported(string command) => Verify(command);

    // What may stand before a program where a command starts also stands before watch and ping: a variable assignment,
    // env, nice, command, nohup. Before, only sudo, nohup and exec did, and `KUBECONFIG=… watch kubectl get pods` held the
    // runner unreported; a timeout prefix still bounds them, and a word after `env -u` is not the program.
    [Theory]
    [InlineData("KUBECONFIG=/etc/kube/prod {|RB0015:watch|} kubectl get pods")]
    [InlineData("env TERM=dumb {|RB0015:watch|} -n 5 df -h")]
    [InlineData("nice -n 10 {|RB0015:watch|} df -h")]
    [InlineData("command {|RB0015:watch|} df -h")]
    [InlineData("LC_ALL=C {|RB0015:ping|} db.internal")]
    [InlineData("env LC_ALL=C {|RB0015:ping|} db.internal")]
    [InlineData("KUBECONFIG=/etc/kube/prod timeout 60 watch kubectl get pods")]
    [InlineData("LC_ALL=C ping -c 3 db.internal")]
    [InlineData("LC_ALL=C grep -i watch /etc/crontab")]
    public Task AWatchOrPingAfterAnAssignmentOrAPrefixIsReported(string command) => Verify(command);

    // A command line named to find, kill or print it is text, not a command that runs.
    [Theory]
    [InlineData("pkill -f 'kubectl port-forward' || true")]
    [InlineData("pgrep -af 'tail -f /var/log/app.log'")]
    [InlineData("ps aux | grep -v grep | grep 'kubectl port-forward'")]
    [InlineData("echo 'In another terminal: kubectl port-forward svc/api 8080:80'")]
    [InlineData("sudo pkill -f 'ssh -N -L 5432'")]
    public Task ACommandLineThatIsOnlyNamedIsNotReported(string command) => Verify(command);

    [Theory]
    [InlineData("ssh api-1 '{|RB0015:tail -f|} /var/log/app.log'")]
    [InlineData("bash -c '{|RB0015:kubectl port-forward|} svc/api 8080:80'")]
    [InlineData("pkill -f 'kubectl port-forward'; {|RB0015:kubectl port-forward|} svc/api 8080:80")]
    public Task AQuotedCommandThatRunsIsReported(string command) => Verify(command);

    // More commands that stream until someone presses Ctrl-C: the checklists on-call engineers paste into runbooks.
    [Theory]
    [InlineData("{|RB0015:kubectl -n payments get pods -w|}")]
    [InlineData("{|RB0015:kubectl --context prod-eu get events --watch|}")]
    [InlineData("{|RB0015:docker stats|}")]
    [InlineData("{|RB0015:docker events|} --filter type=container")]
    [InlineData("{|RB0015:docker compose -f docker-compose.prod.yml up|} api")]
    [InlineData("{|RB0015:redis-cli -h cache.internal MONITOR|}")]
    [InlineData("{|RB0015:redis-cli -h cache.internal --latency|}")]
    [InlineData("sudo {|RB0015:tcpdump|} -i any -nn port 5432")]
    [InlineData("{|RB0015:dmesg -Tw|}")]
    [InlineData("az webapp {|RB0015:log tail|} --name omnix-api --resource-group omnix-prod")]
    [InlineData("gcloud app {|RB0015:logs tail|} -s default")]
    [InlineData("{|RB0015:vmstat 1|}")]
    [InlineData("{|RB0015:iostat -xz 1|}")]
    [InlineData("{|RB0015:mpstat -P ALL 1|}")]
    [InlineData("{|RB0015:sar -n DEV 1|}")]
    public Task StreamingCommandsAreReported(string command) => Verify(command);

    [Theory]
    [InlineData("kubectl -n payments get pods -o wide")]
    [InlineData("docker stats --no-stream")]
    [InlineData("docker events --since 30m --until 0s")]
    [InlineData("docker compose -f docker-compose.prod.yml up -d api")]
    [InlineData("docker compose up --detach --force-recreate api")]
    [InlineData("docker compose up --wait api")]
    [InlineData("docker compose ps | grep -i up")]
    [InlineData("redis-cli -h cache.internal INFO replication")]
    [InlineData("redis-cli -h cache.internal --bigkeys")]
    [InlineData("sudo tcpdump -i any -nn -c 200 port 5432")]
    [InlineData("tcpdump -nn -r /tmp/capture.pcap")]
    [InlineData("dmesg -T | tail -50")]
    [InlineData("vmstat 1 5")]
    [InlineData("iostat -xz 1 3")]
    [InlineData("vmstat -s")]
    [InlineData("sar -f /var/log/sa/sa10")]
    [InlineData("az webapp log download --name omnix-api --resource-group omnix-prod")]
    public Task TheirBoundedFormsAreNotReported(string command) => Verify(command);
}
