using Microsoft.CodeAnalysis;
using RunbookSdk.Commands;
using RunbookSdk.Import.Model;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// Wiki commands leave values for the engineer to fill in: <c>kubectl -n payments delete pod &lt;pod-name&gt;</c>,
/// <c>psql -h &lt;PRIMARY_HOST&gt; -c …</c>. They were imported as written, and bash reads <c>&lt;pod-name&gt;</c> as input
/// from a file named <c>pod-name</c>: the step failed at 3 a.m., with no parameter to give and no warning at import. Each
/// placeholder is now a required parameter without a default and a hole in the command; redirections, comparisons, HTML
/// and what tools print in angle brackets stay as they are. The same holds for <c>{pod-name}</c> and <c>YOUR_POD_NAME</c>,
/// which bash passed on as written (<c>kubectl delete pod {pod-name}</c> deleted no pod), while the shell's own braces and
/// other programs' (<c>${VAR}</c>, <c>{a,b}</c>, <c>awk '{print $1}'</c>, Helm templates, jq) stay as they are.
/// </summary>
public sealed class CommandPlaceholderTests
{
    private static RunbookImporter.GeneratedProject Import(string code) => HostileInputTests.Generate(HostileInputTests.Runbook(code));

    private static List<RunAction> Runs(RunbookImporter.GeneratedProject project) =>
        project.Document.Runbooks.SelectMany(r => r.AllPhases).SelectMany(p => p.Steps).SelectMany(s => s.Actions).OfType<RunAction>().ToList();

    private static List<ImportedParameter> Parameters(RunbookImporter.GeneratedProject project) =>
        project.Document.SharedParameters.Concat(project.Document.Runbooks.SelectMany(r => r.Parameters)).ToList();

    /// <summary>What the runner executes for <paramref name="run"/> with <paramref name="values"/> for its parameters.</summary>
    private static string Executed(RunAction run, IReadOnlyDictionary<string, string> values) =>
        new CommandTemplate(run.Parts.Select(p => p.Parameter is null ? (CommandSegment)new LiteralSegment(p.Text) : new HoleSegment([values[p.Parameter]])).ToList()).Render();

