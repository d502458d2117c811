using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// RB0005 on a destructive command's words in data: a quoted argument of a command that does not run it
/// (<c>git commit -m 'rm -rf build'</c>) and the body of a here-document no shell reads (<c>cat &lt;&lt;EOF &gt; x.sh</c>) hold
/// text, not commands. Both were reported. What a database or cache client reads there is still what it deletes
/// (<c>psql -c 'DROP TABLE x'</c>), and a command line another shell runs is still commands.
/// </summary>
public sealed class QuotedDataTests
{
    private static Task Act(string command, params DiagnosticResult[] expected) => CommandRuleSources.ActAsync(command, expected);

    private static DiagnosticResult Destructive(string command) =>
        new DiagnosticResult("RB0005", DiagnosticSeverity.Warning).WithLocation(0).WithArguments(command);

    [Theory]
    [InlineData("\"git commit -m 'rm -rf build'\"")]
    [InlineData("\"git commit -am \\\"kubectl delete ns old-payments; helm uninstall api\\\"\"")]
    [InlineData("\"jira comment OPS-12 'ran terraform destroy on staging'\"")]
    [InlineData("\"cat <<EOF > /tmp/cleanup.sh\\nrm -rf /srv/app/cache\\nkubectl delete ns payments\\nEOF\"")]
    [InlineData("\"tee /etc/cron.d/reaper <<'EOF'\\n0 3 * * * root find /tmp -mtime +7 -delete\\nEOF\"")]
    [InlineData("\"ssh ops@bastion cat <<'EOF' > /tmp/undo.sh\\nsystemctl stop nginx\\nEOF\"")]
    public Task DestructiveWordsInDataAreNotReported(string command) => Act(command);

    [Theory]
    [InlineData("\"bash -c 'rm -rf /srv/app'\"", "rm -rf /srv/app")]
    [InlineData("\"ssh ops@bastion 'rm -rf /srv/app'\"", "rm -rf /srv/app")]
    [InlineData("\"sudo rm -rf /srv/app\"", "rm -rf /srv/app")]
    [InlineData("\"find /srv/app -name '*.tmp' | xargs rm -rf\"", "rm -rf")]
    [InlineData("\"find /srv/app -name '*.tmp' -delete\"", "find /srv/app -name '*.tmp' -delete")]
    [InlineData("\"bash <<'EOF'\\ncd /srv\\nrm -rf app\\nEOF\"", "rm -rf app")]
    [InlineData("\"ssh ops@bastion <<EOF\\nrm -rf /srv/app\\nEOF\"", "rm -rf /srv/app")]
    [InlineData("\"ssh ops@bastion sh -s <<EOF\\nsystemctl stop nginx\\nEOF\"", "systemctl stop nginx")]
    [InlineData("\"git commit -m \\\"$(rm -rf build)\\\"\"", "rm -rf build")] // a command substitution runs
    [InlineData("\"parallel 'rm -rf {}' ::: /srv/a /srv/b\"", "rm -rf {}")] // parallel runs its argument in a shell
    [InlineData("\"flock /tmp/deploy.lock -c 'kubectl delete ns payments'\"", "kubectl delete ns payments")]
    [InlineData("\"gcloud compute ssh vm-1 --zone europe-west1-b --command 'sudo rm -rf /srv/app'\"", "rm -rf /srv/app")] // the remote shell runs it
    [InlineData("\"gcloud compute ssh vm-1 --command=\\\"systemctl stop nginx\\\"\"", "systemctl stop nginx")]
    [InlineData("\"ansible web -i hosts -m shell -a 'rm -rf /srv/app/releases'\"", "rm -rf /srv/app/releases")]
    [InlineData("\"echo 'rm -rf /srv/app' | bash\"", "rm -rf /srv/app")] // printed for a shell to run
    [InlineData("\"cat <<'EOF' | ssh ops@bastion\\nrm -rf /srv/app\\nEOF\"", "rm -rf /srv/app")] // written for a shell to run
    [InlineData("\"psql -h db.internal -c 'DROP TABLE sessions'\"", "DROP TABLE")]
    [InlineData("\"kubectl patch deploy api -p '{\\\"spec\\\":{\\\"replicas\\\":0}}'\"", "\"replicas\":0")]
    [InlineData("\"psql -h db.internal <<SQL\\nTRUNCATE sessions;\\nSQL\"", "TRUNCATE")]
    public Task DestructiveCommandsThatRunAreStillReported(string command, string named) =>
        Act(CommandRuleSources.MarkNamed(command, named), Destructive(named));
}
