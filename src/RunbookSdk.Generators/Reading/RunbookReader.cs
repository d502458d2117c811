using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RunbookSdk.Generators.Model;

namespace RunbookSdk.Generators.Reading;

/// <summary>Turns a <c>[Runbook]</c> class into a <see cref="RunbookModel"/>. Never throws: half-typed code gives a partial model.</summary>
internal static class RunbookReader
{
    private const string GenericRunbook = "RunbookSdk.Runbook<THandbook>";

    /// <param name="target">The <c>[Runbook]</c> class.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <param name="dependencies">Collects the trees the model was read from, for <see cref="RunbookReads"/>; null when nobody reuses it.</param>
    public static Result<RunbookModel> Read(AttributeTarget target, CancellationToken cancellationToken, Dependencies? dependencies = null)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var (declaration, type, semanticModel) = (target.Node, target.Symbol, target.SemanticModel);
        // First: even an abstract class's model (none) holds only while its parts, one of which says `abstract`, do.
        dependencies?.AddScopeOf(type, semanticModel);

        var id = TypeReader.AttributeId(target, dependencies);
        if (string.IsNullOrWhiteSpace(id) || !TypeReader.IsNamed(type))
            return new Result<RunbookModel>(null, EquatableArray<DiagnosticInfo>.Empty); // RB0011 (analyzers) reports a missing id, the compiler a missing name.

        if (type.IsAbstract)
        {
            TypeReader.AddDiagnostic(diagnostics, GeneratorDiagnostics.UnreachableClass, declaration, type.Name, TypeReader.AbstractReason, TypeReader.AbstractAdvice("[Runbook]"));
            return new Result<RunbookModel>(null, diagnostics.ToEquatableArray());
        }

        if (TypeReader.NotDerivedFrom(type, "RunbookSdk.Runbook") is { } notDerived)
        {
            TypeReader.AddDiagnostic(diagnostics, GeneratorDiagnostics.UnreachableClass, declaration, type.Name, notDerived, "derive it from Runbook, Runbook<THandbook> or a class that does");
            return new Result<RunbookModel>(null, diagnostics.ToEquatableArray());
        }

        if (TypeReader.Unreachable(type) is { } unreachable)
        {
            TypeReader.AddDiagnostic(diagnostics, GeneratorDiagnostics.UnreachableClass, declaration, type.Name, unreachable, TypeReader.ReachableAdvice);
            return new Result<RunbookModel>(null, diagnostics.ToEquatableArray());
        }

        var identity = TypeReader.Identity(type);
        if (!TypeReader.HasPublicParameterlessConstructor(type, cancellationToken))
        {
            TypeReader.AddDiagnostic(diagnostics, GeneratorDiagnostics.NoParameterlessConstructor, declaration, type.Name);
            return new Result<RunbookModel>(null, diagnostics.ToEquatableArray());
        }

