using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace RunbookSdk.Analyzers.Dsl;

/// <summary>Reads the sections of one Define body into <see cref="DocumentFacts"/>.</summary>
internal sealed class DefineReader(DslSymbols symbols, IMethodSymbol define)
{
    public DocumentFacts Read(IOperation body, Func<INamedTypeSymbol?, DocumentFacts> readBase)
    {
        bool complete = true, escalation = false, rollback = false, noRollback = false, verification = false;
        string? severityKey = null;
        Location? severityLocation = null;
        var levels = ImmutableArray.CreateBuilder<(int Position, EscalationLevelFact Level)>();
        var responseTimes = ImmutableDictionary.CreateBuilder<string, TimeSpan>(StringComparer.Ordinal);
        var environments = ImmutableArray.CreateBuilder<string>();
        var tags = ImmutableArray.CreateBuilder<string>();
        DocumentFacts? inherited = null;

        // Half-typed code: judge it once it binds, instead of piling findings on top of compiler errors.
        if (body.DescendantsAndSelf().Any(o => o is IInvalidOperation)) complete = false;

        foreach (var invocation in body.DescendantsAndSelf().OfType<IInvocationOperation>())
        {
            var method = invocation.TargetMethod;
            if (!symbols.IsDslMethod(method))
            {
                if (method.Name == define.Name && invocation.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } && invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: BaseExpressionSyntax } })
                {
                    var baseFacts = readBase(method.ContainingType);
                    inherited = inherited is null ? baseFacts : inherited.Merge(baseFacts);
                }
                else if (invocation.Arguments.Any(a => symbols.IsBuilder(a.Value.Type)) || symbols.IsBuilder(invocation.Instance?.Type))
                {
                    // The builder is handed to code we do not follow; sections may be added there.
                    complete = false;
                }

                continue;
            }

            switch (method.Name)
            {
                case "Escalation": escalation = true; break;
                case "Rollback": rollback = true; break;
                case "NoRollback": noRollback = true; break;
                case "Verification": verification = true; break;
                case "Severity" when invocation.Arguments.Length == 1:
                    severityKey = DslValues.SeverityKey(invocation.Arguments[0].Value, symbols.Severity);
                    severityLocation = invocation.Arguments[0].Syntax.GetLocation();
                    break;
                case "Level" when DslValues.Argument(invocation, "who") is { } who && DslValues.Argument(invocation, "after") is { } after:
                    var position = invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } ? access.Name.SpanStart : invocation.Syntax.SpanStart;
                    levels.Add((position, new EscalationLevelFact(
                        DslValues.ConstantString(who.Value),
                        DslValues.TryGetTimeSpan(after.Value, out var time) ? time : null,
                        who.Syntax.GetLocation(),
                        after.Syntax.GetLocation())));
                    break;
                case "SeverityLevel" when DslValues.ConstantString(DslValues.Argument(invocation, "key")?.Value) is { } key:
                    var respond = invocation.Arguments.SelectMany(a => a.Descendants()).OfType<IInvocationOperation>().FirstOrDefault(i => symbols.IsDslCall(i, "RespondWithin"));
                    if (respond is { Arguments.Length: 1 } && DslValues.TryGetTimeSpan(respond.Arguments[0].Value, out var within))
                        responseTimes[key] = within;
                    break;
                case "Environment" when DslValues.ConstantString(invocation.Arguments.FirstOrDefault()?.Value) is { } environment:
                    environments.Add(environment);
                    break;
                case "Tags":
                    foreach (var element in invocation.Arguments.SelectMany(a => a.Value.DescendantsAndSelf()))
                    {
                        if (element.Type?.SpecialType == SpecialType.System_String && DslValues.ConstantString(element) is { } tag) tags.Add(tag);
                    }

                    break;
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
