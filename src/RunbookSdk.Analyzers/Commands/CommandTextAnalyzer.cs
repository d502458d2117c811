using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using RunbookSdk.Analyzers.Dsl;
using RunbookSdk.Analyzers.Text;

namespace RunbookSdk.Analyzers.Commands;

/// <summary>
/// The rules that read command text: what <c>Run</c>, <c>Http</c>, <c>Header</c> and <c>Body</c> will actually send.
/// RB0005 destructive without confirmation, RB0006 secrets, RB0007 home paths, RB0012 dev resources in production,
/// RB0013 parameters pasted outside the safe handler, RB0014 verifications that cannot fail, RB0015 commands that never end,
/// RB0017 constants of several words in the handler's holes, RB0022 constants of a command that never reaches the
/// handler (<see cref="ConstantCommand"/>), RB0018 hidden characters (also bidirectional controls in the
/// text a person reads, <see cref="ProseDirectionControls"/>), RB0019 placeholders left in that text (<see cref="PlaceholderText"/>).
/// RB0012 also reads the defaults of a production runbook's [Parameter] properties (<see cref="ParameterDefaults"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CommandTextAnalyzer : DiagnosticAnalyzer
{
    private static readonly ImmutableHashSet<string> s_credentialHeaders = ImmutableHashSet.Create(System.StringComparer.OrdinalIgnoreCase,
        "Authorization", "Proxy-Authorization", "X-Api-Key", "Api-Key", "X-Auth-Token", "X-Access-Token", "Private-Token", "X-Vault-Token", "Cookie");

    private static readonly Regex s_credentialValue = new(@"^\s*(" + CommandPatterns.AuthorizationScheme + @")?(?<secret>\S+)",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, System.TimeSpan.FromSeconds(1));

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.DestructiveWithoutConfirmation,
        DiagnosticDescriptors.SecretLiteral,
        DiagnosticDescriptors.HomeDirectoryPath,
        DiagnosticDescriptors.NonProductionResource,
        DiagnosticDescriptors.UnsafeCommandInterpolation,
        DiagnosticDescriptors.VerificationCannotFail,
        DiagnosticDescriptors.CommandNeverEnds,
        DiagnosticDescriptors.ConstantHoleIsOneWord,
        DiagnosticDescriptors.ConstantCommandUnquoted,
        DiagnosticDescriptors.HiddenCharacter,
        DiagnosticDescriptors.PlaceholderText,
        DiagnosticDescriptors.ParameterInPlainText);

    /// <summary>The DSL calls whose text runs or is sent: what these rules read (and RB0018's prose check leaves to them).</summary>
    internal static readonly ImmutableHashSet<string> CommandCalls = ImmutableHashSet.Create("Run", "Http", "Header", "Body");

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (RunbookCompilation.For(start.Compilation) is not { } runbooks) return;
            DslInvocation.Register(start, runbooks, CommandCalls, Analyze);
            DslInvocation.Register(start, runbooks, s_expectations, AnalyzeExpectation);
            ProseDirectionControls.Register(start, runbooks);
            PlaceholderText.Register(start, runbooks);
            start.RegisterSymbolAction(symbol => ParameterDefaults.Analyze(symbol, runbooks, type => IsProduction(runbooks, type)), SymbolKind.NamedType);
        });
    }

    private static void Analyze(DslInvocation call)
    {
        switch (call.Name)
        {
            case "Run" when call.Argument("command") is { } command:
                AnalyzeCommand(call, command);
                break;
            case "Http" when call.Argument("url") is { } url:
                var urlText = Read(call, url);
                if (urlText is not null)
                {
                    ReportPlainTextParameters(call, url, urlText, "URL");
                    ReportHidden(call, urlText, "URL");
                    ReportSecrets(call, urlText);
                    ReportNonProduction(call, urlText);
                }

                ReportDelete(call, urlText);

                if (call.IsInVerification() && !ConfiguringCallers.ChainConfigures(call, call.Syntax, IsExpectation) &&
                    !ConfiguringCallers.ConfigureEvery(call, IsExpectation) && !ConfiguringCallers.WrappedBy(call, IsExpectation))
                {
                    call.Report(DiagnosticDescriptors.VerificationCannotFail, url.GetLocation(),
                        "the HTTP check has no expectation; add ExpectStatus(...), ExpectBodyContains(...) or ExpectJson(...)");
                }

                break;
            case "Header" when call.Argument("value") is { } value && Read(call, value) is { } header:
                ReportPlainTextParameters(call, value, header, "header value");
                ReportHidden(call, header, "header");
                var name = call.Values.ConstantString(call.Argument("name"));
                if (name is not null && s_credentialHeaders.Contains(name))
                {
                    var match = s_credentialValue.Match(header.Flat);
                    var secret = match.Groups["secret"];
                    if (match.Success && !CommandPatterns.IsPlaceholder(secret.Value))
                    {
                        call.Report(DiagnosticDescriptors.SecretLiteral, header.LocationOf(secret.Index, secret.Length),
                            ParameterSuggestion.ForCredentialHeader(name), "A credential in the " + name + " header");
                        break;
                    }
                }

                ReportSecrets(call, header);
                break;
            case "Body" when call.Argument("body") is { } body && Read(call, body) is { } bodyText:
                ReportPlainTextParameters(call, body, bodyText, "body");
                ReportHidden(call, bodyText, "body");
                ReportSecrets(call, bodyText);
                break;
        }
    }

    // The HTTP checks whose expected text is compared as written, like a command is run as written: their other rules
    // (RB0018, RB0019) read them as prose.
    private static readonly ImmutableHashSet<string> s_expectations = ImmutableHashSet.Create("ExpectBodyContains", "ExpectJson");

    /// <summary>
    /// RB0028 on <c>ExpectJson("version", "{Version}")</c> and <c>ExpectBodyContains("{FunctionName}")</c>: the
    /// response is compared with the text <c>{Version}</c>, so the check fails whatever the service answers.
    /// </summary>
    private static void AnalyzeExpectation(DslInvocation call)
    {
        var expected = call.Argument(call.Name == "ExpectJson" ? "value" : "text");
        if (expected is not null && Read(call, expected) is { } text) ReportPlainTextParameters(call, expected, text, "expected value");
    }

    private static void AnalyzeCommand(DslInvocation call, ExpressionSyntax command)
    {
        var safeHandler = CommandParameters.UsesSafeHandler(command, call.Values);
        if (!safeHandler && CommandParameters.PastedInto(command, call.Values).FirstOrDefault() is { } pasted)
            call.Report(DiagnosticDescriptors.UnsafeCommandInterpolation, command.GetLocation(), pasted.Name);

        if (Read(call, command) is not { } text) return;

        ReportHidden(call, text, "command");
        ReportPlainTextParameters(call, command, text, "command");

        if (safeHandler)
        {
            foreach (var (hole, value) in ConstantHoles.MeantAsSeveralWords(text))
                call.Report(DiagnosticDescriptors.ConstantHoleIsOneWord, hole.GetLocation(), hole.Expression.ToString(), value);
        }
        else if (SyntaxValues.Unwrap(command) is InterpolatedStringExpressionSyntax constantCommand)
        {
            // Where splitting was plainly meant (RB0017's shapes: {Kubectl} get pods), running as written is the intent.
            var meant = new HashSet<InterpolationSyntax>(ConstantHoles.MeantAsSeveralWords(text).Select(h => h.Hole));
            foreach (var (hole, value, quoted) in ConstantCommand.UnquotedHoles(constantCommand, call.Values))
            {
                if (!meant.Contains(hole))
                    call.Report(DiagnosticDescriptors.ConstantCommandUnquoted, hole.GetLocation(), ConstantCommand.FixProperties(value, quoted),
                        hole.Expression.ToString(), value, quoted ?? "refused there");
            }
        }

        foreach (var destructive in CommandPatterns.Destructive(text.Flat, text.Shell))
        {
            // On the destructive command the message names, not the whole script it is one line of; the fix edits the step.
            if (!StepConfirmation.IsConfirmed(call)) call.Report(DiagnosticDescriptors.DestructiveWithoutConfirmation, text.LocationAcross(destructive.Start, destructive.Length), text.AsWritten(destructive));
        }

        ReportSecrets(call, text);

        foreach (var found in CommandPatterns.HomePaths(text.Flat))
        {
            var path = WrittenPart(text, found);
            // ~jon/… has no fix (CommandPatterns.HomePaths): no value of a quoted hole is expanded to jon's home.
            var fix = path.Name.Length == 0
                ? ImmutableDictionary<string, string?>.Empty
                : ParameterSuggestion.Create(path.Name, "Path of '" + LastSegment(path.Text) + "' on the operator's machine", secret: false);
            call.Report(DiagnosticDescriptors.HomeDirectoryPath, text.LocationOf(path.Start, path.Length), fix, text.AsWritten(path));
        }

        ReportNonProduction(call, text);

        if (call.IsInVerification() && CheckOfNothing.In(text.Shell) is { } nothing)
        {
            // The other RB0014 patterns judge a check; there is none here, only commands that always succeed.
            call.Report(DiagnosticDescriptors.VerificationCannotFail, text.LocationOf(nothing.Start, nothing.Length),
                "'" + text.AsWritten(nothing.Start, nothing.Length) + "' succeeds whatever state the service is in, so it checks nothing; run the command that shows the fix worked (curl --fail, a query, kubectl rollout status)");
        }
        else if (call.IsInVerification())
        {
            foreach (var weak in CommandPatterns.HttpClientsWithoutFail(text.Shell).Concat(CommandPatterns.AlwaysSucceedingPipelines(text.Shell)))
                call.Report(DiagnosticDescriptors.VerificationCannotFail, text.LocationOf(weak.Start, weak.Length), weak.Detail);
            foreach (var swallowed in CommandPatterns.SwallowedFailures(text.Shell))
                call.Report(DiagnosticDescriptors.VerificationCannotFail, text.LocationOf(swallowed.Start, swallowed.Length), FallbackRemoval(text, swallowed), swallowed.Detail);
            foreach (var weak in CommandPatterns.IgnoredStatus(text.Shell))
                call.Report(DiagnosticDescriptors.VerificationCannotFail, text.LocationOf(weak.Start, weak.Length), weak.Detail);
            if (UnfailableConditional.AtEnd(text.Shell) is { } conditional) ReportConditional(call, text, conditional);
        }

        if (!ConfiguringCallers.ChainConfigures(call, call.Syntax, IsTimeout))
        {
            foreach (var endless in CommandPatterns.NeverEnding(text.Flat, text.Shell))
            {
                // The helpers and the team's code are read only for a command that never ends: off the corpus's path.
                if (!ConfiguringCallers.ConfigureEvery(call, IsTimeout) && !ConfiguringCallers.WrappedBy(call, IsTimeout))
                    call.Report(DiagnosticDescriptors.CommandNeverEnds, text.LocationOf(endless.Start, endless.Length), text.AsWritten(endless));
            }
        }
    }

    // A call that bounds the command before it; one that makes a request a check. Also where a helper's caller, or a
    // method the command is handed to, makes it (ConfiguringCallers).
    private static bool IsTimeout(string name) => name == "Timeout";

    private static bool IsExpectation(string name) => name.StartsWith("Expect", System.StringComparison.Ordinal);

    /// <summary>
    /// RB0005 on an HTTP step that sends DELETE (<c>Http("DELETE", "https://search.internal/logs-2024.01")</c>): it
    /// removes what its URL names, as <c>curl -X DELETE</c> in a command does. Reported on the method.
    /// </summary>
    private static void ReportDelete(DslInvocation call, CommandText? urlText)
    {
        if (call.Argument("method") is not { } method ||
            !string.Equals(call.Values.ConstantString(method), "DELETE", System.StringComparison.OrdinalIgnoreCase) ||
            StepConfirmation.IsConfirmed(call))
            return;

        var target = urlText is null ? "the URL" : urlText.AsWritten(0, urlText.Flat.Length);
        call.Report(DiagnosticDescriptors.DestructiveWithoutConfirmation, method.GetLocation(), "DELETE " + target);
    }

    /// <summary>RB0028 on each <c>{Name}</c> of a parameter in a plain string command, URL, header value, body or expected value, which is taken as written.</summary>
    private static void ReportPlainTextParameters(DslInvocation call, ExpressionSyntax argument, CommandText text, string what)
    {
        foreach (var placeholder in PlainTextParameters.In(argument, text.Flat, call.Values))
            call.Report(DiagnosticDescriptors.ParameterInPlainText, text.LocationOf(placeholder.Start, placeholder.Length), placeholder.Name, what);
    }

    /// <summary>
    /// RB0014 on an <c>if</c> whose every way through succeeds, reported on the whole <c>if … fi</c>. When it only wraps
    /// its condition, and both can be found in the source, the finding carries the condition's source span: the code fix replaces the <c>if</c> with it.
    /// </summary>
    private static void ReportConditional(DslInvocation call, CommandText text, UnfailableConditional conditional)
    {
        var properties = ImmutableDictionary<string, string?>.Empty;
        var location = text.TrySpanAcross(conditional.Start, conditional.Length, out var whole)
            ? Location.Create(text.Argument.SyntaxTree, whole)
            : text.Argument.GetLocation();
        if (conditional.OnlyWrapsItsCondition && whole.Length > 0 &&
            text.TrySpanAcross(conditional.ConditionStart, conditional.ConditionLength, out var condition))
        {
            properties = properties
                .Add(UnfailableConditional.ConditionStartProperty, condition.Start.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Add(UnfailableConditional.ConditionLengthProperty, condition.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        call.Report(DiagnosticDescriptors.VerificationCannotFail, location, properties,
            "this 'if' succeeds whatever its condition found (without 'else' a failed condition returns 0, and every branch ends in a command that succeeds); run the check itself, or end the failing branch with 'exit 1'");
    }

    /// <summary>Where a swallowed failure's fallback is in the source, and its text: what RemoveFallbackCodeFix deletes.</summary>
    internal const string FallbackStartProperty = "FallbackStart";
    internal const string FallbackLengthProperty = "FallbackLength";
    internal const string FallbackTextProperty = "Fallback";

    /// <summary>
    /// For the fix of a swallowed failure (<c>curl -f … || true</c>): the source span of the fallback, from the blanks
    /// before its <c>||</c> to the end of its command (<c>|| echo "down $(date)"</c> whole), when all of it is written in
    /// one literal. Removed, the check's status is the list's again.
    /// </summary>
    private static ImmutableDictionary<string, string?> FallbackRemoval(CommandText text, TextMatch swallowed)
    {
        var shell = text.Shell;
        var start = swallowed.Start;
        while (start > 0 && shell[start - 1] is ' ' or '\t') start--;
        var end = CommandPatterns.EndOfFallback(shell, swallowed.Start + 2);
        while (end > swallowed.Start + swallowed.Length && char.IsWhiteSpace(shell[end - 1])) end--;
        if (start == 0 || !text.TrySpanOf(start, end - start, out var span)) return ImmutableDictionary<string, string?>.Empty;
        return ImmutableDictionary<string, string?>.Empty
            .Add(FallbackStartProperty, span.Start.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Add(FallbackLengthProperty, span.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Add(FallbackTextProperty, text.Flat.Substring(swallowed.Start, end - swallowed.Start));
    }

    /// <summary>
    /// A home path that runs on into a hole (<c>/home/jon/apps/{Region}</c>): the part written in the literal, up to its
    /// last whole directory (<c>/home/jon/apps</c>), is what belongs to one person, and what a parameter should hold;
    /// the hole stays. The whole path when it lies in one literal, or when what is written is no home path on its own.
    /// </summary>
    private static TextMatch WrittenPart(CommandText text, TextMatch path)
    {
        if (text.PieceAt(path.Start) is not { Literal: not null } piece) return path;
        var written = piece.FlatStart + piece.FlatText.Length - path.Start;
        if (path.Length <= written) return path;
        var part = path.Text.Substring(0, written);
        var directory = part.Substring(0, System.Math.Max(0, part.LastIndexOfAny(new[] { '/', '\\' }))).TrimEnd('/', '\\');
        foreach (var own in CommandPatterns.HomePaths(directory))
        {
            if (own.Start == 0 && own.Length == directory.Length) return new TextMatch(path.Start, own.Length, own.Text, own.Detail, own.Name);
        }

        return path;
    }

    private static string LastSegment(string path)
    {
        var trimmed = path.TrimEnd('/', '\\');
        var slash = trimmed.LastIndexOfAny(new[] { '/', '\\' });
        return slash < 0 ? trimmed : trimmed.Substring(slash + 1);
    }

    // A text still being typed (a string or a hole not closed yet) is the compiler's to mark: an unclosed string runs
    // to the end of the file, so a finding on it covers the rest of the file, and its fix edits past the command.
    private static CommandText? Read(DslInvocation call, ExpressionSyntax argument) =>
        argument.ContainsDiagnostics ? null : CommandText.Read(argument, call.Values);

    private static void ReportSecrets(DslInvocation call, CommandText text)
    {
        foreach (var secret in CommandPatterns.Secrets(text.Flat))
        {
            call.Report(DiagnosticDescriptors.SecretLiteral, text.LocationOf(secret.Start, secret.Length),
                ParameterSuggestion.Create(secret.Name, ParameterSuggestion.Humanize(secret.Name), secret: true), secret.Detail);
        }
    }

    private static void ReportHidden(DslInvocation call, CommandText text, string where)
    {
        if (!HiddenCharacters.Any(text.Flat)) return;
        foreach (var hidden in HiddenCharacters.In(text.Flat))
        {
            // The fix needs the character's own place in the source; one inside a constant declared elsewhere is
            // reported on the argument, for a person to follow.
            var properties = text.TrySpanOf(hidden.Index, 1, out _)
                ? ImmutableDictionary<string, string?>.Empty.Add(HiddenCharacters.ReplacementProperty, hidden.Replacement)
                : ImmutableDictionary<string, string?>.Empty;
            call.Report(DiagnosticDescriptors.HiddenCharacter, text.LocationOf(hidden.Index, 1), properties, hidden.Description, where, hidden.Effect);
        }
    }

    private static void ReportNonProduction(DslInvocation call, CommandText text)
    {
        var names = NonProductionNames.For(call.ConfigOptions);
        if (!names.MayMatch(text.Flat) || !IsProduction(call.Runbooks, call.ContainingType)) return;
        foreach (var name in names.In(text.Flat))
        {
            // A hole is a parameter the operator sets; only literal text names a fixed resource.
            if (text.PieceAt(name.Start)?.Hole is not null) continue;
            // {FunctionName}-dev: the suffix names the dev twin of whatever the hole holds; the message shows both.
            var shown = name.Start > 0 && text.PieceAt(name.Start - 1) is { Hole: not null } hole && hole.FlatStart + hole.FlatText.Length == name.Start
                ? text.AsWritten(hole.FlatStart, name.Start + name.Length - hole.FlatStart)
                : name.Text;
            call.Report(DiagnosticDescriptors.NonProductionResource, text.LocationOf(name.Start, name.Length),
                names.FixProperties(name.Text), shown, name.Detail);
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
