using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace RunbookSdk.Generators.Model;

/// <summary>A location as plain data, turned back into a <see cref="Location"/> only when reported.</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public static LocationInfo? From(Location? location) =>
        location?.SourceTree is null ? null : new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);

    /// <summary>
    /// The location in the compilation's own tree of <see cref="FilePath"/> when <paramref name="trees"/> has it, so
    /// the compiler applies the file's <c>#pragma</c>s, <c>[SuppressMessage]</c> and <c>.editorconfig</c> to it; a
    /// location by path otherwise.
    /// </summary>
    public Location ToLocation(SourceTrees? trees) =>
        trees?.Find(FilePath) is { } tree && Span.End <= tree.Length
            ? Location.Create(tree, Span)
            : Location.Create(FilePath, Span, LineSpan);
}

/// <summary>A diagnostic as plain data, so a model carrying it stays equatable.</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> MessageArgs)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] args) =>
        new(descriptor.Id, LocationInfo.From(location), new EquatableArray<string>(args));

    /// <param name="trees">The compilation's trees, in which the diagnostic is reported (see <see cref="LocationInfo.ToLocation"/>).</param>
    public Diagnostic ToDiagnostic(SourceTrees? trees) =>
        Diagnostic.Create(GeneratorDiagnostics.ById(Id), Location?.ToLocation(trees), System.Linq.Enumerable.ToArray<object>(MessageArgs));
}

/// <summary>A pipeline result: a model (or null when nothing can be emitted) and the diagnostics found reading it.</summary>
internal sealed record Result<T>(T? Model, EquatableArray<DiagnosticInfo> Diagnostics) where T : class;
