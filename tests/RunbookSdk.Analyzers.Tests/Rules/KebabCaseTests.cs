using RunbookSdk.Analyzers.Identity;

namespace RunbookSdk.Analyzers.Tests.Rules;

public sealed class KebabCaseTests
{
    [Theory]
    [InlineData("Api_Lambda_Failure", "api-lambda-failure")]
    [InlineData("ApiLambdaFailure", "api-lambda-failure")]
    [InlineData("apiLambdaFailure", "api-lambda-failure")]
    [InlineData("DBRestore", "db-restore")]
    [InlineData("HTTP5xxErrors", "http5xx-errors")]
    [InlineData("Omnix Handbook", "omnix-handbook")]
    [InlineData("omnix--db  p2", "omnix-db-p2")]
    [InlineData("Café outage", "cafe-outage")]
    [InlineData("  -Redis.Flush/All- ", "redis-flush-all")]
    [InlineData("P1Outage", "p1-outage")]
    [InlineData("işlem-el-kitabı", "islem-el-kitabi")]
    [InlineData("İzmir DB", "izmir-db")]
    [InlineData("Straße gesperrt", "strasse-gesperrt")]
    [InlineData("Ödeme Çöktü", "odeme-coktu")]
    public void Ids_are_split_into_lower_case_words(string id, string expected) => Assert.Equal(expected, KebabCase.From(id));

    [Theory]
    [InlineData("")]
    [InlineData("---")]
    [InlineData("障害")]
    public void An_id_without_letters_or_digits_has_no_kebab_case(string id) => Assert.Null(KebabCase.From(id));
}
