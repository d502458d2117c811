using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace RunbookSdk.Analyzers.Text;

/// <summary>A finding in flattened command text: where, what, and a short description.</summary>
internal readonly record struct TextMatch(int Start, int Length, string Text, string Detail, string Name = "");

/// <summary>
/// The patterns the command rules look for, tuned on the real incident documents the DSL was designed from
/// (aws, kubectl, docker compose, psql, redis-cli, curl, nginx, git): dangerous commands are caught, the
/// harmless ones around them (describe, get, list, restart, ps, logs --tail) are not.
/// </summary>
/// <remarks>
/// A program's command is bounded as the shell splits it: the rules that read a command's structure (destructive,
/// never-ending, the verification checks) are handed the command as <see cref="ShellOperators.Read"/> reads it, where
/// quoted operators are text and a command line another shell runs (<see cref="NestedShells"/>) is commands, starting
/// after <see cref="ShellOperators.NestedStart"/>. Secrets, home paths and words read the command as written. What a
/// program is given, the option or word that makes it destructive or endless (<c>git push … --force</c>,
/// <c>tail … -f</c>, <c>kubectl … rollout status</c>), a subcommand and the option after it (<c>kubectl … get … -w</c>,
/// <c>kubectl … apply … --prune</c>), the option that makes it none (<c>ping … -c</c>) and a credential option
/// (<c>mysql -p</c>), is read in the program's own simple command (<see cref="ProgramPattern"/>,
/// <see cref="CredentialPattern"/>, on <see cref="ShellCommandBounds"/>), where a closed <c>$(cat a; cat b)</c> is one
/// word; so are a curl's method and a rollback endpoint. Only the runners of <see cref="CommandRunners"/> (a word before
/// the program, in the lookbehind every program-start pattern shares) are still written with <see cref="SameCommand"/>,
/// a regex class that ends at any <c>;</c>, <c>|</c> or <c>&amp;</c>, also one inside a <c>$(…)</c>: after such a
/// substitution it reads no further. Whether a <c>--follow</c> is <c>git</c>'s is read in its own command too.
/// </remarks>
internal static class CommandPatterns
{
    private static GuardedPattern Create(string pattern, params string[] needles) => new(pattern, RegexOptions.None, needles);

    private static GuardedPattern Create(string pattern, RegexOptions options, params string[] needles) => new(pattern, options, needles);

    private static Regex Plain(string pattern) => GuardedPattern.CreateRegex(pattern);

    // A regex's reading of one shell command of a pipeline or list, for the patterns that cannot be ProgramPattern yet
    // (see the remarks): it ends at these, and at the start of a nested command line: an outer command does not reach
    // into the one another shell runs (docker exec api sh -c 'rm /tmp/x' removes no container). A pattern does not run on
    // from one line of a here-document's data to the next (\f, ShellOperators.DataLineBreak). It also ends at a ';'
    // inside a $(…), which the shell does not: ProgramPattern.OptionInOwnCommand reads a program's command whole.
    private const string SameCommand = @"[^|;&\n\x02\f]*";

    // A program's options before its subcommand, each with or without a value: kubectl -n api, --context=prod,
    // --insecure-skip-tls-verify; helm -n prod, systemctl --no-block, docker --context prod, docker compose -f x.yml.
    // An option's name starts with a letter or digit after its dashes: read one way only, so a long list of options that
    // leads to no match fails fast instead of trying every split of `--a` into `-` and `-a` until the regex times out.
    private const string GlobalOptions = @"(\s+--?\w[\w-]*(=\S*|\s+[^\s-]\S*)?)*";

    // The end of a subcommand or program name: a blank, a separator or the text's end, not more of a name (stop-worker,
    // stop.yml, kill-switch).
    private const string WordEnd = @"(?![^\s;&|)])";

    // sudo's options before the command it runs: those that take a value (-u app, -uapp, -iu app, --user=app, --user app),
    // flags (-E, -n, -i, --login: only the letters that take no value, so the `app` of `-u app` is never read as the
    // command, nor is `watch` in `sudo -u watch ls`) and --.
    private const string SudoValueOptions = "user|group|host|prompt|chdir|chroot|role|type|other-user|close-from|command-timeout";
    private const string SudoOptions =
        @"(\s+(-[ABEHKNPSVbeiklnsv]*[CDRTUghprtu]\s*[^\s-]\S*|-[ABEHKNPSVbeiklnsv]+(?=\s)|--(" + SudoValueOptions + @")(=|\s+)\S+" +
        @"|--(?!(" + SudoValueOptions + @")(\s|$))[\w-]+(=\S*)?|--(?=\s)))*";

    // What may stand before a command's program: sudo and its options, env and variable assignments, nohup, exec,
    // command, nice, and a timeout N prefix (`sudo -u deploy RELEASE=v41 timeout 600 ./rollback.sh`).
    private const string CommandPrefixes =
        @"((sudo" + SudoOptions + @"|env(\s+-[\w-]+)*(\s+\w+=\S*)*|\w+=\S*|nohup|exec|command|nice(\s+-n\s*-?\d+|\s+-\d+)?" +
        @"|g?timeout(\s+--?\w[\w-]*(=\S+|\s+(?!\d)\S+)?)*\s+\d\S*)\s+)*";

    // Programs that run the command written after them without a quote: `ssh [options] HOST cmd`, `kubectl exec POD -- cmd`
    // (also oc, kubectl run/debug), `docker exec [options] CONTAINER cmd`, `docker compose exec SERVICE cmd`.
    private const string CommandRunners =
        @"\bssh(\s+-[46AaCfGgKkMNnqsTtVvXxYy]*[BbcDEeFIiJLlmOopQRSWw]\s*\S+|\s+-[46AaCfGgKkMNnqsTtVvXxYy]+)*\s+[^\s-]\S*\s+" +
        @"|\b(kubectl|oc)\s" + SameCommand + @"\s--\s+" +
        @"|\bdocker(-compose|\s+compose)?(\s+container)?\s+exec(\s+(-[eUuw]|--(env|env-file|user|workdir|detach-keys|index))\s+\S+|\s+-[\w-]+(=\S*)?)*\s+[^\s-]\S*\s+";

    // A regex lookbehind for where a program's name stands: where a command starts (ShellCommandBounds.AfterSeparator)
    // or after a runner of the command line that follows, then any prefixes. Declared before the patterns that use it.
    private static readonly string s_programStart = "(?<=(" + ShellCommandBounds.AfterSeparator + "|" + CommandRunners + ")" + CommandPrefixes + ")";

    // As s_programStart, and after a `--` that ends another program's options (`kubectl exec api -- watch df -h`,
    // `stdbuf -oL -- ping db`): for watch and ping, whose names are also words (`grep -i watch`, `redis-cli ping`).
    private static readonly string s_programStartOrAfterDashes = "(?<=(" + ShellCommandBounds.AfterSeparator + "|" + CommandRunners + @"|\s--\s+)" + CommandPrefixes + ")";

    // Options as words of their own, a value being a word like any other: one reading of the words, no backtracking over
    // which word is an option's value (that made a long command time out).
    private const string Options = @"(\s+--?\w[^\s;&|()<>]*)*";

    // An interpreter's options before the script it runs, with a value that does not name the script (-i hosts rollback.yml).
    private const string InterpreterOptions = @"(\s+--?\w[^\s;&|()<>=]*(=\S*|\s+(?![^\s;&|()<>]*rollback)[^\s;&|()<>-][^\s;&|()<>]*)?)*";

    // The word rollback in a name, not inside another word (db-rollback, rollback_db.py, Rollback; not rollbacks).
    private const string RollbackWord = "(?<![a-z])rollback(?![a-z])";

    // Programs whose words name things (a file, a branch, a pod) rather than tell them to roll back, and the prefixes
    // whose command is the program (sudo, env): kubectl has no rollback subcommand, while its logs and resources may be
    // named for one.
    private const string NotAProgram =
        @"(?!([^\s;&|()<>=]*/)?(grep|egrep|fgrep|rg|echo|printf|cat|less|more|head|tail|journalctl|ls|cd|pushd|find|stat|file|wc|du|diff|man|which|type|vim?|nano|jq|yq|mkdir|touch|cp|mv|chmod|chown|git|kubectl|oc" +
        @"|sudo|env|nohup|exec|command|nice|g?timeout|time)" + WordEnd + ")";

    // A subcommand that reads, lists or shows: what comes after it names a thing (docker logs rollback, helm history
    // rollback, helm diff rollback).
    private const string NotAReadingSubcommand = "(?!(logs?|get|describe|list|ls|show|status|history|inspect|view|cat|top|events|ps|info|search|diff|tail)" + WordEnd + ")";

