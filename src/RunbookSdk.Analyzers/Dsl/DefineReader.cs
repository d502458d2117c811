using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.Analyzers.Dsl;

/// <summary>Reads the sections of one Define body into <see cref="DocumentFacts"/>, from syntax.</summary>
internal sealed class DefineReader(DslSyntax dsl, SyntaxValues values)
{
    public DocumentFacts Read(MethodDeclarationSyntax declaration, Func<INamedTypeSymbol?, DocumentFacts> readBase, INamedTypeSymbol type)
    {
        SyntaxNode body = (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody!;

        // Half-typed code: judge it once it reads as complete DSL, instead of piling findings on top of compiler errors.
        var complete = !body.ContainsDiagnostics;
        bool escalation = false, rollback = false, noRollback = false, verification = false;
        string? severityKey = null;
        Location? severityLocation = null;
        var levels = ImmutableArray.CreateBuilder<(int Position, EscalationLevelFact Level)>();
        var responseTimes = ImmutableDictionary.CreateBuilder<string, TimeSpan>(StringComparer.Ordinal);
        var environments = ImmutableArray.CreateBuilder<string>();
        var tags = ImmutableArray.CreateBuilder<string>();
        DocumentFacts? inherited = null;

        foreach (var node in body.DescendantNodes())
        {
            if (node is MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } dangling &&
                node.Parent is not InvocationExpressionSyntax && dsl.IsBuilder(dangling.Expression))
            {
                complete = false; // rb.Verif — a member of a builder that is not called (yet)
                continue;
            }

            if (node is not InvocationExpressionSyntax invocation) continue;
            if (invocation.Expression is MemberAccessExpressionSyntax { Expression: BaseExpressionSyntax, Name.Identifier.ValueText: var baseName } && baseName == declaration.Identifier.ValueText)
            {
                var baseFacts = readBase(type.BaseType);
                inherited = inherited is null ? baseFacts : inherited.Merge(baseFacts);
                continue;
            }

            if (invocation.Expression is MemberAccessExpressionSyntax access && dsl.IsBuilder(access.Expression))
            {
                var name = DslSyntax.CalledName(invocation);
                // A name or argument list no builder method accepts: the code does not compile yet.
                if (name is null || !dsl.Vocabulary.Candidates(name, invocation.ArgumentList).Any())
                {
                    complete = false;
                    continue;
                }

                switch (name)
                {
                    case "Escalation": escalation = true; break;
                    case "Rollback": rollback = true; break;
                    case "NoRollback": noRollback = true; break;
                    case "Verification": verification = true; break;
                    case "Severity" when invocation.ArgumentList.Arguments.Count == 1:
                        var severity = invocation.ArgumentList.Arguments[0].Expression;
                        severityKey = values.SeverityKey(severity);
                        severityLocation = severity.GetLocation();
                        break;
                    case "Level" when dsl.Argument(invocation, "who") is { } who && dsl.Argument(invocation, "after") is { } after:
                        levels.Add((access.Name.SpanStart, new EscalationLevelFact(
                            values.ConstantString(who),
                            values.TryGetTimeSpan(after, out var time) ? time : null,
                            who.GetLocation(),
                            after.GetLocation())));
                        break;
                    case "SeverityLevel" when values.ConstantString(dsl.Argument(invocation, "key")) is { } key:
                        var respond = invocation.ArgumentList.DescendantNodes().OfType<InvocationExpressionSyntax>().FirstOrDefault(i => dsl.IsDslCall(i, "RespondWithin"));
                        if (respond is { ArgumentList.Arguments.Count: 1 } && values.TryGetTimeSpan(respond.ArgumentList.Arguments[0].Expression, out var within))
                            responseTimes[key] = within;
                        break;
                    case "Environment" when values.ConstantString(invocation.ArgumentList.Arguments.FirstOrDefault()?.Expression) is { } environment:
                        environments.Add(environment);
                        break;
                    case "Tags":
                        var arguments = invocation.ArgumentList.Arguments.Select(a => a.Expression).ToList();
                        var elements = arguments.Count == 1 && SyntaxValues.ArrayElements(arguments[0]) is { } array ? array : arguments;
                        foreach (var element in elements)
                        {
                            if (values.ConstantString(element) is { } tag) tags.Add(tag);
                        }

                        break;
                }
            }
            else if (invocation.ArgumentList.Arguments.Any(a => dsl.IsBuilder(a.Expression)))
            {
                // The builder is handed to code we do not follow; sections may be added there.
                complete = false;
            }
        }

        var facts = new DocumentFacts
        {
            IsComplete = complete,
            HasEscalation = escalation,
            HasRollback = rollback,
            HasNoRollback = noRollback,
            HasVerification = verification,
            EscalationLevels = levels.OrderBy(l => l.Position).Select(l => l.Level).ToImmutableArray(),
            SeverityKey = severityKey,
            SeverityLocation = severityLocation,
            ResponseTimes = responseTimes.ToImmutable(),
            Environments = environments.ToImmutable(),
            Tags = tags.ToImmutable(),
        };
        return inherited is null ? facts : facts.Merge(inherited);
    }
}
