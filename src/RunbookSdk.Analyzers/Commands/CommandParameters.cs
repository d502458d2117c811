using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using RunbookSdk.Analyzers.Dsl;

namespace RunbookSdk.Analyzers.Commands;

/// <summary>Finds [Parameter] properties that end up inside a plain-string command.</summary>
internal static class CommandParameters
{
    /// <summary>
    /// Parameters read by a non-constant string expression: concatenated, formatted, interpolated, or via a local
    /// initialised from such an expression in the same method.
    /// </summary>
    public static IEnumerable<IPropertySymbol> PastedInto(IOperation value, DslSymbols symbols)
    {
        if (value.ConstantValue.HasValue) yield break;
        foreach (var operation in value.DescendantsAndSelf())
        {
            if (operation is IPropertyReferenceOperation { Property: var property } && symbols.IsParameter(property))
            {
                yield return property;
            }
            else if (operation is ILocalReferenceOperation { Local: var local } && value.SemanticModel is { } model)
            {
                foreach (var reference in local.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: var initializer } &&
                        initializer.SyntaxTree == model.SyntaxTree &&
                        model.GetOperation(initializer) is { } initial)
                    {
                        foreach (var nested in initial.DescendantsAndSelf().OfType<IPropertyReferenceOperation>())
                        {
                            if (symbols.IsParameter(nested.Property)) yield return nested.Property;
                        }
                    }
                }
            }
        }
    }
}
