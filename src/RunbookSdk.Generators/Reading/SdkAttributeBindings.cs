using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RunbookSdk.Generators.Reading;

/// <summary>
/// Whether the attributes written on one type declaration's properties are RunbookSdk's, bound once per spelling: every
/// property of the declaration looks an attribute's name up in the same scope (the type, its namespaces, the file's
/// usings), so <c>[Parameter]</c> on the third property binds as it did on the first. Binding each one cost a
/// build 11 MB of allocations over 1,000 runbooks of three parameters (<c>report 1000</c>).
/// </summary>
/// <param name="model">The semantic model of the declaration's tree.</param>
/// <param name="dependencies">Records the names looked up and what they bound to.</param>
/// <param name="sdkNamesInScope">The declaration's scope was looked up and its simple names <c>Parameter</c> and
/// <c>Secret</c> mean only RunbookSdk's (<see cref="SdkNameScopes"/>): such an attribute is ours without binding it.</param>
/// <param name="cancellationToken">Cancels the binding.</param>
internal sealed class SdkAttributeBindings(SemanticModel model, Dependencies? dependencies, CancellationToken cancellationToken, bool sdkNamesInScope = false)
{
    private readonly Dictionary<(string TypeName, string Spelling), bool> _ours = new();

    /// <summary>True when <paramref name="attribute"/> binds to <c>RunbookSdk.<paramref name="typeName"/></c>.</summary>
    public bool IsOurs(AttributeSyntax attribute, string typeName)
    {
        if (sdkNamesInScope && attribute.Name is IdentifierNameSyntax)
        {
            dependencies?.AddAttributeNames(attribute);
            return true;
        }


        // An identifier's text is the token's, shared; only a qualified spelling (`RunbookSdk.Parameter`) makes a string.
        var spelling = attribute.Name is IdentifierNameSyntax identifier ? identifier.Identifier.ValueText : attribute.Name.ToString();
        if (_ours.TryGetValue((typeName, spelling), out var ours)) return ours;
        var bound = model.GetSymbolInfo(attribute, cancellationToken);
        dependencies?.AddAttribute(attribute, bound, model);
        // An attribute whose arguments do not fit its constructor has it as a candidate: still the attribute meant.
        var constructor = bound.Symbol ?? (bound.CandidateSymbols.Length > 0 ? bound.CandidateSymbols[0] : null);
        ours = SdkAttributes.Is(constructor?.ContainingType, typeName);
        _ours[(typeName, spelling)] = ours;
        return ours;
    }
}