        var parameters = new List<ParameterModel>();
        AddParametersOfChain(type, type, semanticModel, dependencies, parameters, cancellationToken);
        var define = TypeReader.FindDefine(type, cancellationToken);
        return ReadDefinition(
            type, identity, id!, HandbookOfChain(type.BaseType), parameters.ToEquatableArray(), define, declaration, type.BaseType, semanticModel, diagnostics,
            dependencies, cancellationToken);
    }

    /// <summary>
    /// A runbook whose declaration says what binding its attributes and base class would (<see cref="UnboundRunbook"/>):
    /// the same model as <see cref="Read(AttributeTarget, CancellationToken, Dependencies?)"/> makes, read without binding them.
    /// </summary>
    public static Result<RunbookModel> Read(UnboundRunbook runbook, CancellationToken cancellationToken, Dependencies? dependencies = null)
    {
        dependencies?.AddScopeOf(runbook);
        var (declaration, type, semanticModel) = (runbook.Declaration, runbook.Symbol, runbook.SemanticModel);
        var result = new List<ParameterModel>();
        if (runbook.TeamBase is { } teamBase) AddParametersOfChain(teamBase, type, semanticModel, dependencies, result, cancellationToken);
        AddParameters(declaration, semanticModel, new SdkAttributeBindings(semanticModel, dependencies, cancellationToken, sdkNamesInScope: true), dependencies, result, cancellationToken);
        // The team's base class (bound once for all its runbooks) is where an inherited Define is looked for: binding
        // the runbook's own base list is what this path saves.
        return ReadDefinition(
            type, TypeReader.Identity(type), runbook.Id, runbook.Handbook, result.ToEquatableArray(), TypeReader.FindDefine(type, cancellationToken),
            declaration, runbook.TeamBase, semanticModel, new List<DiagnosticInfo>(), dependencies, cancellationToken);
    }

    /// <summary>
    /// The model from the <c>Define</c> the runner calls — the class's own (<paramref name="ownDefine"/>), or when it
    /// declares none the nearest one up from <paramref name="firstBase"/> (<see cref="BaseDefine.InheritedBy"/>) — and
    /// what was read of its declaration. An inherited <c>Define</c> the page cannot read is RB0101 on the class's name,
    /// with why: a page that says nothing is defined while the runner runs the base's steps is what it replaces.
    /// </summary>
    private static Result<RunbookModel> ReadDefinition(
        INamedTypeSymbol type, TypeIdentity identity, string id, INamedTypeSymbol? handbookType, EquatableArray<ParameterModel> parameters,
        MethodDeclarationSyntax? ownDefine, ClassDeclarationSyntax declaration, INamedTypeSymbol? firstBase, SemanticModel semanticModel,
        List<DiagnosticInfo> diagnostics, Dependencies? dependencies, CancellationToken cancellationToken)
    {
        var parameterNames = new HashSet<string>(parameters.Select(p => p.Name), System.StringComparer.Ordinal);
        var reader = new ChainReader(semanticModel, type.Name, diagnostics, parameterNames, dependencies, type.DeclaringSyntaxReferences);
        var document = new DocumentParts(reader);
        string? severity = null, noRollback = null;
        var symptoms = new List<string>();
        var phases = new List<PhaseModel>();
        PhaseModel? rollback = null, verification = null;

        var (define, parts, inherited) = (ownDefine, type.DeclaringSyntaxReferences, false);
        if (define is null && BaseDefine.InheritedBy(firstBase) is { } nearest)
        {
            if (BaseDefine.Readable(nearest, semanticModel.Compilation, out var whyNot) is { } readable)
                (define, parts, inherited) = (readable.Declaration, readable.Parts, true);
            else
                diagnostics.Add(BaseDefine.Unreadable(declaration, type, nearest, whyNot!, ofHandbook: false));
        }

        if (define is not null)
        {
            // An inherited Define's methods are its class's, and a virtual one of them may be the runbook's own.
            var defineReader = define.SyntaxTree == semanticModel.SyntaxTree && !inherited
                ? reader
                : new ChainReader(TypeReader.ModelFor(define, semanticModel), type.Name, diagnostics, parameterNames, dependencies, parts, readsBaseClass: inherited);
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
                    case "Symptoms": symptoms.AddRange(call.GetParams(0, values).Select(values.String)); break;
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
            identity, id, handbookType is null ? null : TypeNames.Global(handbookType), parameters, document.Build(), severity,
            symptoms.ToEquatableArray(), phases.ToEquatableArray(), rollback, noRollback, verification)
        {
            ReferencedHandbook = handbookType is null ? null : ReferencedHandbookReader.Read(type, handbookType, cancellationToken),
            Unread = UnreadModel.From(diagnostics),
        };
        return new Result<RunbookModel>(model, diagnostics.ToEquatableArray());
    }

    /// <summary>
    /// <c>THandbook</c> of the first <c>Runbook&lt;THandbook&gt;</c> in <paramref name="from"/> and the classes it
    /// derives from; null when there is none.
    /// </summary>
    internal static INamedTypeSymbol? HandbookOfChain(INamedTypeSymbol? from)
    {
        for (var current = from; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.ConstructedFrom.ToDisplayString() == GenericRunbook && current.TypeArguments[0] is INamedTypeSymbol handbook)
            {
                // Only the handbook's name is part of the model, and it is written in a base list, whose names the
                // model records (Dependencies.AddScopeOf): editing the handbook's file reads none of its runbooks again
                // (their pages are rendered with the handbook's new model all the same).
                return handbook;
            }
        }
        return null;
    }

    /// <summary>
    /// The <c>[Parameter]</c> properties of <paramref name="from"/> (the runbook, or the team's class it derives from)
    /// and the classes it derives from, base classes first (a team's shared region, say, leads the table), as
    /// <paramref name="runbook"/> has them. Read from syntax: binding every property's attributes was a third of the
    /// time spent reading a runbook, in every build. Syntax finds the attributes written <c>Parameter</c> or
    /// <c>Secret</c>; only those are bound, to tell ours from a team's own attribute of the same name
    /// (<see cref="SdkAttributes"/>). What syntax cannot tell — a description that is not a literal, a base class from
    /// another assembly — is asked of the symbols.
    /// </summary>
    private static void AddParametersOfChain(
        INamedTypeSymbol from, INamedTypeSymbol runbook, SemanticModel targetModel, Dependencies? dependencies, List<ParameterModel> result, CancellationToken cancellationToken)
    {
        var chain = new List<INamedTypeSymbol>();
        for (var current = from; current is not null && current.ContainingNamespace?.ToDisplayString() != "RunbookSdk"; current = current.BaseType)
            chain.Insert(0, current);
        foreach (var current in chain)
        {
            // The base classes' declarations (their parameters, their Define) are part of what this model says: they
            // are in the runbook's scope, recorded before (Dependencies.AddScopeOf).
            // A base class of another project: a metadata reference in a build, but a compilation reference (its syntax
            // trees, which this compilation has no semantic model for) in the IDE and `runbook validate`. Read from its
            // symbols either way, so the page is the one the build writes.
            var elsewhere = !SymbolEqualityComparer.Default.Equals(current.ContainingAssembly, runbook.ContainingAssembly);
            if (current.DeclaringSyntaxReferences.Length == 0 || elsewhere)
            {
                result.AddRange(current.GetMembers().OfType<IPropertySymbol>().Select(p => FromSymbol(p, withInitializer: !elsewhere, cancellationToken)).OfType<ParameterModel>());
                continue;
            }

            foreach (var reference in current.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration) continue;
                var model = TypeReader.ModelFor(declaration, targetModel);
                AddParameters(declaration, model, new SdkAttributeBindings(model, dependencies, cancellationToken), dependencies, result, cancellationToken);
            }
        }
    }

    /// <summary>The <c>[Parameter]</c> properties of one declaration of a class, in the order they are declared.</summary>
    private static void AddParameters(
        TypeDeclarationSyntax declaration, SemanticModel model, SdkAttributeBindings bindings, Dependencies? dependencies, List<ParameterModel> result, CancellationToken cancellationToken)
    {
        foreach (var property in declaration.Members.OfType<PropertyDeclarationSyntax>())
        {
            if (property.AttributeLists.Count == 0) continue;
            ParameterModel? parameter;
            if (!UsesAlias(property, model, dependencies, cancellationToken) && TryFromSyntax(property, bindings, out var fromSyntax))
            {
                parameter = fromSyntax;
            }
            else
            {
                // A constant description or an aliased attribute, bound: which trees that read is not recorded.
                dependencies?.MarkUnknown();
                parameter = model.GetDeclaredSymbol(property, cancellationToken) is { } symbol ? FromSymbol(symbol, withInitializer: true, cancellationToken) : null;
            }

            if (parameter is not null) result.Add(parameter with { DefaultText = DefaultText(property, model, dependencies, cancellationToken) });
        }
    }

    /// <summary>
    /// Reads a property from its declaration alone: true with the parameter (or null when the property is not one),
    /// false when syntax cannot tell — a description or <c>Required</c> given as a constant — and the symbol must.
    /// </summary>
    private static bool TryFromSyntax(PropertyDeclarationSyntax property, SdkAttributeBindings bindings, out ParameterModel? parameter)
    {
        parameter = null;
        var attribute = FindOurAttribute(property, "Parameter", SdkAttributes.Parameter, bindings);
        if (attribute is null || property.Modifiers.Any(m => m.IsKind(SyntaxKind.StaticKeyword)) || !IsSettable(property)) return true;
        string? description = null;
        var required = false;
        foreach (var argument in attribute.ArgumentList?.Arguments ?? default)
        {
            if (argument.NameEquals is { Name.Identifier.ValueText: "Required" })
            {
                if (argument.Expression.IsKind(SyntaxKind.TrueLiteralExpression)) required = true;
                else if (!argument.Expression.IsKind(SyntaxKind.FalseLiteralExpression)) return false;
            }
            else if (argument.NameEquals is null)
            {
                if (argument.Expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression)) description = literal.Token.ValueText;
                else if (!argument.Expression.IsKind(SyntaxKind.NullLiteralExpression)) return false;
            }
        }

        // C#'s own `required` says the same as Required = true: the run refuses to start without the value, rather than
        // running its commands with none.
        required |= property.Modifiers.Any(m => m.IsKind(SyntaxKind.RequiredKeyword));
        parameter = new ParameterModel(
            property.Identifier.ValueText, property.Type.ToString(), description,
            FindOurAttribute(property, "Secret", SdkAttributes.Secret, bindings) is not null, required,
            property.Initializer?.Value.ToString());
        return true;
    }

    /// <summary>
    /// The default the page shows: a literal as written; a constant named or computed (<c>Limits.Region</c>,
    /// <c>"svc-" + Name</c>, <c>nameof(Api)</c>) as its value, written as C# writes it (<c>"eu-central-1"</c>) — the
    /// on-call engineer reading the page has no go-to-definition, and a command's constant holes are shown by value
    /// too; anything else as written. Only for a parameter of a built-in type: an enum's constant is its number, which
    /// says less than <c>Tier.Gold</c>.
    /// </summary>
    private static string? DefaultText(PropertyDeclarationSyntax property, SemanticModel model, Dependencies? dependencies, CancellationToken cancellationToken)
    {
        if (property.Initializer?.Value is not { } value) return null;
        var type = property.Type is NullableTypeSyntax nullable ? nullable.ElementType : property.Type;
        if (type is not PredefinedTypeSyntax || IsLiteral(value)) return value.ToString();
        var constant = model.GetConstantValue(value, cancellationToken);
        // The constant's declaration may be in another file: editing it changes the page.
        dependencies?.AddNamesIn(value, model);
        return constant.HasValue ? SymbolDisplay.FormatPrimitive(constant.Value!, quoteStrings: true, useHexadecimalNumbers: false) ?? "null" : value.ToString();
    }

    private static bool IsLiteral(ExpressionSyntax value) => value switch
    {
        LiteralExpressionSyntax => true,
        PrefixUnaryExpressionSyntax { Operand: LiteralExpressionSyntax } unary => unary.IsKind(SyntaxKind.UnaryMinusExpression) || unary.IsKind(SyntaxKind.UnaryPlusExpression),
        ParenthesizedExpressionSyntax parenthesized => IsLiteral(parenthesized.Expression),
        _ => false,
    };

    // An attribute named neither Parameter nor Secret may still be one of them under a using alias
    // (`using P = RunbookSdk.ParameterAttribute;`): only such names are looked up, never the attributes themselves.
    private static bool UsesAlias(PropertyDeclarationSyntax property, SemanticModel model, Dependencies? dependencies, CancellationToken cancellationToken) =>
        property.AttributeLists.SelectMany(l => l.Attributes).Any(a =>
        {
            if (a.Name is not IdentifierNameSyntax { Identifier.ValueText: not ("Parameter" or "ParameterAttribute" or "Secret" or "SecretAttribute") } name) return false;
            // Whether the name is an alias depends on the usings, which a global using in another file can change.
            dependencies?.MarkUnknown();
            return model.GetAliasInfo(name, cancellationToken) is not null;
        });

    private static bool IsSettable(PropertyDeclarationSyntax property) =>
        property.AccessorList?.Accessors.Any(a => a.IsKind(SyntaxKind.SetAccessorDeclaration) || a.IsKind(SyntaxKind.InitAccessorDeclaration)) == true;

    /// <summary>
    /// The property's attribute written <paramref name="name"/> that binds to RunbookSdk's <paramref name="typeName"/>:
    /// <c>[Ops.Parameter]</c>, or <c>[Parameter]</c> in a file that imports only a team's own attribute, is not ours.
    /// </summary>
    private static AttributeSyntax? FindOurAttribute(PropertyDeclarationSyntax property, string name, string typeName, SdkAttributeBindings bindings)
    {
        foreach (var list in property.AttributeLists)
        {
            foreach (var attribute in list.Attributes)
            {
                if (AttributeNames.Is(attribute, name) && bindings.IsOurs(attribute, typeName)) return attribute;
            }
        }

        return null;
    }

    /// <summary>A parameter read from its symbol: a base class compiled elsewhere, or a description syntax cannot read.</summary>
    /// <param name="property">The property.</param>
    /// <param name="withInitializer">Whether its initializer is read from its declaration (not for another assembly's class, whose metadata has none).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    private static ParameterModel? FromSymbol(IPropertySymbol property, bool withInitializer, CancellationToken cancellationToken)
    {
        var attributes = property.GetAttributes();
        var parameter = attributes.FirstOrDefault(a => SdkAttributes.Is(a.AttributeClass, SdkAttributes.Parameter));
        if (parameter is null || property.IsStatic || property.SetMethod is null) return null;
        var description = parameter.ConstructorArguments.Length > 0 ? parameter.ConstructorArguments[0].Value as string : null;
        var required = property.IsRequired || parameter.NamedArguments.Any(n => n.Key == "Required" && n.Value.Value is true);
        var secret = attributes.Any(a => SdkAttributes.Is(a.AttributeClass, SdkAttributes.Secret));
        var initializer = !withInitializer ? null : property.DeclaringSyntaxReferences
            .Select(r => r.GetSyntax(cancellationToken))
            .OfType<PropertyDeclarationSyntax>()
            .Select(p => p.Initializer?.Value.ToString())
            .FirstOrDefault();
        return new ParameterModel(property.Name, property.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat), description, secret, required, initializer);
    }
}
