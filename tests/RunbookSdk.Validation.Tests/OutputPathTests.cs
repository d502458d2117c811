namespace RunbookSdk.Validation.Tests;

/// <summary>
/// An output folder moved with <c>$(MSBuildProjectDirectory)</c> or <c>$(MSBuildThisFileDirectory)</c> — the usual way to
/// write it in a <c>Directory.Build.props</c> — is left out of the default <c>Compile</c> item, as <c>dotnet build</c>
/// leaves it out (checked with a real build: a file that is not C# under <c>out/</c> does not break it).
/// </summary>
public sealed class OutputPathTests
{
    public static TheoryData<string, string> Forms() => new()
    {
        { "BaseOutputPath", "project" },
        { "BaseOutputPath", "props" },
        { "BaseOutputPath", "project-this-file" },
        { "OutputPath", "project" },
        { "OutputPath", "props" },
        { "OutputPath", "project-this-file" },
        { "IntermediateOutputPath", "project" },
        { "IntermediateOutputPath", "props" },
        { "IntermediateOutputPath", "project-this-file" },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task AnOutputFolderWrittenWithAReservedPropertyIsNotCompiled(string property, string form)
    {
        // A runbook without rollback in out/: RB0002 (and its row) would say validation compiled the output folder.
        using var project = new TempProject()
            .With("PaymentsHandbook.cs", Runbooks.Handbook)
            .With("ApiDown.cs", Runbooks.Complete)
            .With("out/QueueStuck.cs", Runbooks.WithoutRollback);
        var setting = form switch
        {
            "project" => $"<{property}>$(MSBuildProjectDirectory)/out/</{property}>",
            "project-this-file" => $"<{property}>$(MSBuildThisFileDirectory)out/</{property}>",
            _ => "",
        };
        if (form == "props")
            File.WriteAllText(Path.Combine(project.Root, "Directory.Build.props"),
                $"<Project><PropertyGroup><{property}>$(MSBuildThisFileDirectory)Payments/out/</{property}></PropertyGroup></Project>");
        File.WriteAllText(project.ProjectFile, TempProject.AppProject.Replace("</PropertyGroup>", $"  {setting}\n  </PropertyGroup>", StringComparison.Ordinal));

        var result = await RunbookValidator.ValidateAsync(project.ProjectFile);

        Assert.DoesNotContain(result.Runbooks, r => r.Id == "payments-queue-stuck");
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "RB0002");
    }
}
