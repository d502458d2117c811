using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RunbookSdk.Analyzers.Suppressions;

namespace RunbookSdk.Analyzers.Tests.Suppressions;

/// <summary>
/// A handbook shared across projects is public, and with the .NET analyzers as errors CA1062 ("validate parameter 'hb'
/// is non-null") failed the build on every public runbook's and handbook's <c>Define</c>, though the host always
/// passes its own builder. The suppressor takes CA1062 off that parameter only. A stand-in reports CA1062 where the
/// .NET analyzer would, at each use of a public method's parameter.
/// </summary>
public sealed class DefineBuilderSuppressorTests
{
    private const string Source = """
        using System;
        using RunbookSdk;

        namespace Acme.Ops
        {
            [Handbook("acme")]
            public sealed class AcmeHandbook : Handbook
            {
                public override void Define(IHandbookBuilder hb) => hb.Title("Acme");

                public static string Shout(string text) => text.ToUpperInvariant();
            }

            [Runbook("acme-api-down")]
            public sealed class ApiDown : Runbook<AcmeHandbook>
            {
                public override void Define(IRunbookBuilder rb) => rb.Title("API down");
            }

            public sealed class NotARunbook : Runbook
            {
                public override void Define(IRunbookBuilder rb) => rb.Title("No attribute");
            }
        }
        """;

    [Fact]
    public async Task CA1062_is_suppressed_on_the_builder_of_Define_in_runbook_and_handbook_classes_only()
    {
        var diagnostics = await SuppressorRun.DiagnosticsAsync(Source, s_parameterUses, new DefineBuilderSuppressor());

        var byUse = diagnostics.Where(d => d.Id == "CA1062").ToDictionary(d => d.GetMessage(), d => d.IsSuppressed);
        Assert.Equal(
            new Dictionary<string, bool> { ["AcmeHandbook.hb"] = true, ["AcmeHandbook.text"] = false, ["ApiDown.rb"] = true, ["NotARunbook.rb"] = false },
            byUse);
    }

    /// <summary>CA1062 at each use of a public method's parameter, named "Class.parameter".</summary>
    private static readonly StandInRule s_parameterUses = new("CA1062", SyntaxKind.MethodDeclaration, node =>
    {
        var method = (MethodDeclarationSyntax)node;
        if (!method.Modifiers.Any(SyntaxKind.PublicKeyword) || method.ExpressionBody is not { } body) return [];
        var names = method.ParameterList.Parameters.Select(p => p.Identifier.ValueText).ToHashSet(StringComparer.Ordinal);
        var type = ((ClassDeclarationSyntax)method.Parent!).Identifier.ValueText;
        return body.DescendantNodes().OfType<IdentifierNameSyntax>()
            .Where(i => names.Contains(i.Identifier.ValueText))
            .Select(i => (i.GetLocation(), type + "." + i.Identifier.ValueText));
    });
}
