namespace RunbookSdk.Validation.Projects;

/// <summary>A <c>Compile</c> item naming a file that does not exist: <c>dotnet build</c> fails with CS2001 (source file could not be found).</summary>
/// <param name="Path">Full path of the file it names.</param>
/// <param name="Item">The item, for its file and line.</param>
internal sealed record MissingCompileItem(string Path, ProjectItem Item);
