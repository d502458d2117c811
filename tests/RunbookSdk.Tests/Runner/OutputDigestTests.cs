using System.Security.Cryptography;
using System.Text;
using RunbookSdk.Execution;

namespace RunbookSdk.Tests.Runner;

/// <summary>
/// The journal keeps an output's line count, SHA-256 and last lines instead of the output: someone comparing what a
/// step printed with the journal (or two runs' outputs) needs the digest to be the plain SHA-256 of the lines joined by
/// line breaks, also for a step that printed nothing, which has no hash object of its own.
/// </summary>
public sealed class OutputDigestTests
{
    [Fact]
    public void An_output_of_no_lines_has_the_sha256_of_nothing()
    {
        var fields = new OutputDigest(tailLength: 3).Fields();

        Assert.Equal(0, Field(fields, "outputLines"));
        Assert.Equal(Sha256(""), Field(fields, "outputSha256"));
        Assert.Empty((string[])Field(fields, "outputTail")!);
    }

    [Theory]
    [InlineData("")]
    [InlineData("pod/api-0 restarted")]
    [InlineData("NAME   READY|api-0  1/1|api-1  0/1|")]
    [InlineData("région eu-west-1 ✓")]
    public void An_output_has_the_sha256_of_its_lines_joined_by_line_breaks(string output)
    {
        var lines = output.Split('|');
        var fields = OutputDigest.Of(lines, tailLength: 2).Fields();

        Assert.Equal(lines.Length, Field(fields, "outputLines"));
        Assert.Equal(Sha256(string.Join('\n', lines)), Field(fields, "outputSha256"));
        Assert.Equal(lines.TakeLast(2), (string[])Field(fields, "outputTail")!);
    }

    [Fact]
    public void A_digest_read_before_its_output_ends_goes_on_from_where_it_was()
    {
        var digest = new OutputDigest(tailLength: 1);
        digest.Add("first");
        Assert.Equal(Sha256("first"), Field(digest.Fields(), "outputSha256"));

        digest.Add("second");

        Assert.Equal(Sha256("first\nsecond"), Field(digest.Fields(), "outputSha256"));
    }

    private static object? Field((string Name, object? Value)[] fields, string name) => fields.Single(f => f.Name == name).Value;

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
