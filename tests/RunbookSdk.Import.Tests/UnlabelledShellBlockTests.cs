using RunbookSdk.Import.Model;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// Wiki exports drop a code block's language, and an indented block never had one, so the import reads the block's
/// first line to tell commands from other text. A known command was matched as a prefix, so configuration
/// (<c>aws_region: eu-west-1</c>, <c>gitlab_url: …</c>) became commands that fail the step; and a console prompt,
/// <c>sudo -u</c>, a script or a command not on the list stayed a snippet the runner shows while the step passes.
/// </summary>
public sealed class UnlabelledShellBlockTests
{
    [Theory]
    [InlineData("aws_region: eu-west-1\ncache_ttl: 300")]
    [InlineData("gitlab_url: https://gitlab.example.com")]
    [InlineData("category: payments")]
    [InlineData("tail_lines: 100")]
    public void Configuration_without_a_language_is_a_snippet_not_commands(string code)
    {
        var actions = Actions(HostileInputTests.Runbook(code, ""));

        Assert.DoesNotContain(actions, a => a is RunAction { Command: var command } && code.Contains(command, StringComparison.Ordinal));
        Assert.Contains(actions, a => a is SnippetAction { Code: var snippet } && snippet == code);
    }

    [Theory]
    [InlineData("$ kafka-topics.sh --bootstrap-server kafka:9092 --list\nbilling-events", "kafka-topics.sh --bootstrap-server kafka:9092 --list")]
    [InlineData("sudo -u billing /opt/billing/bin/drain --now", "sudo -u billing /opt/billing/bin/drain --now")]
    [InlineData("kafka-consumer-groups.sh --bootstrap-server kafka:9092 --describe --group orders", "kafka-consumer-groups.sh --bootstrap-server kafka:9092 --describe --group orders")]
    [InlineData("vault kv get secret/billing/api", "vault kv get secret/billing/api")]
    [InlineData("aws s3 ls s3://billing-exports", "aws s3 ls s3://billing-exports")]
    public void Commands_without_a_language_are_run(string code, string command)
    {
        Assert.Contains(Actions(HostileInputTests.Runbook(code, "")), a => a is RunAction run && run.Command == command);
    }

    [Fact]
    public void An_indented_block_of_a_script_is_run()
    {
        var markdown = HostileInputTests.Runbook("kubectl get pods", "").Replace(
            "```\nkubectl get pods\n```",
            "Check the lag:\n\n    kafka-consumer-groups.sh --bootstrap-server kafka:9092 --describe --group orders\n",
            StringComparison.Ordinal);

        Assert.Contains(Actions(markdown), a => a is RunAction { Command: "kafka-consumer-groups.sh --bootstrap-server kafka:9092 --describe --group orders" });
    }

    private static List<StepAction> Actions(string markdown) =>
        HostileInputTests.Generate(markdown).Document.Runbooks.Single().Phases[0].Steps.SelectMany(s => s.Actions).ToList();
}
