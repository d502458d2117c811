using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using RunbookSdk.Analyzers.Dsl;
using RunbookSdk.Analyzers.Text;

namespace RunbookSdk.Analyzers.Commands;

/// <summary>
/// The rules that read command text: what <c>Run</c>, <c>Http</c>, <c>Header</c> and <c>Body</c> will actually send.
/// RB0005 destructive without confirmation, RB0006 secrets, RB0007 home paths, RB0012 dev resources in production,
/// RB0013 parameters pasted outside the safe handler, RB0014 verifications that cannot fail, RB0015 commands that never end.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CommandTextAnalyzer : DiagnosticAnalyzer
{
    private static readonly ImmutableHashSet<string> s_credentialHeaders = ImmutableHashSet.Create(System.StringComparer.OrdinalIgnoreCase,
        "Authorization", "Proxy-Authorization", "X-Api-Key", "Api-Key", "X-Auth-Token", "X-Access-Token", "Private-Token", "X-Vault-Token", "Cookie");

    private static readonly Regex s_credentialValue = new(@"^\s*((?i:bearer|basic|token|oauth|apikey|digest)\s+)?(?<secret>\S+)",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, System.TimeSpan.FromSeconds(1));

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.DestructiveWithoutConfirmation,
        DiagnosticDescriptors.SecretLiteral,
        DiagnosticDescriptors.HomeDirectoryPath,
        DiagnosticDescriptors.NonProductionResource,
        DiagnosticDescriptors.UnsafeCommandInterpolation,
        DiagnosticDescriptors.VerificationCannotFail,
        DiagnosticDescriptors.CommandNeverEnds);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (RunbookCompilation.For(start.Compilation) is not { } runbooks) return;
            start.RegisterOperationAction(operation => Analyze(operation, runbooks), OperationKind.Invocation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, RunbookCompilation runbooks)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var symbols = runbooks.Symbols;
        if (!symbols.IsDslMethod(invocation.TargetMethod)) return;

        switch (invocation.TargetMethod.Name)
        {
            case "Run" when DslValues.Argument(invocation, "command") is { } command:
                AnalyzeCommand(context, runbooks, invocation, command);
                break;
            case "Http" when DslValues.Argument(invocation, "url") is { } url:
                if (Read(context, url) is { } urlText)
                {
                    ReportSecrets(context, urlText);
                    ReportNonProduction(context, runbooks, urlText);
                }

                if (DslSyntax.IsInVerification(invocation, symbols) &&
                    !DslSyntax.ChainedCalls(invocation).Any(c => c.TargetMethod.Name.StartsWith("Expect", System.StringComparison.Ordinal)))
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.VerificationCannotFail, url.Syntax.GetLocation(),
                        "the HTTP check has no expectation; add ExpectStatus(...), ExpectBodyContains(...) or ExpectJson(...)"));
                }

                break;
            case "Header" when DslValues.Argument(invocation, "value") is { } value && Read(context, value) is { } header:
                var name = DslValues.ConstantString(DslValues.Argument(invocation, "name")?.Value);
                if (name is not null && s_credentialHeaders.Contains(name))
                {
                    var match = s_credentialValue.Match(header.Flat);
                    var secret = match.Groups["secret"];
                    if (match.Success && !CommandPatterns.IsPlaceholder(secret.Value))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SecretLiteral, header.LocationOf(secret.Index, secret.Length), "A credential in the " + name + " header"));
                        break;
                    }
                }

                ReportSecrets(context, header);
                break;
            case "Body" when DslValues.Argument(invocation, "body") is { } body && Read(context, body) is { } bodyText:
                ReportSecrets(context, bodyText);
                break;
        }
    }

    private static void AnalyzeCommand(OperationAnalysisContext context, RunbookCompilation runbooks, IInvocationOperation invocation, IArgumentOperation command)
    {
        var symbols = runbooks.Symbols;
        var safeHandler = SymbolEqualityComparer.Default.Equals(command.Parameter?.Type, symbols.CommandHandler);
        if (!safeHandler && CommandParameters.PastedInto(command.Value, symbols).FirstOrDefault() is { } pasted)
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnsafeCommandInterpolation, command.Syntax.GetLocation(), pasted.Name));

        if (Read(context, command) is not { } text) return;
        var chained = DslSyntax.ChainedCalls(invocation).ToList();

        foreach (var destructive in CommandPatterns.Destructive(text.Flat))
        {
            var confirmed = chained.Any(c => c.TargetMethod.Name == "RequiresConfirmation") ||
                            DslSyntax.EnclosingStepLambda(invocation, symbols)?.Body.Descendants().OfType<IInvocationOperation>()
                                .Any(i => symbols.IsDslCall(i, "RequiresConfirmation")) == true;
            if (!confirmed)
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DestructiveWithoutConfirmation, command.Syntax.GetLocation(), destructive.Text));
        }

        ReportSecrets(context, text);

        foreach (var path in CommandPatterns.HomePaths(text.Flat))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.HomeDirectoryPath, text.LocationOf(path.Start, path.Length),
                ParameterSuggestion.Create(path.Name, "Path of '" + LastSegment(path.Text) + "' on the operator's machine", secret: false), path.Text));
        }

        ReportNonProduction(context, runbooks, text);

        if (DslSyntax.IsInVerification(invocation, symbols))
        {
            foreach (var weak in CommandPatterns.CurlWithoutFail(text.Flat).Concat(CommandPatterns.SwallowedFailures(text.Flat)))
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.VerificationCannotFail, text.LocationOf(weak.Start, weak.Length), weak.Detail));
        }

        if (!chained.Any(c => c.TargetMethod.Name == "Timeout"))
        {
            foreach (var endless in CommandPatterns.NeverEnding(text.Flat))
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.CommandNeverEnds, text.LocationOf(endless.Start, endless.Length), endless.Text));
        }
    }

    private static string LastSegment(string path)
    {
        var trimmed = path.TrimEnd('/', '\\');
        var slash = trimmed.LastIndexOfAny(new[] { '/', '\\' });
        return slash < 0 ? trimmed : trimmed.Substring(slash + 1);
    }

    private static CommandText? Read(OperationAnalysisContext context, IArgumentOperation argument) =>
        argument.Syntax is ArgumentSyntax { Expression: var expression } && argument.SemanticModel is { } model
            ? CommandText.Read(expression, model, context.CancellationToken)
            : null;

    private static void ReportSecrets(OperationAnalysisContext context, CommandText text)
    {
        foreach (var secret in CommandPatterns.Secrets(text.Flat))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SecretLiteral, text.LocationOf(secret.Start, secret.Length),
                ParameterSuggestion.Create(secret.Name.Length == 0 ? "Secret" : secret.Name, ParameterSuggestion.Humanize(secret.Name.Length == 0 ? "Secret" : secret.Name), secret: true), secret.Detail));
        }
    }

    private static void ReportNonProduction(OperationAnalysisContext context, RunbookCompilation runbooks, CommandText text)
    {
        if (!IsProduction(runbooks, context.ContainingSymbol.ContainingType)) return;
        foreach (var name in CommandPatterns.NonProductionNames(text.Flat))
        {
            // A hole is a parameter the operator sets; only literal text names a fixed resource.
            if (text.PieceAt(name.Start)?.Hole is not null) continue;
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.NonProductionResource, text.LocationOf(name.Start, name.Length), name.Text, name.Detail));
        }
    }

    private static bool IsProduction(RunbookCompilation runbooks, INamedTypeSymbol? type)
    {
        if (type is null || !runbooks.Symbols.IsRunbookType(type)) return false;
        var facts = runbooks.FactsOf(type);
        if (facts.IsProduction()) return true;
        return facts.Environments.IsEmpty && runbooks.Symbols.HandbookOf(type) is { } handbook && runbooks.FactsOf(handbook).IsProduction();
    }
}
