using RunbookSdk.Import.Model;
using RunbookSdk.Import.Source;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// In a numbered list whose items carry code, an item of words alone is something the engineer does by hand. It became
/// a step with nothing to do, which the page showed as "(no actions in the source document)" and RB0004 reported, while
/// the same item in a list without code is an instruction. It is an instruction here too.
/// </summary>
public sealed class ManualItemTests
{
    [Fact]
    public void An_item_of_words_among_items_with_code_is_a_step_with_an_instruction()
    {
        var project = RunbookImporter.Generate(MarkdownSource.FromText("api.md", """
            # API

            ## Playbook: API down

            ### 1. Restart (0-5 minutes)

            1. **Drain traffic** by setting the `maintenance` flag in the admin console
            2. **Restart**
               ```bash
               systemctl restart api
               ```
            3. Tell the incident channel that the restart is done
            """), "Api", allowIncomplete: true, Path.Combine(Seeds.RepositoryRoot, "artifacts", "manual-item"), Seeds.RepositoryRoot);

        var steps = Assert.Single(project.Document.Runbooks).Phases[0].Steps;
        Assert.Equal(3, steps.Count);
        Assert.Equal("**Drain traffic** by setting the `maintenance` flag in the admin console", Assert.IsType<InstructionAction>(Assert.Single(steps[0].Actions)).Text);
        Assert.IsType<RunAction>(Assert.Single(steps[1].Actions));
        Assert.Equal("Tell the incident channel that the restart is done", Assert.IsType<InstructionAction>(Assert.Single(steps[2].Actions)).Text);
        Assert.DoesNotContain("no actions in the source document", string.Concat(project.Files.Values), StringComparison.Ordinal);
        Assert.DoesNotContain(InMemoryCompiler.Compile(project.Files), d => d.Id == "RB0004");
    }
}
