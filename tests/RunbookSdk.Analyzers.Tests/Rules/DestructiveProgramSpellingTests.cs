using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// RB0005 reads a program's name as bash does: <c>'rm'</c>, <c>"rm"</c>, <c>\rm</c>, <c>command rm</c> and
/// <c>/bin/rm</c> run the same program as <c>rm</c>, so they delete just as much. And it reads a subcommand where
/// the program takes it: a word inside an argument's data (<c>note='delete me'</c>) is not <c>kubectl delete</c>.
/// </summary>
public sealed class DestructiveProgramSpellingTests
{
    private static Task Act(string command) => CommandRuleSources.DestructiveAsync(command, reported: null);

    /// <summary>Expects one RB0005 on the command literal, naming <paramref name="reported"/> (as written in C#).</summary>
    private static Task Reported(string command, string reported) => CommandRuleSources.DestructiveAsync(command, reported);

    [Theory]
    [InlineData("'rm' -rf build", "'rm' -rf build")]
    [InlineData("\\\"rm\\\" -rf x", "\"rm\" -rf x")]
    [InlineData("\\\\rm -rf x", "\\rm -rf x")]
    [InlineData("command rm -rf x", "rm -rf x")]
    [InlineData("/bin/rm -rf x", "/bin/rm -rf x")]
    [InlineData("/usr/bin/rm -rf x", "/usr/bin/rm -rf x")]
    [InlineData("cd /srv && ./bin/rm -r old", "./bin/rm -r old")]
    [InlineData("sudo /usr/bin/kubectl delete pod api-0", "/usr/bin/kubectl delete pod api-0")]
    [InlineData("find /tmp/x -delete", "find /tmp/x -delete")]
    [InlineData("cd /srv && 'rm' -r old", "'rm' -r old")]
    [InlineData("r'm' -rf x", "r'm' -rf x")]
    public Task A_quoted_escaped_or_pathed_rm_is_the_same_rm(string command, string reported) => Reported(command, reported);

    [Theory]
    [InlineData("kubectl annotate deploy api note='please delete me'")]
    [InlineData("kubectl annotate deploy api note=\\\"please delete me\\\"")]
    [InlineData("kubectl annotate deploy api note='delete me'")]
    [InlineData("kubectl label pod api-0 reason=delete")]
    [InlineData("kubectl label pod api-0 reason=drain --overwrite")]
    [InlineData("kubectl -n api annotate deploy api kubernetes.io/change-cause='we delete the old pods'")]
    [InlineData("kubectl annotate deploy api note='rm later' && kubectl get pods")]
    [InlineData("kubectl config delete-context old-cluster")]
    [InlineData("kubectl auth can-i delete pods -n api")]
    public Task A_word_in_an_argument_is_not_a_kubectl_subcommand(string command) => Act(command);

    [Theory]
    [InlineData("kubectl delete pod api-0")]
    [InlineData("kubectl -n api delete pod api-0")]
    [InlineData("kubectl --context prod drain node-1")]
    [InlineData("kubectl delete pod -l reason=delete")]
    [InlineData("kubectl --namespace=api delete pod api-0")]
    public Task A_kubectl_delete_is_still_reported(string command) => Reported(command, command);
}
