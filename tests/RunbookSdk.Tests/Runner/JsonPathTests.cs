using System.Text.Json;
using RunbookSdk.Execution;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// <c>ExpectJson</c> paths into what real services answer: a Kubernetes object's labels and annotations are keys with
/// dots, which a path split at every dot could not name, so a check on them always failed as "missing".
/// </summary>
public sealed class JsonPathTests
{
    private const string Deployment = """
        {"metadata":{"name":"api","labels":{"app.kubernetes.io/name":"api","app":"legacy"},
          "annotations":{"deployment.kubernetes.io/revision":"12"}},
         "status":{"conditions":[{"type":"Available","status":"True"}],"readyReplicas":3},
         "a":{"b":{"c":"nested"}},"a.b":{"c":"dotted"}}
        """;

    [Theory]
    [InlineData("metadata.labels.app.kubernetes.io/name", "api")]
    [InlineData("metadata.labels['app.kubernetes.io/name']", "api")]
    [InlineData("metadata.labels[\"app.kubernetes.io/name\"]", "api")]
    [InlineData("metadata.annotations.deployment.kubernetes.io/revision", "12")]
    [InlineData("metadata.labels.app", "legacy")]
    [InlineData("status.conditions[0].status", "True")]
    [InlineData("status.conditions.0.type", "Available")]
    [InlineData("$.status.readyReplicas", "3")]
    [InlineData("$['status']['readyReplicas']", "3")]
    // A key named by its single parts wins over one with dots; brackets name the dotted one.
    [InlineData("a.b.c", "nested")]
    [InlineData("['a.b'].c", "dotted")]
    public void A_path_reaches_keys_with_dots_indexes_in_brackets_and_a_jsonpath_root(string path, string expected)
    {
        using var document = JsonDocument.Parse(Deployment);

        Assert.Equal(expected, JsonPath.Read(document.RootElement, path));
    }

    [Theory]
    [InlineData("metadata.labels.app.kubernetes.io")]
    [InlineData("metadata.labels['app.kubernetes.io']/name")]
    [InlineData("status.conditions[1].type")]
    [InlineData("metadata['labels.app']")]
    [InlineData("metadata.labels['app.kubernetes.io/name")]
    public void A_path_to_nothing_is_absent(string path)
    {
        using var document = JsonDocument.Parse(Deployment);

        Assert.Null(JsonPath.Read(document.RootElement, path));
    }
}
