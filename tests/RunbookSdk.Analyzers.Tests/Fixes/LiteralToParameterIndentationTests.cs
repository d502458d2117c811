using RunbookSdk.Analyzers.Commands;
using RunbookSdk.Analyzers.Tests.Infrastructure;
using RunbookSdk.CodeFixes.Commands;

namespace RunbookSdk.Analyzers.Tests.Fixes;

/// <summary>
/// The RB0006/RB0007 fix puts the new <c>[Parameter]</c> property into a partial runbook's first part, which may have no
/// members yet to copy an indentation from: the property is indented one level inside the type in the document's own
/// unit (its <c>.editorconfig</c>, else its own lines), not with four spaces.
/// </summary>
public sealed class LiteralToParameterIndentationTests
{
    private const string Command = "\"psql postgresql://admin:{|RB0006:s3cr3t|}@db.omnix.ai:5432/app -c 'SELECT 1'\"";
    private const string FixedCommand = "$\"psql postgresql://admin:{Password}@db.omnix.ai:5432/app -c 'SELECT 1'\"";

    [Fact]
    public Task IndentsTheParameterInAnEmptyPartWithTheTabsTheFileIsIndentedWith()
    {
        const string empty = """
            using RunbookSdk;

            namespace Ops
            {
                public sealed partial class Split
                {
                }
            }
            """;
        const string filled = """
            using RunbookSdk;

            namespace Ops
            {
                public sealed partial class Split
                {
                    [Parameter("Password"), Secret] public string Password { get; init; } = "";
                }
            }
            """;
        const string define = """
            using RunbookSdk;

            namespace Ops
            {
                [Runbook("split")]
                public sealed partial class Split : Runbook
                {
                    public override void Define(IRunbookBuilder rb) => rb
                        .Title("Split")
                        .Phase("Db", p => p.Step("Db", s => s.Run({{command}})));
                }
            }
            """;
        return Verify<CommandTextAnalyzer>.FixAsync<LiteralToParameterCodeFix>(
            [("/0/Split.cs", Sources.WithTabs(empty)), ("/0/Split.Define.cs", Sources.WithTabs(define.Replace("{{command}}", Command)))],
            [("/0/Split.cs", Sources.WithTabs(filled)), ("/0/Split.Define.cs", Sources.WithTabs(define.Replace("{{command}}", FixedCommand)))]);
    }

    [Fact]
    public Task IndentsTheParameterInAnEmptyPartWithTheEditorConfigsIndentSize()
    {
        const string empty = """
            using RunbookSdk;

            public sealed partial class Split
            {
            }
            """;
        const string filled = """
            using RunbookSdk;

            public sealed partial class Split
            {
              [Parameter("Password"), Secret] public string Password { get; init; } = "";
            }
            """;
        const string define = """
            using RunbookSdk;

            [Runbook("split")]
            public sealed partial class Split : Runbook
            {
              public override void Define(IRunbookBuilder rb) => rb
                .Title("Split")
                .Phase("Db", p => p.Step("Db", s => s.Run({{command}})));
            }
            """;
        return Verify<CommandTextAnalyzer>.FixAsync<LiteralToParameterCodeFix>(
            [("/0/Split.cs", empty), ("/0/Split.Define.cs", define.Replace("{{command}}", Command))],
            [("/0/Split.cs", filled), ("/0/Split.Define.cs", define.Replace("{{command}}", FixedCommand))],
            editorConfig: "root = true\n\n[*.cs]\nindent_style = space\nindent_size = 2\n");
    }
}
