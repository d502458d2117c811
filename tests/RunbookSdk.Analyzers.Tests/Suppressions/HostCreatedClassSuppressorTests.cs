using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RunbookSdk.Analyzers.Suppressions;

namespace RunbookSdk.Analyzers.Tests.Suppressions;

/// <summary>
/// A repository that builds with the .NET analyzers as errors (<c>AnalysisMode=All</c>) makes an app's classes
/// internal (CA1515), and CA1812 then called every internal runbook and handbook "apparently never instantiated",
/// failing the build, though the runbook host creates each one. The suppressor takes CA1812 off those classes only.
/// A stand-in reports CA1812 where the .NET analyzer would.
/// </summary>
public sealed class HostCreatedClassSuppressorTests
{
    private const string Source = """
        using System;
        using RunbookSdk;

        namespace Acme.Ops
        {
            [Handbook("acme")]
            internal sealed class AcmeHandbook : Handbook
            {
                public override void Define(IHandbookBuilder hb) => hb.Title("Acme");
            }

            [Runbook("acme-api-down")]
            internal sealed class ApiDown : Runbook<AcmeHandbook>
            {
                public override void Define(IRunbookBuilder rb) => rb.Title("API down");
            }

            [Runbook("acme-cache")]
            internal sealed class Cache : Runbook
            {
                public override void Define(IRunbookBuilder rb) => rb.Title("Cache");
            }

            internal sealed class Unused { }

            internal sealed class NotARunbook : Runbook
            {
                public override void Define(IRunbookBuilder rb) => rb.Title("No attribute");
            }
        }
        """;

    [Fact]
    public async Task CA1812_is_suppressed_on_runbook_and_handbook_classes_and_kept_on_any_other()
    {
        var diagnostics = await SuppressorRun.DiagnosticsAsync(Source, s_internalClasses, new HostCreatedClassSuppressor());

        var byClass = diagnostics.Where(d => d.Id == "CA1812").ToDictionary(d => d.GetMessage(), d => d);
        Assert.Equal(["AcmeHandbook", "ApiDown", "Cache", "NotARunbook", "Unused"], byClass.Keys.Order(StringComparer.Ordinal));
        foreach (var name in new[] { "AcmeHandbook", "ApiDown", "Cache" }) Assert.True(byClass[name].IsSuppressed, name);

        Assert.False(byClass["Unused"].IsSuppressed);
        Assert.False(byClass["NotARunbook"].IsSuppressed);
    }

    /// <summary>CA1812 on every internal class's name, as the .NET analyzer reports one it sees no <c>new</c> of.</summary>
    private static readonly StandInRule s_internalClasses = new("CA1812", SyntaxKind.ClassDeclaration, node =>
    {
        var declaration = (ClassDeclarationSyntax)node;
        return declaration.Modifiers.Any(SyntaxKind.InternalKeyword)
            ? [(declaration.Identifier.GetLocation(), declaration.Identifier.ValueText)]
            : [];
    });
}
