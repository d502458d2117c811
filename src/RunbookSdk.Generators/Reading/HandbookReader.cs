using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RunbookSdk.Generators.Model;

namespace RunbookSdk.Generators.Reading;

/// <summary>Turns a <c>[Handbook]</c> class into a <see cref="HandbookModel"/>.</summary>
internal static class HandbookReader
{
    public const string AttributeName = "RunbookSdk.HandbookAttribute";

    /// <param name="context">The <c>[Handbook]</c> class Roslyn found.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <param name="dependencies">Collects what the model was read from, for <see cref="HandbookReads"/>; null when nobody reuses it.</param>
    public static Result<HandbookModel> Read(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken, Dependencies? dependencies = null)
    {
        var diagnostics = new List<DiagnosticInfo>();
        if (AttributeTarget.From(context) is not { } target)
        {
            dependencies?.MarkUnknown();
            return new Result<HandbookModel>(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        // First, as a runbook's: its parts (which one carries the attribute first, whether one says abstract), the
        // classes it derives from (the Define it inherits) and the types it is nested in.
        dependencies?.AddScopeOf(target.Symbol, target.SemanticModel);
        if (!AttributeTarget.IsFirstApplication(target.Symbol, target.Node, static type => type?.ToDisplayString() == AttributeName))
            return new Result<HandbookModel>(null, EquatableArray<DiagnosticInfo>.Empty);
        var (declaration, type) = (target.Node, target.Symbol);
        var id = TypeReader.AttributeId(target, dependencies);
        if (string.IsNullOrWhiteSpace(id) || !TypeReader.IsNamed(type))
            return new Result<HandbookModel>(null, EquatableArray<DiagnosticInfo>.Empty);
        if (type.IsAbstract)
        {
            TypeReader.AddDiagnostic(diagnostics, GeneratorDiagnostics.UnreachableClass, declaration, type.Name, TypeReader.AbstractReason, TypeReader.AbstractAdvice("[Handbook]"));
            return new Result<HandbookModel>(null, diagnostics.ToEquatableArray());
        }
        if (TypeReader.NotDerivedFrom(type, "RunbookSdk.Handbook") is { } notDerived)
        {
            TypeReader.AddDiagnostic(diagnostics, GeneratorDiagnostics.UnreachableClass, declaration, type.Name, notDerived, "derive it from Handbook");
            return new Result<HandbookModel>(null, diagnostics.ToEquatableArray());
        }

        if (TypeReader.Unreachable(type) is { } unreachable)
        {
            TypeReader.AddDiagnostic(diagnostics, GeneratorDiagnostics.UnreachableClass, declaration, type.Name, unreachable, TypeReader.ReachableAdvice);
            return new Result<HandbookModel>(null, diagnostics.ToEquatableArray());
        }

        if (!TypeReader.HasPublicParameterlessConstructor(type, cancellationToken))
        {
            TypeReader.AddDiagnostic(diagnostics, GeneratorDiagnostics.NoParameterlessConstructor, declaration, type.Name);
            return new Result<HandbookModel>(null, diagnostics.ToEquatableArray());
        }

        var severities = new List<SeverityModel>();
        var slos = new List<SloModel>();
        DocumentParts? document = null;
        // A handbook that declares no Define runs the nearest one up its base classes (a team's base handbook), read as
        // its own, with the methods it names looked up in the class that declares it, as a runbook's is (RunbookReader).
        var (define, parts, inherited) = (TypeReader.FindDefine(type, cancellationToken), type.DeclaringSyntaxReferences, false);
        if (define is null && BaseDefine.InheritedBy(type.BaseType) is { } nearest)
        {
            if (BaseDefine.Readable(nearest, context.SemanticModel.Compilation, out var whyNot) is { } readable)
                (define, parts, inherited) = (readable.Declaration, readable.Parts, true);
            else
                diagnostics.Add(BaseDefine.Unreadable(declaration, type, nearest, whyNot!, ofHandbook: true));
        }

        if (define is not null)
        {
            var reader = new ChainReader(
                TypeReader.ModelFor(define, context.SemanticModel), type.Name, diagnostics, System.Array.Empty<string>(), dependencies, parts, readsBaseClass: inherited);
            document = new DocumentParts(reader);
            var values = reader.Values;
            reader.ReadMethod(define, call =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (document.TryRead(call)) return;
                switch (call.Name)
                {
                    case "SeverityLevel":
                        DurationModel? response = null, resolution = null;
                        var criteria = new List<string>();
                        reader.ReadLambda(call.Get("definition", 2), level =>
                        {
                            switch (level.Name)
                            {
                                case "RespondWithin": response = values.Duration(level.Get("time", 0)); break;
                                case "ResolveWithin": resolution = values.Duration(level.Get("time", 0)); break;
                                case "Criteria": criteria.AddRange(level.GetParams(0, values).Select(values.String)); break;
                                default: reader.Unreadable(level.Invocation, level.Name); break;
                            }
                        });
                        severities.Add(new SeverityModel(values.String(call.Get("key", 0)), values.String(call.Get("name", 1)), response, resolution, criteria.ToEquatableArray()));
                        break;
                    case "Slo":
                        slos.Add(new SloModel(values.String(call.Get("name", 0)), values.String(call.Get("target", 1)), values.OptionalString(call.Get("description", 2))));
                        break;
                    default:
                        reader.Unreadable(call.Invocation, call.Name);
                        break;
                }
            });
        }
        document ??= new DocumentParts(new ChainReader(context.SemanticModel, type.Name, diagnostics, System.Array.Empty<string>()));
        var model = new HandbookModel(TypeReader.Identity(type), id!, document.Build(), severities.ToEquatableArray(), slos.ToEquatableArray())
        {
            Unread = UnreadModel.From(diagnostics),
        };
        return new Result<HandbookModel>(model, diagnostics.ToEquatableArray());
    }
}
