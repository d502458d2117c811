using Microsoft.CodeAnalysis;

namespace RunbookSdk.Generators.Tests.Support;

/// <summary>
/// A syntax tree options provider as the compiler server gives each build's options: a new one every build, equal
/// only to itself, reporting what the .editorconfig says (here: nothing is generated, no severity is set).
/// </summary>
internal sealed class CompilerServerSyntaxTreeOptions : SyntaxTreeOptionsProvider
{
    public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.NotGenerated;

    public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
    {
        severity = ReportDiagnostic.Default;
        return false;
    }

    public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
    {
        severity = ReportDiagnostic.Default;
        return false;
    }
}
