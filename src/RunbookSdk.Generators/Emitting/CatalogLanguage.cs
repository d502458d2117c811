using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RunbookSdk.Generators.Emitting;

/// <summary>
/// What the project's <c>LangVersion</c> lets the catalog use. A runbook app may pin an old version (a repository
/// whose shared settings say <c>&lt;LangVersion&gt;7.3&lt;/LangVersion&gt;</c>), and generated code that does not
/// compile there fails the build in a file its authors cannot edit.
/// </summary>
/// <param name="Utf8Literals">
/// UTF-8 literals (C# 11), which keep the index page out of the assembly's user-string heap; a plain literal and a
/// block namespace below that.
/// </param>
/// <param name="NullableDirective">
/// <c>#nullable enable</c> (C# 8), so the catalog's members read as not null to the app's tests; below C# 8 the
/// directive is CS8370 and the catalog is left oblivious, as the app's own code is there.
/// </param>
internal readonly record struct CatalogLanguage(bool Utf8Literals, bool NullableDirective)
{
    /// <summary>What the catalog may use under <paramref name="options"/> (a non-C# parse gets everything).</summary>
    public static CatalogLanguage Of(ParseOptions options) => options is CSharpParseOptions { LanguageVersion: var version }
        ? new CatalogLanguage(version >= LanguageVersion.CSharp11, version >= LanguageVersion.CSharp8)
        : new CatalogLanguage(Utf8Literals: true, NullableDirective: true);
}
