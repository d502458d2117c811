using RunbookSdk.Commands;
using RunbookSdk.Tests.Support;

namespace RunbookSdk.Tests.Commands;

/// <summary>
/// Where no quoting keeps a value literal — inside backticks, in arithmetic, in a here-document body — a hostile
/// value is escaped where the shell allows it and refused where it does not; it never runs. Through the real bash.
/// </summary>
public sealed class UnquotableContextTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private string Marker => _temp.File("ran");
    private string Hostile => $"$(touch {Marker})";

    private static CommandTemplate Command(CommandInterpolationHandler handler) => handler.ToTemplate();

    public static TheoryData<string> Values => HostileValues.Theory();

    [Fact]
    public void A_value_in_a_here_document_body_stays_data()
    {
        var image = Hostile + " `touch " + Marker + "` \\ $HOME 'quoted' \"double\"";
        var output = Bash.Run(Command($"cat <<EOF\nimage: {image}\nEOF").Render());

        Assert.False(File.Exists(Marker), "the value in a here-document was run");
        Assert.Equal($"image: {image}\n", output);
    }

    [Fact]
    public void A_value_in_a_literal_here_document_body_is_written_as_it_is()
    {
        var image = Hostile;
        var output = Bash.Run(Command($"cat <<-'EOF'\n\timage: {image}\n\tEOF\necho after").Render());

        Assert.False(File.Exists(Marker));
        Assert.Equal($"image: {image}\nafter\n", output);
    }

    [Fact]
    public void A_hole_after_a_here_document_is_quoted_as_any_other()
    {
        var name = Hostile;
        var output = Bash.Run(Command($"cat <<EOF\nbody\nEOF\nprintf '%s' {name}").Render());

        Assert.False(File.Exists(Marker));
        Assert.Equal($"body\n{name}", output);
    }

    [Theory]
    [InlineData("x\nEOF\ntouch MARKER")]
    [InlineData("EOF")]
    public void A_value_that_could_end_a_here_document_is_refused(string value)
    {
        value = value.Replace("MARKER", Marker, StringComparison.Ordinal);
        var template = Command($"cat <<EOF\n{value}\nEOF");

        var refused = Assert.Throws<CommandQuotingException>(() => template.Render());
        Assert.Contains("here-document", refused.Message);
        Assert.DoesNotContain(Marker, refused.Message);
    }

    [Fact]
    public void A_hostile_value_inside_backticks_is_refused_and_a_plain_word_is_not()
    {
        var name = Hostile;
        Assert.Throws<CommandQuotingException>(() => Command($"echo \"`echo {name}`\"").Render());
        Assert.Throws<CommandQuotingException>(() => Command($"echo `echo {name}`").Render());
        var plain = "eu-west-1";
        Assert.Equal("eu-west-1\n", Bash.Run(Command($"echo \"`echo {plain}`\"").Render()));
        Assert.False(File.Exists(Marker));
    }

    [Fact]
    public void A_hostile_value_in_arithmetic_is_refused_and_a_number_is_not()
    {
        var count = $"a[{Hostile}]";
        Assert.Throws<CommandQuotingException>(() => Command($"if [[ {count} -gt 5 ]]; then echo many; fi").Render());
        Assert.Throws<CommandQuotingException>(() => Command($"if [[ \"{count}\" -gt 5 ]]; then echo many; fi").Render());
        Assert.Throws<CommandQuotingException>(() => Command($"echo $(( {count} + 1 ))").Render());
        Assert.Throws<CommandQuotingException>(() => Command($"(( {count} > 1 )) && echo big").Render());
        Assert.False(File.Exists(Marker));

        var seven = 7;
        Assert.Equal("many\n8\nbig\n", Bash.Run(Command($"if [[ {seven} -gt 5 ]]; then echo many; fi; echo $(( {seven} + 1 )); (( {seven} > 1 )) && echo big").Render()));
    }

    [Fact]
    public void A_hostile_value_in_an_array_subscript_or_a_let_is_refused_and_a_number_is_not()
    {
        var index = $"a[{Hostile}]";
        Assert.Throws<CommandQuotingException>(() => Command($"declare -a arr; arr[{index}]=1").Render());
        Assert.Throws<CommandQuotingException>(() => Command($"declare -a arr=(x y); echo \"${{arr[{index}]}}\"").Render());
        Assert.Throws<CommandQuotingException>(() => Command($"let n={index}+1").Render());
        Assert.Throws<CommandQuotingException>(() => Command($"declare -i n={index}").Render());
        Assert.Throws<CommandQuotingException>(() => Command($"f() {{ local -ri n={index}; }}; f").Render());
        Assert.False(File.Exists(Marker));

        var one = 1;
        Assert.Equal("y\n2\n3\n", Bash.Run(Command($"declare -a arr=(x y); arr[{one}]=y; echo \"${{arr[{one}]}}\"; let n={one}+1; echo $n; declare -i m={one}+2; echo $m").Render()));
    }

    [Fact]
    public void A_hostile_value_assigned_to_a_variable_declared_integer_earlier_is_refused_and_a_number_is_not()
    {
        // Checked by hand: after declare -i n, n='a[$(cmd)]' (and n+=, export n=) runs cmd although the value is quoted.
        var index = $"a[{Hostile}]";
        Assert.Throws<CommandQuotingException>(() => Command($"declare -i n; n={index}").Render());
        Assert.Throws<CommandQuotingException>(() => Command($"declare -i total=0 n\nn+=\"{index}\"").Render());
        Assert.Throws<CommandQuotingException>(() => Command($"typeset -i n; export n={index}").Render());
        Assert.False(File.Exists(Marker));

        var two = 2;
        Assert.Equal("3\n", Bash.Run(Command($"declare -i n; n={two}; n+={1}; echo $n").Render()));
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void A_hole_after_an_integer_assignment_or_assigned_to_another_variable_is_quoted_as_before(string value) =>
        Assert.Equal($"{value}|{value}", Bash.Run(Command($"declare -i n; n=1 m={value}; printf '%s|' \"$m\"; n=2; printf '%s' {value}").Render()));

    [Theory]
    [MemberData(nameof(Values))]
    public void Brackets_that_are_only_text_and_a_hole_after_a_let_are_quoted_as_before(string value) =>
        Assert.Equal($"filter[{value}]|{value}|{value}", Bash.Run(Command($"let n=1; printf '%s|' \"filter[{value}]\"; declare -r s={value}; printf '%s|' \"$s\"; printf '%s' {value}").Render()));

    [Theory]
    [MemberData(nameof(Values))]
    public void After_arithmetic_and_a_test_a_hole_is_quoted_as_before(string value) =>
        Assert.Equal($"2|{value}", Bash.Run(Command($"[[ 1 -lt 2 ]] && printf '%s|' $(( 1 + 1 )) && printf '%s' {value}").Render()));

    [Fact]
    public void A_refusal_names_no_value_and_a_masked_rendering_is_refused_alike()
    {
        var secret = "s3cr3t[$(id)]";
        var template = Command($"(( {secret} > 1 ))");

        var refused = Assert.Throws<CommandQuotingException>(() => template.Render(_ => "***"));
        Assert.DoesNotContain("s3cr3t", refused.Message);
    }

    public void Dispose() => _temp.Dispose();
}
