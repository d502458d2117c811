using RunbookSdk.Commands;

namespace RunbookSdk.Tests.Commands;

/// <summary>
/// Where a command substitution in an expanded here-document body (<c>cat &lt;&lt;EOF</c>) ends. This shell runs
/// <c>$( )</c> while it reads the body, reading its text as commands: quotes, escapes, comments and <c>case</c>
/// patterns there decide which <c>)</c> closes it, as anywhere else in a command. A value after a <c>)</c> that only
/// looks like the end (<c>$(echo ")" {X})</c>) is still inside the substitution, where the body's escaping does not
/// quote it: it must be refused, not written as body text. Through the real bash; the marker file must not appear.
/// </summary>
public sealed class HereDocumentSubstitutionQuotingTests : StandInShellTests
{
    /// <summary>Substitutions whose <c>)</c> inside quotes, after a backslash, in a comment or ending a case pattern does not close them.</summary>
    public static TheoryData<string> SubstitutionsThatStayOpen => new()
    {
        "$(printf %s \")\" {X})",
        "$(printf %s ')' {X})",
        "\"$(printf %s \")\" {X})\"",
        "$(printf %s \\) {X})",
        "$(printf %s \"$(printf %s ')')\" {X})",
        "$(case a in a) printf %s {X};; esac)",
        "$(case a in (a) printf %s ')';; esac; printf %s {X})",
        "$(printf %s x # )\nprintf %s {X})",
    };

    [Theory]
    [MemberData(nameof(SubstitutionsThatStayOpen))]
    public void A_value_inside_a_substitution_that_a_look_alike_parenthesis_does_not_close_is_refused(string body)
    {
        foreach (var raw in new[] { "x; touch MARKER", "a' ; touch MARKER ; '", "a\" ; touch MARKER ; \"" })
        {
            var value = Hostile(raw);
            var hole = body.IndexOf("{X}", StringComparison.Ordinal);
            var command = new CommandTemplate([new LiteralSegment("cat <<EOF\n" + body[..hole]), new HoleSegment([value]), new LiteralSegment(body[(hole + 3)..] + "\nEOF")]);
            var refused = Assert.Throws<CommandQuotingException>(() => Run(command));
            Assert.Contains("here-document", refused.Message, StringComparison.Ordinal);
        }
    }

    /// <summary>Substitutions that a <c>(</c> in quotes, escaped or in a case pattern leaves closed before the value: body text.</summary>
    public static TheoryData<string, string> SubstitutionsClosedBeforeTheValue => new()
    {
        { "$(printf %s '(') {X}", "( " },
        { "$(printf %s \"(\") {X}", "( " },
        { "$(printf %s \\() {X}", "( " },
        { "$(case a in (a) printf %s a;; esac) {X}", "a " },
        { "$(printf %s \"$(printf %s '(')\") {X}", "( " },
    };

    [Theory]
    [MemberData(nameof(SubstitutionsClosedBeforeTheValue))]
    public void A_value_after_a_substitution_with_look_alike_parentheses_is_body_text(string body, string printedBefore)
    {
        var value = Hostile("x; $(touch MARKER) `touch MARKER` ' \"");
        var hole = body.IndexOf("{X}", StringComparison.Ordinal);
        var command = new CommandTemplate([new LiteralSegment("cat <<EOF\n" + body[..hole]), new HoleSegment([value]), new LiteralSegment(body[(hole + 3)..] + "\nEOF")]);
        Assert.Equal(printedBefore + value + "\n", Run(command));
    }
}
