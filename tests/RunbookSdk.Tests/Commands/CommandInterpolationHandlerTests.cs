using RunbookSdk.Commands;

namespace RunbookSdk.Tests.Commands;

public sealed class CommandInterpolationHandlerTests
{
    private static IReadOnlyList<CommandSegment> Segments(CommandInterpolationHandler handler) => handler.ToTemplate().Segments;

    [Fact]
    public void Literal_text_and_holes_become_separate_segments_in_order()
    {
        var function = "api";
        var region = "eu-central-1";
        Assert.Equal(
            [
                new LiteralSegment("aws lambda get-function --function-name "),
                new HoleSegment(["api"]),
                new LiteralSegment(" --region "),
                new HoleSegment(["eu-central-1"]),
            ],
            Segments($"aws lambda get-function --function-name {function} --region {region}"));
    }

    [Fact]
    public void A_string_without_holes_is_one_literal_segment() =>
        Assert.Equal([new LiteralSegment("kubectl get pods")], Segments($"kubectl get pods"));

    [Fact]
    public void Adjacent_literals_are_merged_into_one_segment()
    {
        var handler = new CommandInterpolationHandler(10, 0);
        handler.AppendLiteral("kubectl ");
        handler.AppendLiteral("get ");
        handler.AppendLiteral("pods");
        Assert.Equal([new LiteralSegment("kubectl get pods")], handler.ToTemplate().Segments);
    }

    [Fact]
    public void Empty_literals_add_no_segment()
    {
        var handler = new CommandInterpolationHandler(0, 1);
        handler.AppendLiteral("");
        handler.AppendFormatted("x");
        handler.AppendLiteral("");
        Assert.Equal([new HoleSegment(["x"])], handler.ToTemplate().Segments);
    }

    [Fact]
    public void Adjacent_holes_stay_separate_segments()
    {
        var a = "a";
        var b = "b";
        Assert.Equal([new HoleSegment(["a"]), new HoleSegment(["b"])], Segments($"{a}{b}"));
    }

    [Fact]
    public void A_format_string_is_applied_with_the_invariant_culture()
    {
        var count = 7;
        var ratio = 1234.5;
        var day = new DateOnly(2025, 3, 9);
        Assert.Equal(
            [new HoleSegment(["007"]), new LiteralSegment(" "), new HoleSegment(["1,234.50"]), new LiteralSegment(" "), new HoleSegment(["2025-03-09"])],
            Segments($"{count:D3} {ratio:N2} {day:yyyy-MM-dd}"));
    }

    [Fact]
    public void Numbers_without_a_format_use_the_invariant_culture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            var value = 1.5;
            Assert.Equal([new HoleSegment(["1.5"])], Segments($"{value}"));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void A_null_hole_is_an_empty_value()
    {
        string? missing = null;
        Assert.Equal([new LiteralSegment("echo "), new HoleSegment([""])], Segments($"echo {missing}"));
    }

    [Fact]
    public void A_sequence_hole_keeps_one_value_per_element_formatted()
    {
        int[] ports = [80, 443];
        List<string> names = ["a b", "c"];
        Assert.Equal([new HoleSegment(["080", "443"]), new LiteralSegment(" "), new HoleSegment(["a b", "c"])], Segments($"{ports:D3} {names}"));
    }

    [Fact]
    public void A_string_hole_is_one_value_not_a_sequence_of_characters()
    {
        var text = "abc";
        Assert.Equal([new HoleSegment(["abc"])], Segments($"{text}"));
    }
}