    // A rollback that runs, case-insensitively (deploy.sh Rollback api), and nothing else that has the word in it:
    // - a program named for it (./rollback.sh v41, /opt/app/bin/rollback, db_rollback.py), also run by an interpreter
    //   (bash scripts/rollback.sh, python3 rollback.py, ansible-playbook -i hosts rollback.yml);
    // - a program's subcommand or task, among its first four words that are not options (helm rollback, argocd app
    //   rollback, ./deploy.sh --service api rollback, npm run deploy:rollback, bundle exec rake db:rollback); not after
    //   a program of NotAProgram, nor after a subcommand that reads (docker logs rollback), nor as an option's value
    //   (--description rollback);
    // - a POST, PUT or PATCH to a rollback endpoint by HTTPie or xh (http POST https://deployer/api/services/api/rollback);
    //   curl's is read in its own simple command (s_curlRollback).
    // Not the word inside a name or path an argument gives (kubectl logs job/db-rollback, ls /opt/app/rollback-plans/,
    // git log -- scripts/rollback.sh), nor in quoted data (jq '.rollback == false', psql -c "… = 'rollback'").
    private static readonly string s_rollback = s_programStart + "(" +
        @"(((ba|z|da|k|a)?sh|source|\.|python[\d.]*|node|ruby|perl|php|pwsh|ansible-playbook)" + InterpreterOptions + @"\s+)?(?!-)[^\s;&|()<>=]*" + RollbackWord + @"[^\s;&|()<>=]*" + WordEnd +
        "|" + NotAProgram + @"[^\s;&|()<>=-][^\s;&|()<>=]*" + Options + @"(\s+" + NotAReadingSubcommand + @"[^\s'""=-][^\s;&|()<>]*" + Options + @"){0,3}\s+(?<!\s--?[\w-]+\s+)([\w-]+:)*rollback" + WordEnd +
        @"|(https?|xhs?)(\s+--?\w[\w-]*(=\S*)?)*\s+(POST|PUT|PATCH)\s+['""]?[^\s'""]*/rollback(?![\w.-])" +
        ")";

    // curl where a program starts, what makes it send (a method that changes things, or data), and a rollback endpoint.
    private static readonly GuardedPattern s_curlRollback = Create(s_programStart + @"curl(?=\s)", "curl");
    private const string CurlSends = @"\s((-X\s*|--request(=|\s+))['""]?(POST|PUT|PATCH)\b|(-d|--data(-[\w-]+)?|--json|-F|--form)(?![\w-]))";
    private const string RollbackEndpoint = @"\s['""]?(https?://)?[^\s'""]*/(?i:rollback)(?![\w.-])";

    // Kafka's tool that moves or deletes a consumer group's offsets, also run as its script.
    private const string KafkaConsumerGroups = @"\bkafka-consumer-groups(\.sh)?(?=\s)";

    // A program's name and what it is told to do (Program: in text no shell runs, CommandData, it is only text), or the
    // data a client acts on (Data: psql -c 'DROP TABLE x' deletes whatever quotes it is in).
    private enum Reads { Program, Data }

    private static readonly (ProgramPattern Pattern, string Detail, Reads Reads)[] s_destructive =
    [
        (Create(@"(?<![\w-])rm\s+((-[a-zA-Z]+|--[\w-]+)\s+)*(-[a-zA-Z]*[rR][a-zA-Z]*|--recursive)\b", "rm"), "recursive delete", Reads.Program), // also rm -f -r; not docker run --rm
        (ProgramPattern.OptionOf(Create(@"\bfind(?=\s)", "-delete", "-exec"), @"\s(-delete|-exec(dir)?\s+rm)\b"), "deletes the files it finds", Reads.Program),
        (Create(@"(?<![\w./-])(mkfs(\.\w+)?|mke2fs|wipefs)\s", "mkfs", "mke2fs", "wipefs"), "formats or wipes a device", Reads.Program),
        // A statement, not a word of an option's or a resource's name (--no-truncate, --log-group-name truncate-test).
        (Create(@"(?<![\w-])(DROP\s+(TABLE|DATABASE|SCHEMA|INDEX|VIEW|USER|ROLE|COLUMN)|TRUNCATE(\s+TABLE)?|DELETE\s+FROM)(?![\w-])", RegexOptions.IgnoreCase, "drop", "truncate", "delete"), "SQL that deletes data", Reads.Data),
        (Create(@"\bpg_terminate_backend\b", "pg_terminate_backend"), "terminates database sessions", Reads.Data),
        (Create(@"\bFLUSH(ALL|DB)\b", RegexOptions.IgnoreCase, "flush"), "wipes the cache", Reads.Data),
        // delete or drain as kubectl's subcommand, after its global options (-n api, --context=prod): not a word of an
        // argument's data (annotate … note='please delete me', label … reason=delete), nor `auth can-i delete`, a question.
        (Create(@"\bkubectl" + GlobalOptions + @"\s+(delete|drain)\b", "delete", "drain"), "deletes cluster resources", Reads.Program),
        (ProgramPattern.OptionOf(Create(@"\bkubectl\b", "rollout"), @"\srollout\s+undo\b"), "rolls a deployment back", Reads.Program),
        (ProgramPattern.WordThenOption(Create(@"\bkubectl\b", "--prune"), @"\sapply\b", @"\s--prune\b"), "deletes the resources missing from the manifests", Reads.Program),
        (Create(@"\bhelm" + GlobalOptions + @"\s+(uninstall|delete|rollback)" + WordEnd, "helm"), "changes a release", Reads.Program), // also helm -n prod uninstall
        (Create(@"((--replicas|--desired-count|--desired-capacity|--min-capacity|--max-capacity|--min-size|--max-size|--num-nodes)(=|\s+)|""replicas""\s*:\s*)0(?![\d.])", "replicas", "desired-count", "desired-capacity", "min-capacity", "max-capacity", "min-size", "max-size", "num-nodes"), "scales to zero", Reads.Data),
        (Create(@"\baws(\s+--[\w-]+(=\S+|\s+[^\s-]\S*)?)*\s+[\w-]+\s+(update-function-code|delete-[\w-]+|restore-[\w-]+|terminate-[\w-]+|deregister-[\w-]+|purge-[\w-]+|rollback-[\w-]+|stop-[\w-]+|reboot-[\w-]+|continue-update-rollback|rb|rm)\b", "aws"), "changes or deletes cloud resources", Reads.Program),
        (ProgramPattern.OptionOf(Create(@"\b(gcloud|az)(?=\s)", "delete"), @"\sdelete(-[\w-]+)?\b"), "deletes cloud resources", Reads.Program),
        // From the program: `aws s3 sync … --delete` (also after aws's options), not `sync … --delete`, which named no
        // program the operator knows.
        (ProgramPattern.OptionOf(Create(@"\b(rsync|(aws(\s+--[\w-]+(=\S+|\s+[^\s-]\S*)?)*\s+s3\s+)?sync)\b", "--delete"), @"\s--delete\b"), "deletes the files missing from the source", Reads.Program),
        // An HTTP DELETE removes what its URL names (curl -XDELETE localhost:9200/logs-2024.01 drops an Elasticsearch
        // index): curl's -X/--request (also in a bundle, -sX DELETE), HTTPie's and xh's method word, wget's --method.
        (ProgramPattern.OptionOf(Create(@"(?<![\w./-])curl(?=\s)", "DELETE"), @"\s(-[a-zA-Z]*X\s*|--request(=|\s+))['""]?DELETE(?![\w-])"), "sends an HTTP DELETE", Reads.Program),
        (Create(@"(?<![\w./-])(https?|xhs?)" + GlobalOptions + @"\s+DELETE\s", "DELETE"), "sends an HTTP DELETE", Reads.Program),
        (ProgramPattern.OptionOf(Create(@"(?<![\w./-])wget(?=\s)", "DELETE"), @"\s--method(=|\s+)['""]?DELETE(?![\w-])"), "sends an HTTP DELETE", Reads.Program),
        // A message broker's queues: purging or deleting one loses the messages it holds (orders, receipts not yet sent),
        // resetting a node its queues and users; a topic deleted or a consumer group's offsets moved and executed (without
        // --execute kafka-consumer-groups only prints the plan) loses or replays messages. RabbitMQ's and Kafka's own
        // subcommands, after their options: not `rabbitmqctl list_queues`, not `kafka-topics --describe`.
        (Create(@"\brabbitmqctl" + GlobalOptions + @"\s+(purge_queue|delete_queue|delete_vhost|delete_user|reset|force_reset|forget_cluster_node)" + WordEnd, "rabbitmqctl"), "purges or deletes queues", Reads.Program),
        (Create(@"\brabbitmqadmin" + GlobalOptions + @"\s+(purge|delete)\s+(queue|exchange|vhost|user)" + WordEnd, "rabbitmqadmin"), "purges or deletes queues", Reads.Program),
        (ProgramPattern.OptionOf(Create(@"\bkafka-topics(\.sh)?(?=\s)", "kafka-topics"), @"\s--delete\b"), "deletes topics", Reads.Program),
        // The reset's two options in either order: one pattern for each order, as a word is read before the option after it.
        (ProgramPattern.OptionOf(Create(KafkaConsumerGroups, "kafka-consumer-groups"), @"\s--delete(-offsets)?\b"), "moves or deletes consumer offsets", Reads.Program),
        (ProgramPattern.WordThenOption(Create(KafkaConsumerGroups, "kafka-consumer-groups"), @"\s--reset-offsets\b", @"\s--execute\b"), "moves or deletes consumer offsets", Reads.Program),
        (ProgramPattern.WordThenOption(Create(KafkaConsumerGroups, "kafka-consumer-groups"), @"\s--execute\b", @"\s--reset-offsets\b"), "moves or deletes consumer offsets", Reads.Program),
        // A host restarted or stopped: every service on it goes down with it (sudo reboot, shutdown -r now, systemctl
        // reboot, init 6). Where a program starts: not `last reboot` (a list of past boots), nor `shutdown -c` (it cancels one).
        (Create(s_programStart + @"(reboot|poweroff|halt)" + WordEnd +
            "|" + s_programStart + @"init\s+[06]" + WordEnd +
            @"|\bsystemctl" + GlobalOptions + @"\s+(reboot|poweroff|halt|kexec)" + WordEnd, "reboot", "poweroff", "halt", "init"), "restarts or stops the host", Reads.Program),
        // `shutdown -c` cancels a pending shutdown, read in shutdown's own command: `shutdown -r +5 "$(cut -c 1-60 why)"`
        // restarts the host (the -c is cut's).
        (ProgramPattern.UnlessOption(Create(s_programStart + @"shutdown" + WordEnd, "shutdown"), @"\s-c\b"), "restarts or stops the host", Reads.Program),
        // Firewall rules flushed: with a default policy of DROP the host stops answering, the SSH session too.
        (ProgramPattern.OptionOf(Create(@"\bip6?tables(-legacy|-nft)?(?=\s)", "tables"), @"\s(-F|--flush|-X|--delete-chain)(?![\w-])"), "flushes the firewall's rules", Reads.Program),
        (Create(@"\bnft\s+flush\s+ruleset\b", "nft"), "flushes the firewall's rules", Reads.Program),
        // A key store's keys deleted: etcd (Kubernetes' own state), Consul's and Vault's KV, a Nomad job stopped.
        (Create(@"\b(etcdctl" + GlobalOptions + @"\s+del|consul\s+kv\s+delete|vault\s+kv\s+(delete|destroy|metadata\s+delete)|nomad\s+job\s+stop)" + WordEnd, "etcdctl", "consul", "vault", "nomad"), "deletes keys or stops jobs", Reads.Program),
        // MongoDB's shell handed a drop or a delete of many documents (mongosh --eval 'db.sessions.drop()'; the shell's
        // reading of the command keeps no parentheses, so the method is matched by its name after `db.`).
        (Create(@"\bdb\.(\S*\.)?(dropDatabase|dropIndexes|deleteMany|drop)(?![\w-])", "drop", "deletemany"), "deletes MongoDB data", Reads.Data),
        (Create(@"\b(pg_restore|dropdb|dropuser)\b", "pg_restore", "dropdb", "dropuser"), "restores or drops a database", Reads.Program),
        // docker's or compose's own subcommand, after their options and a management command (container, system, volume…):
        // not a word after another subcommand (docker exec api rm /tmp/app.lock removes a file in the container, not a
        // container; docker compose logs stop-worker, docker ps --filter name=kill-switch, docker run --rm).
        (Create(@"\bdocker(-compose" + GlobalOptions + "|" + GlobalOptions + @"(\s+compose" + GlobalOptions + @")?)\s+" +
            @"((container|image|volume|network|system|builder|buildx|service|stack|node|plugin|secret|config|context)\s+)?(down|rm|prune|kill|stop)" + WordEnd, "docker"), "stops or removes containers", Reads.Program),
        (Create(@"\bsystemctl" + GlobalOptions + @"\s+(stop|disable|mask)" + WordEnd, "systemctl"), "stops a service", Reads.Program), // also systemctl --no-block stop
        (ProgramPattern.OptionOf(Create(@"\bgit\s+push\b", "git"), @"\s(--force\b|-f\b|\+[\w/])"), "rewrites or discards git history", Reads.Program),
        (Create(@"\bgit\s+(reset\s+--hard\b|clean\s+-[a-zA-Z]*f)", "git"), "rewrites or discards git history", Reads.Program),
        (Create(@"\bterraform(\s+-chdir=\S+)?\s+(destroy\b|state\s+rm\b)", "terraform"), "destroys infrastructure or applies a plan nobody read", Reads.Program),
        (ProgramPattern.OptionOf(Create(@"\bterraform(\s+-chdir=\S+)?\s+apply\b", "terraform"), @"\s--?(auto-approve|destroy)\b"), "destroys infrastructure or applies a plan nobody read", Reads.Program),
        (ProgramPattern.OptionOf(Create(@"\bdd(?=\s)", "dd"), @"\bof="), "overwrites a device or file", Reads.Program),
        (Create(s_rollback, RegexOptions.IgnoreCase, "rollback"), "rolls back a deployment", Reads.Program), // not `grep rollback deploy.log`, `kubectl logs job/db-rollback`
        // curl sending a POST, PUT or PATCH (or data) to a rollback endpoint, in either order, read in curl's own command:
        // `curl -H "X-Trace: $(cat id; echo)" -X POST https://deployer/api/services/api/rollback` rolls back.
        (ProgramPattern.WordThenOption(s_curlRollback, CurlSends, RollbackEndpoint), "rolls back a deployment", Reads.Program),
        (ProgramPattern.WordThenOption(s_curlRollback, RollbackEndpoint, CurlSends), "rolls back a deployment", Reads.Program),
    ];

