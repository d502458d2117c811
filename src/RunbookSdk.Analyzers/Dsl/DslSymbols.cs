using System.Linq;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace RunbookSdk.Analyzers.Dsl;

/// <summary>The DSL types of one compilation, looked up once. Null when RunbookSdk is not referenced.</summary>
internal sealed class DslSymbols
{
    private readonly ImmutableHashSet<INamedTypeSymbol> _builders;
    private readonly System.Collections.Generic.HashSet<string> _builderNames;

    private DslSymbols(Compilation compilation, INamedTypeSymbol runbook, INamedTypeSymbol handbook)
    {
        Runbook = runbook;
        Handbook = handbook;
        RunbookOfHandbook = compilation.GetTypeByMetadataName("RunbookSdk.Runbook`1");
        RunbookAttribute = compilation.GetTypeByMetadataName("RunbookSdk.RunbookAttribute");
        HandbookAttribute = compilation.GetTypeByMetadataName("RunbookSdk.HandbookAttribute");
        ParameterAttribute = compilation.GetTypeByMetadataName("RunbookSdk.ParameterAttribute");
        Severity = compilation.GetTypeByMetadataName("RunbookSdk.Severity");
        TimeBox = compilation.GetTypeByMetadataName("RunbookSdk.TimeBox");
        TimeSpan = compilation.GetTypeByMetadataName("System.TimeSpan");
        CommandHandler = compilation.GetTypeByMetadataName("RunbookSdk.Commands.CommandInterpolationHandler");
        UrlHandler = compilation.GetTypeByMetadataName("RunbookSdk.Requests.UrlInterpolationHandler");
        BodyHandler = compilation.GetTypeByMetadataName("RunbookSdk.Requests.BodyInterpolationHandler");

        var builders = ImmutableHashSet.CreateBuilder<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var name in BuilderMethodSyntax.BuilderInterfaces)
        {
            if (compilation.GetTypeByMetadataName("RunbookSdk." + name) is { } type) builders.Add(type);
        }

        _builders = builders.ToImmutable();
        _builderNames = new System.Collections.Generic.HashSet<string>(_builders.Select(b => b.Name), System.StringComparer.Ordinal);
        Vocabulary = new DslVocabulary(this, _builders);
        BuilderReturningMethods = new BuilderReturningMethods(compilation, this);
        ConfiguringExtensions = new ConfiguringExtensions(compilation, Vocabulary);
    }

    /// <summary>The DSL's method names and overloads, so calls can be recognised from syntax alone.</summary>
    public DslVocabulary Vocabulary { get; }

    /// <summary>The methods outside the DSL that return a builder (a team's extension methods), so chains are read past them.</summary>
    public BuilderReturningMethods BuilderReturningMethods { get; }

    /// <summary>A team's extension methods in source, read as what they chain on the action they are called on (<c>.Bounded()</c>).</summary>
    public ConfiguringExtensions ConfiguringExtensions { get; }

    public INamedTypeSymbol Runbook { get; }
    public INamedTypeSymbol Handbook { get; }
    public INamedTypeSymbol? RunbookOfHandbook { get; }
    public INamedTypeSymbol? RunbookAttribute { get; }
    public INamedTypeSymbol? HandbookAttribute { get; }
    public INamedTypeSymbol? ParameterAttribute { get; }
    public INamedTypeSymbol? Severity { get; }
    public INamedTypeSymbol? TimeBox { get; }
    public INamedTypeSymbol? TimeSpan { get; }
    public INamedTypeSymbol? CommandHandler { get; }

    /// <summary><c>RunbookSdk.Requests.UrlInterpolationHandler</c>: the overload of <c>Http</c> that encodes a URL's holes.</summary>
    public INamedTypeSymbol? UrlHandler { get; }

    /// <summary><c>RunbookSdk.Requests.BodyInterpolationHandler</c>: the overload of <c>Body</c> that escapes a JSON body's holes.</summary>
    public INamedTypeSymbol? BodyHandler { get; }

    public static DslSymbols? TryCreate(Compilation compilation)
    {
        var runbook = compilation.GetTypeByMetadataName("RunbookSdk.Runbook");
        var handbook = compilation.GetTypeByMetadataName("RunbookSdk.Handbook");
        return runbook is null || handbook is null ? null : new DslSymbols(compilation, runbook, handbook);
    }

    /// <summary>True when <paramref name="type"/> is one of the fluent builder interfaces.</summary>
    public bool IsBuilder(ITypeSymbol? type) =>
        type is INamedTypeSymbol named && _builders.Contains(named.OriginalDefinition);

    public bool IsRunbookType(INamedTypeSymbol type) => DerivesFrom(type, Runbook);

    public bool IsHandbookType(INamedTypeSymbol type) => DerivesFrom(type, Handbook);

    /// <summary>The handbook a runbook belongs to (the THandbook of <c>Runbook&lt;THandbook&gt;</c>), or null.</summary>
    public INamedTypeSymbol? HandbookOf(INamedTypeSymbol runbook)
    {
        for (var type = runbook.BaseType; type is not null; type = type.BaseType)
        {
            if (RunbookOfHandbook is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, RunbookOfHandbook))
                return type.TypeArguments.Length == 1 && type.TypeArguments[0] is INamedTypeSymbol { TypeKind: not TypeKind.Error } handbook ? handbook : null;
        }

        return null;
    }

    /// <summary>
    /// True when the runbook is a <c>Runbook&lt;THandbook&gt;</c> whose THandbook the compiler cannot resolve (a handbook
    /// class renamed or not referenced): the compiler reports that, and what the handbook holds is unknown.
    /// </summary>
    public bool HasUnresolvedHandbook(INamedTypeSymbol runbook)
    {
        for (var type = runbook.BaseType; type is not null; type = type.BaseType)
        {
            if (RunbookOfHandbook is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, RunbookOfHandbook))
                return type.TypeArguments.Length == 1 && type.TypeArguments[0].TypeKind == TypeKind.Error;
        }

        return false;
    }

    /// <summary>True when <paramref name="name"/> is the name of one of the builder interfaces (for syntax).</summary>
    public bool IsBuilderName(string name) => _builderNames.Contains(name);

    /// <summary>The names of the builder interfaces this compilation has, as syntax writes them.</summary>
    public System.Collections.Generic.HashSet<string> BuilderNames => _builderNames;

    /// <summary>The builder interface named <paramref name="name"/> (for syntax), or null.</summary>
    public INamedTypeSymbol? BuilderNamed(string name)
    {
        if (!_builderNames.Contains(name)) return null;
        foreach (var builder in _builders)
        {
            if (builder.Name == name) return builder;
        }

        return null;
    }

    /// <summary>
    /// Which sections code handed a builder can declare, made the first time a Define hands one to code the rules
    /// cannot read.
    /// </summary>
    public SectionReach SectionReach => _sectionReach ??= new SectionReach(this);

    private SectionReach? _sectionReach;

    public bool IsParameter(ISymbol? symbol) => symbol is IPropertySymbol property && HasAttribute(property, ParameterAttribute);

    public static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attribute) =>
        attribute is not null && symbol.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute));

    private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol baseType)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType)) return true;
        }

        return false;
    }
}
