using System;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using RunbookSdk.Analyzers.Dsl;

namespace RunbookSdk.Analyzers.Review;

/// <summary>RB0010: a document whose review date has passed is trusted less than it should be.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ReviewDateAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.ReviewDatePassed);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (RunbookCompilation.For(start.Compilation) is not { } runbooks) return;
            var today = DateTime.UtcNow.Date;
            start.RegisterOperationAction(operation => Analyze(operation, runbooks.Symbols, today), OperationKind.Invocation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, DslSymbols symbols, DateTime today)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!symbols.IsDslCall(invocation, "ReviewDate") || invocation.Arguments.Length != 3) return;
        if (!DslValues.TryGetInt(invocation.Arguments[0].Value, out var year) ||
            !DslValues.TryGetInt(invocation.Arguments[1].Value, out var month) ||
            !DslValues.TryGetInt(invocation.Arguments[2].Value, out var day)) return;
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return;

        var date = new DateTime(year, month, day);
        if (date < today)
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ReviewDatePassed, DslSyntax.NameAndArguments(invocation),
                date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }
}