    // A secret's value as the shell reads the word: all that quotes hold ('…', or "…" where \" does not end it), or,
    // unquoted, up to a blank, a quote, a backslash, a backtick or an operator (-a s3cr3t&& …). PGPASSWORD='aB3;kL9x' is
    // aB3;kL9x: read up to the ';', the fix left ";kL9x" in the source and the hole inside the quotes. No secret spans
    // lines: a quote left open does not take the script after it.
    private const string QuotedValue = @"'(?<secret>[^'\r\n]+)'|""(?<secret>([^""\\\r\n]|\\.)+)""";
    private const string BareValue = @"(?<secret>[^\s&;|<>()`'""\\]+)";
    // What a document leaves where the value goes for the engineer to fill in: <admin-pass>, <db password>. Unquoted, the
    // shell would read it as a redirection, so BareValue stops at its '<'; but curl -u admin:<admin-pass> and
    // mysql -p<db-pass> still give a credential there, which the importer must ask for as a secret (CredentialPositions).
    // Words after a blank start with a letter, as the importer's placeholders do: mysql -p<in.sql >out is a redirection.
    private const string AnglePlaceholder = @"(?<secret><[A-Za-z][\w.-]*(?: [A-Za-z][\w.-]*){0,3}>)(?!>)";
    private const string Value = "(" + AnglePlaceholder + "|" + QuotedValue + "|" + BareValue + ")";

    /// <summary>
    /// An Authorization value's scheme and the blank after it (RFC 9110 §11.4: <c>scheme credential</c>), then the name
    /// of the parameter the credential is when the scheme takes one (<c>Token token=…</c>; not a base64 credential's
    /// padding, <c>b3BzOmh1bnRlcjI=</c>). Any word is a scheme: with a list of the common ones, Opsgenie's
    /// <c>GenieKey {ApiToken}</c> was a credential named GenieKey.
    /// </summary>
    internal const string AuthorizationScheme = @"[A-Za-z][\w.+-]*[ \t]+([\w-]+=(?!=))?";

