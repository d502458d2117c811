using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace RunbookSdk.Generators.Tests.Support;

/// <summary>
/// A metadata reference resolver as the compiler server gives each build's options: a new one every build, whose
/// <c>Equals</c> throws <see cref="NotImplementedException"/> (Roslyn's <c>LoggingMetadataFileReferenceResolver</c>), so
/// two builds' <see cref="CompilationOptions"/> cannot be compared with <c>Equals</c>. Found in a real build: the
/// generator failed on every runbook of every build after the first (RB0104).
/// </summary>
internal sealed class CompilerServerResolver : MetadataReferenceResolver
{
    public override bool Equals(object? other) => throw new NotImplementedException();

    public override int GetHashCode() => throw new NotImplementedException();

    public override ImmutableArray<PortableExecutableReference> ResolveReference(string reference, string? baseFilePath, MetadataReferenceProperties properties) =>
        ImmutableArray<PortableExecutableReference>.Empty;
}
