using RunbookSdk.Analyzers.Commands;
using RunbookSdk.Analyzers.Tests.Infrastructure;
using RunbookSdk.CodeFixes.Commands;

namespace RunbookSdk.Analyzers.Tests.Fixes;

/// <summary>
/// Where RB0005's fix writes <c>.RequiresConfirmation()</c> when the command is not on the step's own line: after the
/// step's last call, on that step's chain, and on a line of its own only when the chain already has one call a line,
/// indented as the document indents (docs/rules/RB0005.md).
/// </summary>
public sealed class RequiresConfirmationPlacementTests
{
    // The command on the line after Run( is still the step's only call: the new call follows its ')' on that line.
    [Fact]
    public Task A_command_on_the_line_after_its_Run_is_confirmed_after_the_calls_closing_parenthesis() =>
        Verify<CommandTextAnalyzer>.FixAsync<RequiresConfirmationCodeFix>(
            Sources.Runbook("""
                        .Step("Delete", s => s.Run(
                            $"{|RB0005:kubectl delete ns {FunctionName}|}"))
            """),
            Sources.Runbook("""
                        .Step("Delete", s => s.Run(
                            $"kubectl delete ns {FunctionName}").RequiresConfirmation())
            """));

    [Fact]
    public Task A_raw_string_script_that_ends_the_step_is_confirmed_after_its_closing_quotes() =>
        Verify<CommandTextAnalyzer>.FixAsync<RequiresConfirmationCodeFix>(
            Sources.Runbook(""""
                        .Step("Clean up", s => s.Run("""
                            echo cleaning
                            {|RB0005:rm -rf /var/lib/modax/cache|}
                            """))
            """"),
            Sources.Runbook(""""
                        .Step("Clean up", s => s.Run("""
                            echo cleaning
                            rm -rf /var/lib/modax/cache
                            """).RequiresConfirmation())
            """"));

    // Run( on the lambda's line, its command below, and the chain going on with .ExpectExitCode(0) on a line of its
    // own: the new call goes under that last call, indented as it is (tabs here, as the file is).
    [Fact]
    public Task A_chain_going_on_below_a_command_on_a_later_line_gets_the_call_on_a_line_of_its_own_with_the_files_tabs() =>
        Verify<CommandTextAnalyzer>.FixAsync<RequiresConfirmationCodeFix>(
            Sources.WithTabs(Sources.Runbook("""
                        .Step("Delete", s => s.Run(
                                $"{|RB0005:kubectl delete ns {FunctionName}|}")
                            .ExpectExitCode(0))
            """)),
            Sources.WithTabs(Sources.Runbook("""
                        .Step("Delete", s => s.Run(
                                $"kubectl delete ns {FunctionName}")
                            .ExpectExitCode(0)
                            .RequiresConfirmation())
            """)));

    // Two spaces a level: the new line copies the last call's own indentation, not a default of four.
    [Fact]
    public Task A_chain_indented_with_two_spaces_gets_the_call_indented_as_its_last_call() =>
        Verify<CommandTextAnalyzer>.FixAsync<RequiresConfirmationCodeFix>(
            Sources.Runbook("""
                        .Step("Delete", s => s
                          .Run(
                            "{|RB0005:kubectl delete ns payments|}")
                          .ExpectExitCode(0))
            """),
            Sources.Runbook("""
                        .Step("Delete", s => s
                          .Run(
                            "kubectl delete ns payments")
                          .ExpectExitCode(0)
                          .RequiresConfirmation())
            """));

    // Comments in and after the chain stay where they were written, each once; the call goes after the last call, before
    // the comment that closes its line.
    [Fact]
    public Task A_chain_with_comments_keeps_each_comment_once_where_it_was_written() =>
        Verify<CommandTextAnalyzer>.FixAsync<RequiresConfirmationCodeFix>(
            Sources.Runbook("""
                        .Step("Delete", s => s
                            // the namespace holds only the job's pods
                            .Run(
                                "{|RB0005:kubectl delete ns payments-batch|}") // takes a minute
                            .ExpectExitCode(0) /* 1 when it is gone already */ // checked below
                        )
                        .Step("Check", s => s.Run("kubectl get ns"))
            """),
            Sources.Runbook("""
                        .Step("Delete", s => s
                            // the namespace holds only the job's pods
                            .Run(
                                "kubectl delete ns payments-batch") // takes a minute
                            .ExpectExitCode(0) /* 1 when it is gone already */ // checked below
                            .RequiresConfirmation()
                        )
                        .Step("Check", s => s.Run("kubectl get ns"))
            """));

    // Two steps on the same phase chain: the call goes on the step whose command it confirms, not on the one after it.
    [Fact]
    public Task The_call_lands_on_the_chain_of_the_step_that_runs_the_command() =>
        Verify<CommandTextAnalyzer>.FixAsync<RequiresConfirmationCodeFix>(
            Sources.Runbook("""
                        .Step("Look", s => s.Run("kubectl get ns payments")
                            .ExpectExitCode(0))
                        .Step("Delete", s => s
                            .Run(
                                "{|RB0005:kubectl delete ns payments|}"))
                        .Step("Look again", s => s.Run("kubectl get ns")
                            .ExpectExitCode(1))
            """),
            Sources.Runbook("""
                        .Step("Look", s => s.Run("kubectl get ns payments")
                            .ExpectExitCode(0))
                        .Step("Delete", s => s
                            .Run(
                                "kubectl delete ns payments")
                            .RequiresConfirmation())
                        .Step("Look again", s => s.Run("kubectl get ns")
                            .ExpectExitCode(1))
            """));

    // A chain written with the dot at the end of each line keeps that style: the dot after the last call, the new call
    // on a line of its own, indented as the chain's other calls (before, it was appended on the last call's line).
    [Fact]
    public Task A_chain_with_the_dot_at_the_end_of_each_line_gets_the_call_on_a_line_of_its_own_after_a_trailing_dot() =>
        Verify<CommandTextAnalyzer>.FixAsync<RequiresConfirmationCodeFix>(
            Sources.Runbook("""
                        .Step("Delete", s => s.
                            Run($"{|RB0005:kubectl delete ns {FunctionName}|}").
                            ExpectExitCode(0))
            """),
            Sources.Runbook("""
                        .Step("Delete", s => s.
                            Run($"kubectl delete ns {FunctionName}").
                            ExpectExitCode(0).
                            RequiresConfirmation())
            """));

    // A script in an interpolated raw string whose first line is below Run(, in a file with Windows line endings: the
    // new line ends as the file's lines do, under the last call.
    [Fact]
    public Task An_interpolated_raw_script_in_a_file_with_crlf_line_endings_gets_the_files_line_ending() =>
        Verify<CommandTextAnalyzer>.FixAsync<RequiresConfirmationCodeFix>(
            Sources.Runbook(""""
                        .Step("Delete", s => s
                            .Run(
                                $"""
                                kubectl get ns {FunctionName}
                                {|RB0005:kubectl delete ns {FunctionName}|}
                                """)
                            .ExpectExitCode(0))
            """").ReplaceLineEndings("\r\n"),
            Sources.Runbook(""""
                        .Step("Delete", s => s
                            .Run(
                                $"""
                                kubectl get ns {FunctionName}
                                kubectl delete ns {FunctionName}
                                """)
                            .ExpectExitCode(0)
                            .RequiresConfirmation())
            """").ReplaceLineEndings("\r\n"));
}
