using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using RunbookSdk.CodeFixes.Editing;

namespace RunbookSdk.CodeFixes.Commands;

/// <summary>
/// RB0006 and RB0007: moves a literal out of a command (or a secret out of a header's value) into a
/// <c>[Parameter]</c> property and puts a hole in its place, <c>Run("cd /home/jon/app")</c> → <c>Run($"cd {AppDirectory}")</c>,
/// <c>Header("Authorization", "Bearer sk_live_…")</c> → <c>Header("Authorization", $"Bearer {ApiToken}")</c>. A secret becomes <c>[Parameter, Secret]</c>
/// with an empty default, so the value leaves the source. An existing parameter with the same name and value is reused.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LiteralToParameterCodeFix)), Shared]
public sealed class LiteralToParameterCodeFix : CodeFixProvider
{
    internal const string Key = "LiteralToParameter";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("RB0006", "RB0007");

    /// <inheritdoc />
    /// <remarks>One fix after another: each adds a property after the runbook's last parameter, and the batch fixer
    /// kept only one of several different properties inserted at that same place.</remarks>
    public override FixAllProvider GetFixAllProvider() => FixAll;

    private static readonly FixAllProvider FixAll = new SequentialFixAllProvider("Move the values into [Parameter] properties", FixAsync);

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (Plan(root, model, diagnostic, context.CancellationToken) is not { } plan) continue;
            var title = plan.Secret ? $"Take it from a [Parameter, Secret] '{plan.Name}'" : $"Make it a [Parameter] '{plan.Name}'";
            context.RegisterCodeFix(CodeAction.Create(title, token => FixAsync(context.Document, diagnostic, token), Key), diagnostic);
        }
    }

    private sealed record FixPlan(ExpressionSyntax Literal, string NewLiteralText, TypeDeclarationSyntax Type, string Name, string Description, bool Secret, string Value, bool Reuse);

    private static FixPlan? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var span = diagnostic.Location.SourceSpan;
        if (!diagnostic.Properties.TryGetValue("ParameterName", out var name) || name is null) return null;
        diagnostic.Properties.TryGetValue("ParameterDescription", out var description);
        var secret = diagnostic.Properties.TryGetValue("ParameterIsSecret", out var isSecret) && isSecret == "true";

        var token = root.FindToken(span.Start);
        ExpressionSyntax? literal = token.Parent switch
        {
            LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } l when token.IsKind(SyntaxKind.StringLiteralToken) ||
                                                                                           IsRaw(token) => l,
            InterpolatedStringTextSyntax { Parent: InterpolatedStringExpressionSyntax i } => i,
            _ => null,
        };
        if (literal is null || !span.IntersectsWith(token.Span) || span.End > token.Span.End) return null;

        if (literal.Parent is not ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax invocation } argument ||
            model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method ||
            method.ContainingType.ContainingNamespace.ToDisplayString() != "RunbookSdk" ||
            !TakesTheHole(method, argument)) return null;
        if (literal.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } type) return null;
        // The hole reads an instance property: not in a static helper method, local function or lambda.
        if (!InInstanceContext(model, literal, cancellationToken)) return null;

        var value = ValueOf(model, literal, span, cancellationToken);
        if (method.Name is "Http" or "Body" && !RequestHoles.SendAsWritten(method.Name, literal, span, value)) return null;
        var reuse = false;
        var typeSymbol = model.GetDeclaredSymbol(type, cancellationToken);
        // A parameter may come from a base runbook (a project's shared base class): reuse it, or avoid its name.
        var existing = MembersNamed(typeSymbol, name).FirstOrDefault();
        // Ours by symbol: a property with a team's own Ops.ParameterAttribute is never set by the runner, so a hole
        // reading it would put its default (for a secret, "") where the value was.
        if (existing is IPropertySymbol property && HasAttribute(property, model.Compilation, "RunbookSdk.ParameterAttribute") &&
            (secret ? HasAttribute(property, model.Compilation, "RunbookSdk.SecretAttribute") : InitializerOf(property) == value))
        {
            reuse = true;
        }
        else
        {
            // Nor the runbook's own name: a member named as its class is CS0542 (a runbook about a password, class Password).
            var unique = name;
            for (var n = 2; unique == typeSymbol?.Name || MembersNamed(typeSymbol, unique).Any(); n++) unique = name + n;
            name = unique;
        }

        var start = span.Start - literal.SpanStart;
        var end = span.End - literal.SpanStart;
        var text = literal.ToString();
        string newText;
        if (literal is LiteralExpressionSyntax { Token: var rawToken } && IsRaw(rawToken))
        {
            // """a b""" → $"""a {Name} b""": a raw string keeps its braces as they are, so it gets one '$' more than
            // its longest run of braces, and holes of as many braces.
            var dollars = System.Math.Max(InterpolatedLiteral.LongestRun(text, '{'), InterpolatedLiteral.LongestRun(text, '}')) + 1;
            newText = new string('$', dollars) + text.Substring(0, start) + Hole(name, dollars) + text.Substring(end);
        }
        else if (literal is LiteralExpressionSyntax)
        {
            // "a b" → $"a {Name} b": braces already in the text must be doubled once it is interpolated.
            newText = "$" + Braces(text.Substring(0, start)) + "{" + name + "}" + Braces(text.Substring(end));
        }
        else
        {
            // An interpolated string's holes take as many braces as it has '$' ($$"""…{{Region}}…""").
            var dollars = System.Math.Max(1, ((InterpolatedStringExpressionSyntax)literal).StringStartToken.Text.TakeWhile(c => c == '$').Count());
            newText = text.Substring(0, start) + Hole(name, dollars) + text.Substring(end);
        }

        return new FixPlan(literal, newText, type, name, description ?? name, secret, value, reuse);
    }

    /// <summary>
    /// Where a hole puts the parameter's value as it was written: a command of <c>Run(...)</c> (the runner quotes the
    /// hole for the shell), a header's value (<c>Header("Authorization", $"Bearer {ApiToken}")</c>: sent as it is,
    /// no shell reads it, and the runner masks a secret's value wherever it shows it), and an <c>Http(...)</c> URL or a
    /// <c>Body(...)</c> when the value is sent as it was written there (<see cref="RequestHoles"/>, asked once the value
    /// is known): a URL percent-encodes its holes after the host, and a body writes its holes as JSON.
    /// </summary>
    private static bool TakesTheHole(IMethodSymbol method, ArgumentSyntax argument) => method.Name switch
    {
        "Run" => true,
        "Header" => argument.NameColon is { } named ? named.Name.Identifier.ValueText == "value" : IsSecondArgument(argument),
        "Http" => argument.NameColon is { } url ? url.Name.Identifier.ValueText == "url" : IsSecondArgument(argument),
        "Body" => true,
        _ => false,
    };

    private static bool IsSecondArgument(ArgumentSyntax argument) =>
        argument.Parent is ArgumentListSyntax list && list.Arguments.IndexOf(argument) == 1 && list.Arguments[0].NameColon is null;

    private static bool InInstanceContext(SemanticModel model, ExpressionSyntax literal, CancellationToken cancellationToken)
    {
        for (var symbol = model.GetEnclosingSymbol(literal.SpanStart, cancellationToken); symbol is not null and not INamedTypeSymbol; symbol = symbol.ContainingSymbol)
        {
            if (symbol.IsStatic) return false;
        }

        return true;
    }

    /// <summary>The members of that name in the type and the types it derives from.</summary>
    private static IEnumerable<ISymbol> MembersNamed(INamedTypeSymbol? type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
            foreach (var member in current.GetMembers(name)) yield return member;
    }

    private static string Braces(string text) => text.Replace("{", "{{").Replace("}", "}}");

    private static string Hole(string name, int braces) => new string('{', braces) + name + new string('}', braces);

    private static bool IsRaw(SyntaxToken token) =>
        token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) || token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken);

    private static bool IsRaw(InterpolatedStringExpressionSyntax interpolated) =>
        interpolated.StringStartToken.IsKind(SyntaxKind.InterpolatedSingleLineRawStringStartToken) ||
        interpolated.StringStartToken.IsKind(SyntaxKind.InterpolatedMultiLineRawStringStartToken);

    private static string ValueOf(SemanticModel model, ExpressionSyntax literal, TextSpan span, CancellationToken cancellationToken)
    {
        // The value as the shell will see it: the source text of the span with C# escapes resolved.
        var source = literal.SyntaxTree.GetText(cancellationToken).ToString(span);
        // A raw string has no escapes: its text is its value (the span lies within one line).
        if (literal is LiteralExpressionSyntax { Token: var token } ? IsRaw(token) : IsRaw((InterpolatedStringExpressionSyntax)literal)) return source;
        var verbatim = literal is LiteralExpressionSyntax l ? l.Token.Text.StartsWith("@", System.StringComparison.Ordinal)
            : ((InterpolatedStringExpressionSyntax)literal).StringStartToken.IsKind(SyntaxKind.InterpolatedVerbatimStringStartToken);
        var parsed = SyntaxFactory.ParseExpression((verbatim ? "@\"" : "\"") + source.Replace("{{", "{").Replace("}}", "}") + "\"");
        return parsed is LiteralExpressionSyntax { Token.Value: string value } ? value : source;
    }

    private static string? InitializerOf(IPropertySymbol property) =>
        property.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).OfType<PropertyDeclarationSyntax>()
            .FirstOrDefault()?.Initializer?.Value is LiteralExpressionSyntax { Token.Value: string value } ? value : null;

    private static async Task<Solution> FixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || Plan(root, model, diagnostic, cancellationToken) is not { } plan) return document.Project.Solution;

        var replacement = SyntaxFactory.ParseExpression(plan.NewLiteralText).WithTriviaFrom(plan.Literal);
        var type = plan.Type.ReplaceNode(plan.Literal, replacement);
        if (plan.Reuse) return document.WithSyntaxRoot(root.ReplaceNode(plan.Type, type)).Project.Solution;

        // A partial runbook gets the property in one part, whichever part the command is in: fixes of commands in
        // two parts (Fix All) then add the same property at the same place, which merges, instead of one per part.
        var home = HomePart(model.GetDeclaredSymbol(plan.Type, cancellationToken), plan.Type, cancellationToken);
        var homeDocument = home == plan.Type ? document : document.Project.Solution.GetDocument(home.SyntaxTree);
        if (homeDocument is null)
        {
            home = plan.Type;
            homeDocument = document;
        }

        if (homeDocument == document)
        {
            var target = home == plan.Type ? type : home;
            var style = await IndentationStyle.OfAsync(document, home, cancellationToken).ConfigureAwait(false);
            var withParameter = AddParameter(target, plan, AttributeNamespace(model, home.OpenBraceToken.Span.End), FluentChain.EndOfLine(root), style);
            var changed = home == plan.Type
                ? root.ReplaceNode(plan.Type, withParameter)
                : root.ReplaceNodes(new SyntaxNode[] { plan.Type, home }, (original, _) => original == home ? withParameter : type);
            return document.WithSyntaxRoot(changed).Project.Solution;
        }

        var solution = document.WithSyntaxRoot(root.ReplaceNode(plan.Type, type)).Project.Solution;
        var homeRoot = await home.SyntaxTree.GetRootAsync(cancellationToken).ConfigureAwait(false);
        var homeModel = await homeDocument.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (homeModel is null) return document.Project.Solution;
        var homeStyle = await IndentationStyle.OfAsync(homeDocument, home, cancellationToken).ConfigureAwait(false);
        var added = AddParameter(home, plan, AttributeNamespace(homeModel, home.OpenBraceToken.Span.End), FluentChain.EndOfLine(homeRoot), homeStyle);
        return solution.WithDocumentSyntaxRoot(homeDocument.Id, homeRoot.ReplaceNode(home, added));
    }

    /// <summary>The part of a partial type that gets new parameters: the first that declares one, else the first part.</summary>
    private static bool HasAttribute(IPropertySymbol property, Compilation compilation, string metadataName) =>
        compilation.GetTypeByMetadataName(metadataName) is { } attribute &&
        property.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute));

    private static TypeDeclarationSyntax HomePart(INamedTypeSymbol? symbol, TypeDeclarationSyntax current, CancellationToken cancellationToken)
    {
        if (symbol is null || symbol.DeclaringSyntaxReferences.Length < 2) return current;
        var parts = symbol.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).OfType<TypeDeclarationSyntax>().ToList();
        return parts.FirstOrDefault(part => ParametersOf(part).Any()) ?? parts.FirstOrDefault() ?? current;
    }

    private static IEnumerable<PropertyDeclarationSyntax> ParametersOf(TypeDeclarationSyntax type) =>
        type.Members.OfType<PropertyDeclarationSyntax>()
            .Where(p => p.AttributeLists.SelectMany(a => a.Attributes).Any(a => a.Name.ToString() is "Parameter" or "ParameterAttribute" or "RunbookSdk.Parameter"));

    /// <summary>
    /// <c>""</c> where <c>[Parameter]</c> and <c>[Secret]</c> name RunbookSdk's attributes (<c>using RunbookSdk;</c>, a
    /// global using), else <c>"RunbookSdk."</c>, so the property compiles in a file that writes the SDK's names in full.
    /// </summary>
    private static string AttributeNamespace(SemanticModel model, int position)
    {
        foreach (var name in new[] { "ParameterAttribute", "SecretAttribute" })
        {
            var found = model.LookupNamespacesAndTypes(position, name: name);
            if (found.IsEmpty || found.Any(symbol => symbol.ToDisplayString() != "RunbookSdk." + name)) return "RunbookSdk.";
        }

        return "";
    }

    private static TypeDeclarationSyntax AddParameter(TypeDeclarationSyntax type, FixPlan plan, string ns, string endOfLine, IndentationStyle style)
    {
        var attributes = plan.Secret ? $"[{ns}Parameter({Quote(plan.Description)}), {ns}Secret]" : $"[{ns}Parameter({Quote(plan.Description)})]";
        var initializer = plan.Secret ? "\"\"" : Quote(plan.Value);
        var member = SyntaxFactory.ParseMemberDeclaration($"{attributes} public string {plan.Name} {{ get; init; }} = {initializer};")!;

        var parameters = ParametersOf(type).ToList();
        var anchor = parameters.LastOrDefault() ?? (MemberDeclarationSyntax?)type.Members.FirstOrDefault();
        // Beside the member it follows, as that member is indented; in a part with no members yet (a partial runbook's
        // empty first part), one level inside the type, in the document's own unit: tabs stay tabs, two spaces two.
        var indentation = anchor?.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).LastOrDefault() ??
                          SyntaxFactory.Whitespace(IndentationStyle.LineIndentation(type.GetFirstToken()) + style.Unit);
        member = member.WithLeadingTrivia(indentation).WithTrailingTrivia(SyntaxFactory.EndOfLine(endOfLine));

        var index = parameters.Count > 0 ? type.Members.IndexOf(parameters.Last()) + 1 : 0;
        return type.WithMembers(type.Members.Insert(index, member));
    }

    private static string Quote(string value) => SymbolDisplay.FormatLiteral(value, quote: true);
}
