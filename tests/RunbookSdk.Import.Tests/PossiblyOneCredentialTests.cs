namespace RunbookSdk.Import.Tests;

/// <summary>
/// A document that writes one credential two ways (<c>Bearer YOUR_TOKEN</c> in one command, <c>Bearer &lt;api-token&gt;</c>
/// in another, to the same API) got two <c>[Secret]</c> parameters, <c>Token</c> and <c>ApiToken</c>, and nothing said
/// they might be one. They stay two (two tokens to one API can really be two, and a wrong merge sends the wrong
/// credential), and the import's warnings now name them, with the header, the host and the lines, for the reviewer to merge
/// by hand.
/// </summary>
public sealed class PossiblyOneCredentialTests
{
    /// <summary>A runbook whose first phase holds each command in a fence of its own, one line apart from the next fence.</summary>
    private static RunbookImporter.GeneratedProject Import(params string[] commands) =>
        HostileInputTests.Generate(HostileInputTests.Runbook(string.Join("\n```\n\n```bash\n", commands)));

    // Runbook(...) opens the first fence at line 7; each command is a fence of its own, three lines further on.
    private static int FenceLine(int index) => 7 + 4 * index;

    private static List<string> CredentialWarnings(RunbookImporter.GeneratedProject project) =>
        project.Warnings.Where(w => w.Contains("stand in the same credential position", StringComparison.Ordinal)).ToList();

    [Fact]
    public void Two_placeholders_in_one_header_to_one_host_are_named_as_possibly_one_credential_and_kept_apart()
    {
        var project = Import(
            "curl -fsS -H \"Authorization: Bearer YOUR_TOKEN\" https://api.internal/drain",
            "curl -fsS -H \"Authorization: Bearer <api-token>\" https://api.internal/resume");

        var warning = Assert.Single(CredentialWarnings(project));
        Assert.Equal(
            $"hostile.md: the [Secret] parameters Token (line {FenceLine(0)}) and ApiToken (line {FenceLine(1)}) stand in the same credential position, "
            + "the Authorization header (Bearer), to api.internal: they may be one credential the document wrote two ways, and are kept apart "
            + "(two credentials to one service can really be two, and a wrong merge sends the wrong one); if they are one, keep one of them "
            + "in each command and delete the other",
            warning);
        var parameters = project.Document.SharedParameters.Concat(project.Document.Runbooks.SelectMany(r => r.Parameters)).ToList();
        Assert.Equal(["ApiToken", "Token"], parameters.Where(p => p.Secret).Select(p => p.Name).Order());
    }

    [Fact]
    public void Placeholders_in_one_credential_position_with_no_host_written_are_named_too()
    {
        var project = Import(
            "mysql -u root -p{db-pass} -e \"select 1\"",
            "mysql -u root -pYOUR_DB_PASSWORD -e \"select 2\"");

        var warning = Assert.Single(CredentialWarnings(project));
        Assert.Contains($"DbPass (line {FenceLine(0)}) and DbPassword (line {FenceLine(1)})", warning, StringComparison.Ordinal);
        Assert.Contains("a password passed as mysql -p (MysqlPassword), with no host written:", warning, StringComparison.Ordinal);
    }

    [Theory]
    // docker login's registry argument.
    [InlineData("docker login -u ci -p <registry-pass> reg1.example", "docker login -u ci -p YOUR_REGISTRY_PASSWORD reg2.example")]
    [InlineData("docker login -p <registry-pass> --password-stdin=false reg1.example", "podman login --username ci --password <ci-registry-pass> reg2.example")]
    // ssh's [user@]host, after its options.
    [InlineData("sshpass -p <ssh-pass> ssh ops@db-1 'uptime'", "sshpass -p YOUR_SSH_PASSWORD ssh -p 2222 -o StrictHostKeyChecking=no db-2 uptime")]
    // mysql -h, psql's connection string and PGHOST=, redis-cli -h.
    [InlineData("mysql -h db-1 -u root -p<db-pass> -e \"select 1\"", "mysql -hdb-2 -u root -pYOUR_DB_PASSWORD -e \"select 1\"")]
    [InlineData("PGPASSWORD=<db-pass> psql \"host=db-1 dbname=app\" -c \"select 1\"", "PGPASSWORD=YOUR_PG_PASS PGHOST=db-2 psql -c \"select 1\"")]
    [InlineData("redis-cli -h cache-1 -a <cache-pass> ping", "redis-cli -h cache-2 -a YOUR_REDIS_PASSWORD ping")]
    public void Credentials_to_two_hosts_the_command_names_its_own_way_are_not_named(string first, string second)
    {
        var project = Import(first, second);

        Assert.Empty(CredentialWarnings(project));
    }

