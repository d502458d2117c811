using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Rules;

/// <summary>
/// RB0005 on a message broker's commands: purging or deleting a RabbitMQ queue loses the messages in it, a Kafka topic
/// deleted or a consumer group's offsets reset loses or replays them. A queue-backlog runbook's
/// <c>rabbitmqctl purge_queue payments.dlq</c> ran at 3 a.m. without a question.
/// </summary>
public sealed class MessageBrokerCommandTests
{
    [Theory]
    [InlineData("rabbitmqctl purge_queue payments.dlq")]
    [InlineData("rabbitmqctl -n rabbit@mq-1 delete_queue payments")]
    [InlineData("rabbitmqctl --vhost /payments purge_queue payments.dlq")]
    [InlineData("rabbitmqctl force_reset")]
    [InlineData("rabbitmqadmin -H mq-1 purge queue name=payments.dlq")]
    [InlineData("rabbitmqadmin delete queue name=payments")]
    [InlineData("kafka-topics --bootstrap-server kafka:9092 --delete --topic payments")]
    [InlineData("kafka-topics.sh --bootstrap-server kafka:9092 --topic payments --delete")]
    [InlineData("kafka-consumer-groups --bootstrap-server kafka:9092 --group billing --reset-offsets --to-latest --topic payments --execute")]
    [InlineData("kafka-consumer-groups --bootstrap-server kafka:9092 --execute --group billing --reset-offsets --to-earliest --all-topics")]
    [InlineData("kafka-consumer-groups --bootstrap-server kafka:9092 --delete --group billing")]
    public Task Purging_or_deleting_queues_and_moving_offsets_is_reported(string command) =>
        CommandRuleSources.DestructiveAsync(command, command);

    [Theory]
    [InlineData("rabbitmqctl list_queues name messages consumers")]
    [InlineData("rabbitmqctl -n rabbit@mq-1 status")]
    [InlineData("rabbitmqctl list_queues name | grep purge_queue")]
    [InlineData("rabbitmqadmin list queues name messages")]
    [InlineData("kafka-topics --bootstrap-server kafka:9092 --describe --topic payments")]
    [InlineData("kafka-consumer-groups --bootstrap-server kafka:9092 --group billing --reset-offsets --to-latest --topic payments --dry-run")]
    [InlineData("kafka-consumer-groups --bootstrap-server kafka:9092 --describe --group billing")]
    public Task Reading_a_broker_is_not_reported(string command) =>
        CommandRuleSources.DestructiveAsync(command, reported: null);
}
