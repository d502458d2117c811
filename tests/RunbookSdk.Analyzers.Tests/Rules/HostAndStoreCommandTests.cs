using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// RB0005 on commands that take a whole host or a store's state away: a reboot or shutdown (every service on the host
/// goes down), flushed firewall rules (with a DROP policy the host, SSH included, stops answering), keys deleted from
/// etcd, Consul or Vault, a Nomad job stopped, a MongoDB collection dropped, cloud instances stopped. A runbook's
/// <c>sudo reboot</c> ran without a question.
/// </summary>
public sealed class HostAndStoreCommandTests
{
    [Theory]
    [InlineData("sudo reboot", "reboot")]
    [InlineData("sudo shutdown -r now", "shutdown -r now")]
    [InlineData("sudo systemctl reboot", "systemctl reboot")]
    [InlineData("sudo iptables -F", "iptables -F")]
    [InlineData("mongosh --eval 'db.sessions.drop()'", "db.sessions.drop")]
    [InlineData("mongosh payments --eval 'db.orders.deleteMany({status: \\\"stale\\\"})'", "db.orders.deleteMany")]
    public Task After_sudo_or_in_the_shells_data_the_finding_names_what_does_it(string command, string reported) =>
        CommandRuleSources.DestructiveAsync(command, reported);

    [Theory]
    [InlineData("reboot")]
    [InlineData("systemctl --force poweroff")]
    [InlineData("init 6")]
    [InlineData("iptables -t nat --flush")]
    [InlineData("nft flush ruleset")]
    [InlineData("etcdctl --endpoints=https://etcd-1:2379 del /registry/pods/default/api-0")]
    [InlineData("consul kv delete -recurse config/payments")]
    [InlineData("vault kv delete secret/payments/db")]
    [InlineData("vault kv metadata delete secret/payments/db")]
    [InlineData("nomad job stop -purge payments")]
    [InlineData("aws ec2 stop-instances --instance-ids i-0abc")]
    [InlineData("aws rds reboot-db-instance --db-instance-identifier payments")]
    public Task Taking_a_host_or_a_stores_state_away_is_reported(string command) =>
        CommandRuleSources.DestructiveAsync(command, command);

    [Theory]
    [InlineData("last reboot")]
    [InlineData("grep -i reboot /var/log/syslog")]
    [InlineData("sudo shutdown -c")]
    [InlineData("systemctl status reboot.target")]
    [InlineData("iptables -L -n")]
    [InlineData("nft list ruleset")]
    [InlineData("etcdctl get /registry/pods --prefix --keys-only")]
    [InlineData("consul kv get config/payments")]
    [InlineData("vault kv get secret/payments/db")]
    [InlineData("nomad job status payments")]
    [InlineData("mongosh --eval 'db.sessions.countDocuments()'")]
    [InlineData("aws ec2 describe-instances --instance-ids i-0abc")]
    public Task Reading_them_is_not_reported(string command) =>
        CommandRuleSources.DestructiveAsync(command, reported: null);
}
