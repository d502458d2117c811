using Microsoft.CodeAnalysis;
using RunbookSdk.Import.Model;

namespace RunbookSdk.Import.Tests;

/// <summary>
/// Runbooks written as "Step 1: Drain the node" paragraphs over their commands (not a numbered list, not headings) lost
/// their steps: each "Step n" line was a note, and every command of the procedure ran in one step named after the phase.
/// </summary>
public sealed class StepParagraphTests
{
    [Theory]
    [InlineData("Step 1: Drain the node", "Step 2: Patch the kernel", "Step 3: Uncordon the node")]
    [InlineData("**Step 1:** Drain the node", "**Step 2: Patch the kernel**", "Step 3 - Uncordon the node.")]
    [InlineData("Step 1. Drain the node", "STEP 2) Patch the kernel", "Step 3 — Uncordon the node")]
    public void A_step_paragraph_starts_a_step_titled_by_its_words(string first, string second, string third)
    {
        var markdown = $"""
            # Nodes

            ## Runbook: Drain a node

            {first}

            ```bash
            kubectl drain node-1 --ignore-daemonsets
            ```

            {second}

            ```bash
            ssh node-1 sudo apt-get upgrade -y linux-image-generic
            ```

            {third}

            ```bash
            kubectl uncordon node-1
            ```
            """;

        var project = HostileInputTests.Generate(markdown);

        var steps = Assert.Single(project.Document.Runbooks.Single().Phases).Steps;
        Assert.Equal(["Drain the node", "Patch the kernel", "Uncordon the node"], steps.Select(s => s.Title));
        Assert.Equal(
            ["kubectl drain node-1 --ignore-daemonsets", "ssh node-1 sudo apt-get upgrade -y linux-image-generic", "kubectl uncordon node-1"],
            steps.Select(s => Assert.Single(s.Actions.OfType<RunAction>()).Command));
        var errors = InMemoryCompiler.Compile(project.Files).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, InMemoryCompiler.Describe(errors));
    }

    /// <summary>
    /// A numbered paragraph that gives its command inline (<c>Step 1: `kubectl drain node-1`</c>) was a step titled by the
    /// command that did nothing ("(no actions in the source document)"): it now runs the command, titled by its words
    /// when it has any.
    /// </summary>
    [Theory]
    [InlineData("Step 1: `kubectl drain node-1`", "**Step 2:** `kubectl uncordon node-1`", "kubectl drain node-1", "kubectl uncordon node-1")]
    [InlineData("Step 1 - `kubectl drain node-1`", "Step 2. `kubectl uncordon node-1`", "kubectl drain node-1", "kubectl uncordon node-1")]
    [InlineData("Step 1: Drain the node: `kubectl drain node-1`", "**Step 2:** Uncordon it: `kubectl uncordon node-1`", "Drain the node", "Uncordon it")]
    public void A_step_paragraph_with_its_command_inline_is_a_step_running_it(string first, string second, string firstTitle, string secondTitle)
    {
        var markdown = HostileInputTests.Runbook("kubectl get nodes").Replace(
            "### Rollback", $"{first}\n\n{second}\n\n### Rollback", StringComparison.Ordinal);

        var project = HostileInputTests.Generate(markdown);

        var steps = project.Document.Runbooks.Single().Phases[0].Steps;
        Assert.Equal(["Immediate", firstTitle, secondTitle], steps.Select(s => s.Title));
        Assert.Equal(["kubectl get nodes", "kubectl drain node-1", "kubectl uncordon node-1"], steps.Select(s => Assert.IsType<RunAction>(Assert.Single(s.Actions)).Command));
        var errors = InMemoryCompiler.Compile(project.Files).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, InMemoryCompiler.Describe(errors));
    }

    [Fact]
    public void A_sentence_about_a_step_stays_a_note()
    {
        var markdown = HostileInputTests.Runbook("kubectl drain node-1").Replace(
            "### Rollback", "Step 3 is optional on weekends.\n\n### Rollback", StringComparison.Ordinal);

        var step = Assert.Single(HostileInputTests.Generate(markdown).Document.Runbooks.Single().Phases[0].Steps);

        Assert.Contains(new NoteAction("Step 3 is optional on weekends."), step.Actions);
    }

    [Fact]
    public void A_step_heading_is_titled_by_its_words_after_the_number_as_the_paragraph_is()
    {
        // Kept as "Step 1: Scale workers", the page showed "1.1 Step 1: Scale workers": the runner numbers steps itself.
        var markdown = """
            # Workers

            ## Runbook: Queue backlog

            ### Mitigation

            #### Step 1: Scale workers

            ```bash
            kubectl scale deployment/worker --replicas=6
            ```

            #### Step 2 - Drain the queue.

            ```bash
            ./drain-queue --all
            ```

            #### Step 3

            ```bash
            kubectl get pods -l app=worker
            ```
            """;

        var project = HostileInputTests.Generate(markdown);

        var steps = project.Document.Runbooks.Single().Phases.Single().Steps;
        Assert.Equal(["Scale workers", "Drain the queue", "Step 3"], steps.Select(s => s.Title));
        var errors = InMemoryCompiler.Compile(project.Files).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, InMemoryCompiler.Describe(errors));
    }
}