    [Theory]
    // df's -h is "human-readable", no host: the dumps go to db-1 and db-2.
    [InlineData("df -h data && mysqldump -h db-1 -u root -p<db-pass> app > data/app.sql", "df -h data && mysqldump -h db-2 -u root -pYOUR_DB_PASSWORD app > data/app.sql")]
    // A pipeline: the password goes to the mysql -h of its own command, not to the ssh host the output is piped to.
    [InlineData("mysql -h db-1 -u root -p<db-pass> -e \"select 1\" | ssh ops@backup-1 'cat > /srv/out'", "mysql -h db-2 -u root -pYOUR_DB_PASSWORD -e \"select 1\" | ssh ops@backup-1 'cat > /srv/out'")]
    // A client with no host of its own in a command line ssh runs talks to the ssh host's server.
    [InlineData("ssh ops@db-1 'mysql -u root -p<db-pass> -e \"select 1\"'", "ssh ops@db-2 'mysql -u root -pYOUR_DB_PASSWORD -e \"select 1\"'")]
    // mongosh's --host names its server (its -h is --help).
    [InlineData("mongosh --host db-1 --username admin --password <mongo-pass> --eval 'db.stats()'", "mongosh --host=db-2 --username admin --password YOUR_MONGO_PASSWORD --eval 'db.stats()'")]
    // A command that only sets the variable hands the password to the client after it.
    [InlineData("export PGPASSWORD=<db-pass> && psql -h db-1 -c \"select 1\"", "export PGPASSWORD=YOUR_PG_PASS; psql -h db-2 -c \"select 1\"")]
    public void Credentials_whose_own_commands_name_two_hosts_are_not_named_whatever_other_commands_of_the_line_give(string first, string second)
    {
        var project = Import(first, second);

        Assert.Empty(CredentialWarnings(project));
    }

