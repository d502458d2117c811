using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.Analyzers.Dsl;

/// <summary>The part of a runbook a step is in, in the order the runner takes them.</summary>
internal enum StepSection
{
    /// <summary>A phase's step, or an option of a phase's <c>OneOf</c>.</summary>
    Phase,
    /// <summary>The rollback's: run after the phases, only when a phase step failed.</summary>
    Rollback,
    /// <summary>The verification's: run after everything else, on every run.</summary>
    Verification,
}

/// <summary>
/// Where a step stands in the order the runner takes steps, when that order is certain from its <c>Define</c> as
/// written: the section, then the position in the text (a chain's and a block's calls run in the order written).
/// </summary>
/// <param name="Define">The <c>Define</c> it is written in: places of two <c>Define</c>s (a base one) do not compare.</param>
/// <param name="Section">The section it is in.</param>
/// <param name="Order">
/// Where the step is written; for an option of a <c>OneOf</c>, where the <c>OneOf</c> is: only one option runs, so
/// no option runs before or after another.
/// </param>
/// <param name="Step">Where the step's own <c>Step</c> call is: the same for each action of one step.</param>
internal sealed record StepPlace(Location Define, StepSection Section, int Order, int Step)
{
    /// <summary>
    /// True when a step standing at <paramref name="later"/> certainly runs after one at this place, in a run of the
    /// same <c>Define</c>: a later step of its section, any rollback step after a phase step, any verification step
    /// after a phase or rollback step. The rollback and the verification run after the phases; the verification
    /// runs after the rollback (docs/runner.md, Semantics 3 and 4).
    /// </summary>
    public bool RunsBefore(StepPlace later) =>
        Define.Equals(later.Define) && (Section == later.Section ? Order < later.Order : Section < later.Section);

    /// <summary>
    /// The place of the step whose <c>Step(…)</c> call is <paramref name="step"/>, or null when the order is not
    /// certain from the text: the step is written in a loop or a local function (it may be added more than once, or
    /// later than written), or in a lambda that is not a DSL section's or step's (code may call it at any time).
    /// </summary>
    public static StepPlace? Of(InvocationExpressionSyntax step, SyntaxNode defineBody)
    {
        var order = NamePosition(step);
        StepSection? section = null;
        for (SyntaxNode? node = step; node is not null && node != defineBody; node = node.Parent)
        {
            switch (node)
            {
                case ForStatementSyntax or ForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax or LocalFunctionStatementSyntax:
                    return null;
                case AnonymousFunctionExpressionSyntax lambda:
                    if (lambda.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } }) return null;
                    switch (DslSyntax.CalledName(call))
                    {
                        case "Step": break;
                        case "OneOf": order = NamePosition(call); break;
                        case "Phase": section ??= StepSection.Phase; break;
                        case "Rollback": section ??= StepSection.Rollback; break;
                        case "Verification": section ??= StepSection.Verification; break;
                        default: return null;
                    }

                    break;
            }
        }

        return section is { } known ? new StepPlace(defineBody.GetLocation(), known, order, NamePosition(step)) : null;
    }

    /// <summary>
    /// The <c>Step(…)</c> call whose actions <paramref name="node"/> is written in (the innermost step lambda around
    /// it), or null when it is in none.
    /// </summary>
    public static InvocationExpressionSyntax? EnclosingStep(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            if (current is AnonymousFunctionExpressionSyntax { Parent: ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } } }
                && DslSyntax.CalledName(call) == "Step")
                return call;
        }

        return null;
    }

    /// <summary>Where a call's name is: a chain's inner call's comes first, as it runs first.</summary>
    public static int NamePosition(InvocationExpressionSyntax call) =>
        call.Expression is MemberAccessExpressionSyntax member ? member.Name.SpanStart : call.SpanStart;
}
