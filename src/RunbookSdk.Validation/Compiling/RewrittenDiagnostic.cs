using Microsoft.CodeAnalysis;

namespace RunbookSdk.Validation.Compiling;

/// <summary>
/// A diagnostic given another place, severity or text, as validation reports it (<see cref="GeneratorLocations"/>,
/// <see cref="ToolFailures"/>). Roslyn has no public way to change a diagnostic: this one is made anew, with the id,
/// title, category, description, help link, tags and properties of the original, and its text as the whole message.
/// </summary>
internal static class RewrittenDiagnostic
{
    /// <param name="original">The diagnostic as the compiler reported it.</param>
    /// <param name="location">Where it is reported.</param>
    /// <param name="severity">Its severity.</param>
    /// <param name="message">Its whole text.</param>
    public static Diagnostic Of(Diagnostic original, Location location, DiagnosticSeverity severity, string message)
    {
        var descriptor = new DiagnosticDescriptor(original.Id, original.Descriptor.Title, "{0}", original.Descriptor.Category, severity,
            isEnabledByDefault: true, original.Descriptor.Description, original.Descriptor.HelpLinkUri, [.. original.Descriptor.CustomTags]);
        return Diagnostic.Create(descriptor, location, severity, additionalLocations: null, original.Properties, message);
    }
}