    [Theory]
    // -h of df, du, sort and ls is "human-readable", not a host: neither password has a host written.
    [InlineData("df -h data && mysql -u root -p<db-pass> -e \"select 1\"", "mysql -u root -pYOUR_DB_PASSWORD -e \"select 2\"")]
    [InlineData("du -h backups | sort -h sizes && PGPASSWORD=<db-pass> psql -c \"select 1\"", "ls -h logs; PGPASSWORD=YOUR_PG_PASS psql -c \"select 2\"")]
    // A redis-cli with no -h in a line whose other command has a host: the password has none written.
    [InlineData("redis-cli -a <cache-pass> ping && mysql -h db-1 -u root -e \"select 1\"", "redis-cli -a YOUR_REDIS_PASSWORD info")]
    public void Credentials_whose_own_commands_write_no_host_are_named_whatever_h_other_commands_give(string first, string second)
    {
        var project = Import(first, second);

        var warning = Assert.Single(CredentialWarnings(project));
        Assert.Contains("with no host written:", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Placeholders_after_one_Authorization_scheme_written_in_two_cases_are_still_named()
    {
        var project = Import(
            "curl -fsS -H \"Authorization: Basic <basic-credentials>\" https://api.internal/drain",
            "curl -fsS -H 'authorization: basic YOUR_OPS_CREDENTIALS' https://api.internal/resume");

        var warning = Assert.Single(CredentialWarnings(project));
        Assert.Contains("BasicCredentials (line 7) and OpsCredentials (line 11)", warning, StringComparison.Ordinal);
    }

    /// <summary>
    /// Basic credentials and bearer tokens are two positions, so the warning names the scheme the pair shares: "the
    /// Authorization header" alone left the engineer to guess which two of a runbook's Authorization values were meant.
    /// </summary>
    [Theory]
    [InlineData("curl -fsS -H \"Authorization: Basic <basic-credentials>\" https://api.internal/drain", "curl -fsS -H 'authorization: basic YOUR_OPS_CREDENTIALS' https://api.internal/resume", "the Authorization header (Basic), to api.internal:")]
    [InlineData("curl -fsS -H \"Authorization: Token token=<pd-token>\" https://api.internal/drain", "curl -fsS -H \"Authorization: Token token=YOUR_PAGERDUTY_TOKEN\" https://api.internal/resume", "the Authorization header (Token), to api.internal:")]
    [InlineData("curl -fsS -H \"Authorization: <raw-token>\" https://api.internal/drain", "curl -fsS -H \"Authorization: YOUR_RAW_KEY\" https://api.internal/resume", "the Authorization header (no scheme), to api.internal:")]
    [InlineData("curl -fsS -H \"X-Api-Key: <api-key>\" https://api.internal/drain", "curl -fsS -H \"X-Api-Key: YOUR_OPS_KEY\" https://api.internal/resume", "the X-Api-Key header, to api.internal:")]
    public void The_warning_names_the_Authorization_scheme_the_pair_shares(string first, string second, string position)
    {
        var project = Import(first, second);

        var warning = Assert.Single(CredentialWarnings(project));
        Assert.Contains("stand in the same credential position, " + position, warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("docker login -u ci -p <registry-pass> reg1.example", "docker login -p YOUR_REGISTRY_PASSWORD reg1.example:5000", "to reg1.example")]
    [InlineData("sshpass -p <ssh-pass> ssh ops@db-1 'curl -fsS http://localhost/health'", "sshpass -p YOUR_SSH_PASSWORD ssh -i ~/.ssh/ops db-1 uptime", "to db-1")]
    [InlineData("PGPASSWORD=<db-pass> psql \"host=db-1 dbname=app\" -c \"select 1\"", "PGPASSWORD=YOUR_PG_PASS psql -h db-1 -c \"select 1\"", "to db-1")]
    [InlineData("redis-cli -h cache-1 -a <cache-pass> ping", "redis-cli -h cache-1 -a YOUR_REDIS_PASSWORD info", "to cache-1")]
    [InlineData("export PGPASSWORD=<db-pass> && df -h data && psql -h db-1 -c \"select 1\"", "PGPASSWORD=YOUR_PG_PASS psql -h db-1 -c \"select 1\"", "to db-1")]
    public void Credentials_to_one_host_the_command_names_its_own_way_are_still_named(string first, string second, string host)
    {
        var project = Import(first, second);

        var warning = Assert.Single(CredentialWarnings(project));
        Assert.Contains(host + ":", warning, StringComparison.Ordinal);
    }

    /// <summary>
    /// A credential written after a nested command line or a command substitution is in the command before them: reading
    /// back to that command's start stopped at the <c>;</c> inside (<c>'cd /srv/app; …'</c>, <c>"$(cat a; date)"</c>), so the
    /// host was read in the nested part's last command (localhost) or none was, and reading on stopped at a substitution's
    /// <c>(</c>, losing the URL after it. The host a substitution names (<c>$(ssh ops@db-1 …)</c>) is another command's.
    /// </summary>
    [Theory]
    [InlineData("ssh ops@db-1 'cd /srv/app; ./rotate-keys --url http://localhost:8080' --password <admin-pass>", "ssh ops@db-1 ./rotate-keys --password YOUR_ADMIN_PASSWORD", "to db-1")]
    [InlineData("curl -fsS https://api.internal/drain --data \"$(cat body.json; date)\" -H \"Authorization: Bearer <api-token>\"", "curl -fsS -H \"Authorization: Bearer YOUR_TOKEN\" https://api.internal/resume", "to api.internal")]
    [InlineData("curl -fsS https://api.internal/drain --data \"$(ssh ops@db-1 cat /srv/body.json)\" -H \"Authorization: Bearer <api-token>\"", "curl -fsS -H \"Authorization: Bearer YOUR_TOKEN\" https://api.internal/resume", "to api.internal")]
    [InlineData("curl -fsS -H \"Authorization: Bearer <api-token>\" --data \"$(cat body.json)\" https://api.internal/drain", "curl -fsS -H \"Authorization: Bearer YOUR_TOKEN\" https://api.internal/resume", "to api.internal")]
    public void A_credential_written_after_a_nested_part_goes_to_the_host_of_its_own_command(string first, string second, string host)
    {
        var project = Import(first, second);

        var warning = Assert.Single(CredentialWarnings(project));
        Assert.Contains(host + ":", warning, StringComparison.Ordinal);
    }

    /// <summary>
    /// A <c>)</c> with no <c>(</c> (a case pattern) opens nothing to read over: the credential's command starts after the
    /// separator before it, as before, and the ssh host of the command before the <c>;</c> is not its host.
    /// </summary>
    [Fact]
    public void A_credential_after_a_case_pattern_is_read_in_its_own_command()
    {
        var project = Import(
            "ssh ops@db-9 uptime; case \"$ENV\" in prod) mysql -u root -p<db-pass> -e \"select 1\" ;; esac",
            "mysql -u root -pYOUR_DB_PASSWORD -e \"select 2\"");

        var warning = Assert.Single(CredentialWarnings(project));
        Assert.Contains("with no host written:", warning, StringComparison.Ordinal);
    }

    [Theory]
    // Another host: another service's token.
    [InlineData("curl -fsS -H \"Authorization: Bearer YOUR_TOKEN\" https://api.internal/drain", "curl -fsS -H \"Authorization: Bearer <api-token>\" https://billing.internal/drain")]
    // One host written, the other not.
    [InlineData("curl -fsS -H \"Authorization: Bearer YOUR_TOKEN\" https://api.internal/drain", "curl -fsS -H \"Authorization: Bearer <api-token>\" \"$API_URL/drain\"")]
    // Another header.
    [InlineData("curl -fsS -H \"Authorization: Bearer YOUR_TOKEN\" https://api.internal/drain", "curl -fsS -H \"X-Api-Key: <api-key>\" https://api.internal/drain")]
    // Another kind of position, on one host: PostgreSQL's password and MySQL's.
    [InlineData("PGPASSWORD=<db-pass> psql -h db-1 -c \"select 1\"", "mysql -h db-1 -u root -p<db-password> -e \"select 1\"")]
    // Another Authorization scheme, on one host: a Basic credential and a bearer token are no one credential.
    [InlineData("curl -fsS -H \"Authorization: Basic <basic-credentials>\" https://api.internal/drain", "curl -fsS -H \"Authorization: Bearer <api-token>\" https://api.internal/resume")]
    [InlineData("curl -fsS -H \"Authorization: Token token=<pd-token>\" https://api.internal/drain", "curl -fsS -H \"Authorization: Bearer YOUR_API_TOKEN\" https://api.internal/resume")]
    // Two search patterns: text a log wrote, no credential the steps send.
    [InlineData("grep \"api_key=<key-id>\" /var/log/api/access.log", "grep -i 'api_key=<other-key-id>' /var/log/api/error.log")]
    // One parameter written twice, in two spellings: no pair.
    [InlineData("curl -fsS -H \"Authorization: Bearer YOUR_API_TOKEN\" https://api.internal/drain", "curl -fsS -H \"Authorization: Bearer <api-token>\" https://api.internal/resume")]
    public void Credentials_in_other_positions_or_to_other_hosts_or_one_parameter_are_not_named(string first, string second)
    {
        var project = Import(first, second);

        Assert.Empty(CredentialWarnings(project));
    }
}