    // Name: the [Parameter, Secret] the fix creates, or "" for the one the pattern's key names (SecretName). One tool's
    // password is not another's: a fix reuses a secret parameter of the same name, so named alike, a Redis and a MySQL
    // password would become one value.
    private static readonly (CredentialPattern Pattern, string Detail, string Name)[] s_secrets =
    [
        (Create(@"\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\s:/@'""]*:(?<secret>[^\s/@'""]+)@", "@"), "A password in a URL or connection string", "Password"),
        // The scheme may open a quoted value: node's `Bearer ${config.apiKey}` is a template, not a credential named `Bearer.
        // Any word before a blank is the scheme (GenieKey, SSWS, Splunk...), and the credential may be its parameter
        // (PagerDuty's Token token=...): the scheme is no secret (AuthorizationScheme).
        (Create(@"(?i)\b(proxy-)?authorization\s*:\s*[`'""]?(" + AuthorizationScheme + @")?(?<secret>[^\s'""\\]+)", "authorization"), "A credential in an Authorization header", "ApiToken"),
        (Create(@"(?i)\b(x-api-key|api-key|x-auth-token|x-access-token|private-token|x-vault-token)\s*:\s*(?<secret>[^\s'""\\]+)", "api-key", "x-auth-token", "x-access-token", "private-token", "x-vault-token"), "An API key in a header", "ApiKey"),
        // The whole key names the secret (DB_PASSWORD, REDIS_PASSWORD: two passwords, not one named Password).
        (Create(@"(?i)(?<![a-z0-9])(?<name>([a-z][a-z0-9]*[_-])*(password|passwd|pwd|secret|client_secret|aws_secret_access_key|secret_access_key|api[_-]?key|access[_-]?token|auth[_-]?token|token|pgpassword|mysql_pwd))\s*=\s*" + Value, "pass", "pwd", "secret", "key", "token"), "A secret assigned in the text", ""),
        (Create(@"(?i)--(?<name>password|passwd|token|secret|api-key|access-token)(=|\s+)(" + QuotedValue + "|" + AnglePlaceholder + "|(?!-)" + BareValue + ")", "--pass", "--token", "--secret", "--api-key", "--access-token"), "A secret passed as a command-line option", ""),
        (CredentialPattern.OptionOf(Create(@"(?<![\w./-])(mysql|mariadb)(dump|admin)?(?![\w./-])", "mysql", "mariadb"), @"\s-p" + Value), "A password passed as mysql -p", "MysqlPassword"), // -p alone prompts
        (CredentialPattern.OptionOf(Create(@"\bredis-cli\b", "redis-cli"), @"\s(-a|--pass)\s+" + Value), "A password passed as redis-cli -a", "RedisPassword"),
        // sshpass -p 'pw' ssh …, docker login -u ci -p 'pw' registry, vault login hvs.…: the importer copied each into
        // the code as written (RB0006 read none of them), so a handbook's commands carried the team's passwords.
        (CredentialPattern.OptionOf(Create(@"\bsshpass\b", "sshpass"), @"\s-p\s*" + Value), "A password passed as sshpass -p", "SshPassword"),
        (CredentialPattern.OptionOf(Create(@"\b(docker|podman|nerdctl|buildah|skopeo|oras|helm\s+registry)\s+login\b", "login"), @"\s-p\s*" + Value), "A password passed as docker login -p", "RegistryPassword"),
        (Create(@"\bvault\s+login(\s+-\S+)*\s+(" + AnglePlaceholder + "|" + QuotedValue + @"|(?<secret>[^\s&;|<>()`'""\\=-][^\s&;|<>()`'""\\=]*)(?![^\s&;|<>()]))", "vault"), "A token passed as vault login", "VaultToken"),
        (Create(@"\b(?<secret>hv[sbr]\.[A-Za-z0-9_-]{20,})", "hv"), "A Vault token", "VaultToken"),
        // -u ops:'pa ss', -u 'ops:pa ss', --user="ops:pa ss", -u ops:pass: what follows the user's colon.
        (CredentialPattern.OptionOf(Create(@"\bcurl\b", "curl"), @"\s(-u\s*|--user(=|\s+))('[^:'\r\n]+:(?<secret>[^'\r\n]+)'|""[^:""\\\r\n]+:(?<secret>([^""\\\r\n]|\\.)+)""|[^\s:'""\\]+:" + Value + ")"), "A password in curl --user", "BasicAuthPassword"),
        (Create(@"(?i)\baws\s+configure\s+set\s+(?<name>aws_secret_access_key|aws_session_token)\s+" + Value, "aws_secret_access_key", "aws_session_token"), "An AWS secret set with aws configure", ""),
        (Create(@"\bhooks\.slack\.com/(services|workflows|triggers)/([\w-]+/)+(?<secret>[A-Za-z0-9]{8,})", "hooks.slack.com"), "A Slack webhook URL (its path is the credential)", "SlackWebhookToken"),
        (Create(@"(?i)""(?<name>password|passwd|secret|token|api_?key|access_?token|client_?secret)""\s*:\s*""(?<secret>[^""]+)""", "pass", "secret", "token", "key"), "A secret in a JSON body", ""),
        (Create(@"\b(?<secret>(AKIA|ASIA)[0-9A-Z]{16})\b", "AKIA", "ASIA"), "An AWS access key id", "AwsAccessKeyId"),
        (Create(@"\b(?<secret>gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{20,})", "gh", "github_pat_"), "A GitHub token", "GitHubToken"),
        (Create(@"\b(?<secret>xox[abprs]-[A-Za-z0-9-]{10,})", "xox"), "A Slack token", "SlackToken"),
        (Create(@"(?<![\w-])(?<secret>sk-(ant-|proj-)?[A-Za-z0-9_-]{20,}|[sr]k_live_[A-Za-z0-9]{16,})", "sk-", "k_live_"), "An API secret key", "ApiKey"),
        (Create(@"\b(?<secret>AIza[0-9A-Za-z_-]{35})", "AIza"), "A Google API key", "GoogleApiKey"),
        (Create(@"\b(?<secret>eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,})", "eyJ"), "A JSON web token", "Token"),
        (Create(@"(?<secret>-----BEGIN [A-Z ]*PRIVATE KEY-----)", "-----BEGIN"), "A private key", "PrivateKey"),
    ];

    // One person's home, as each system spells it: /home/jon, /Users/jon, C:\Users\jon (also C:/Users, c:\users), Git Bash's
    // /c/Users/jon, WSL's /mnt/c/Users/jon, and ~jon/. Then the rest of the path.
    // Not a glob or a placeholder (/home/*, C:\Users\%USERNAME%, /home/<user>), nor a folder every machine has
    // (/Users/Shared, C:\Users\Public, C:\Users\Default, Homebrew's /home/linuxbrew).
    private const string HomeUser = @"(?!(Shared|Public|Default|linuxbrew)([\s/\\'""`;&|)]|$))(?>(?<user>[^\s/\\'""$`;&|)*?\[<{%]+))(?![*?\[<{%])";
    // Service accounts' homes are the same on every host: sudo -u postgres psql -f ~postgres/restore.sql.
    private const string TildeUser = @"(?<tilde>~)(?!(root|postgres|mysql|redis|www-data|nginx)/)(?<user>[A-Za-z_][\w.-]*)(?=/)";
    // The rest of the path, up to a blank, a quote, an operator or what the shell expands in a word (HomePaths): a glob
    // (* ? [), a brace list, $VAR and $(…), a backtick and, in a Unix path, a backslash escape (my\ notes).
    private const string UnixRest = @"[^\s'""`;&|<>)*?\[{$\\]*";
    private const string WindowsRest = @"[^\s'""`;&|<>)*?\[{$]*";
    private static readonly GuardedPattern s_homePath = Create(
        @"(?<![\w.~/$-])((((/mnt)?/[a-zA-Z])?/(home|Users)/" + HomeUser + @"|" + TildeUser + @")" + UnixRest + @"|(?<windows>[A-Za-z]:[\\/](?i:users)[\\/])" + HomeUser + WindowsRest + ")",
        "/home", "/Users", "\\Users\\", "~");

    private static readonly Regex s_word = Plain(@"[^\s""'=,:/()\[\]{}|;&@<>`$\\]+");

    private static readonly Regex s_commandSeparator = Plain(@"\|\||&&|[;|\n]");
    private static readonly GuardedPattern s_curl = Create(@"(?<![\w./-])curl(?=\s|$)", "curl");
    // A pipeline's status is its last command's: piped into one of these, the check fails when the page is wrong.
    // jq is one given -e in its own simple command (JqChecksStatus).
    private static readonly Regex s_pipedIntoCheck = Plain(@"\G\|\s*(grep|egrep|fgrep|rg|test|diff|cmp)\b");
    // These exit 0 whatever they read (jq too, on empty input, unless -e): at a pipeline's end they hide every failure before them.
    private static readonly Regex s_pipedIntoZero = Plain(@"\G\|\s*(?<name>wc|tee|head|tail|cat|sort|uniq|cut|tr|column|jq)(?=\s|$)");
    private static readonly Regex s_pipedIntoJq = Plain(@"\G\|\s*(?<name>jq)(?=\s|$)");
    private static readonly Regex s_jqName = Plain(@"\Gjq");
    private static readonly Regex s_jqExitStatus = Plain(@"(?<=\s)(-e|--exit-status)\b");
    private static readonly Regex s_failFlag = Plain(@"(^|\s)(--fail(-with-body)?|-[a-zA-Z]*f[a-zA-Z]*)(?=\s|$)");
    // Where a command starts (after sudo or a timeout prefix too): not the scheme of a URL, not a word another command
    // reads (`grep -q http`, `echo http ...`).
    // After the reserved words of a compound command too: `if ...; then http GET ...; fi`.
    private static readonly string s_atCommandStart = "(?<=" + ShellCommandBounds.AfterSeparator + @"((sudo|nohup|exec|command)\s+|g?timeout\s+(--?[\w-]+(=\S+|\s+(?!\d)\S+)?\s+)*\d\S*\s+)*)";
    // HTTPie's `http` and `https`.
    private static readonly GuardedPattern s_httpie = Create(s_atCommandStart + @"https?(?=\s|$)", "http");
    // xh, HTTPie's compatible rewrite, and `xhs` (https by default).
    private static readonly GuardedPattern s_xh = Create(s_atCommandStart + @"xhs?(?=\s|$)", "xh");
    private static readonly Regex s_checkStatus = Plain(@"(^|\s)--check-status(?=\s|$)");

    // HTTP clients that exit 0 on an HTTP error unless told otherwise, and how they are told.
    private static readonly (GuardedPattern Client, Regex FailFlag, string Detail)[] s_httpClients =
    [
        (s_curl, s_failFlag, "curl without --fail exits 0 on HTTP errors"),
        (s_httpie, s_checkStatus, "HTTPie without --check-status exits 0 on HTTP errors (4xx, 5xx)"),
        (s_xh, s_checkStatus, "xh without --check-status exits 0 on HTTP errors (4xx, 5xx)"),
    ];
    // The last command of a list, after `;` or a new line, when it succeeds whatever came before it.
    private static readonly Regex s_listEndsInSuccess = Plain(@"[;\n]\s*(?<name>echo|printf|true|:|kill|sleep|date|exit\s+0)(?=[\s;]|$)((?!&&)[^;|\n])*[;\s]*$");
    // ...unless a failure stops the list first: `set -e`, `|| exit 1`, `exit $status`.
    private static readonly Regex s_failureEndsTheList = Plain(@"\bset\s+(-[a-zA-Z]*e|-o\s+errexit)|\bexit\s+[1-9$]");
    // \G: right after a separator. Nothing but blanks, or a command that succeeds whatever came before it.
    // A test command at a command's start: what it compares decides its status.
    private static readonly Regex s_testCommand = Plain(@"\G\s*((if|while|until|then|do|!)\s+)*(\[\[?|test)(?=\s)");
    // A compound command anywhere in the text: if, while, until, for, case, a group or a subshell.
    private static readonly Regex s_compound = Plain(@"(^|[;&|\n(]\s*|\b(then|do|else)\s+)(if|while|until|for|case|\{|\()(?=\s)");
    // The list stops at the first failure: a command before the last one can fail it.
    private static readonly Regex s_errexit = Plain(@"\bset\s+(-[a-zA-Z]*e|-o\s+errexit)|\berrexit\b");
    private static readonly Regex s_sureToSucceed = Plain(@"\G\s*($|(echo|printf|true|:)(?=\s|$))");
    private static readonly GuardedPattern s_swallow = Create(@"\|\|\s*(true\b|:(?=\s|$)|exit\s+0\b|echo\b)", "||");

