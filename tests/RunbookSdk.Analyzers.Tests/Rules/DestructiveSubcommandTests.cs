using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// RB0005 reads a destructive word where the command acts on it: the program it runs (<c>./rollback.sh</c>), the
/// subcommand a program is told (<c>docker rm</c>, <c>helm -n prod uninstall</c>), the SQL a client is handed. The same
/// word elsewhere is a name or data: <c>kubectl logs job/db-rollback</c>, <c>docker exec api rm /tmp/app.lock</c> (a
/// file in the container, not a container), <c>--no-truncate</c> (an option's name, not SQL).
/// </summary>
public sealed class DestructiveSubcommandTests
{
    private static Task Act(string command) => CommandRuleSources.DestructiveAsync(command, reported: null);

    /// <summary>Expects one RB0005 on the command literal, naming <paramref name="reported"/> (as written in C#).</summary>
    private static Task Reported(string command, string reported) => CommandRuleSources.DestructiveAsync(command, reported);

    // A rollback read about, listed, logged or queried: the word names a job, a file, a status, a value.
    [Theory]
    [InlineData("kubectl logs job/db-rollback -n data")]
    [InlineData("kubectl get configmap rollback-config -o yaml")]
    [InlineData("aws cloudformation describe-stack-events --stack-name x --query \\\"StackEvents[?contains(ResourceStatus, 'ROLLBACK')]\\\"")]
    [InlineData("psql -c \\\"SELECT count(*) FROM audit WHERE action = 'rollback'\\\"")]
    [InlineData("curl -fsS https://x/status | jq -e '.rollback == false'")]
    [InlineData("ls /opt/app/rollback-plans/")]
    [InlineData("git log --oneline -5 -- scripts/rollback.sh")]
    [InlineData("cat scripts/rollback.sh")]
    [InlineData("git commit -m 'docs: describe the rollback'")]
    [InlineData("curl -fsS https://deployer.internal/api/services/api/rollback/status")]
    [InlineData("sudo -u deploy cat /opt/app/rollback.log")]
    [InlineData("docker logs rollback")]
    [InlineData("helm diff rollback api 3")]
    [InlineData("aws deploy create-deployment --application-name api --description rollback")]
    [InlineData("./deploy.sh --mode=rollback")]
    public Task Reading_about_a_rollback_is_not_reported(string command) => Act(command);

    // A rollback that runs: a rollback script or program, a tool's rollback subcommand or task, a POST to a rollback endpoint.
    [Theory]
    [InlineData("./rollback.sh v41", "./rollback.sh v41")]
    [InlineData("./rollback-plan.sh", "./rollback-plan.sh")]
    [InlineData("cd /srv/app && ./scripts/rollback.sh v41", "./scripts/rollback.sh v41")]
    [InlineData("sudo -u deploy /opt/app/bin/rollback.sh v41", "/opt/app/bin/rollback.sh v41")]
    [InlineData("bash scripts/rollback.sh v41", "bash scripts/rollback.sh v41")]
    [InlineData("ansible-playbook -i hosts rollback.yml", "ansible-playbook -i hosts rollback.yml")]
    [InlineData("RELEASE=v41 ./rollback.sh", "./rollback.sh")]
    [InlineData("ssh ops@bastion ./rollback.sh v41", "./rollback.sh v41")]
    [InlineData("kubectl -n api exec deploy/api -- ./rollback.sh v41", "./rollback.sh v41")]
    [InlineData("docker exec api ./rollback.sh", "./rollback.sh")]
    [InlineData("deploy.sh Rollback api", "deploy.sh Rollback api")]
    [InlineData("./deploy.sh --service api rollback", "./deploy.sh --service api rollback")]
    [InlineData("helm rollback api 3", "helm rollback api 3")]
    [InlineData("argocd app rollback api 3", "argocd app rollback api 3")]
    [InlineData("docker service rollback api", "docker service rollback api")]
    [InlineData("npm run deploy:rollback production", "npm run deploy:rollback production")]
    [InlineData("bundle exec rake db:rollback", "bundle exec rake db:rollback")]
    [InlineData("kubectl rollout undo deployment/api", "kubectl rollout undo deployment/api")]
    [InlineData("aws cloudformation rollback-stack --stack-name api", "aws cloudformation rollback-stack --stack-name api")]
    [InlineData("curl -fsS -X POST https://deployer.internal/api/services/api/rollback", "curl -fsS -X POST https://deployer.internal/api/services/api/rollback")]
    [InlineData("http POST https://deployer.internal/api/services/api/rollback", "http POST https://deployer.internal/api/services/api/rollback")]
    public Task A_rollback_that_runs_is_reported(string command, string reported) => Reported(command, reported);

    // curl's method (or data) and the rollback endpoint are read in curl's own simple command, in either order: past a
    // `$(…)` holding a `;` they are still curl's (before, the command was read only up to that `;`, and the rollback ran
    // without a confirmation), and a method inside a substitution is another command's.
    [Theory]
    [InlineData("curl -fsS -H \\\"X-Trace: $(cat trace-id; echo)\\\" -X POST https://deployer.internal/api/services/api/rollback", "curl -fsS -H \"X-Trace: $(cat trace-id; echo)\" -X POST https://deployer.internal/api/services/api/rollback")]
    [InlineData("curl -fsS https://deployer.internal/api/services/api/rollback -H \\\"X-Trace: $(cat trace-id; echo)\\\" --json '{}'", "curl -fsS https://deployer.internal/api/services/api/rollback -H \"X-Trace: $(cat trace-id; echo)\" --json '{}'")]
    [InlineData("curl -fsS https://deployer.internal/api/services/api/ROLLBACK -d to=v41", "curl -fsS https://deployer.internal/api/services/api/ROLLBACK -d to=v41")]
    public Task A_rollback_a_curl_sends_after_a_substitution_is_reported(string command, string reported) => Reported(command, reported);

