using RunbookSdk.Analyzers.Commands;
using RunbookSdk.Analyzers.Tests.Infrastructure;
using RunbookSdk.CodeFixes.Commands;

namespace RunbookSdk.Analyzers.Tests.Fixes;

/// <summary>
/// RB0014's fallbacks (<c>|| true</c>, <c>|| :</c>, <c>|| exit 0</c>, <c>|| echo …</c>) turn a failed check into a pass.
/// The fix deletes the fallback's whole command — its arguments, a quoted text with a command substitution in it —
/// and nothing after it, so a list, a pipe or the quotes of an ssh command line go on as written.
/// </summary>
public sealed class RemoveFallbackCodeFixTests
{
    private const string Phase = """            .Step("Assess", s => s.Instruction("Look at the dashboard"))""";

    [Theory]
    [InlineData("""curl -fsS https://api.omnix.ai/health {|RB0014:|| true|}""", """curl -fsS https://api.omnix.ai/health""")]
    [InlineData("""curl -fsS https://api.omnix.ai/health   {|RB0014:|| echo|} \"down at $(date -u +%H:%M)\" """, """curl -fsS https://api.omnix.ai/health """)]
    [InlineData("""(curl -fsS https://api.omnix.ai/health {|RB0014:|| exit 0|})""", """(curl -fsS https://api.omnix.ai/health)""")]
    [InlineData("""ssh bastion 'curl -f localhost:8080/health {|RB0014:|| :|}' """, """ssh bastion 'curl -f localhost:8080/health' """)]
    [InlineData("""curl -f https://api.omnix.ai/health {|RB0014:|| true|} && echo ok""", """curl -f https://api.omnix.ai/health && echo ok""")]
    [InlineData("""curl -f https://api.omnix.ai/health {|RB0014:|| echo|} `date` down""", """curl -f https://api.omnix.ai/health""")]
    public Task The_fallback_goes_with_its_arguments_and_nothing_else(string command, string fixedCommand) =>
        Verify<CommandTextAnalyzer>.FixAsync<RemoveFallbackCodeFix>(
            Sources.Runbook(Phase, verification: $$"""v => v.Step("Health", s => s.Run("{{command}}"))"""),
            Sources.Runbook(Phase, verification: $$"""v => v.Step("Health", s => s.Run("{{fixedCommand}}"))"""));

    [Fact]
    public Task In_a_script_over_several_lines_the_fallback_leaves_its_line() =>
        Verify<CommandTextAnalyzer>.FixAsync<RemoveFallbackCodeFix>(
            Sources.Runbook(Phase, verification: """"
                v => v.Step("Health", s => s.Run($"""
                    set -e
                    curl -fsS https://{FunctionName}.omnix.ai/health {|RB0014:|| true|}
                    """))
                """"),
            Sources.Runbook(Phase, verification: """"
                v => v.Step("Health", s => s.Run($"""
                    set -e
                    curl -fsS https://{FunctionName}.omnix.ai/health
                    """))
                """"));
}
