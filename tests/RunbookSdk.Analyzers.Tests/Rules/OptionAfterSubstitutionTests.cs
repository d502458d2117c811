using RunbookSdk.Analyzers.Commands;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// An option given after a <c>$(…)</c> or a quoted argument that holds a <c>;</c> is still its program's: bash runs the
/// substitution and hands its output to the program as words of the same simple command. The rules bounded the
/// program's command with a regex class that stopped at that <c>;</c>, so a force push or an unread plan ran without
/// confirmation (RB0005) and a follow held the runner with no timeout (RB0015).
/// </summary>
public sealed class OptionAfterSubstitutionTests
{
    [Theory]
    [InlineData("git push $(cat remotes; echo x) --force", "git push $(cat remotes; echo x) --force")]
    [InlineData("terraform apply \\\"$(cat a.tfvars; cat b.tfvars)\\\" -auto-approve", "terraform apply \"$(cat a.tfvars; cat b.tfvars)\" -auto-approve")]
    [InlineData("curl -s -H \\\"X-Run: $(date; hostname)\\\" -X DELETE https://es.internal/logs-1", "curl -s -H \"X-Run: $(date; hostname)\" -X DELETE https://es.internal/logs-1")]
    [InlineData("find $(cat dirs; echo /tmp/app) -mtime +7 -delete", "find $(cat dirs; echo /tmp/app) -mtime +7 -delete")]
    [InlineData("kubectl --context $(cat ctx; echo) rollout undo deployment/api", "kubectl --context $(cat ctx; echo) rollout undo deployment/api")]
    [InlineData("rsync -a $(cat dirs; echo build/) web-1:/srv/www/ --delete && echo done", "rsync -a $(cat dirs; echo build/) web-1:/srv/www/ --delete")]
    public Task RB0005_ADestructiveOptionAfterASubstitutionIsReported(string command, string reported) =>
        CommandRuleSources.DestructiveAsync(command, reported);

    // The option is echo's word inside the substitution: bash hands what echo prints to the program inside one quoted
    // word (a URL, a ref), which is no option.
    [Theory]
    [InlineData("curl -fsS \\\"https://api.internal/x?q=$(cat q; echo -X DELETE)\\\"")]
    [InlineData("curl -fsS \\\"https://api.internal/x?q=$(echo -X DELETE)\\\"")]
    [InlineData("git push origin \\\"$(cat ref; echo --force)\\\"")]
    [InlineData("terraform apply \\\"$(cat plan-name; echo -auto-approve)\\\"")]
    public Task RB0005_AnOptionOfAnotherCommandInsideASubstitutionIsNotReported(string command) =>
        CommandRuleSources.DestructiveAsync(command, null);

