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

    public static bool Is(AttributeSyntax attribute, string name) =>
        WrittenName(attribute) is { } written && Matches(written, name);

    /// <summary>The rightmost identifier of the attribute's name (<c>RunbookSdk.Runbook</c>: <c>Runbook</c>).</summary>
    public static string? WrittenName(AttributeSyntax attribute) => RightmostName(attribute.Name);

    /// <summary>The rightmost identifier of a type's name; null for a type that is not written as a name (a tuple, an array).</summary>
    public static string? RightmostName(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };

    /// <summary>Whether <paramref name="written"/> is <paramref name="name"/> or <paramref name="name"/> + <c>Attribute</c>.</summary>
    public static bool Matches(string written, string name) =>
        // Compared without building the longer string for every attribute of every type.
        written == name
        || (written.Length == name.Length + Suffix.Length
            && written.StartsWith(name, StringComparison.Ordinal)
            && written.EndsWith(Suffix, StringComparison.Ordinal));

    /// <summary>The name an attribute class may be written with (<c>RbAttribute</c>: <c>Rb</c>).</summary>
    public static string WithoutSuffix(string name) =>
        name.Length > Suffix.Length && name.EndsWith(Suffix, StringComparison.Ordinal) ? name.Substring(0, name.Length - Suffix.Length) : name;
}
