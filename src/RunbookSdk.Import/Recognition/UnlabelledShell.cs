using System.Text.RegularExpressions;

namespace RunbookSdk.Import.Recognition;

/// <summary>
/// Whether a code block without a language (wiki exports drop it; an indented block never had one) holds shell
/// commands, read from its first line that is not a comment. Commands are runs; anything else stays a snippet the page
/// shows. Both ways of getting it wrong are felt at 3 a.m.: a command kept as a snippet is shown and the step passes
/// with nothing done, and a configuration line taken for a command (<c>aws_region: eu-west-1</c>) fails the step.
/// </summary>
internal static partial class UnlabelledShell
{
    /// <summary>
    /// True when the block starts with a console prompt (<c>$ kafka-topics.sh --list</c>, <c>ops@bastion:~$ …</c>), <c>sudo</c>, a script
    /// (<c>kafka-consumer-groups.sh …</c>, <c>./failover</c>) or a known command as a word of its own: <c>aws s3 ls</c>,
    /// not <c>aws_region: eu-west-1</c> or <c>gitlab_url: …</c>.
    /// </summary>
    public static bool Holds(string text)
    {
        var first = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith('#')) ?? "";
        return Start().IsMatch(first) || ShellSplitter.IsPrompt(first);
    }

    [GeneratedRegex(@"^(\$ |sudo\s|\./|[\w./-]+\.sh(\s|$)|(aws|kubectl|curl|docker|docker-compose|git|helm|psql|redis-cli|systemctl|journalctl|gcloud|az|terraform|npm|cd|ls|cat|grep|tail|ssh|vault|consul|nomad|mysql|mongosh|mongo|pg_dump|pg_restore|pg_isready|etcdctl|eksctl|istioctl|argocd|ansible-playbook|openssl|dig|nslookup|ping|wget|scp|rsync|jq|watch|export|echo)(\s|$))")]
    private static partial Regex Start();
}