    [Theory]
    [InlineData("", "tail -n $(cat n; echo 5) -f", " /var/log/app.log")]
    [InlineData("kubectl logs \\\"$(kubectl get pods -o name; echo)\\\" ", "-f", "")]
    [InlineData("", "kubectl get pods -l \\\"app=$(cat app; echo)\\\" -w", "")]
    public Task RB0015_AFollowAfterASubstitutionIsReported(string before, string endless, string after) =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook($$"""
                        .Step("Act", s => s.Run("{{before}}{|RB0015:{{endless}}|}{{after}}"))
            """));

    [Theory]
    [InlineData("tail -n 100 \\\"$(ls -t /var/log/app/*.log | head -1; echo -f)\\\"")]
    [InlineData("kubectl get pods -l \\\"app=$(cat app; echo -w)\\\"")]
    public Task RB0015_AFollowOfAnotherCommandInsideASubstitutionIsNotReported(string command) =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook($$"""
                        .Step("Look", s => s.Run("{{command}}"))
            """));

    // The option that makes a program no finding is read in its own simple command too: after a `$(…)` holding a `;` it
    // is still the program's (ping's -c, docker stats' --no-stream), inside one it is another command's.
    [Theory]
    [InlineData("ping $(cat hosts; echo) -c 3")]
    [InlineData("tcpdump -i any host $(cat db; echo) -c 100")]
    [InlineData("stern $(cat app; echo api) --no-follow")]
    [InlineData("docker stats $(docker ps -q; echo) --no-stream")]
    [InlineData("docker events --filter \\\"container=$(cat id; echo)\\\" --until 1m")]
    [InlineData("docker compose up $(cat services; echo) -d")]
    [InlineData("kubectl rollout status deploy/$(cat app; echo) --timeout=5m")]
    [InlineData("aws ssm start-session --target $(cat id; echo) --document-name AWS-StartNonInteractiveCommand")]
    [InlineData("ssh -N -L \\\"5432:$(cat db; echo):5432\\\" -f bastion")]
    public Task RB0015_AnEndingOptionAfterASubstitutionIsRead(string command) =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook($$"""
                        .Step("Look", s => s.Run("{{command}}"))
            """));

    [Theory]
    [InlineData("", "ping", " $(grep -w db /etc/hosts | cut -f1)")]
    [InlineData("", "tcpdump", " -i any host $(grep -rh db /etc/hosts.d)")]
    [InlineData("", "stern", " \\\"$(cat app; echo --no-follow)\\\"")]
    [InlineData("", "docker stats", " $(docker ps -q --filter name=api; echo --no-stream)")]
    public Task RB0015_AnEndingOptionOfAnotherCommandInsideASubstitutionIsNotRead(string before, string endless, string after) =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook($$"""
                        .Step("Act", s => s.Run("{{before}}{|RB0015:{{endless}}|}{{after}}"))
            """));

    [Fact]
    public Task RB0005_ACancelOptionOfAnotherCommandInsideASubstitutionIsNotRead() =>
        CommandRuleSources.DestructiveAsync("shutdown -r +5 \\\"$(cut -c 1-60 reason.txt)\\\"", "shutdown -r +5 \"$(cut -c 1-60 reason.txt)\"");

    [Fact]
    public Task RB0005_ACancelOptionAfterASubstitutionIsRead() =>
        CommandRuleSources.DestructiveAsync("sudo shutdown $(cat flags; echo --no-wall) -c", null);

    // The finding (quoted in the message) is the program's whole simple command: a `;` inside a `$(…)` ends no command.
    [Theory]
    [InlineData("rm -rf $(cat a; cat b)", "rm -rf $(cat a; cat b)")]
    [InlineData("kubectl delete pod $(kubectl get pods -o name | grep api; echo) && echo done", "kubectl delete pod $(kubectl get pods -o name | grep api; echo)")]
    [InlineData("docker rm -f $(docker ps -aq --filter name=api; echo); docker ps", "docker rm -f $(docker ps -aq --filter name=api; echo)")]
    [InlineData("sudo systemctl stop \\\"$(cat unit; echo)\\\" nginx", "systemctl stop \"$(cat unit; echo)\" nginx")]
    [InlineData("./rollback.sh $(cat release; echo) api", "./rollback.sh $(cat release; echo) api")]
    public Task RB0005_AProgramsFindingIsItsWholeCommandPastASubstitution(string command, string reported) =>
        CommandRuleSources.DestructiveAsync(command, reported);

    // A stream named by a word after the program's options (kubectl's port-forward, redis-cli's monitor) is read in the
    // program's own command too: a `$(…)` holding a `;` before it is one word of the command.
    [Theory]
    [InlineData("", "kubectl -n \\\"$(cat ns; echo)\\\" port-forward", " svc/api 8080:80")]
    [InlineData("", "redis-cli -h $(cat host; echo) monitor", "")]
    public Task RB0015_AStreamAfterASubstitutionIsReported(string before, string endless, string after) =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook($$"""
                        .Step("Act", s => s.Run("{{before}}{|RB0015:{{endless}}|}{{after}}"))
            """));

    [Theory]
    [InlineData("kubectl get pods -l \\\"app=$(cat app; echo port-forward)\\\"")]
    [InlineData("redis-cli -h \\\"$(cat host; echo monitor)\\\" ping")]
    public Task RB0015_AStreamOfAnotherCommandInsideASubstitutionIsNotReported(string command) =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook($$"""
                        .Step("Look", s => s.Run("{{command}}"))
            """));

    // A word the program must be given while it lacks the option that would end it (compose's up without -d, kubectl's
    // rollout status without --timeout) is read in the program's own command: a `$(…)` holding a `;` before the word is
    // one word of the command, so the runner was held unreported.
    [Theory]
    [InlineData("kubectl -n \\\"$(cat ns; echo)\\\" ", "rollout status", " deploy/api")]
    [InlineData("", "docker compose -f \\\"$(cat f; echo)\\\" up", "")]
    [InlineData("", "docker-compose -p $(cat project; echo) up", " api")]
    public Task RB0015_AWordAfterASubstitutionWithoutItsEndingOptionIsReported(string program, string endless, string after) =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook($$"""
                        .Step("Act", s => s.Run("{{program}}{|RB0015:{{endless}}|}{{after}}"))
            """));

    // Inside the substitution the word is echo's: bash hands it to the program inside one quoted word.
    [Theory]
    [InlineData("kubectl get deploy -l \\\"app=$(cat app; echo rollout status)\\\"")]
    [InlineData("docker compose ps \\\"$(cat service; echo up)\\\"")]
    public Task RB0015_AWordOfAnotherCommandInsideASubstitutionIsNotRead(string command) =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook($$"""
                        .Step("Look", s => s.Run("{{command}}"))
            """));

    // A session, a tunnel or a stream named by a word or an option after the program's options is read in the program's
    // own command too (aws … ssm start-session, gcloud … start-iap-tunnel, kubectl … proxy, az|gcloud … log(s) tail,
    // dmesg … -w, less … +F): a `$(…)` holding a `;` before it is one word of the command.
    [Theory]
    [InlineData("aws --profile $(cat profile; echo) ssm ", "start-session", " --target i-0abc")]
    [InlineData("gcloud compute --project \\\"$(cat project; echo)\\\" ", "start-iap-tunnel", " db-1 5432")]
    [InlineData("kubectl --context \\\"$(cat ctx; echo)\\\" ", "proxy", " --port=8001")]
    [InlineData("gcloud --project $(cat project; echo) app ", "logs tail", " -s default")]
    [InlineData("", "dmesg --level \\\"$(cat levels; echo err)\\\" -w", "")]
    [InlineData("", "less --prompt=\\\"$(cat prompt; echo)\\\" +F", " /var/log/app.log")]
    public Task RB0015_ASessionOrStreamAfterASubstitutionIsReported(string program, string endless, string after) =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook($$"""
                        .Step("Act", s => s.Run("{{program}}{|RB0015:{{endless}}|}{{after}}"))
            """));

    [Theory]
    [InlineData("aws ec2 describe-instances --filters \\\"Name=tag:Access,Values=$(cat tag; echo ssm start-session)\\\"")]
    [InlineData("gcloud compute ssh db-1 --command \\\"$(cat cmd; echo start-iap-tunnel db-2 5432)\\\"")]
    [InlineData("kubectl logs \\\"$(kubectl get pods -o name | grep proxy | head -1)\\\"")]
    [InlineData("az webapp show --name \\\"$(cat app; echo log tail)\\\"")]
    [InlineData("dmesg -T --level \\\"$(cat levels; echo -w)\\\"")]
    [InlineData("less \\\"$(ls -t /var/log/app/*.log | head -1; echo +F)\\\"")]
    public Task RB0015_ASessionOrStreamOfAnotherCommandInsideASubstitutionIsNotReported(string command) =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook($$"""
                        .Step("Look", s => s.Run("{{command}}"))
            """));

    // ssh's -N (no command: a tunnel) is read in ssh's own command, and the finding is still the program's name.
    [Theory]
    [InlineData("ssh", " -o ProxyCommand=\\\"$(cat proxy; echo)\\\" -N -L 5432:db.internal:5432 bastion")]
    [InlineData("autossh", " -M 0 -i $(cat key; echo) -NL 6379:cache.internal:6379 ec2-user@bastion")]
    public Task RB0015_ATunnelsOptionAfterASubstitutionIsReported(string program, string after) =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook($$"""
                        .Step("Act", s => s.Run("{|RB0015:{{program}}|}{{after}}"))
            """));

    // Inside the substitution, -N is echo's word: ssh runs it on the host as its command line and ends.
    [Fact]
    public Task RB0015_ATunnelsOptionOfAnotherCommandInsideASubstitutionIsNotRead() =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook("""
                        .Step("Look", s => s.Run("ssh bastion \"$(cat cmd; echo -N)\""))
            """));

    // A subcommand and the option after it (kubectl … get … -w, kubectl … apply … --prune) are read in kubectl's own
    // command: a `$(…)` holding a `;` before either is one word of the command.
    [Theory]
    [InlineData("", "kubectl -n \\\"$(cat ns; echo)\\\" get pods -w", "")]
    [InlineData("", "kubectl --context $(cat ctx; echo) events -w", " --for deploy/api")]
    public Task RB0015_AWatchAfterASubcommandAndASubstitutionIsReported(string before, string endless, string after) =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook($$"""
                        .Step("Act", s => s.Run("{{before}}{|RB0015:{{endless}}|}{{after}}"))
            """));

    // Inside the substitution `get` is echo's word: bash hands it to kubectl inside one quoted word, not as its subcommand.
    [Theory]
    [InlineData("kubectl describe pod \\\"$(cat pod; echo get)\\\" -w")]
    [InlineData("kubectl describe pod \\\"$(echo get)\\\" -w")]
    public Task RB0015_AWatchedSubcommandOfAnotherCommandInsideASubstitutionIsNotRead(string command) =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook($$"""
                        .Step("Look", s => s.Run("{{command}}"))
            """));

    [Theory]
    [InlineData("kubectl apply -f \\\"$(ls m; echo)\\\" --prune -l app=api", "kubectl apply -f \"$(ls m; echo)\" --prune -l app=api")]
    [InlineData("kubectl --context $(cat ctx; echo) apply --prune -l app=api -f k8s/", "kubectl --context $(cat ctx; echo) apply --prune -l app=api -f k8s/")]
    public Task RB0005_APruneAfterASubcommandAndASubstitutionIsReported(string command, string reported) =>
        CommandRuleSources.DestructiveAsync(command, reported);

    // `kubectl diff --prune` only shows what an apply would prune; an `apply` inside a substitution is echo's word.
    [Theory]
    [InlineData("kubectl diff -f \\\"$(cat dir; echo apply)\\\" --prune -l app=api")]
    [InlineData("kubectl diff -f \\\"$(echo apply)\\\" --prune -l app=api")]
    public Task RB0005_APrunedSubcommandOfAnotherCommandInsideASubstitutionIsNotRead(string command) =>
        CommandRuleSources.DestructiveAsync(command, null);

    // kafka-consumer-groups moves offsets only given both --reset-offsets and --execute, in either order, or deletes with
    // --delete: each read in its own command, past a `$(…)` holding a `;`.
    [Theory]
    [InlineData("kafka-consumer-groups --bootstrap-server $(cat brokers; echo) --group billing --reset-offsets --to-latest --all-topics --execute")]
    [InlineData("kafka-consumer-groups --reset-offsets --group \\\"$(cat group; echo)\\\" --to-earliest --all-topics --execute")]
    [InlineData("kafka-consumer-groups.sh --group \\\"$(cat group; echo)\\\" --execute --reset-offsets --to-earliest --all-topics")]
    [InlineData("kafka-consumer-groups --command-config \\\"$(cat cfg; echo)\\\" --delete --group billing")]
    public Task RB0005_AnOffsetResetAfterASubstitutionIsReported(string command) =>
        CommandRuleSources.DestructiveAsync(command, command.Replace("\\\"", "\""));

    // Without its own --execute the reset only prints the plan: an --execute inside a substitution is echo's word.
    [Theory]
    [InlineData("kafka-consumer-groups --group billing --reset-offsets --to-latest --all-topics \\\"$(cat note; echo --execute)\\\"")]
    [InlineData("kafka-consumer-groups --group billing --reset-offsets --to-latest --all-topics \\\"$(echo --execute)\\\"")]
    public Task RB0005_AnOffsetResetsExecuteOfAnotherCommandInsideASubstitutionIsNotRead(string command) =>
        CommandRuleSources.DestructiveAsync(command, null);

    // git's --follow (git log follows renames and ends) is told by git named before it in its own command: past a `$(…)`
    // holding a `;` it is still git's; a git inside a substitution is another command's, and tail still follows.
    [Theory]
    [InlineData("git log $(cat ref; echo) --follow -- src/Api/Program.cs")]
    [InlineData("git log --oneline \\\"$(cat since; echo)\\\" --follow -- src/Api/Program.cs")]
    [InlineData("sudo -u deploy git -C /srv/app log --follow -- src/Api/Program.cs")]
    public Task RB0015_GitsFollowAfterASubstitutionIsNotReported(string command) =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook($$"""
                        .Step("Look", s => s.Run("{{command}}"))
            """));

    [Theory]
    [InlineData("tail -n 50 \\\"$(git rev-parse --show-toplevel)/logs/app.log\\\" ")]
    [InlineData("tail -n 50 \\\"$(cd /srv/app; git rev-parse --show-toplevel)/logs/app.log\\\" ")]
    [InlineData("tail -n 50 ~/git/app.log ")] // a folder named git is no git command
    [InlineData("tail -n 50 /srv/git-mirror/sync.log ")]
    public Task RB0015_AFollowAfterAGitInsideASubstitutionIsReported(string before) =>
        Verify<CommandTextAnalyzer>.AnalyzerAsync(Sources.Runbook($$"""
                        .Step("Act", s => s.Run("{{before}}{|RB0015:--follow|}"))
            """));
}
