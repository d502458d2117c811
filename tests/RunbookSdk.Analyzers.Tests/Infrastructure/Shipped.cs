using System.Collections.Immutable;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RunbookSdk.Analyzers.Tests.Infrastructure;

/// <summary>Every analyzer and code fix the package ships, found in their assemblies so a new one is never left out of a test.</summary>
internal static class Shipped
{
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = Create<DiagnosticAnalyzer>(typeof(RunbookSdk.Analyzers.Sections.SectionCompletenessAnalyzer));

    public static ImmutableArray<CodeFixProvider> CodeFixes { get; } = Create<CodeFixProvider>(typeof(RunbookSdk.CodeFixes.Commands.FailOnHttpErrorCodeFix));

    /// <summary>The repository's root: the directory holding RunbookSdk.sln above the test's output.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static ImmutableArray<T> Create<T>(Type typeInAssembly) => typeInAssembly.Assembly
        .GetTypes()
        .Where(t => !t.IsAbstract && typeof(T).IsAssignableFrom(t))
        .Select(t => (T)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RunbookSdk.sln"))) return directory.FullName;
        }

        throw new DirectoryNotFoundException("RunbookSdk.sln not found above " + AppContext.BaseDirectory);
    }
}
