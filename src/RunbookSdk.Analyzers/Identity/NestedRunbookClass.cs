using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace RunbookSdk.Analyzers.Identity;

/// <summary>
/// Whether RB0030 judges a runbook class nested in another. The generator documents, lists and runs a nested
/// <c>[Runbook]</c> class like any other (<c>PaymentsRunbooks.Drain</c>), so a team that groups its runbooks in a
/// static class loses one silently when it forgets the attribute. A test's double is nested too, and must stay quiet:
/// it is nested in a test class (a class with a test framework's attribute on it or on one of its methods, or named
/// <c>…Tests</c> or <c>…Test</c>), or it is one the runner could not create anyway (private, protected or private
/// protected, or inside such a class, a generic class or a <c>file</c> class — what <c>RB0105</c> refuses).
/// </summary>
internal static class NestedRunbookClass
{
    /// <summary>The namespaces of the test frameworks whose attributes mark a test class (xUnit, NUnit, MSTest, TUnit).</summary>
    private static readonly ImmutableArray<string> TestFrameworkNamespaces = ImmutableArray.Create(
        "Xunit", "NUnit", "TUnit", "Microsoft.VisualStudio.TestTools.UnitTesting");

    /// <summary>Whether <paramref name="type"/>, nested in another class, may be a runbook of its own.</summary>
    public static bool MayBeRunbook(INamedTypeSymbol type)
    {
        if (!CreatableFromGeneratedCode(type)) return false;
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            if (!CreatableFromGeneratedCode(outer) || IsTestClass(outer)) return false;
        }

        return true;
    }

    // The accessibility RB0105 accepts: the generated catalog names the class from a file of its own.
    private static bool CreatableFromGeneratedCode(INamedTypeSymbol type) =>
        !type.IsFileLocal && type.Arity == 0 &&
        type.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal;

    private static bool IsTestClass(INamedTypeSymbol type) =>
        type.Name.EndsWith("Tests", System.StringComparison.Ordinal) || type.Name.EndsWith("Test", System.StringComparison.Ordinal) ||
        HasTestAttribute(type.GetAttributes()) ||
        type.GetMembers().Any(member => member is IMethodSymbol method && HasTestAttribute(method.GetAttributes()));

    private static bool HasTestAttribute(ImmutableArray<AttributeData> attributes) =>
        attributes.Any(attribute => FromTestFramework(attribute.AttributeClass));

    // A framework's attribute or one derived from it ([SkippableFact] derives from xUnit's FactAttribute).
    private static bool FromTestFramework(INamedTypeSymbol? attribute)
    {
        for (var current = attribute; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            if (current.ContainingNamespace is not { IsGlobalNamespace: false } ns) continue;
            var name = ns.ToDisplayString();
            if (TestFrameworkNamespaces.Any(framework => name == framework || name.StartsWith(framework + ".", System.StringComparison.Ordinal))) return true;
        }

        return false;
    }
}
