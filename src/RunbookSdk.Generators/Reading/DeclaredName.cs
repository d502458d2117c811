namespace RunbookSdk.Generators.Reading;

/// <summary>
/// A type or namespace a file declares: its qualified name, to tell two versions of the file apart, and the simple
/// names a lookup finds it by — a type's own name; every segment of a namespace, since <c>namespace A.B</c>
/// declares <c>A</c> too (<see cref="CompilationVersion"/>).
/// </summary>
/// <param name="Qualified">The qualified name, with each type's arity (<c>Ops.Team`0+Rb`0</c>, <c>namespace Ops.</c>).</param>
/// <param name="SimpleNames">The names a lookup finds it by.</param>
internal sealed record DeclaredName(string Qualified, string[] SimpleNames);