    private static readonly (ProgramPattern Pattern, string Detail)[] s_neverEnds =
    [
        (ProgramPattern.OptionOf(Create(@"(?<!logs\s+)\btail(?=\s)", "tail"), @"(?<=\s)-[a-zA-Z]*[fF][a-zA-Z]*\b"), "tail -f"),
        (ProgramPattern.OptionOf(Create(@"\b(logs|journalctl)\b", "logs", "journalctl"), @"(?<=\s)-[a-zA-Z]*f[a-zA-Z]*(?![\w-])", reports: ProgramPattern.Finding.Option), "following logs"), // also journalctl -fu
        // Not git's own --follow (git log --follow follows renames and ends), read in its own command; not --follow-symlinks.
        (ProgramPattern.UnlessAfter(Create(@"--follow(?![\w-])", "--follow"), @"(?<![\w./~-])git(?=\s)"), "--follow"),
        (ProgramPattern.OptionOf(Create(@"\bkubectl\b", "port-forward"), @"\sport-forward\b"), "port-forward"),
        (ProgramPattern.UnlessOption(Create(@"(?<![\w./-])stern(?=\s)", "stern"), @"\s--no-follow\b"), "stern"),
        (Create(@"\bsleep\s+inf(inity)?\b", "sleep"), "sleep infinity"),
        (ProgramPattern.OptionOf(Create(@"\bless(?=\s)", "+F"), @"\s\+F\b"), "less +F"),
        (ProgramPattern.UnlessOption(Create(s_programStartOrAfterDashes + @"ping6?(?=\s)", "ping"), @"\s-[a-zA-Z]*[cw]"), "ping without -c"), // at a command's start: not redis-cli ping
        (Create(s_programStartOrAfterDashes + @"watch\s", "watch"), "watch"), // where a command starts, also after sudo -u app: not grep -i watch
        (ProgramPattern.WordThenOption(Create(@"\bkubectl\b", "-w", "--watch"), @"\s(get|events)\b", @"(?<=\s)(-w|--watch)\b(?!=false)"), "kubectl get --watch"), // also kubectl -n ns get
        // Commands that stream until someone presses Ctrl-C, as the performance and container checklists paste them.
        (ProgramPattern.UnlessOption(Create(@"\bdocker\s+(container\s+)?stats\b", "stats"), @"\s--no-stream\b"), "docker stats without --no-stream"),
        (ProgramPattern.UnlessOption(Create(@"\bdocker\s+(system\s+)?events\b", "events"), @"\s--until\b"), "docker events without --until"),
        (ProgramPattern.OptionOf(Create(@"\bdocker(-compose|\s+compose)\b", "up"), @"\sup\b", unless: @"\s(-[a-zA-Z]*d[a-zA-Z]*|--detach|--wait|--no-start)\b"), "docker compose up without -d"),
        (ProgramPattern.OptionOf(Create(@"\bredis-cli\b", "redis-cli"), @"\s((?i:monitor|p?subscribe)|--stat|--latency(-history|-dist)?)(?![\w-])"), "a redis-cli stream"),
        (ProgramPattern.UnlessOption(Create(@"(?<![\w./-])tcpdump(?=\s|$)", "tcpdump"), @"\s-[a-zA-Z]*[cr]"), "tcpdump without -c"), // -r reads a capture file
        (ProgramPattern.OptionOf(Create(@"\bdmesg\b", "dmesg"), @"\s(-[a-zA-Z]*w[a-zA-Z]*|-W|--follow-new)(?![\w-])"), "dmesg -w"),
        (ProgramPattern.OptionOf(Create(@"\b(az|gcloud)\b", "tail"), @"(?<=\s)(log|logs|logging)\s+tail\b", reports: ProgramPattern.Finding.Option), "streaming logs"), // az webapp log tail, gcloud app logs tail
        // An interval and no count: `vmstat 1` samples forever, `vmstat 1 5` five times. Not when piped (`| head` ends it).
        (Create(@"(?<![\w./-])(vmstat|iostat|mpstat|pidstat|sar)(\s+(?!\d)\S+)*\s+\d+(?=\s*($|[;&\n)]))", "vmstat", "iostat", "mpstat", "pidstat", "sar"), "an interval without a count"),
        // Tunnels and sessions hold their connection open until someone stops them. ssh -N runs no command (a tunnel)
        // unless -f sends it to the background; a non-interactive SSM session runs one command and ends.
        (ProgramPattern.OptionOf(Create(@"(?<![\w./-])(auto)?ssh(?=\s)", "ssh"), @"\s-[a-zA-Z]*N", reports: ProgramPattern.Finding.Program, unless: @"\s-[a-zA-Z]*f"), "ssh -N (a tunnel)"),
        (ProgramPattern.OptionOf(Create(@"\baws\b", "start-session"), @"(?<=\sssm\s+)start-session\b", reports: ProgramPattern.Finding.Option, unless: @"\bAWS-StartNonInteractiveCommand\b"), "an SSM session"),
        (ProgramPattern.OptionOf(Create(@"\bgcloud\b", "start-iap-tunnel"), @"(?<=\s)start-iap-tunnel\b", reports: ProgramPattern.Finding.Option), "an IAP tunnel"),
        (ProgramPattern.OptionOf(Create(@"\bkubectl\b", "proxy"), @"(?<=\s)(?<!\s(-[nlc]|--(namespace|context|cluster|user|selector|container))\s+)proxy(?=\s|$)", reports: ProgramPattern.Finding.Option), "kubectl proxy"), // not a namespace named proxy
        // kubectl's rollout status has no time limit by default (and --timeout=0 is none): a stuck rollout never ends.
        (ProgramPattern.OptionOf(Create(@"\b(kubectl|oc)\b", "rollout"), @"(?<=\s)rollout\s+status\b", reports: ProgramPattern.Finding.Option, unless: @"\s(--timeout(=|\s+)(?!0+(ms|s|m|h)?(?![\w.]))|(-w|--watch)=false\b)"), "rollout status without --timeout"),
    ];

    /// <summary>
    /// Every destructive command of <paramref name="text"/>, in order, one per simple command (its earliest match), read
    /// in <paramref name="shell"/> (the same text as <see cref="ShellOperators.Read"/> reads it: quoted operators are
    /// text, so one command is not split in two). <c>kubectl delete ns payments; psql -c 'DROP TABLE sessions'</c> is two.
    /// </summary>
    public static IEnumerable<TextMatch> Destructive(string text, string shell)
    {
        // 'rm', "rm" and \rm are the rm the patterns name; the quote that opens such a name opens no quoted argument.
        var programs = QuotedProgramNames.Unquote(shell);
        var found = EarliestPerCommand(s_destructive, programs, static (text, index, length, detail) => Trimmed(new TextMatch(index, length, text.Substring(index, length), detail)),
            (index, reads) => IsOnlyNamedText(shell, index) ||
                reads == Reads.Program && !QuotedProgramNames.IsRewrittenName(shell, programs, index) && CommandData.IsData(text, shell, index));
        // The finding shows the command as written; the shell reading differs from it only where something is quoted.
        // It ends where its nested command line, subshell or command substitution ends: `rm -rf /var/lib/app`, not
        // `rm -rf /var/lib/app'` nor, in `(cd /srv && rm -rf app)`, `rm -rf app)`.
        for (var i = 0; i < found.Length; i++)
        {
            var (start, length) = (found[i].Start, found[i].Length);
            var end = CommandEnd(programs, start, start + length);
            // A program a runner reads from quotes (`parallel 'rm -rf {}' ::: …`) ends at the closing quote.
            if (!QuotedProgramNames.IsRewrittenName(shell, programs, start) && ShellOperators.TextAt(text, start) is { HereDocument: false } quoted && quoted.Close < end)
                end = quoted.Close;
            // `/usr/bin/rm -rf x` is the rm the pattern names, run by its path: the finding shows the path too.
            var shown = PathBefore(programs, start);
            if (end < start + length || shown < start || !ReferenceEquals(text, programs))
                found[i] = Trimmed(found[i] with { Start = shown, Length = end - shown, Text = text.Substring(shown, end - shown) });
        }

        return found;
    }

    /// <summary>
    /// The match without the blanks around it, its start and length moved with its text: RB0005 marks in the source
    /// exactly the text its message quotes.
    /// </summary>
    private static TextMatch Trimmed(TextMatch match)
    {
        var leading = match.Text.Length - match.Text.TrimStart().Length;
        var text = match.Text.Trim();
        return match with { Start = match.Start + leading, Length = text.Length, Text = text };
    }

    /// <summary>
    /// Where a program name at <paramref name="start"/> begins with the folders written before it (<c>/bin/</c>,
    /// <c>./</c>): <paramref name="start"/> itself when no <c>/</c> comes right before it.
    /// </summary>
    private static int PathBefore(string shell, int start)
    {
        if (start == 0 || shell[start - 1] != '/') return start;
        while (start > 0 && (char.IsLetterOrDigit(shell[start - 1]) || shell[start - 1] is '/' or '.' or '_' or '-' or '+')) start--;
        return start;
    }

