namespace RunbookSdk.Import.Writing;

/// <summary>The .csproj of an imported runbook project.</summary>
internal static class ProjectFile
{
    /// <summary>Finds the RunbookSdk repository at or above <paramref name="directory"/>; null when there is none.</summary>
    public static string? FindRepository(string directory)
    {
        for (var current = new DirectoryInfo(Path.GetFullPath(directory)); current is not null; current = current.Parent)
        {
            if (File.Exists(Path.Combine(current.FullName, "RunbookSdk.sln"))
                && File.Exists(Path.Combine(current.FullName, "src", "RunbookSdk", "RunbookSdk.csproj")))
                return current.FullName;
        }
        return null;
    }

    /// <summary>
    /// The RunbookSdk version to reference: the one this importer was built with (all packages share one version),
    /// so a project imported by a given `runbook` tool builds against the SDK released with it.
    /// </summary>
    internal static string SdkVersion { get; } = (typeof(ProjectFile).Assembly
        .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
        .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "0.1.0")
        .Split('+')[0];

    /// <summary>A file name as XML comment text: a comment may not hold "--" (MSBuild would not load the project).</summary>
    internal static string CommentText(string name)
    {
        while (name.Contains("--", StringComparison.Ordinal)) name = name.Replace("--", "- -", StringComparison.Ordinal);
        return name;
    }

    /// <param name="ns">The project's root namespace.</param>
    /// <param name="document">The document as the files name it (<see cref="ImportedFrom.Reference"/>).</param>
    /// <param name="projectDirectory">The project's folder.</param>
    /// <param name="repository">This repository's root when the project is inside it, else null.</param>
    public static string Write(string ns, string document, string projectDirectory, string? repository)
    {
        var header = $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <!-- Imported from {CommentText(document)} by `runbook import`. `dotnet build` writes docs/ beside this file. -->
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <RootNamespace>{ns}</RootNamespace>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <!-- The analyzers' warnings (destructive commands, dev resources in production, ...) are the review list
                     of an imported runbook: they are reported, not fatal. Their errors (RB0001-RB0003) still fail the build. -->
                <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
                <IsPackable>false</IsPackable>
              </PropertyGroup>

            """;
        if (repository is null)
        {
            return header + $"""
                  <ItemGroup>
                    <!-- The SDK package brings the DSL, the generator, the analyzers and the build targets that write docs/. -->
                    <PackageReference Include="RunbookSdk" Version="{SdkVersion}" />
                  </ItemGroup>
                </Project>

                """;
        }
        var relative = Path.GetRelativePath(projectDirectory, repository).Replace('\\', '/');
        return header + $"""
              <ItemGroup>
                <ProjectReference Include="{relative}/src/RunbookSdk/RunbookSdk.csproj" />
                <ProjectReference Include="{relative}/src/RunbookSdk.Generators/RunbookSdk.Generators.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
                <ProjectReference Include="{relative}/src/RunbookSdk.Analyzers/RunbookSdk.Analyzers.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
              </ItemGroup>
              <Import Project="{relative}/src/RunbookSdk/build/RunbookSdk.targets" />
            </Project>

            """;
    }
}
