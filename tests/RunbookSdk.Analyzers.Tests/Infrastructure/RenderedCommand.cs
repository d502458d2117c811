using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RunbookSdk.Commands;

namespace RunbookSdk.Analyzers.Tests.Infrastructure;

/// <summary>
/// What the runner hands to bash for the one interpolated <c>Run($"…")</c> of a source: its literal text as C# reads it,
/// and each hole quoted as the runner quotes it (<see cref="CommandTemplate.Render()"/>) with the value of the property
/// it reads, its default or, for a secret, the value the operator gives. A fix that moves a literal into a parameter
/// is right when this is the command the author wrote.
/// </summary>
internal static class RenderedCommand
{
    public static string Of(string source, IReadOnlyDictionary<string, string>? given = null)
    {
        var root = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview)).GetRoot();
        var defaults = root.DescendantNodes().OfType<PropertyDeclarationSyntax>()
            .Where(p => p.Initializer?.Value is LiteralExpressionSyntax { Token.Value: string })
            .ToDictionary(p => p.Identifier.ValueText, p => (string)((LiteralExpressionSyntax)p.Initializer!.Value).Token.Value!);
        var command = Assert.Single(root.DescendantNodes().OfType<InterpolatedStringExpressionSyntax>(),
            s => s.Parent is ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Run" } } });
        var raw = command.StringStartToken.Text.Contains("\"\"\"", StringComparison.Ordinal);
        var segments = new List<CommandSegment>();
        foreach (var content in command.Contents)
        {
            switch (content)
            {
                case InterpolatedStringTextSyntax text:
                    // The token's value keeps a regular string's doubled braces; a raw string has none.
                    segments.Add(new LiteralSegment(raw ? text.TextToken.ValueText : text.TextToken.ValueText.Replace("{{", "{").Replace("}}", "}")));
                    break;
                case InterpolationSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: var name } }:
                    var value = given is not null && given.TryGetValue(name, out var givenValue) ? givenValue : defaults[name];
                    segments.Add(new HoleSegment([value]));
                    break;
                default:
                    throw new InvalidOperationException("A hole that reads no property: " + content);
            }
        }

        return new CommandTemplate(segments).Render();
    }
}