    /// <summary>
    /// Where the command at <paramref name="start"/> ends before <paramref name="end"/>: at the quote that closes the
    /// nested command line it is in, or at the <c>)</c> that closes its subshell or command substitution.
    /// </summary>
    private static int CommandEnd(string shell, int start, int end)
    {
        var depth = 0;
        for (var i = start; i < end; i++)
        {
            switch (shell[i])
            {
                case ShellOperators.NestedEnd:
                    return i;
                case '(':
                    depth++;
                    break;
                case ')' when depth-- == 0:
                    return i;
            }
        }

        return end;
    }

    /// <summary>The secrets written into <paramref name="text"/> (what RB0006 reports), not what stands for one (<see cref="IsPlaceholder"/>).</summary>
    public static IEnumerable<TextMatch> Secrets(string text) => Credentials(text, placeholdersToo: false);

    /// <summary>
    /// Every place where <paramref name="text"/> gives a credential, the ones a placeholder stands in too
    /// (<c>Authorization: Bearer YOUR_TOKEN</c>, <c>mysql -pYOUR_DB_PASSWORD</c>, <c>curl -u admin:&lt;admin-pass&gt;</c>): what the document left there for the
    /// engineer to fill in is a secret the engineer types, which the runner must mask as it masks a lifted one.
    /// </summary>
    public static IEnumerable<TextMatch> CredentialPositions(string text) => Credentials(text, placeholdersToo: true);

    private static IEnumerable<TextMatch> Credentials(string text, bool placeholdersToo)
    {
        // Almost every command holds no secret: then nothing is allocated, not even the list.
        List<TextMatch>? found = null;
        foreach (var (pattern, detail, name) in s_secrets)
        {
            foreach (var match in pattern.In(text))
            {
                var secret = match.Groups["secret"];
                if (!secret.Success || !placeholdersToo && IsPlaceholder(secret.Value)) continue;
                if (found is not null && found.Any(f => f.Start < secret.Index + secret.Length && secret.Index < f.Start + f.Length)) continue;
                var key = match.Groups["name"];
                (found ??= new List<TextMatch>()).Add(new TextMatch(secret.Index, secret.Length, secret.Value, detail, key.Success ? SecretName(key.Value) : name.Length == 0 ? "Secret" : name));
            }
        }

        return found is null ? Array.Empty<TextMatch>() : found.OrderBy(f => f.Start);
    }

    /// <summary>
    /// The property a secret's key names, in PascalCase as a property is written: <c>PGPASSWORD</c> → <c>PgPassword</c>,
    /// <c>MYSQL_PWD</c> → <c>MysqlPassword</c> (as <c>mysql -p</c>'s), <c>GITHUB_TOKEN</c> → <c>GitHubToken</c>,
    /// <c>DB_PASSWORD</c> → <c>DbPassword</c>, <c>client_secret</c> → <c>ClientSecret</c>, <c>apiKey</c> → <c>ApiKey</c>.
    /// </summary>
    internal static string SecretName(string key)
    {
        var builder = new System.Text.StringBuilder();
        // An environment variable's upper case is no word boundary: its words are the ones '_' parts.
        var allCaps = !key.Any(char.IsLower);
        foreach (var part in key.Split('_', '-'))
        {
            if (part.Length == 0 || !char.IsLetterOrDigit(part[0])) continue;
            var word = allCaps ? part.ToLowerInvariant() : part;
            builder.Append(word.ToLowerInvariant() switch
            {
                "pgpassword" => "PgPassword",
                "pwd" or "passwd" => "Password",
                "apikey" => "ApiKey",
                "github" => "GitHub",
                _ => char.ToUpperInvariant(word[0]) + word.Substring(1),
            });
        }

        return builder.Length == 0 ? "Secret" : builder.ToString();
    }

    /// <summary>A value that stands for a secret instead of being one: <c>$TOKEN</c>, <c>${Token}</c>, <c>&lt;token&gt;</c>, <c>PASSWORD</c>, <c>***</c>.</summary>
    public static bool IsPlaceholder(string value)
    {
        value = value.Trim('"', '\'', '`');
        if (value.Length == 0) return true;
        if (value[0] is '$' or '<' or '{' or '[' or '%') return true;
        if (value.All(c => c is '*' or 'x' or 'X' or '.' or '-')) return true;
        // PASSWORD, TOKEN, YOUR_API_KEY, 'CHANGE ME': upper-case words with no digits are how documents write placeholders.
        return value.All(c => c is (>= 'A' and <= 'Z') or '_' or ' ');
    }

    /// <summary>
    /// Every path in one person's home. A path the shell goes on expanding (<c>/home/jon/logs/*.log</c>,
    /// <c>/home/jon/app/{a,b}.conf</c>, <c>/home/jon/app/log-$(date +%F).txt</c>) ends at its last whole directory before
    /// what is expanded (<c>/home/jon/logs</c>, <c>/home/jon/app</c>): the fix moves the path into a hole, which the runner
    /// quotes, so what follows must stay text after the hole for the shell to expand it still. The name is the property
    /// the fix creates, or "" for another user's home written <c>~jon</c>, for which there is no fix: the shell expands
    /// <c>~jon</c> only unquoted, never in a hole's value, and which folder it is differs from machine to machine.
    /// </summary>
    public static IEnumerable<TextMatch> HomePaths(string text)
    {
        foreach (var path in Matches(s_homePath, text))
        {
            // ssh ubuntu@bastion 'tail /home/ubuntu/app.log': a cloud image's default user, the same on every instance.
            var user = path.Groups["user"];
            if (s_serverAccount.IsMatch(user.Value) && s_remote.IsMatch(text)) continue;
            var value = path.Value;
            var end = path.Index + path.Length;
            if (end < text.Length && IsExpandedInAWord(text[end]))
            {
                var windows = path.Groups["windows"].Success;
                var directory = windows ? value.LastIndexOfAny(new[] { '/', '\\' }) : value.LastIndexOf('/');
                if (directory < user.Index + user.Length - path.Index)
                {
                    // The user's name runs on into what the shell expands (/home/jon$SUFFIX/app.log, /home/jon{Suffix}/…):
                    // no whole home is written to move into a parameter. The word is reported as written, with no fix.
                    var wordEnd = end;
                    while (wordEnd < text.Length && !char.IsWhiteSpace(text[wordEnd]) && text[wordEnd] is not ('\'' or '"' or '`' or ';' or '&' or '|' or '<' or '>' or ')')) wordEnd++;
                    yield return new TextMatch(path.Index, wordEnd - path.Index, text.Substring(path.Index, wordEnd - path.Index), "home directory", "");
                    continue;
                }

                value = value.Substring(0, directory);
            }

            var name = path.Groups["tilde"].Success ? "" : PathParameterName(value);
            yield return new TextMatch(path.Index, value.Length, value, "home directory", name);
        }
    }

    /// <summary>What the shell expands in an unquoted word, where a path in a quoted hole would be taken as written.</summary>
    private static bool IsExpandedInAWord(char c) => c is '*' or '?' or '[' or '{' or '$' or '`' or '\\';

    // The default users of cloud images.
    private static readonly Regex s_serverAccount = Plain(@"^(ubuntu|ec2-user|centos|rocky|almalinux|admin|debian|azureuser|opc|core|fedora|vagrant)$");

    // The command reaches another machine, where the path is read.
    private static readonly GuardedPattern s_remote = Create(@"(?<![\w-])(ssh|scp|sftp|rsync|exec)(?![\w-])", "ssh", "scp", "sftp", "rsync", "exec");

    /// <summary><c>/home/jon/apps/backend</c> becomes <c>BackendDirectory</c>; <c>.../deploy.sh</c> becomes <c>DeployScriptPath</c>.</summary>
    private static string PathParameterName(string path)
    {
        var segments = path.Split(new[] { '/', '\\' }, StringSplitOptions.RemoveEmptyEntries);
        var last = segments.Length > 0 ? segments[segments.Length - 1] : "Work";
        var dot = last.LastIndexOf('.');
        if (dot > 0) return PascalCase(last.Substring(0, dot)) + (last.Substring(dot) is ".sh" or ".ps1" or ".js" or ".py" ? "ScriptPath" : "Path");
        return PascalCase(last) + "Directory";
    }

