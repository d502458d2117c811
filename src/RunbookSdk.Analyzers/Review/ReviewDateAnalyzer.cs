using System;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RunbookSdk.Analyzers.Dsl;

namespace RunbookSdk.Analyzers.Review;

/// <summary>RB0010: a document whose review date has passed is trusted less than it should be.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ReviewDateAnalyzer : DiagnosticAnalyzer
{
    private static readonly ImmutableHashSet<string> s_names = ImmutableHashSet.Create("ReviewDate");

    // Today, read once per compilation; a test hands in a fixed day.
    private readonly Func<DateTime> _utcNow;

    /// <summary>The rule as shipped: today is the system clock's (UTC).</summary>
    public ReviewDateAnalyzer()
        : this(static () => DateTime.UtcNow)
    {
    }

    /// <summary>The rule with today read from <paramref name="utcNow"/>.</summary>
    internal ReviewDateAnalyzer(Func<DateTime> utcNow) => _utcNow = utcNow;

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
            var today = _utcNow().Date;
            DslInvocation.Register(start, runbooks, s_names, call => Analyze(call, today));
        });
    }

    private static void Analyze(DslInvocation call, DateTime today)
    {
        var arguments = call.Syntax.ArgumentList.Arguments;
        if (arguments.Count != 3) return;
        if (!call.Values.TryGetInt(call.Argument("year"), out var year) ||
            !call.Values.TryGetInt(call.Argument("month"), out var month) ||
            !call.Values.TryGetInt(call.Argument("day"), out var day)) return;
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return;

        var date = new DateTime(year, month, day);
        if (date < today)
            call.Report(DiagnosticDescriptors.ReviewDatePassed, DslSyntax.NameAndArguments(call.Syntax), date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }
}
