using RunbookSdk.Execution;

namespace RunbookSdk.Tests.Execution;

public sealed class SecretMaskerTests
{
    [Fact]
    public void Every_occurrence_of_a_secret_is_replaced() =>
        Assert.Equal("token=*** again ***", new SecretMasker(["hunter2"]).Mask("token=hunter2 again hunter2"));

    [Fact]
    public void A_longer_secret_is_masked_whole_even_when_it_contains_a_shorter_one() =>
        Assert.Equal("*** and ***", new SecretMasker(["abc", "abcdef"]).Mask("abcdef and abc"));

    [Fact]
    public void Empty_and_null_values_are_ignored()
    {
        var masker = new SecretMasker(["", null]);
        Assert.True(masker.IsEmpty);
        Assert.Equal("nothing to hide", masker.Mask("nothing to hide"));
    }

    [Fact]
    public void Regex_characters_in_a_secret_are_matched_literally() =>
        Assert.Equal("pw: *** not a.b+c", new SecretMasker(["a.b*c"]).Mask("pw: a.b*c not a.b+c"));

    [Fact]
    public void A_secret_escaped_as_servers_write_it_in_json_is_masked() =>
        Assert.Equal("*** *** *** *** ***",
            new SecretMasker(["a/\"ä"]).Mask("a/\\u0022\\u00E4 a\\/\\\"ä a/\\\"\\u00e4 a\\/\\u0022\\u00e4 a/\"ä"));

    // As Body($"…") sends a secret in a JSON string: only ", \ and control characters escaped, where every encoder of
    // the JSON forms above writes these characters as \uXXXX.
    [Theory]
    [InlineData("\U0001F511\"key")]
    [InlineData("a\u007F\"b")]
    [InlineData("a\u0085\"b")]
    [InlineData("a\u2028\"b")]
    [InlineData("a\uFEFF\\b")]
    public void A_secret_as_the_runners_json_body_sends_it_is_masked(string secret) =>
        Assert.Equal("{\"password\": \"***\"}", new SecretMasker([secret]).Mask($"{{\"password\": \"{RunbookSdk.Requests.JsonText.Escaped(secret)}\"}}"));

    [Fact]
    public void A_secret_with_a_lone_surrogate_is_masked_as_it_is_and_as_UTF_8_carried_it()
    {
        // JsonEncodedText refused it: the masker, and so the run, could not be made (ArgumentException).
        var masker = new SecretMasker(["tok\uD800en"]);

        Assert.Equal("a *** b ***", masker.Mask("a tok\uD800en b tok\uFFFDen"));
    }

    [Fact]
    public void A_replacement_is_never_masked_again() =>
        Assert.Equal("x***y", new SecretMasker(["*", "secret"]).Mask("xsecrety"));

    [Fact]
    public void The_url_encoded_form_of_a_secret_is_masked_too() =>
        Assert.Equal("https://x/?t=***", new SecretMasker(["a b/c"]).Mask("https://x/?t=a%20b%2Fc"));

    // A secret put into a query unencoded is read by the server with '+' as a blank, and echoed back so (a redirect to
    // /login?token=…, an error page); a client or server may also write it form-encoded or with lower-case hex.
    [Theory]
    [InlineData("s3cr3t+key/x", "redirected to /login?token=s3cr3t key/x")]
    [InlineData("s3cr3t+key/x", "redirected to /login?token=s3cr3t%2bkey%2fx")]
    [InlineData("pass word/1", "redirected to /login?token=pass+word%2F1")]
    public void A_secret_as_a_url_decodes_or_encodes_it_is_masked(string secret, string text) =>
        Assert.Equal("redirected to /login?token=***", new SecretMasker([secret]).Mask(text));

    // An HTTP step's URL with the secret in its query goes on the wire as Uri escapes it ('"' as %22, '+', '$' and '/'
    // as they are); a server echoes that request line in a 404 page, or the query it decoded ('+' a blank) in JSON.
    [Theory]
    [InlineData("s3cr3t+k/ey\"$(id)", "no route for /fail?token=s3cr3t+k/ey%22$(id)")]
    [InlineData("s3cr3t+k/ey\"$(id)", "{\"args\": {\"token\": \"s3cr3t k/ey\\\"$(id)\"}}")]
    [InlineData("a b<c>|ä", "no route for /fail?token=a%20b%3Cc%3E%7C%C3%A4")]
    public void A_secret_as_the_http_client_sent_it_or_a_server_decoded_it_into_json_is_masked(string secret, string echoed)
    {
        var masked = new SecretMasker([secret]).Mask(echoed);

        Assert.Contains("***", masked);
        Assert.DoesNotContain("k/ey", masked);
        Assert.DoesNotContain("b<c", masked);
        Assert.DoesNotContain("%3Cc", masked);
    }

    [Theory]
    [InlineData("../")]
    [InlineData("#")]
    [InlineData("%41")]
    public void A_secret_whose_url_form_is_odd_masks_no_other_text(string secret) =>
        Assert.Equal("plain text A", new SecretMasker([secret]).Mask("plain text A"));

    [Fact]
    public void Several_secrets_are_all_masked() =>
        Assert.Equal("*** / ***", new SecretMasker(["user-token", "db-password"]).Mask("user-token / db-password"));

    [Fact]
    public void None_passes_text_through_unchanged()
    {
        Assert.True(SecretMasker.None.IsEmpty);
        Assert.Equal("abc", SecretMasker.None.Mask("abc"));
    }

    [Fact]
    public void Unicode_secrets_are_masked() =>
        Assert.Equal("key ***!", new SecretMasker(["pässwörd✓"]).Mask("key pässwörd✓!"));

    [Fact]
    public void Each_line_of_a_secret_of_several_lines_is_masked_on_its_own_and_a_line_of_a_few_characters_is_not()
    {
        var masker = new SecretMasker(["{\n  \"private_key\": \"MIIEvQIBADANBg\",\r\n  \"id\": 7\n}"]);

        Assert.Equal("line   ***", masker.Mask("line   \"private_key\": \"MIIEvQIBADANBg\","));
        Assert.Equal("***", masker.Mask("\"id\": 7"));
        Assert.Equal("{ } stay", masker.Mask("{ } stay"));
    }
}
