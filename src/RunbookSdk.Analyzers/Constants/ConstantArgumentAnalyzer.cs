using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using RunbookSdk.Analyzers.Commands;
using RunbookSdk.Analyzers.Dsl;

namespace RunbookSdk.Analyzers.Constants;

/// <summary>
/// RB0016: the generator documents DSL arguments at compile time, so a value only known at run time is shown as
/// its source text. Holes bound to [Parameter] properties — in <c>Run($"...")</c> and in any interpolated text
/// argument such as an HTTP URL — and a [Parameter] property passed as a whole text argument are the intended way to
/// vary a runbook and are not reported: the page shows them as <c>{Name}</c>.
/// Info only: command-line builds skip an analyzer whose every rule is Info, and this one binds every DSL argument.
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
            DslInvocation.Register(start, runbooks, runbooks.Symbols.Vocabulary.Names, Analyze);
        });
    }

    private static void Analyze(DslInvocation call)
    {
        var symbols = call.Runbooks.Symbols;
        // The generator documents what a runbook's or handbook's own code says. A team's step helper in a class of its
        // own is never on a page (the generator reports the call to it, RB0101), so what its arguments are is moot.
        if (call.ContainingType is not { } owner || !(symbols.IsRunbookType(owner) || symbols.IsHandbookType(owner))) return;
        if (InsideUnclosedArguments(call.Syntax)) return;
        var arguments = call.Syntax.ArgumentList;
        var candidates = symbols.Vocabulary.Candidates(call.Name, arguments).ToList();
        if (HandledParameter(call.Name) is { } handled && call.Argument(handled) is { } text)
        {
            // C# picks the handler overload (Run's command, Http's URL, Body's body) for a non-constant interpolated string and the
            // string one for the rest.
            var safe = CommandParameters.UsesSafeHandler(text, call.Values);
            candidates = candidates.Where(m => m.Parameters.FirstOrDefault(p => p.Name == handled) is { } parameter && IsHandler(parameter.Type, symbols) == safe).ToList();
        }

        if (candidates.Count == 0) return; // the compiler reports the call

        for (var i = 0; i < arguments.Arguments.Count; i++)
        {
            var parameters = candidates.Select(m => DslVocabulary.ParameterFor(m, arguments, i)).ToList();
            if (parameters.Any(p => p is null) || parameters.Select(p => p!.Type).Distinct(SymbolEqualityComparer.Default).Count() != 1) continue;
            var parameter = parameters[0]!;
            var value = arguments.Arguments[i].Expression;
            var type = parameter.Type;
            var normalForm = i == parameter.Ordinal && arguments.Arguments.Count == parameter.Ordinal + 1 && IsWholeArray(call, value, parameter);
            if (parameter.IsParams && !normalForm && type is IArrayTypeSymbol paramsArray) type = paramsArray.ElementType;

            if (IsHandler(type, symbols))
            {
                CheckHoles(call, value);
            }
            else if (call.Name == "Run" && type.SpecialType == SpecialType.System_String && CommandParameters.PastedInto(value, call.Values).Any())
            {
                // RB0013 reports this one: the fix is the safe handler, not a constant.
            }
            else
            {
                Check(call, value, type);
            }
        }
    }

    /// <summary>
    /// Whether the one argument given for an array parameter is the array itself rather than, for <c>params</c>, its one
    /// element. An array of arrays written out is the whole list only when its elements are arrays too, as the page
    /// reads it: <c>Table(Headers, new[] { "P1", "Ops" })</c> is one row, which C# passes in expanded form. Before, that
    /// row was judged as the list of rows and each of its cells as a row that is not an array.
    /// </summary>
    private static bool IsWholeArray(DslInvocation call, ExpressionSyntax value, IParameterSymbol parameter)
    {
        if (SyntaxValues.ArrayElements(value) is not { } elements) return parameter.IsParams && call.IsNamedArrayOf(value, parameter.Type);
        return parameter.Type is not IArrayTypeSymbol { ElementType: IArrayTypeSymbol }
            || elements.All(element => (SyntaxValues.ArrayElements(element) ?? call.ReadOnlyArrayElements(element)) is not null);
    }

    private static void Check(DslInvocation call, ExpressionSyntax value, ITypeSymbol type)
    {
        var symbols = call.Runbooks.Symbols;
        if (type is IArrayTypeSymbol array)
        {
            if (SyntaxValues.Unwrap(value).IsKind(SyntaxKind.NullLiteralExpression)) return;
            // Table(Headers, Row1) with static readonly arrays of this file (CA1861): the page reads their initializers.
            if ((SyntaxValues.ArrayElements(value) ?? call.ReadOnlyArrayElements(value)) is not { } elements)
            {
                Report(call, value);
                return;
            }

            foreach (var element in elements) Check(call, element, array.ElementType);
            return;
        }

        if (type.SpecialType == SpecialType.System_String && SyntaxValues.Unwrap(value) is InterpolatedStringExpressionSyntax interpolated)
        {
            // $"{BaseUrl}/health": documented as written, with the parameter in the parameters table; only
            // holes that are neither constants nor parameters leave the docs guessing.
            CheckHoles(call, interpolated);
            return;
        }

        // Http("GET", HealthUrl): the page shows the parameter as {HealthUrl}, exactly as it shows $"{HealthUrl}".
        if (type.SpecialType == SpecialType.System_String && call.Values.ParameterProperty(value) is not null) return;

        var constant = type.SpecialType switch
        {
            SpecialType.System_String or SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Double or SpecialType.System_Boolean =>
                call.Values.Constant(value).HasValue,
            _ when SymbolEqualityComparer.Default.Equals(type, symbols.TimeSpan) => call.Values.TryGetTimeSpan(value, out _),
            _ when SymbolEqualityComparer.Default.Equals(type, symbols.TimeBox) => call.Values.IsKnownTimeBox(value),
            _ when SymbolEqualityComparer.Default.Equals(type, symbols.Severity) => call.Values.SeverityKey(value) is not null,
            _ => true, // delegates and other values are code, not documented text
        };
        if (!constant) Report(call, value);
    }

    private static void CheckHoles(DslInvocation call, ExpressionSyntax value)
    {
        foreach (var hole in value.DescendantNodesAndSelf().OfType<InterpolationSyntax>())
        {
            var expression = hole.Expression;
            if (call.Values.Constant(expression).HasValue) continue;
            if (call.Values.ParameterProperty(expression) is not null) continue;
            Report(call, expression);
        }
    }

    /// <summary>
    /// Whether the call's arguments, or a call around it, have no closing parenthesis yet. Such a list takes what
    /// follows it for its arguments — the next step, the next line's <c>.Note(...)</c>, the property below
    /// (<c>Severity.P1 [Parameter]</c>) — and an argument nobody wrote is no finding. The compiler marks the gap.
    /// </summary>
    private static bool InsideUnclosedArguments(InvocationExpressionSyntax call)
    {
        for (SyntaxNode? node = call; node is not null and not MemberDeclarationSyntax; node = node.Parent)
        {
            if (node is InvocationExpressionSyntax { ArgumentList.CloseParenToken.IsMissing: true }) return true;
        }

        return false;
    }

    private static bool IsHandler(ITypeSymbol type, DslSymbols symbols) =>
        SymbolEqualityComparer.Default.Equals(type, symbols.CommandHandler) || SymbolEqualityComparer.Default.Equals(type, symbols.UrlHandler)
        || SymbolEqualityComparer.Default.Equals(type, symbols.BodyHandler);

    /// <summary>The parameter of a call that has an interpolated-string handler overload beside its string one.</summary>
    private static string? HandledParameter(string call) => call switch
    {
        "Run" => "command",
        "Http" => "url",
        "Body" => "body",
        _ => null,
    };

    private static void Report(DslInvocation call, ExpressionSyntax value)
    {
        // An argument still being typed (Step(, …), Wait(x, ), a hole {} or one not closed yet) has a syntax error the
        // compiler already marks: '' is not a constant, but saying so is a second squiggle on the same gap.
        if (value.IsMissing || value.ContainsDiagnostics) return;
        var text = value.ToString();
        if (text.Length > 60) text = text.Substring(0, 57) + "...";
        call.Report(DiagnosticDescriptors.NonConstantArgument, value.GetLocation(), text);
    }
}
