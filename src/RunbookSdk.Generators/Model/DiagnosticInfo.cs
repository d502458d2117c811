using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace RunbookSdk.Generators.Model;

/// <summary>A location as plain data, turned back into a <see cref="Location"/> only when reported.</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public static LocationInfo? From(Location? location) =>
        location?.SourceTree is null ? null : new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);

    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);
}

/// <summary>A diagnostic as plain data, so a model carrying it stays equatable.</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> MessageArgs)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] args) =>
        new(descriptor.Id, LocationInfo.From(location), new EquatableArray<string>(args));

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(GeneratorDiagnostics.ById(Id), Location?.ToLocation(), System.Linq.Enumerable.ToArray<object>(MessageArgs));
}

/// <summary>A pipeline result: a model (or null when nothing can be emitted) and the diagnostics found reading it.</summary>
internal sealed record Result<T>(T? Model, EquatableArray<DiagnosticInfo> Diagnostics) where T : class;