    /// <summary><c>client_secret</c> and <c>omnix-ai</c> become <c>ClientSecret</c> and <c>OmnixAi</c>.</summary>
    public static string PascalCase(string text)
    {
        var builder = new System.Text.StringBuilder();
        var upper = true;
        foreach (var c in text)
        {
            if (!char.IsLetterOrDigit(c))
            {
                upper = true;
                continue;
            }

            if (builder.Length == 0 && char.IsDigit(c)) builder.Append('_');
            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return builder.Length == 0 ? "Value" : builder.ToString();
    }

    /// <summary>The words of a command or URL: what a resource name can be (<c>omnix-ai-backend-dev</c>, <c>api-staging.omnix.ai</c>).</summary>
    public static IEnumerable<Match> Words(string text) => Matches(s_word, text);

    /// <summary>
    /// Every HTTP client of the text told nothing about HTTP errors: <c>curl</c> without <c>-f</c>/<c>--fail</c>, HTTPie's
    /// <c>http</c>/<c>https</c> and xh's <c>xh</c>/<c>xhs</c> without <c>--check-status</c>. All exit 0 on a 500.
    /// </summary>
    public static IEnumerable<TextMatch> HttpClientsWithoutFail(string text)
    {
        foreach (var (client, failFlag, detail) in s_httpClients)
        {
            foreach (var found in ClientsWithoutFail(text, client, failFlag, detail)) yield return found;
        }
    }

    private static IEnumerable<TextMatch> ClientsWithoutFail(string text, GuardedPattern client, Regex failFlag, string detail)
    {
        foreach (var curl in Matches(client, text))
        {
            // `echo 'curl -s … | wc -l'`, `grep curl access.log`, `cat <<EOF > check.sh`: named or written, not run.
            if (ShellCommandBounds.IsOnlyNamed(text, curl.Index) || ShellCommandBounds.IsHereDocumentData(text, curl.Index)) continue;
            // The pipeline's status is its last command's: `curl -s ... | jq -r .status | grep -q ok` fails when the page is
            // wrong, `curl -s ... | grep ok | wc -l` never does. Under pipefail any command of the pipeline can fail it.
            // The pipeline and its list are read at curl's own level: a `;` inside a `$(…)` of its words is the
            // substitution's (ListSeparators).
            var pipefail = text.IndexOf("pipefail", StringComparison.Ordinal) >= 0;
            int? lastPipe = null;
            (int Index, string Value)? after = null;
            var checks = false;
            foreach (var separator in ListSeparators.From(text, curl.Index))
            {
                if (separator.Value != "|")
                {
                    after = separator;
                    break;
                }

                lastPipe = separator.Index;
                checks |= pipefail && IsPipedIntoCheck(text, separator.Index); // \G: at the separator, no copy
            }

            if (checks || lastPipe is { } pipe && IsPipedIntoCheck(text, pipe)) continue;
            // `[ "$(curl -s -o /dev/null -w '%{http_code}' …)" = 200 ]`: the test judges what it printed.
            if (IsJudgedByATest(text, curl.Index)) continue;
            // `curl -s -o /tmp/token …/token; curl -f …/health`: the list's status is its last command's, and without
            // `set -e` a command before it cannot fail the check, whatever its flags. Only in a plain list: in a compound
            // command (`if …; then curl -s …; fi`, `while ! curl …; do`) what follows may be its end or depend on it.
            if (after is { Value: ";" or "\n" } next && !s_errexit.IsMatch(text) && !s_compound.IsMatch(text)
                && text.AsSpan(next.Index + 1).Trim().Length > 0) continue;
            if (!pipefail && lastPipe is { } zero && PipedIntoZero(text, zero) is not null) continue; // the pipeline's finding, see AlwaysSucceedingPipelines
            // The flag in curl's own command: `curl -s "https://api/$(cat path; echo -f)"` gives echo the -f, not curl.
            if (OptionInOwnCommand(failFlag, text, curl) is null)
                yield return new TextMatch(curl.Index, curl.Length, curl.Value, detail);
        }
    }

    /// <summary>
    /// Every pipeline whose last command exits 0 whatever it reads (<c>curl ... | grep ok | wc -l</c>,
    /// <c>curl -f ... | jq .</c>, <c>... | tee log</c>): bash returns that status, so nothing before it can fail the check.
    /// Not under <c>set -o pipefail</c>, where any command of the pipeline fails it. A pipeline is read at its own level
    /// (<see cref="ListSeparators"/>): a <c>;</c> inside a <c>$(…)</c> of its last command's words ends nothing
    /// (<c>curl -f … | tee "/tmp/$(cat id; echo)" | grep -q ok</c> ends in grep: tee is not its last command).
    /// </summary>
    public static IEnumerable<TextMatch> AlwaysSucceedingPipelines(string text)
    {
        if (text.IndexOf('|') < 0 || text.IndexOf("pipefail", StringComparison.Ordinal) >= 0) yield break;
        foreach (var separator in Matches(s_commandSeparator, text))
        {
            if (separator.Value != "|" || !ListSeparators.EndsItsPipeline(text, separator.Index)) continue;
            if (PipedIntoZero(text, separator.Index) is not { } name || IsJudgedByATest(text, separator.Index)) continue;
            yield return new TextMatch(name.Index, name.Length, name.Value,
                "'" + name.Value + "' exits 0 whatever it reads, and a pipeline's status is its last command's: the commands before it cannot fail the check");
        }
    }

    /// <summary>Whether the command <paramref name="pipe"/> pipes into fails when what it reads is wrong: grep, test, diff, cmp, or jq given -e.</summary>
    private static bool IsPipedIntoCheck(string text, int pipe) =>
        s_pipedIntoCheck.IsMatch(text, pipe) || s_pipedIntoJq.Match(text, pipe) is { Success: true } jq && JqChecksStatus(text, jq.Groups["name"]);

    /// <summary>The name of the command <paramref name="pipe"/> pipes into when it exits 0 whatever it reads (jq without -e); null otherwise.</summary>
    private static Group? PipedIntoZero(string text, int pipe)
    {
        var zero = s_pipedIntoZero.Match(text, pipe);
        if (!zero.Success) return null;
        var name = zero.Groups["name"];
        return name.Value == "jq" && JqChecksStatus(text, name) ? null : name;
    }

    /// <summary>
    /// Whether jq, named at <paramref name="name"/>, is given <c>-e</c> (<c>--exit-status</c>) in its own simple command,
    /// read as the shell splits it (<see cref="ProgramPattern.OptionInOwnCommand"/>): a regex class of operators stopped at
    /// the <c>;</c> inside <c>jq "$(cat filter; echo)" -e</c>, and the check was reported as one that cannot fail; an
    /// <c>-e</c> inside a <c>$(…)</c> is another command's.
    /// </summary>
    private static bool JqChecksStatus(string text, Group name) =>
        OptionInOwnCommand(s_jqExitStatus, text, s_jqName.Match(text, name.Index)) is not null;

    /// <summary>
    /// Every <c>|| true</c>, <c>|| :</c>, <c>|| exit 0</c>, <c>|| echo ...</c> whose success is the list's: not one followed
    /// by <c>;</c>, <c>&amp;&amp;</c> or a new line and another command (<c>rm -f out.json || true; curl -f ...</c>), whose
    /// status is then the list's.
    /// </summary>
    public static IEnumerable<TextMatch> SwallowedFailures(string text)
    {
        foreach (var swallow in Matches(s_swallow, text))
        {
            if (IsFollowedByACommand(text, swallow.Index + swallow.Length)) continue;
            yield return new TextMatch(swallow.Index, swallow.Length, swallow.Value, "'" + swallow.Value + "' turns every failure into success");
        }
    }

    /// <summary>
    /// Where the fallback command that starts at <paramref name="from"/> ends in <paramref name="shell"/>
    /// (<see cref="ShellOperators.Read"/>): at the first separator, pipe or closing parenthesis outside the parentheses and
    /// backticks it opens (<c>|| echo "down $(date)"; …</c>), or where a nested command line closes.
    /// </summary>
    public static int EndOfFallback(string shell, int from)
    {
        var depth = 0;
        for (var i = from; i < shell.Length; i++)
        {
            var c = shell[i];
            if (c == '`')
            {
                var closing = shell.IndexOf('`', i + 1);
                if (closing < 0) return i;
                i = closing;
            }
            else if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                if (depth == 0) return i;
                depth--;
            }
            else if (depth == 0 && c is ';' or '&' or '|' or '\n' or ShellOperators.NestedStart or ShellOperators.NestedEnd)
            {
                return i;
            }
        }

        return shell.Length;
    }

    /// <summary>
    /// The last command of a list when it succeeds whatever the check before it found (<c>curl -f ...; echo done</c>,
    /// <c>...; curl -f localhost:8080/health; kill $!</c>): a list's status is its last command's. Not when the list
    /// stops at a failure (<c>set -e</c>, <c>|| exit 1</c>) or passes the check's status on (<c>exit $status</c>).
    /// </summary>
    public static IEnumerable<TextMatch> IgnoredStatus(string text)
    {
        if (text.IndexOf(';') < 0 && text.IndexOf('\n') < 0) yield break;
        foreach (var end in Matches(s_listEndsInSuccess, text))
        {
            if (Matches(s_failureEndsTheList, text).Any()) yield break;
            // `curl -f … | jq -e "$(cat filter; echo .ok)"`: that list is the substitution's, its echo not the check's end.
            if (ListSeparators.InSubstitution(text, end.Index)) continue;
            var name = end.Groups["name"];
            yield return new TextMatch(name.Index, name.Length, name.Value,
                "a command's status is its last command's, and '" + name.Value + "' succeeds whatever the check before it found");
        }
    }

