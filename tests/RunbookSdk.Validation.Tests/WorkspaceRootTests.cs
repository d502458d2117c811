namespace RunbookSdk.Validation.Tests;

/// <summary>
/// Findings' paths are relative to the repository's root, as annotations need them. Without a <c>.git</c> folder (a
/// self-hosted runner without git, where <c>actions/checkout</c> downloads a tarball) they were relative to the
/// validated folder: <c>runbook validate services/payments</c> annotated <c>Payments/x.cs</c>, a file the pull
/// request does not have. In GitHub Actions the workspace is the root then.
/// </summary>
public sealed class WorkspaceRootTests : IDisposable
{
    private readonly DirectoryInfo _workspace = Directory.CreateTempSubdirectory("runbook-validate-workspace-");

    [Fact]
    public void Without_git_a_folder_inside_the_Actions_workspace_is_relative_to_the_workspace()
    {
        var validated = Directory.CreateDirectory(Path.Combine(_workspace.FullName, "services", "payments"));

        Assert.Equal(_workspace.FullName, RunbookValidator.RootFor(validated.FullName, _workspace.FullName + Path.DirectorySeparatorChar));
    }

    [Fact]
    public void Without_git_and_outside_Actions_the_validated_folder_is_the_root()
    {
        var validated = Directory.CreateDirectory(Path.Combine(_workspace.FullName, "services", "payments"));

        Assert.Equal(validated.FullName, RunbookValidator.RootFor(validated.FullName, workspace: null));
    }

    [Fact]
    public void A_workspace_that_does_not_hold_the_validated_folder_is_not_its_root()
    {
        var validated = Directory.CreateDirectory(Path.Combine(_workspace.FullName, "payments-2"));
        var other = Directory.CreateDirectory(Path.Combine(_workspace.FullName, "payments"));

        Assert.Equal(validated.FullName, RunbookValidator.RootFor(validated.FullName, other.FullName));
    }

    [Fact]
    public void A_git_work_tree_wins_over_the_workspace()
    {
        var repository = Directory.CreateDirectory(Path.Combine(_workspace.FullName, "repo"));
        Directory.CreateDirectory(Path.Combine(repository.FullName, ".git"));
        var validated = Directory.CreateDirectory(Path.Combine(repository.FullName, "services"));

        Assert.Equal(repository.FullName, RunbookValidator.RootFor(validated.FullName, _workspace.FullName));
    }

    public void Dispose() => _workspace.Delete(recursive: true);
}
