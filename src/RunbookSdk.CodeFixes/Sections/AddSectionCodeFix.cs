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
using RunbookSdk.Analyzers.Dsl;
using RunbookSdk.CodeFixes.Editing;

namespace RunbookSdk.CodeFixes.Sections;

/// <summary>
/// RB0001-RB0003: adds the missing section to the Define chain as a skeleton to fill in, or for RB0002 the
/// explicit <c>NoRollback("reason")</c> waiver.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddSectionCodeFix)), Shared]
public sealed class AddSectionCodeFix : CodeFixProvider
{
    internal const string EscalationKey = "AddEscalation";
    internal const string RollbackKey = "AddRollback";
    internal const string NoRollbackKey = "AddNoRollback";
    internal const string VerificationKey = "AddVerification";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("RB0001", "RB0002", "RB0003");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindToken(context.Span.Start).Parent is not TypeDeclarationSyntax type || Define(type) is null) return;

        foreach (var diagnostic in context.Diagnostics)
        {
            switch (diagnostic.Id)
            {
                case "RB0001":
                    Register(context, diagnostic, "Add an Escalation section", EscalationKey,
                        $"Escalation(e => {SectionSkeletons.Escalation("e")})");
                    break;
                case "RB0002":
                    Register(context, diagnostic, "Add a Rollback section", RollbackKey,
                        $"Rollback(r => {SectionSkeletons.Rollback("r")})");
                    Register(context, diagnostic, "State that nothing needs rolling back: NoRollback(\"reason\")", NoRollbackKey,
                        $"NoRollback({SectionSkeletons.WaiverReason})");
                    break;
                case "RB0003":
                    Register(context, diagnostic, "Add a Verification section", VerificationKey,
                        $"Verification(v => {SectionSkeletons.Verification("v")})");
                    break;
            }
        }
    }

    private static void Register(CodeFixContext context, Diagnostic diagnostic, string title, string key, string call) =>
        context.RegisterCodeFix(
            CodeAction.Create(title, token => AddAsync(context.Document, diagnostic.Location.SourceSpan.Start, call, token), key),
            diagnostic);

    private static MethodDeclarationSyntax? Define(TypeDeclarationSyntax type) =>
        type.Members.OfType<MethodDeclarationSyntax>().FirstOrDefault(m => m.Identifier.ValueText == "Define" && m.ParameterList.Parameters.Count == 1);

    private static async Task<Document> AddAsync(Document document, int position, string call, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root?.FindToken(position).Parent is not TypeDeclarationSyntax type || Define(type) is not { } define) return document;

        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is not null && call.Contains("TimeSpan"))
            call = call.Replace("TimeSpan.", TimeSpanName.At(model, define.SpanStart) + ".");

        var endOfLine = FluentChain.EndOfLine(root);
        var builder = define.ParameterList.Parameters[0].Identifier.Text; // as written: @event, not event
        if (define.ExpressionBody is { Expression: var body })
        {
            // A chain on the builder, also one that starts with a call handing it to a function returning it
            // (AddBasics(rb).Title(…)): the runner makes the chained calls on the builder handed on.
            if (StartsFromBuilder(body, define, model))
                return document.WithSyntaxRoot(root.ReplaceNode(body, FluentChain.Append(body, call, endOfLine)));
            // The builder is handed to a helper (Helpers.AddAll(rb.Title(…))), which returns nothing to chain on: the
            // section becomes a statement of its own after the helper's call, in a block laid out as if typed.
            var style = await IndentationStyle.OfAsync(document, define, cancellationToken).ConfigureAwait(false);
            var withBlock = BlockBody.From(define, SyntaxFactory.ParseStatement(builder + "." + call + ";"), endOfLine, style);
            return document.WithSyntaxRoot(root.ReplaceNode(define, withBlock));
        }

        if (define.Body is { } block)
        {
            var statement = SyntaxFactory.ParseStatement(builder + "." + call + ";");
            // Only the indentation: the last statement's blank lines and comments belong to it, not to the new one.
            var indentation = block.Statements.LastOrDefault() is { } last
                ? Indentation(last.GetLeadingTrivia())
                : Indentation(block.OpenBraceToken.LeadingTrivia).Add(SyntaxFactory.Whitespace(
                    (await IndentationStyle.OfAsync(document, define, cancellationToken).ConfigureAwait(false)).Unit));
            statement = statement.WithLeadingTrivia(indentation).WithTrailingTrivia(SyntaxFactory.EndOfLine(endOfLine));
            return document.WithSyntaxRoot(root.ReplaceNode(block, block.AddStatements(statement)));
        }

        return document;
    }

    private static bool StartsFromBuilder(ExpressionSyntax body, MethodDeclarationSyntax define, SemanticModel? model)
    {
        var builder = define.ParameterList.Parameters[0].Identifier.ValueText;
        var runbooks = model is null ? null : RunbookCompilation.For(model.Compilation);
        var start = runbooks is null
            ? DslSyntax.ChainRoot(body)
            : ChainStart.Of(body, runbooks, model!.GetDeclaredSymbol(define)?.ContainingType);
        return start is IdentifierNameSyntax root && root.Identifier.ValueText == builder;
    }

    /// <summary>The whitespace that starts the token's line, from its leading trivia.</summary>
    private static SyntaxTriviaList Indentation(SyntaxTriviaList leading) =>
        leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia)
            ? SyntaxFactory.TriviaList(leading[leading.Count - 1])
            : SyntaxFactory.TriviaList();
}