    private static void AssertCompiles(RunbookImporter.GeneratedProject project)
    {
        var errors = InMemoryCompiler.Compile(project.Files).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, InMemoryCompiler.Describe(errors) + "\n\n" + string.Join("\n\n", project.Files.Values));
    }

    [Fact]
    public void A_placeholder_in_a_fenced_command_is_a_required_parameter_without_a_default_and_a_hole()
    {
        var project = Import("kubectl -n payments delete pod <pod-name>\npsql -h <PRIMARY_HOST> -c \"select 1\"");

        var parameters = Parameters(project);
        Assert.Equal(["PodName", "PrimaryHost"], parameters.Select(p => p.Name));
        Assert.All(parameters, p => Assert.True(p.Required && p.Default == "" && !p.Secret, p.ToString()));
        var runs = Runs(project);
        var values = new Dictionary<string, string> { ["PodName"] = "api-7d9f", ["PrimaryHost"] = "db-1" };
        Assert.Equal("kubectl -n payments delete pod api-7d9f", Executed(runs[0], values));
        Assert.Equal("psql -h db-1 -c \"select 1\"", Executed(runs[1], values));
        var code = string.Join("\n", project.Files.Values);
        Assert.Contains("[Parameter(\"The value of `<pod-name>` in the document's commands, which it left for the engineer to fill in\", Required = true)]\n    public string PodName { get; init; } = \"\";", code, StringComparison.Ordinal);
        Assert.Contains(".Run($\"kubectl -n payments delete pod {PodName}\")", code, StringComparison.Ordinal);
        Assert.Contains(project.Warnings, w => w.Contains("placeholders <pod-name>, <PRIMARY_HOST> (bash would read each as a redirection) are imported as the required parameters PodName, PrimaryHost", StringComparison.Ordinal));
        AssertCompiles(project);
    }

    [Fact]
    public void A_placeholder_in_an_inline_command_is_a_parameter_too()
    {
        var project = HostileInputTests.Generate(HostileInputTests.Runbook("kubectl get pods").Replace(
            "### Rollback", "1. Restart it: `kubectl -n payments rollout restart deploy/<deployment>`\n\n### Rollback", StringComparison.Ordinal));

        var run = Runs(project).Single(r => r.Command.Contains("rollout restart", StringComparison.Ordinal));
        Assert.Equal("kubectl -n payments rollout restart deploy/web", Executed(run, new Dictionary<string, string> { ["Deployment"] = "web" }));
        Assert.True(Assert.Single(Parameters(project)).Required);
        AssertCompiles(project);
    }

    [Fact]
    public void The_same_name_written_twice_or_spelt_two_ways_is_one_parameter()
    {
        var project = Import("pg_isready -h <PRIMARY_HOST>\npsql -h <primary-host> -c \"select 1\"\nssh <your-primary-host> uptime");

        Assert.Equal("PrimaryHost", Assert.Single(Parameters(project)).Name);
        Assert.All(Runs(project).Take(3), r => Assert.Contains(r.Parts, p => p.Parameter == "PrimaryHost"));
        AssertCompiles(project);
    }

    [Fact]
    public void A_placeholder_for_a_password_or_token_is_a_secret()
    {
        var project = Import("psql \"postgresql://admin@<db-host>/app\" -c \"select 1\"\nvault write auth/token <VAULT_TOKEN>");

        var parameters = Parameters(project).ToDictionary(p => p.Name);
        Assert.False(parameters["DbHost"].Secret);
        Assert.True(parameters["VaultToken"].Secret && parameters["VaultToken"].Required);
        AssertCompiles(project);
    }

    [Fact]
    public void Each_runbook_using_a_placeholder_declares_it_so_a_runbook_without_it_runs_without_it()
    {
        var markdown = HostileInputTests.Runbook("kubectl delete pod <pod-name>");
        var project = HostileInputTests.Generate(markdown + "\n\n## Playbook: Other\n\n### Immediate (0-5 minutes)\n\n```bash\nkubectl logs <pod-name>\n```\n\n## Playbook: Third\n\n### Immediate (0-5 minutes)\n\n```bash\nkubectl get pods\n```\n");

        Assert.Empty(project.Document.SharedParameters);
        Assert.Equal([["PodName"], ["PodName"], []], project.Document.Runbooks.Select(r => r.Parameters.Select(p => p.Name).ToList()));
        AssertCompiles(project);
    }

    [Theory]
    [InlineData("psql -h db-1 < /tmp/fix.sql")]
    [InlineData("psql -h db-1 <fix.sql >out.txt")]
    [InlineData("sort <in.txt 2>err.log")]
    [InlineData("cat <<EOF>/tmp/out.txt\nhello\nEOF")]
    [InlineData("cat <<'EOF' > /tmp/page.txt\nDear <name>,\nEOF")]
    [InlineData("grep -c api <<< \"$(kubectl get pods)\"")]
    [InlineData("diff <(kubectl get pods) <(kubectl get pods -n b)")]
    [InlineData("kubectl logs deploy/api 2>&1 | tail")]
    [InlineData("awk '$3 <= 5 && $4 >= 1' /tmp/lag.txt")]
    [InlineData("psql -c \"select * from jobs where a<b and b>1\"")]
    [InlineData("jq '.items[] | select(.count < 3)' x.json")]
    [InlineData("curl -s https://status.example.com | grep '<title>'")]
    [InlineData("curl -s http://api/health | grep '<status>ok</status>'")]
    [InlineData("docker rmi $(docker images | grep '<none>' | awk '{print $3}')")]
    [InlineData("kubectl get pods # then delete <pod-name>")]
    [InlineData("dotnet-counters monitor --counters 'System.Collections.Generic.List<int>'")]
    public void Redirections_comparisons_html_and_printed_values_stay_as_written(string command)
    {
        var project = Import(command);

        Assert.Empty(Parameters(project));
        var run = Runs(project).First();
        Assert.Equal(command, string.Concat(run.Parts.Select(p => p.Text)));
        Assert.All(run.Parts, p => Assert.Null(p.Parameter));
        Assert.DoesNotContain(project.Warnings, w => w.Contains("placeholder", StringComparison.Ordinal));
    }

    [Fact]
    public void A_placeholder_in_the_sql_of_an_expanded_here_document_is_a_parameter()
    {
        var project = Import("psql -h db-1 <<EOF\nDELETE FROM jobs WHERE id = '<job-id>';\nEOF");

        Assert.Equal("JobId", Assert.Single(Parameters(project)).Name);
        Assert.Equal("psql -h db-1 <<EOF\nDELETE FROM jobs WHERE id = '42';\nEOF", Executed(Runs(project)[0], new Dictionary<string, string> { ["JobId"] = "42" }));
        AssertCompiles(project);
    }

    /// <summary>
    /// jq's program in double quotes is jq's, as in single quotes: <c>{name}</c> there builds an object, and made a hole it
    /// asked the engineer for a "Name" the command never needed and replaced jq's program with it. What is not jq's
    /// program, before it, after the pipe, or a value given to it with <c>--arg</c>, is still read.
    /// </summary>
    [Fact]
    public void A_placeholder_beside_a_double_quoted_jq_program_is_still_a_parameter()
    {
        var project = Import("kubectl logs {pod-name} -o json | jq \".items[] | {name}\"\n" +
            "kubectl get pods -o json | jq --arg pod \"{pod-name}\" \".items[] | select(.metadata.name == $pod) | {status}\"\n" +
            "jq \".spec | {replicas}\" \"{manifest-file}\"");

        Assert.Equal(["ManifestFile", "PodName"], Parameters(project).Select(p => p.Name).Order());
        var runs = Runs(project);
        var values = new Dictionary<string, string> { ["PodName"] = "api-7d9f", ["ManifestFile"] = "api.json" };
        Assert.Equal("kubectl logs api-7d9f -o json | jq \".items[] | {name}\"", Executed(runs[0], values));
        Assert.Equal("kubectl get pods -o json | jq --arg pod \"api-7d9f\" \".items[] | select(.metadata.name == $pod) | {status}\"", Executed(runs[1], values));
        Assert.Equal("jq \".spec | {replicas}\" \"api.json\"", Executed(runs[2], values));
        AssertCompiles(project);
    }

    /// <summary>
    /// A command substitution inside double quotes quotes afresh: jq's program in it (<c>echo "$(… | jq ".items[] |
    /// {name}")"</c>) is jq's, where the scanner took its first quote for the end of the outer one and made <c>{name}</c>
    /// a required "Name" that replaced jq's program. A placeholder in the substitution, or after it in the outer quotes,
    /// is still one.
    /// </summary>
    [Fact]
    public void A_placeholder_beside_a_jq_program_in_a_command_substitution_inside_double_quotes_is_still_a_parameter()
    {
        var project = Import("echo \"$(kubectl get pod {pod-name} -o json | jq \".status | {phase}\") on {cluster-name}\"");

        Assert.Equal(["ClusterName", "PodName"], Parameters(project).Select(p => p.Name).Order());
        var values = new Dictionary<string, string> { ["PodName"] = "api-7d9f", ["ClusterName"] = "prod-eu" };
        Assert.Equal("echo \"$(kubectl get pod api-7d9f -o json | jq \".status | {phase}\") on prod-eu\"", Executed(Runs(project)[0], values));
        AssertCompiles(project);
    }

    /// <summary>
    /// A backtick substitution inside double quotes quotes afresh as <c>$( … )</c> does: jq's program in it
    /// (<c>echo "`… | jq ".items[] | {name}"`"</c>) is jq's, where the scanner took jq's first quote for the end of the
    /// outer one and made <c>{name}</c> a required "Name" that replaced jq's program. A placeholder in the substitution, or
    /// after it in the outer quotes, is still one.
    /// </summary>
    [Fact]
    public void A_placeholder_beside_a_jq_program_in_a_backtick_substitution_inside_double_quotes_is_still_a_parameter()
    {
        var project = Import("echo \"`kubectl get pod {pod-name} -o json | jq \".status | {phase}\"` on {cluster-name}\"");

        Assert.Equal(["ClusterName", "PodName"], Parameters(project).Select(p => p.Name).Order());
        var values = new Dictionary<string, string> { ["PodName"] = "api-7d9f", ["ClusterName"] = "prod-eu" };
        Assert.Equal("echo \"`kubectl get pod api-7d9f -o json | jq \".status | {phase}\"` on prod-eu\"", Executed(Runs(project)[0], values));
        AssertCompiles(project);
    }

    [Fact]
    public void A_placeholder_in_braces_is_a_required_parameter_and_a_hole()
    {
        var project = Import("kubectl -n payments delete pod {pod-name}\ncurl -fsS \"https://{SERVICE_HOST}/health\"");

        var parameters = Parameters(project);
        Assert.Equal(["PodName", "ServiceHost"], parameters.Select(p => p.Name));
        Assert.All(parameters, p => Assert.True(p.Required && p.Default == "" && !p.Secret, p.ToString()));
        var runs = Runs(project);
        var values = new Dictionary<string, string> { ["PodName"] = "api-7d9f", ["ServiceHost"] = "api.internal" };
        Assert.Equal("kubectl -n payments delete pod api-7d9f", Executed(runs[0], values));
        Assert.Equal("curl -fsS \"https://api.internal/health\"", Executed(runs[1], values));
        var code = string.Join("\n", project.Files.Values);
        Assert.Contains("kubectl -n payments delete pod {{PodName}}", code, StringComparison.Ordinal);
        Assert.Contains(project.Warnings, w => w.Contains("placeholders {pod-name}, {SERVICE_HOST} (bash would pass each on as it is) are imported as the required parameters PodName, ServiceHost", StringComparison.Ordinal));
        AssertCompiles(project);
    }

    [Theory]
    [InlineData("kubectl delete pod YOUR_POD_NAME", "kubectl delete pod api-7d9f")]
    [InlineData("kubectl delete pod YOUR-POD-NAME", "kubectl delete pod api-7d9f")]
    [InlineData("kubectl delete pod YOUR_POD_NAME_HERE", "kubectl delete pod api-7d9f")]
    [InlineData("kubectl logs --selector=app=web YOUR_POD_NAME -c 'YOUR_POD_NAME'", "kubectl logs --selector=app=web api-7d9f -c 'api-7d9f'")]
    public void A_your_placeholder_in_capitals_is_a_required_parameter_and_a_hole(string command, string executed)
    {
        var project = Import(command);

        var parameter = Assert.Single(Parameters(project));
        Assert.True(parameter is { Name: "PodName", Required: true, Default: "" }, parameter.ToString());
        Assert.Equal(executed, Executed(Runs(project)[0], new Dictionary<string, string> { ["PodName"] = "api-7d9f" }));
        AssertCompiles(project);
    }

    /// <summary>
    /// A <c>YOUR_…</c> placeholder where a credential goes is a secret the engineer types. Before, the secret rule took the
    /// one it reads as a value (<c>YOUR-API-TOKEN</c>, <c>YOUR_TOKEN_V2</c>) as a secret written into the document: an
    /// optional parameter, empty by default, so the run started and sent <c>Bearer </c>; one it reads as a placeholder but
    /// not named as a secret (<c>YOUR_JWT</c>, <c>YOUR_DB_PASS</c>) was a plain parameter, shown unmasked; and run on to
    /// mysql's <c>-p</c> it stayed the literal password <c>YOUR_DB_PASSWORD</c>.
    /// </summary>
    [Theory]
    [InlineData("curl -fsS -H \"Authorization: Bearer YOUR_TOKEN\" https://api.internal/drain", "Token", "curl -fsS -H \"Authorization: Bearer s3cr3t\" https://api.internal/drain")]
    [InlineData("curl -fsS -H \"Authorization: Bearer YOUR-API-TOKEN\" https://api.internal/drain", "ApiToken", "curl -fsS -H \"Authorization: Bearer s3cr3t\" https://api.internal/drain")]
    [InlineData("curl -fsS -H \"Authorization: Bearer YOUR_TOKEN_V2\" https://api.internal/drain", "TokenV2", "curl -fsS -H \"Authorization: Bearer s3cr3t\" https://api.internal/drain")]
    [InlineData("curl -fsS -H \"Authorization: Bearer YOUR_JWT\" https://api.internal/drain", "Jwt", "curl -fsS -H \"Authorization: Bearer s3cr3t\" https://api.internal/drain")]
    [InlineData("curl -fsS -H \"X-Api-Key: YOUR_KEY\" https://api.internal/drain", "Key", "curl -fsS -H \"X-Api-Key: s3cr3t\" https://api.internal/drain")]
    [InlineData("PGPASSWORD=YOUR_DB_PASS psql -h db-1 -c \"select 1\"", "DbPass", "PGPASSWORD=s3cr3t psql -h db-1 -c \"select 1\"")]
    [InlineData("mysql -h db-1 -u root -pYOUR_DB_PASSWORD -e \"select 1\"", "DbPassword", "mysql -h db-1 -u root -ps3cr3t -e \"select 1\"")]
    [InlineData("sshpass -p YOUR_SSH_PASS ssh ops@bastion uptime", "SshPass", "sshpass -p s3cr3t ssh ops@bastion uptime")]
    [InlineData("curl -fsS -u admin:YOUR_ADMIN_PASS https://api.internal/drain", "AdminPass", "curl -fsS -u admin:s3cr3t https://api.internal/drain")]
    [InlineData("curl -fsS -u admin:<admin-pass> https://api.internal/drain", "AdminPass", "curl -fsS -u admin:s3cr3t https://api.internal/drain")]
    [InlineData("curl -fsS --user admin:<admin-pass> https://api.internal/drain", "AdminPass", "curl -fsS --user admin:s3cr3t https://api.internal/drain")]
    [InlineData("mysql -h db-1 -u root -p<db-pass> -e \"select 1\"", "DbPass", "mysql -h db-1 -u root -ps3cr3t -e \"select 1\"")]
    [InlineData("mysql -h db-1 -u root -p{db-pass} -e \"select 1\"", "DbPass", "mysql -h db-1 -u root -ps3cr3t -e \"select 1\"")]
    [InlineData("mysqldump -u root -p{db.pass} payments > /tmp/payments.sql", "DbPass", "mysqldump -u root -ps3cr3t payments > /tmp/payments.sql")]
    [InlineData("PGPASSWORD=<db-pass> psql -h db-1 -c \"select 1\"", "DbPass", "PGPASSWORD=s3cr3t psql -h db-1 -c \"select 1\"")]
    [InlineData("curl -fsS -H \"Authorization: Bearer <jwt>\" https://api.internal/drain", "Jwt", "curl -fsS -H \"Authorization: Bearer s3cr3t\" https://api.internal/drain")]
    [InlineData("curl -fsS -H \"X-Api-Key: <partner-credential>\" https://api.internal/drain", "PartnerCredential", "curl -fsS -H \"X-Api-Key: s3cr3t\" https://api.internal/drain")]
    [InlineData("redis-cli -h cache-1 -a <cache-pass> ping", "CachePass", "redis-cli -h cache-1 -a s3cr3t ping")]
    [InlineData("sshpass -p <ssh-pass> ssh ops@bastion uptime", "SshPass", "sshpass -p s3cr3t ssh ops@bastion uptime")]
    [InlineData("docker login -u ci -p <registry-pass> registry.internal", "RegistryPass", "docker login -u ci -p s3cr3t registry.internal")]
    [InlineData("vault login <root>", "Root", "vault login s3cr3t")]
    [InlineData("psql --password=<db-pass> -h db-1", "DbPass", "psql --password=s3cr3t -h db-1")]
    // After a $(…) of the command: its ';' once ended mysql's command, and <pw> was a plain parameter, shown unmasked.
    [InlineData("mysql -h db-1 -e \"$(cat a.sql; cat b.sql)\" -p<pw>", "Pw", "mysql -h db-1 -e \"$(cat a.sql; cat b.sql)\" -ps3cr3t")]
    [InlineData("mysql -h db-1 -e $(cat a.sql; cat b.sql) -p<pw>", "Pw", "mysql -h db-1 -e $(cat a.sql; cat b.sql) -ps3cr3t")]
    public void A_placeholder_where_a_credential_goes_is_a_required_secret(string command, string name, string executed)
    {
        var project = Import(command);

        var parameter = Assert.Single(Parameters(project));
        Assert.True(parameter is { Required: true, Secret: true, Default: "" } && parameter.Name == name, parameter.ToString());
        Assert.Equal(executed, Executed(Runs(project)[0], new Dictionary<string, string> { [name] = "s3cr3t" }));
        Assert.Contains(project.Warnings, w => w.Contains($"imported as the required parameter {name}, without a default", StringComparison.Ordinal)
            && w.Contains($"{name} is a secret ([Secret]): what the engineer gives is masked in the console and the journal", StringComparison.Ordinal));
        var code = string.Join("\n", project.Files.Values);
        Assert.Contains($"Required = true), Secret]\n    public string {name} {{ get; init; }} = \"\";", code, StringComparison.Ordinal);
        AssertCompiles(project);
    }

    [Theory]
    [InlineData("grep \"password=<hidden>\" app.log")]
    [InlineData("kubectl logs deploy/api | grep -i 'token=<redacted>'")]
    [InlineData("rg -n -e 'api_key=<masked>' /var/log/app")]
    [InlineData("grep -c -- \"secret=<filtered>\" app.log")]
    [InlineData("awk '/password=<hidden>/ {print $1}' app.log")]
    [InlineData("sed -n '/token=<redacted>/p' app.log")]
    public void What_a_log_writes_in_place_of_a_hidden_value_is_searched_for_as_written(string command)
    {
        var project = Import(command);

        Assert.Empty(Parameters(project));
        var run = Runs(project).First();
        Assert.Equal(command, string.Concat(run.Parts.Select(p => p.Text)));
        Assert.All(run.Parts, p => Assert.Null(p.Parameter));
        AssertCompiles(project);
    }

    /// <summary>
    /// A <c>-p</c> inside a <c>$(…)</c> of mysql's command is a word of the command the substitution runs: bash hands what
    /// <c>echo</c> prints to mysql inside <c>-e</c>'s one quoted word, so mysql is given no password and the engineer
    /// types none there. Run on to echo's option, <c>&lt;tag&gt;</c> is no word of its own either: it stays as written.
    /// </summary>
    [Fact]
    public void A_placeholder_after_a_dash_p_of_another_command_inside_a_substitution_is_no_secret()
    {
        const string command = "mysql -h db-1 -e \"$(cat a.sql; echo -p<tag>)\"";
        var project = Import(command);

        Assert.Empty(Parameters(project));
        Assert.Equal(command, string.Concat(Runs(project)[0].Parts.Select(p => p.Text)));
        AssertCompiles(project);
    }

    [Fact]
    public void A_placeholder_in_a_search_pattern_is_filled_in_but_no_credential_the_step_sends()
    {
        var project = Import("grep \"api_key=<key-id>\" /var/log/api/access.log\nkubectl logs deploy/api | grep -e 'client_secret=<client-name>'");

        var parameters = Parameters(project).ToDictionary(p => p.Name);
        Assert.Equal(["ClientName", "KeyId"], parameters.Keys.Order());
        Assert.All(parameters.Values, p => Assert.True(p is { Required: true, Secret: false }, p.ToString()));
        AssertCompiles(project);
    }

    [Fact]
    public void A_credential_the_step_sends_beside_a_search_pattern_is_still_a_secret_whatever_its_word()
    {
        // "<redacted>" outside a pattern is what the document left out: the token, which the engineer types.
        var project = Import("curl -fsS -H \"Authorization: Bearer <redacted>\" https://api.internal/logs | grep \"user=<user-id>\"");

        var parameters = Parameters(project).ToDictionary(p => p.Name);
        Assert.True(parameters["Redacted"] is { Required: true, Secret: true }, parameters["Redacted"].ToString());
        Assert.True(parameters["UserId"] is { Required: true, Secret: false }, parameters["UserId"].ToString());
    }

    [Fact]
    public void A_placeholder_beside_a_credential_is_no_secret()
    {
        var project = Import("curl -fsS -H \"Authorization: Bearer YOUR_TOKEN\" https://YOUR_API_HOST/drain");

        var parameters = Parameters(project).ToDictionary(p => p.Name);
        Assert.True(parameters["Token"].Secret);
        Assert.False(parameters["ApiHost"].Secret);
    }

    [Fact]
    public void The_user_placeholder_before_a_password_placeholder_is_no_secret()
    {
        var project = Import("curl -fsS --user=<ops-user>:<ops-pass> https://api.internal/drain");

        var parameters = Parameters(project).ToDictionary(p => p.Name);
        Assert.True(parameters["OpsPass"] is { Secret: true, Required: true }, parameters["OpsPass"].ToString());
        Assert.True(parameters["OpsUser"] is { Secret: false, Required: true }, parameters["OpsUser"].ToString());
        AssertCompiles(project);
    }

    [Fact]
    public void Angle_brace_and_your_spellings_of_one_name_are_one_parameter()
    {
        var project = Import("kubectl logs <pod-name>\nkubectl describe pod {pod_name}\nkubectl delete pod YOUR_POD_NAME\nvault login {VAULT_TOKEN}");

        var parameters = Parameters(project).ToDictionary(p => p.Name);
        Assert.Equal(["PodName", "VaultToken"], parameters.Keys.Order());
        Assert.True(parameters["VaultToken"].Secret);
        Assert.All(Runs(project).Take(3), r => Assert.Equal("PodName", Assert.Single(r.Parts, p => p.Parameter is not null).Parameter));
        AssertCompiles(project);
    }

    [Theory]
    [InlineData("echo \"${NAMESPACE}\" ${HOME}/x")]
    [InlineData("echo ${REPLICAS:-{three}}")]
    [InlineData("cp config.{yaml,bak}")]
    [InlineData("mkdir -p /srv/{logs,data}/payments")]
    [InlineData("for i in {1..5}; do curl -f http://api/health; done")]
    [InlineData("echo {a..z}")]
    [InlineData("kubectl get pods | awk '{print $1}'")]
    [InlineData("kubectl get pods | awk '{print}'")]
    [InlineData("curl -X POST -d '{\"replicas\":1}' http://api/scale")]
    [InlineData("curl -X POST -d '{\"name\": \"{pod}\"}' http://api/restart")]
    [InlineData("curl -X POST -d '{\"password\": \"{db-pass}\"}' http://api/login")]
    [InlineData("mysql -u root -p${DB_PASS} -e \"select 1\"")]
    [InlineData("mysql -u root -p{{ .Values.dbPass }} -e \"select 1\"")]
    [InlineData("find /tmp -name '*.log' -exec rm {} \\;")]
    [InlineData("kubectl get pods -o name | xargs -I{} kubectl delete {}")]
    [InlineData("kubectl get pods -o name | xargs -I {pod} kubectl delete {pod}")]
    [InlineData("helm template . --set image.tag={{ .Values.tag }}")]
    [InlineData("docker ps --format \"{{.Names}}\"")]
    [InlineData("kubectl get pods -o go-template='{{range .items}}{{.metadata.name}}{{end}}'")]
    [InlineData("echo {{name}}")]
    [InlineData("kubectl get pods -o json | jq '.items[] | {name}'")]
    [InlineData("kubectl get pods -o json | jq \".items[] | {name}\"")]
    [InlineData("kubectl get pods -o json | jq -r --arg ns payments \".items[] | select(.metadata.namespace == $ns) | {name}\"")]
    [InlineData("kubectl get pods -o json | jq -c \".items[] | {name, status}\" && echo done")]
    [InlineData("echo \"$(kubectl get pods -o json | jq \".items[] | {name}\")\"")]
    [InlineData("echo \"Pods: $(kubectl get pods -o json | jq -c \"[.items[] | {name}] | length\") (at $(date +%H:%M))\"")]
    [InlineData("echo \"$(echo \"$(kubectl get pods -o json | jq \".items[] | {name}\")\")\"")]
    [InlineData("echo \"`kubectl get pods -o json | jq \".items[] | {name}\"`\"")]
    [InlineData("echo \"Pods: `kubectl get pods -o json | jq -c \"[.items[] | {name}] | length\"` (at `date +%H:%M`)\"")]
    [InlineData("echo \"`jq -r \".items[] | {name}\" pods.json`\"")]
    [InlineData("echo \"`case $(kubectl get pods -o json | jq \".items[] | {name}\") in x) echo one;; esac`\"")]
    [InlineData("echo `jq -r \".items[] | {name}\" pods.json`")]
    [InlineData("kubectl get pods -o jsonpath={.items[0].metadata.name}")]
    [InlineData("docker compose exec api python -c \"print(f'Database test result: {result}')\"")]
    [InlineData("git reset --hard @{upstream}")]
    [InlineData("{ kubectl get pods; kubectl get svc; } > /tmp/state.txt")]
    [InlineData("kubectl get pods # then delete {pod-name}")]
    [InlineData("echo $YOUR_TOKEN ${YOUR_TOKEN}")]
    [InlineData("export YOUR_NAMESPACE=payments")]
    [InlineData("cat <<'EOF' > /tmp/page.txt\nDear {name}, YOUR_NAME\nEOF")]
    public void Shell_syntax_and_other_programs_braces_stay_as_written(string command)
    {
        var project = Import(command);

        Assert.Empty(Parameters(project));
        var run = Runs(project).First();
        Assert.Equal(command, string.Concat(run.Parts.Select(p => p.Text)));
        Assert.All(run.Parts, p => Assert.Null(p.Parameter));
        Assert.DoesNotContain(project.Warnings, w => w.Contains("placeholder", StringComparison.Ordinal));
    }
}
