using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RunbookSdk.Generators.Model;

namespace RunbookSdk.Generators.Reading;

/// <summary>Turns a <c>[Runbook]</c> class into a <see cref="RunbookModel"/>. Never throws: half-typed code gives a partial model.</summary>
internal static class RunbookReader
{
    public const string AttributeName = "RunbookSdk.RunbookAttribute";
    private const string ParameterAttribute = "RunbookSdk.ParameterAttribute";
    private const string SecretAttribute = "RunbookSdk.SecretAttribute";
    private const string GenericRunbook = "RunbookSdk.Runbook<THandbook>";

    public static Result<RunbookModel> Read(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        if (context.TargetSymbol is not INamedTypeSymbol type || context.TargetNode is not ClassDeclarationSyntax declaration || type.IsAbstract)
            return new Result<RunbookModel>(null, EquatableArray<DiagnosticInfo>.Empty);

        var id = TypeReader.AttributeId(context);
        if (string.IsNullOrWhiteSpace(id))
            return new Result<RunbookModel>(null, EquatableArray<DiagnosticInfo>.Empty); // RB0011 (analyzers) reports a missing id.

        var identity = TypeReader.Identity(type);
        if (!type.InstanceConstructors.Any(c => c.Parameters.Length == 0 && c.DeclaredAccessibility == Accessibility.Public))
        {
            TypeReader.AddDiagnostic(diagnostics, GeneratorDiagnostics.NoParameterlessConstructor, declaration, type.Name);
            return new Result<RunbookModel>(null, diagnostics.ToEquatableArray());
        }

        var parameters = Parameters(type, cancellationToken);
        var parameterNames = new HashSet<string>(parameters.Select(p => p.Name), System.StringComparer.Ordinal);
        var reader = new ChainReader(context.SemanticModel, type.Name, diagnostics, parameterNames);
        var document = new DocumentParts(reader);
        string? severity = null, noRollback = null;
        var symptoms = new List<string>();
        var phases = new List<PhaseModel>();
        PhaseModel? rollback = null, verification = null;

        if (TypeReader.FindDefine(type, cancellationToken) is { } define)
        {
            var defineReader = define.SyntaxTree == context.SemanticModel.SyntaxTree
                ? reader
                : new ChainReader(TypeReader.ModelFor(define, context.SemanticModel), type.Name, diagnostics, parameterNames);
            document = new DocumentParts(defineReader);
            defineReader.ReadMethod(define, call =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (document.TryRead(call)) return;
                var values = defineReader.Values;
                switch (call.Name)
                {
                    case "Severity":
                        if (call.Get("severity", 0) is { } severityArgument) severity = values.SeverityKey(severityArgument);
                        break;
                    case "Symptoms": symptoms.AddRange(call.GetParams(0).Select(values.String)); break;
                    case "Phase":
                        var name = values.String(call.Get("name", 0));
                        // Phase(name, steps) or Phase(name, within, steps): two arguments mean no time box.
                        var within = call.ArgumentCount >= 3 ? call.Get("within", 1) : call.Get("within", -1);
                        var steps = call.Get("steps", call.ArgumentCount >= 3 ? 2 : 1);
                        phases.Add(PhaseReader.Read(defineReader, name, within is null ? null : values.TimeBox(within), steps));
                        break;
                    case "Rollback": rollback = PhaseReader.Read(defineReader, "Rollback", null, call.Get("steps", 0)); break;
                    case "Verification": verification = PhaseReader.Read(defineReader, "Verification", null, call.Get("steps", 0)); break;
                    case "NoRollback": noRollback = values.String(call.Get("reason", 0)); break;
                    default: defineReader.Unreadable(call.Invocation, call.Name); break;
                }
            });
        }

        var model = new RunbookModel(
            identity, id!, HandbookOf(type), parameters, document.Build(), severity,
            symptoms.ToEquatableArray(), phases.ToEquatableArray(), rollback, noRollback, verification);
        return new Result<RunbookModel>(model, diagnostics.ToEquatableArray());
    }

    private static string? HandbookOf(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.ConstructedFrom.ToDisplayString() == GenericRunbook && current.TypeArguments[0] is INamedTypeSymbol handbook)
                return handbook.ToDisplayString();
        }
        return null;
    }

    private static EquatableArray<ParameterModel> Parameters(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var result = new List<ParameterModel>();
        // Base classes first, so shared parameters (a team's common region, say) lead the table.
        var chain = new List<INamedTypeSymbol>();
        for (var current = type; current is not null && current.ContainingNamespace?.ToDisplayString() != "RunbookSdk"; current = current.BaseType)
            chain.Insert(0, current);
        foreach (var property in chain.SelectMany(t => t.GetMembers().OfType<IPropertySymbol>()))
        {
            var attributes = property.GetAttributes();
            var parameter = attributes.FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == ParameterAttribute);
            if (parameter is null || property.IsStatic || property.SetMethod is null) continue;
            var description = parameter.ConstructorArguments.Length > 0 ? parameter.ConstructorArguments[0].Value as string : null;
            var required = parameter.NamedArguments.Any(n => n.Key == "Required" && n.Value.Value is true);
            var secret = attributes.Any(a => a.AttributeClass?.ToDisplayString() == SecretAttribute);
            var initializer = property.DeclaringSyntaxReferences
                .Select(r => r.GetSyntax(cancellationToken))
                .OfType<PropertyDeclarationSyntax>()
                .Select(p => p.Initializer?.Value.ToString())
                .FirstOrDefault();
            result.Add(new ParameterModel(
                property.Name,
                property.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat),
                description, secret, required, initializer));
        }
        return result.ToEquatableArray();
    }
}
