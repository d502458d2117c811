using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using RunbookSdk.Analyzers.Commands;
using RunbookSdk.Analyzers.Dsl;

namespace RunbookSdk.Analyzers.Constants;

/// <summary>
/// RB0016: the generator documents DSL arguments at compile time, so a value only known at run time is shown as
/// its source text. Holes bound to [Parameter] properties — in <c>Run($"...")</c> and in any interpolated text
/// argument such as an HTTP URL — are the intended way to vary a runbook and are not reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConstantArgumentAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.NonConstantArgument);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (RunbookCompilation.For(start.Compilation) is not { } runbooks) return;
            start.RegisterOperationAction(operation => Analyze(operation, runbooks.Symbols), OperationKind.Invocation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, DslSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!symbols.IsDslMethod(invocation.TargetMethod)) return;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.IsImplicit || argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Parameter is not { } parameter) continue;

            if (SymbolEqualityComparer.Default.Equals(parameter.Type, symbols.CommandHandler))
            {
                CheckHoles(context, symbols, argument.Value);
            }
            else if (invocation.TargetMethod.Name == "Run" && parameter.Type.SpecialType == SpecialType.System_String &&
                     CommandParameters.PastedInto(argument.Value, symbols).Any())
            {
                // RB0013 reports this one: the fix is the safe handler, not a constant.
            }
            else
            {
                Check(context, symbols, argument.Value, parameter.Type);
            }
        }
    }

    private static void Check(OperationAnalysisContext context, DslSymbols symbols, IOperation value, ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol array)
        {
            var inner = DslValues.Unwrap(value);
            var elements = inner switch
            {
                IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,
                ICollectionExpressionOperation collection => collection.Elements,
                ILiteralOperation { ConstantValue: { HasValue: true, Value: null } } => ImmutableArray<IOperation>.Empty,
                _ => (ImmutableArray<IOperation>?)null,
            };
            if (elements is null)
            {
                Report(context, value);
                return;
            }

            foreach (var element in elements.Value) Check(context, symbols, element, array.ElementType);
            return;
        }

        if (type.SpecialType == SpecialType.System_String && DslValues.Unwrap(value) is IInterpolatedStringOperation interpolated)
        {
            // $"{BaseUrl}/health": documented as written, with the parameter in the parameters table; only
            // holes that are neither constants nor parameters leave the docs guessing.
            CheckHoles(context, symbols, interpolated);
            return;
        }

        var constant = type.SpecialType switch
        {
            SpecialType.System_String or SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Double or SpecialType.System_Boolean =>
                value.ConstantValue.HasValue,
            _ when SymbolEqualityComparer.Default.Equals(type, symbols.TimeSpan) => DslValues.TryGetTimeSpan(value, out _),
            _ when SymbolEqualityComparer.Default.Equals(type, symbols.TimeBox) => DslValues.IsKnownTimeBox(value),
            _ when SymbolEqualityComparer.Default.Equals(type, symbols.Severity) => DslValues.SeverityKey(value, symbols.Severity) is not null,
            _ => true, // delegates and other values are code, not documented text
        };
        if (!constant) Report(context, value);
    }

    private static void CheckHoles(OperationAnalysisContext context, DslSymbols symbols, IOperation value)
    {
        foreach (var hole in value.DescendantsAndSelf().OfType<IInterpolationOperation>().Select(i => i.Expression)
                     .Concat(value.DescendantsAndSelf().OfType<IInterpolatedStringAppendOperation>()
                         .Where(a => a.Kind == OperationKind.InterpolatedStringAppendFormatted)
                         .Select(a => a.AppendCall is IInvocationOperation { Arguments.Length: > 0 } call ? call.Arguments[0].Value : null)
                         .Where(e => e is not null)
                         .Select(e => e!)))
        {
            var expression = DslValues.Unwrap(hole);
            if (expression.ConstantValue.HasValue) continue;
            if (expression is IPropertyReferenceOperation { Property: var property } && symbols.IsParameter(property)) continue;
            Report(context, hole);
        }
    }

    private static void Report(OperationAnalysisContext context, IOperation value)
    {
        var text = value.Syntax.ToString();
        if (text.Length > 60) text = text.Substring(0, 57) + "...";
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.NonConstantArgument, value.Syntax.GetLocation(), text));
    }
}
