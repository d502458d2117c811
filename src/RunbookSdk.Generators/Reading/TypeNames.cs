using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;

namespace RunbookSdk.Generators.Reading;

/// <summary>The names a runbook or handbook class goes by in generated code, generated file names and docs.</summary>
internal static class TypeNames
{
    /// <summary>
    /// How generated code names the class, and how a runbook names its handbook's class: <c>global::</c>, the
    /// namespace and every containing class, keywords escaped (<c>@class</c>). Put together from the namespace and the
    /// containing class's short display, a class nested two deep lost its outer class and one named <c>@class</c> lost
    /// its <c>@</c>: neither compiled.
    /// </summary>
    public static string Global(INamedTypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    /// <summary>The class with its containing classes (<c>Outer.Inner</c>), as docs show it.</summary>
    public static string Nested(INamedTypeSymbol type)
    {
        if (type.ContainingType is null) return type.Name;
        var names = new List<string>();
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType) names.Insert(0, current.Name);
        return string.Join(".", names);
    }

    /// <summary>
    /// The generated file's name (without <c>.Runbook.g.cs</c>): namespace names joined with <c>_</c>, containing
    /// classes with <c>-</c> (<c>Payments_ApiDown</c>, <c>Ops_Teams-Drain</c>). Two classes must never share one —
    /// Roslyn throws on the second file, and the generator then adds nothing at all (CS8785) — nor may it hold a
    /// character Roslyn refuses in a file name (<c>@</c>, <c>&lt;</c>). Where joining loses something — an underscore
    /// or hyphen in a name (<c>A.B_C</c> and <c>A_B.C</c>), a character replaced, a generic arity — a hash of the full
    /// name follows, so the name stays readable and is still one per class.
    /// </summary>
    public static string FileName(INamedTypeSymbol type)
    {
        var builder = new StringBuilder();
        var lossless = true;
        var namespaces = new List<string>();
        for (var ns = type.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace) namespaces.Insert(0, ns.Name);
        foreach (var name in namespaces) lossless &= Append(builder, '_', name);
        var types = new List<INamedTypeSymbol>();
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType) types.Insert(0, current);
        for (var i = 0; i < types.Count; i++)
        {
            lossless &= Append(builder, i == 0 ? '_' : '-', types[i].Name);
            lossless &= types[i].Arity == 0;
        }

        if (lossless) return builder.ToString();
        // The metadata name tells namespaces (.), containing classes (+) and arity (`1) apart.
        var full = type.ContainingNamespace is { IsGlobalNamespace: false } containing
            ? containing.ToDisplayString() + "." + MetadataPath(type)
            : MetadataPath(type);
        return builder.Append('_').Append(Hash(full).ToString("x8", CultureInfo.InvariantCulture)).ToString();
    }

    /// <summary>Appends <paramref name="name"/> after <paramref name="separator"/>; false when a character had to be replaced.</summary>
    private static bool Append(StringBuilder builder, char separator, string name)
    {
        if (builder.Length > 0) builder.Append(separator);
        var kept = true;
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c)) builder.Append(c);
            else
            {
                builder.Append('_');
                kept = false;
            }
        }

        return kept;
    }

    private static string MetadataPath(INamedTypeSymbol type) =>
        type.ContainingType is { } outer ? MetadataPath(outer) + "+" + type.MetadataName : type.MetadataName;

    /// <summary>FNV-1a: the same on every machine and run, unlike <see cref="string.GetHashCode()"/>.</summary>
    private static uint Hash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