    /// <summary>True when the list goes on after <paramref name="index"/> with a command that can fail (<c>; curl -f ...</c>).</summary>
    /// <summary>
    /// Whether <paramref name="index"/> is inside a command substitution (<c>$(…)</c> or backticks) of a test —
    /// <c>[ … ]</c>, <c>[[ … ]]</c>, <c>test …</c>, also after <c>if</c>, <c>while</c>, <c>until</c> or <c>!</c> —, which
    /// compares what the substitution printed and fails when it is not what was expected: the command inside is no
    /// check of its own (<c>test $(curl -s -o /dev/null -w '%{http_code}' …) -eq 200</c>).
    /// </summary>
    private static bool IsJudgedByATest(string text, int index)
    {
        var opened = new Stack<int>();
        var backtick = -1;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '`') backtick = backtick < 0 ? i : -1;
            else if (text[i] == '$' && i + 1 < text.Length && text[i + 1] == '(' && (i + 2 >= text.Length || text[i + 2] != '(')) { opened.Push(i); i++; }
            else if (text[i] == ')' && opened.Count > 0) opened.Pop();
        }
        var substitution = backtick >= 0 ? backtick : opened.Count > 0 ? opened.ToArray()[^1] : -1;
        if (substitution < 0) return false;
        var start = 0;
        foreach (Match separator in s_commandSeparator.Matches(text[..substitution])) start = separator.Index + separator.Length;
        return s_testCommand.IsMatch(text, start);
    }

    private static bool IsFollowedByACommand(string text, int index)
    {
        var separator = s_commandSeparator.Match(text, index);
        if (!separator.Success || separator.Value is "|" or "||") return false;
        // `|| true && echo ok` is as sure to succeed as `|| true`.
        return !s_sureToSucceed.IsMatch(text, separator.Index + separator.Length);
    }

    /// <summary>
    /// The earliest command of <paramref name="text"/> that never ends on its own and that no <c>timeout N</c> prefix
    /// bounds, read in <paramref name="shell"/> (<see cref="ShellOperators.Read"/>): <c>echo "done; tail -f the log"</c>
    /// only names a command, and the <c>&amp;</c> of <c>grep 'a&amp;b'</c> sends nothing to the background.
    /// </summary>
    public static IEnumerable<TextMatch> NeverEnding(string text, string shell)
    {
        TextMatch? earliest = null;
        foreach (var (pattern, detail) in s_neverEnds)
        {
            foreach (var match in Matches(pattern.Program, shell))
            {
                if (GivesUnlessOption(pattern, shell, match)) continue; // `ping … -c 3`, `docker stats … --no-stream`
                var (index, length) = (match.Index, match.Length);
                if (pattern.Requires)
                {
                    if (Given(pattern, shell, match) is not { } given) continue;
                    (index, length) = pattern.Reports switch
                    {
                        ProgramPattern.Finding.Option => (given.Index, given.Length),
                        ProgramPattern.Finding.Program => (index, length),
                        _ => (index, given.Index + given.Length - index),
                    };
                }

                var candidate = Trimmed(index, length, text, detail);
                if (earliest is { } found && candidate.Start >= found.Start) break; // matches come in order
                // `timeout 60 kubectl get pods -w; tail -f app.log`: the prefix bounds only the command it prefixes.
                if (ShellCommandBounds.HasTimeoutPrefix(shell, candidate.Start)) continue;
                // `kubectl port-forward ... & sleep 3; curl ...; kill $!`: the shell does not wait for it.
                if (ShellCommandBounds.IsBackgrounded(shell, candidate.Start)) continue;
                // `pkill -f 'kubectl port-forward'`: named to be found, not run; `kubectl apply -f - <<EOF`: data.
                if (ShellCommandBounds.IsOnlyNamed(shell, candidate.Start) || ShellCommandBounds.IsHereDocumentData(shell, candidate.Start)) continue;
                earliest = candidate;
                break;
            }
        }

        return earliest is { } first ? [first with { Text = FromCommandStart(text, shell, first) }] : [];
    }

    /// <summary>
    /// The command as written from its start up to the end of <paramref name="match"/>: <c>kubectl logs -f</c>, not
    /// <c>-f</c>, so the message says which command of the step never ends. Blanks and line breaks read as one space.
    /// </summary>
    private static string FromCommandStart(string text, string shell, TextMatch match)
    {
        var start = ShellCommandBounds.CommandStart(shell, match.Start);
        while (start < match.Start && char.IsWhiteSpace(text[start])) start++;
        if (start >= match.Start) return match.Text;
        var words = text.Substring(start, match.Start + match.Length - start)
            .Split(default(char[]), StringSplitOptions.RemoveEmptyEntries) // on any white space
            .Where(word => word != "\\"); // a backslash that continues the line
        return string.Join(" ", words);
    }

    /// <summary>
    /// Text an <c>echo</c>, <c>printf</c>, <c>grep</c> or <c>pkill</c> only names (<c>echo 'rm -rf /'</c>,
    /// <c>grep -R 'rm -rf' scripts/</c>), where nothing reads what the command prints: piped on
    /// (<c>echo 'DROP TABLE x;' | psql</c>), the text may well be run.
    /// </summary>
    private static bool IsOnlyNamedText(string shell, int index) =>
        ShellCommandBounds.IsOnlyNamed(shell, index) && !ShellCommandBounds.IsPipedOn(shell, index);

    /// <summary>
    /// The earliest match (the first pattern's on a tie) that <paramref name="skip"/> does not turn down in each simple
    /// command of <paramref name="text"/> (<see cref="ShellCommandBounds.CommandStart"/>), in order: a step that deletes
    /// a namespace and then drops a table is told of both. Nothing is allocated while nothing matches: a loop, not
    /// LINQ, since it runs for every command of every runbook and almost every pattern is skipped by its guard.
    /// </summary>
    private static TextMatch[] EarliestPerCommand((ProgramPattern Pattern, string Detail, Reads Reads)[] patterns, string text, Func<string, int, int, string, TextMatch> found, Func<int, Reads, bool> skip)
    {
        List<(int Command, TextMatch Match)>? earliest = null;
        foreach (var (pattern, detail, reads) in patterns)
        {
            foreach (var match in Matches(pattern.Program, text))
            {
                if (skip(match.Index, reads) || GivesUnlessOption(pattern, text, match)) continue; // `shutdown … -c` cancels one
                var end = match.Index + match.Length;
                if (pattern.Requires)
                {
                    // The program given its word and option in its own command: the finding runs to that command's end.
                    if (Given(pattern, text, match) is not { } given) continue;
                    end = FindingEnd(text, given.Index + given.Length);
                }
                else if (reads == Reads.Program)
                {
                    // A program's finding is its whole simple command: `rm -rf $(cat a; cat b)`, not `rm -rf $(cat a`.
                    end = FindingEnd(text, end);
                }

                var candidate = found(text, match.Index, end - match.Index, detail);
                // From the trimmed start: a match that takes in the separator before its command is still that command's.
                var command = ShellCommandBounds.CommandStart(text, candidate.Start);
                earliest ??= new List<(int, TextMatch)>();
                var same = -1;
                for (var i = 0; i < earliest.Count && same < 0; i++)
                    if (earliest[i].Command == command) same = i;
                if (same < 0) earliest.Add((command, candidate));
                else if (candidate.Start < earliest[same].Match.Start) earliest[same] = (command, candidate);
            }
        }

        return earliest is null ? [] : earliest.OrderBy(e => e.Match.Start).Select(e => e.Match).ToArray();
    }

    /// <summary>
    /// The first option <paramref name="program"/> is given in its own simple command of <paramref name="shell"/> (a text
    /// the shell's reading returned), or null; null too when the regex times out, as for a pattern.
    /// </summary>
    private static Match? OptionInOwnCommand(Regex option, string shell, Match program)
    {
        try
        {
            return ProgramPattern.OptionInOwnCommand(option, shell, shell, program, last: false);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    /// <summary>
    /// What <paramref name="program"/> is given in its own simple command of <paramref name="shell"/> that makes it a
    /// finding (<see cref="ProgramPattern.GivenIn"/>), or null; null too when a regex times out, as for a pattern.
    /// </summary>
    private static Match? Given(ProgramPattern pattern, string shell, Match program)
    {
        try
        {
            return pattern.GivenIn(shell, program);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    /// <summary>
    /// Where a program's finding that reaches <paramref name="from"/> ends in <paramref name="shell"/>: at the end of its
    /// simple command (<see cref="ShellCommandBounds.CommandEnd"/>, a <c>$(…)</c> read over whole), or of its line of
    /// here-document data (<see cref="ShellOperators.DataLineBreak"/>), as a pattern does not run on from one line of
    /// data to the next.
    /// </summary>
    private static int FindingEnd(string shell, int from)
    {
        var end = ShellCommandBounds.CommandEnd(shell, from);
        var line = shell.IndexOf(ShellOperators.DataLineBreak, from, end - from);
        return line < 0 ? end : line;
    }

    /// <summary>
    /// True when the program's own simple command of <paramref name="shell"/> makes it no finding: it gives it the option
    /// that does (<see cref="ProgramPattern.Unless"/>) or names the program that does before it
    /// (<see cref="ProgramPattern.UnlessBefore"/>); true too when the regex times out, as a pattern that times out finds nothing.
    /// </summary>
    private static bool GivesUnlessOption(ProgramPattern pattern, string shell, Match program)
    {
        if (pattern.Unless is null && pattern.UnlessBefore is null) return false;
        try
        {
            return pattern.IsExcusedIn(shell, program);
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
    }

    private static TextMatch Trimmed(int index, int length, string text, string detail)
    {
        var value = text.Substring(index, length); // as written, quoted operators and all
        var start = index + (value.Length - value.TrimStart(' ', ';', '&', '|', '(', '\t').Length);
        var trimmed = value.Trim(' ', ';', '&', '|', '(', '\t');
        return new TextMatch(start, trimmed.Length, trimmed, detail);
    }

    private static IEnumerable<Match> Matches(GuardedPattern pattern, string text) =>
        pattern.MayMatch(text) ? Matches(pattern.Regex, text) : [];

    private static IEnumerable<Match> Matches(Regex pattern, string text)
    {
        MatchCollection matches;
        try
        {
            matches = pattern.Matches(text);
            _ = matches.Count; // forces evaluation inside the try
        }
        catch (RegexMatchTimeoutException)
        {
            yield break;
        }

        foreach (Match match in matches) yield return match;
    }
}