    [Theory]
    [InlineData("curl -fsS https://deployer.internal/api/services/api/rollback -o \\\"/tmp/$(echo -d; date +%s).json\\\"")]
    [InlineData("curl -fsS https://deployer.internal/api/services/api/rollback -H \\\"X-Note: $(echo -X POST)\\\"")]
    public Task A_method_or_endpoint_of_another_command_inside_a_substitution_is_not_curls(string command) => Act(command);

    // A word after another docker subcommand is that subcommand's argument: a file, a filter, a service name.
    [Theory]
    [InlineData("docker exec api rm /tmp/app.lock")]
    [InlineData("docker compose exec worker rm /tmp/app.lock")]
    [InlineData("docker compose logs --tail=100 stop-worker")]
    [InlineData("docker ps --filter name=kill-switch")]
    [InlineData("docker exec api sh -c 'rm /tmp/app.lock'")]
    [InlineData("docker run --rm alpine:3 true")]
    [InlineData("docker-compose -f docker-compose.prod.yml restart postgres")]
    [InlineData("docker compose -f stop.yml ps")]
    public Task A_word_after_another_docker_subcommand_is_not_reported(string command) => Act(command);

    // docker's and compose's own subcommand, also after their options and a management command (container, system).
    [Theory]
    [InlineData("docker rm -f api")]
    [InlineData("docker compose down")]
    [InlineData("docker stop api")]
    [InlineData("docker container rm x")]
    [InlineData("docker system prune -f")]
    [InlineData("docker-compose stop")]
    [InlineData("docker kill api")]
    [InlineData("docker --context prod rm x")]
    [InlineData("docker compose -f x.yml down")]
    [InlineData("docker-compose -p shop rm -f")]
    [InlineData("docker volume rm pgdata")]
    [InlineData("docker --context prod compose -p shop down -v")]
    public Task Docker_s_own_subcommand_is_reported(string command) => Reported(command, command);

    // SQL is a statement, not a word inside an option's name.
    [Theory]
    [InlineData("aws logs get-log-events --log-group-name x --log-stream-name y --no-truncate")]
    [InlineData("aws logs get-log-events --log-group-name truncate-test --log-stream-name y")]
    public Task A_word_inside_an_option_or_name_is_not_sql(string command) => Act(command);

    // The finding names the statement, as for any SQL; coreutils' truncate empties a file and is reported as well.
    [Theory]
    [InlineData("psql -c 'TRUNCATE jobs'", "TRUNCATE")]
    [InlineData("psql -c 'truncate table jobs'", "truncate table")]
    [InlineData("mysql -e \\\"TRUNCATE TABLE sessions\\\"", "TRUNCATE TABLE")]
    [InlineData("truncate -s 0 /var/log/app.log", "truncate")]
    [InlineData("psql -c 'DELETE FROM sessions'", "DELETE FROM")]
    public Task Sql_that_deletes_data_is_still_reported(string command, string reported) => Reported(command, reported);

    // Options before the subcommand, as kubectl's pattern reads them: -n prod, --no-block, -H web-1.
    [Theory]
    [InlineData("helm -n prod uninstall api", "helm -n prod uninstall api")]
    [InlineData("helm --kube-context prod rollback api 3", "helm --kube-context prod rollback api 3")]
    [InlineData("helm --namespace=prod delete api", "helm --namespace=prod delete api")]
    [InlineData("sudo systemctl --no-block stop nginx", "systemctl --no-block stop nginx")]
    [InlineData("systemctl -H web-1 disable nginx", "systemctl -H web-1 disable nginx")]
    [InlineData("systemctl --user mask api.service", "systemctl --user mask api.service")]
    public Task A_subcommand_after_options_is_reported(string command, string reported) => Reported(command, reported);

    [Theory]
    [InlineData("helm -n prod history api")]
    [InlineData("helm -n prod status api")]
    [InlineData("systemctl --no-pager status nginx")]
    [InlineData("sudo systemctl --no-block restart nginx")]
    public Task Another_subcommand_after_options_is_not_reported(string command) => Act(command);

    // Options are read one way only: a long command that is not destructive is read at once, and does not spend the
    // patterns' time limit (the regex timing out hid the destructive command after it).
    public static TheoryData<string, string> LongCommands()
    {
        var options = string.Join(" ", Enumerable.Range(0, 40).Select(i => $"--option{i} value{i}"));
        return new()
        {
            { $"kubectl {options} get pods; kubectl delete pod api-0", "kubectl delete pod api-0" },
            { $"helm {options} list; helm -n prod uninstall api", "helm -n prod uninstall api" },
            { $"./deploy.sh {options} status; ./rollback.sh v41", "./rollback.sh v41" },
            { $"docker {options} ps; docker rm -f api", "docker rm -f api" },
            { $"sudo -u app {options} ls; systemctl --no-block stop nginx", "systemctl --no-block stop nginx" },
        };
    }

    [Theory]
    [MemberData(nameof(LongCommands))]
    public Task A_long_command_does_not_hide_the_destructive_one_after_it(string command, string reported) => Reported(command, reported);
}
