using System;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.Generators.Reading;

/// <summary>
/// Recognises an attribute by the name it is written with, as C# resolves it: <c>Runbook</c>, <c>RunbookAttribute</c>,
/// <c>RunbookSdk.Runbook</c> or <c>global::RunbookSdk.Runbook</c>. By name only (no binding): what it means is
/// decided where it matters.
/// </summary>
internal static class AttributeNames
{
    private const string Suffix = "Attribute";

    public static bool Is(AttributeSyntax attribute, string name)
    {
        var written = attribute.Name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => null,
        };
        if (written is null) return false;
        // name or name + "Attribute", compared without building the longer string for every attribute of every type.
        return written == name
            || (written.Length == name.Length + Suffix.Length
                && written.StartsWith(name, StringComparison.Ordinal)
                && written.EndsWith(Suffix, StringComparison.Ordinal));
    }
}
