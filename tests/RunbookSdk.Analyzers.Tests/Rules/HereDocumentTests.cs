using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RunbookSdk.Analyzers.Commands;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// A here-document fed to a shell (<c>bash &lt;&lt;'EOF'</c>, <c>ssh HOST &lt;&lt;EOF</c>) is a script: its lines are
/// commands, bounded by a <c>timeout</c> prefix of the command that reads them. Any other here-document
/// (<c>cat &lt;&lt;EOF &gt; file</c>, <c>kubectl apply -f - &lt;&lt;EOF</c>) is data: its <c>|</c>, <c>;</c> and new lines start
/// no command, as inside quotes.
/// </summary>
public sealed class HereDocumentTests
{
    private static Task Act(string command, params DiagnosticResult[] expected) => CommandRuleSources.ActAsync(command, expected);

    private static Task Check(string command) => CommandRuleSources.CheckAsync(command);

    [Theory]
    [InlineData("\"ssh ops@bastion <<'EOF'\\ncd /srv\\ncurl -f localhost:8080/health {|RB0014:|| true|}\\nEOF\"")]
    [InlineData("\"bash <<EOF\\ncurl -f localhost:8080/health\\n{|RB0014:echo|} checked\\nEOF\"")]
    [InlineData("\"ssh ops@bastion bash -s <<'EOF'\\ncurl -sf localhost:8080/health | {|RB0014:wc|} -l\\nEOF\"")]
    public Task AWeakCheckInAScriptFedToAShellIsReported(string command) => Check(command);

    [Theory]
    [InlineData("\"cat <<EOF > /tmp/check.sh\\ncurl -s localhost:8080/health | wc -l\\nEOF\"")]
    [InlineData("\"kubectl create configmap probe --from-file=probe.sh=/dev/stdin <<'EOF'\\ncurl -s localhost/health || true\\nEOF\"")]
    public Task ChecksWrittenIntoDataAreNotReported(string command) => Check(command);

    [Fact]
    public Task ACommandThatNeverEndsInAScriptFedToAShellIsReported() =>
        Act("\"sudo bash -s <<'EOF'\\ncd /srv\\n{|RB0015:watch|} df -h\\nEOF\"");

    [Theory]
    [InlineData("\"timeout 120 ssh ops@bastion <<'EOF'\\ncd /srv\\ntail -f app.log\\nEOF\"")] // the prefix bounds the script
    [InlineData("\"kubectl apply -f - <<EOF\\napiVersion: v1\\nkind: Pod\\nspec:\\n  containers:\\n  - name: debug\\n    command: tail -f /dev/null\\nEOF\"")]
    [InlineData("\"cat <<'EOF' > /etc/motd\\nDon't run watch here; ping the on-call instead\\nEOF\"")]
    [InlineData("\"cat <<-EOF > /tmp/notes\\n\\tkubectl get pods | watch\\n\\tEOF\\necho written\"")] // <<- strips the tabs of the last line
    // A command substitution in the data ran its own ';': reading back from tail stopped there, outside the data.
    [InlineData("\"cat <<EOF > /tmp/motd\\nBuilt $(date; hostname)\\ntail -f /var/log/app.log shows the deploy\\nEOF\"")]
    public Task DataOrABoundedScriptIsNotReportedAsNeverEnding(string command) => Act(command);

    // A line of data is not joined with the next: the manifest's words are not a kubectl delete.
    [Fact]
    public Task WordsOnSeparateLinesOfDataAreNotOneCommand() =>
        Act("\"kubectl apply -f - <<EOF\\napiVersion: batch/v1\\nkind: CronJob\\nmetadata:\\n  name: reaper\\n  annotations:\\n    note: finished jobs delete themselves\\nEOF\"");

    [Fact]
    public Task AScriptFedToAQuotedRemoteShellIsReported() =>
        Act("\"ssh ops@bastion 'bash -s' <<'EOF'\\ncd /srv\\n{|RB0015:watch|} df -h\\nEOF\"");

    // A here-string (<<<) or a here-document inside a closed $(…) feeds that command, not the lines after it: the command
    // the substitution's value is handed to is still read. Before, any << earlier in the command made it data.
    [Theory]
    [InlineData("\"KEY=$(base64 -d <<< \\\"$B64\\\") {|RB0015:tail -f|} app.log\"")]
    [InlineData("\"KEY=$(cat <<EOF\\nsecret\\nEOF\\n) {|RB0015:tail -f|} app.log\"")]
    [InlineData("\"grep -q ok <<< \\\"$STATUS\\\" && {|RB0015:tail -f|} app.log\"")]
    [InlineData("\"KEY=1 {|RB0015:tail -f|} app.log\"")]
    public Task ACommandAfterAHereStringOrANestedHereDocumentIsRead(string command) => Act(command);

    // Data fed to a database client is still what it deletes.
    [Fact]
    public Task SqlInAHereDocumentIsStillDestructive() =>
        Act("\"psql -h db.internal <<SQL\\n{|#0:DROP TABLE|} sessions;\\nSQL\"",
            new DiagnosticResult("RB0005", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("DROP TABLE"));
}
