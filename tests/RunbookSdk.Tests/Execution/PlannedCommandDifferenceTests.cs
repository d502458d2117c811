using RunbookSdk.Execution;

namespace RunbookSdk.Tests.Execution;

/// <summary>
/// The dry run of a resume compares a background's command with the one the earlier run journaled, reading each value it
/// does not know (a marker word) as any text: a naive comparison always found the marker different.
/// </summary>
public sealed class PlannedCommandDifferenceTests
{
    private const string Missing = "RUNBOOKSDK_UNKNOWN_VALUE_0_";
    private const string GivenAgain = "RUNBOOKSDK_UNKNOWN_VALUE_1_";

    [Theory]
    [InlineData("watch api-1", "watch api-1", nameof(CommandDifference.None))]
    [InlineData("watch api-2", "watch api-1", nameof(CommandDifference.Differs))]
    // A missing secret is masked on both sides: it never tells.
    [InlineData($"curl -H 'Bearer {Missing}' api-1", "curl -H 'Bearer ***' api-1", nameof(CommandDifference.None))]
    [InlineData($"curl -H 'Bearer {Missing}' api-2", "curl -H 'Bearer ***' api-1", nameof(CommandDifference.Differs))]
    // A value given again may be another: only that may make it differ.
    [InlineData($"psql {GivenAgain} -c 'select 1'", "psql 'postgres://app:***@db/x' -c 'select 1'", nameof(CommandDifference.MayDiffer))]
    [InlineData($"psql {GivenAgain} -c 'select 2'", "psql 'postgres://app:***@db/x' -c 'select 1'", nameof(CommandDifference.Differs))]
    // Known text between two unknown values must be found between them, in order.
    [InlineData($"{Missing} to {GivenAgain}", "*** to postgres://db", nameof(CommandDifference.MayDiffer))]
    [InlineData($"{Missing} to {GivenAgain}", "*** from postgres://db", nameof(CommandDifference.Differs))]
    [InlineData($"a {Missing} b {Missing} c", "a x b", nameof(CommandDifference.Differs))]
    public void Values_the_dry_run_does_not_know_are_left_out_of_the_comparison(string planned, string earlier, string expected) =>
        Assert.Equal(Enum.Parse<CommandDifference>(expected), PlannedCommandDifference.Of(planned, earlier, [Missing, GivenAgain], [GivenAgain]));
}
