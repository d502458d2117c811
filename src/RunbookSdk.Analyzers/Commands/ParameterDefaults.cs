using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using RunbookSdk.Analyzers.Dsl;
using RunbookSdk.Analyzers.Text;

namespace RunbookSdk.Analyzers.Commands;

/// <summary>
/// RB0012 for a <c>[Parameter]</c>'s default: <c>{FunctionName}</c> in a command is a hole the rules cannot judge, but
/// its default is what the operator runs at 3 a.m. unless they type another value, so a production runbook whose
/// parameter defaults to <c>omnix-ai-backend-dev</c> points at the dev system just as a literal would.
/// </summary>
internal static class ParameterDefaults
{
    /// <summary>Reports every default of the runbook's own [Parameter] properties that names a dev or staging resource.</summary>
    public static void Analyze(SymbolAnalysisContext context, RunbookCompilation runbooks, System.Func<INamedTypeSymbol, bool> isProduction)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (!runbooks.Symbols.IsRunbookType(type)) return;

        SyntaxValues? values = null;
        foreach (var member in type.GetMembers())
        {
            if (member is not IPropertySymbol { IsStatic: false } property) continue;
            foreach (var reference in property.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(context.CancellationToken) is not PropertyDeclarationSyntax { Initializer.Value: { } initializer }) continue;

                // Syntax first: almost no default names an environment, and asking for attributes binds them. A literal
                // (most defaults: text, numbers, booleans) is judged from its token before anything is built for it.
                var names = NonProductionNames.For(context.Options.AnalyzerConfigOptionsProvider.GetOptions(reference.SyntaxTree));
                if (initializer is LiteralExpressionSyntax literal && !names.MayMatch(literal.Token.ValueText)) continue;
                values ??= new SyntaxValues(runbooks, type, fallback: null, context.CancellationToken);
                if (CommandText.Read(initializer, values) is not { } text) continue;
                foreach (var name in names.In(text.Flat))
                {
                    if (text.PieceAt(name.Start)?.Hole is not null) continue;
                    if (!isProduction(type)) return;
                    if (!runbooks.Symbols.IsParameter(property)) break;
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.NonProductionResource, text.LocationOf(name.Start, name.Length),
                        names.FixProperties(name.Text), name.Text, name.Detail));
                }
            }
        }
    }
}
