namespace RunbookSdk.Benchmarks.Tests;

/// <summary>
/// What `team-base` compares rests on two things: the corpus rewritten onto a team's base class generates exactly what
/// the corpus does, and both are read without binding. If either stopped holding, its figures would compare different
/// work (docs/performance.md).
/// </summary>
public sealed class TeamBaseReportTests
{
    [Fact]
    public void The_corpus_on_a_teams_base_class_generates_the_same_text_and_is_read_without_binding()
    {
        const int runbooks = 12;

        var (outputs, differing, plainUnbound, teamUnbound) = TeamBaseReport.Compare(runbooks);

        Assert.Equal(runbooks + 2, outputs); // the runbooks' parts, the handbook's and the catalog
        Assert.Equal(0, differing);
        Assert.Equal(runbooks, plainUnbound);
        Assert.Equal(runbooks, teamUnbound);
    }

    [Fact]
    public void Every_runbook_of_the_rewritten_corpus_derives_from_the_teams_class_and_the_parameter_moved_there()
    {
        var team = TeamBaseReport.Team(CorpusCompilation.Create(3));

        var runbookTrees = team.SyntaxTrees.Where(t => Path.GetFileName(t.FilePath).StartsWith("Runbook", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, runbookTrees.Count);
        Assert.All(runbookTrees, tree =>
        {
            var text = tree.ToString();
            Assert.Contains(": CorpusRunbook", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Runbook<CorpusHandbook>", text, StringComparison.Ordinal);
            Assert.DoesNotContain("public string Region", text, StringComparison.Ordinal);
        });
        Assert.Contains(team.SyntaxTrees, t => t.FilePath == "CorpusRunbook.cs" && t.ToString().Contains("public string Region", StringComparison.Ordinal));
        Assert.Empty(team.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
    }
}
