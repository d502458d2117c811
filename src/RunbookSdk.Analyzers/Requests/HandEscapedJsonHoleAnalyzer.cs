using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using RunbookSdk.Analyzers.Dsl;
using RunbookSdk.Requests;

namespace RunbookSdk.Analyzers.Requests;

/// <summary>
/// RB0027: <c>Body($"{{\"user\": {JsonSerializer.Serialize(User)}}}")</c> writes as JSON a value that the body's
/// interpolation handler writes as JSON again, so the server gets the string <c>"\"jane\""</c> for <c>jane</c> (and
/// <c>a\\\"b</c> for <c>a"b</c> inside a string). Written before the handler escaped holes, it was right; it is
/// reported so that a runbook written then does not quietly start sending the wrong thing.
/// </summary>
/// <remarks>
/// Only the holes of a JSON body are written as JSON (see <see cref="BodyPositions"/>): a hole in a form or text body
/// is sent as written and is not reported. Only the framework's serializers and encoders count, bound to be sure.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HandEscapedJsonHoleAnalyzer : DiagnosticAnalyzer
{
    private static readonly ImmutableHashSet<string> s_calls = ImmutableHashSet.Create("Body");

    /// <summary>The framework's JSON serializers and string encoders, with the types that declare them.</summary>
    internal static readonly HoleEncoders Encoders = new(new Dictionary<string, ImmutableArray<string>>
    {
        ["Serialize"] = ImmutableArray.Create("System.Text.Json.JsonSerializer"),
        ["SerializeObject"] = ImmutableArray.Create("Newtonsoft.Json.JsonConvert"),
        ["Encode"] = ImmutableArray.Create("System.Text.Json.JsonEncodedText"),
        ["JavaScriptStringEncode"] = ImmutableArray.Create("System.Web.HttpUtility"),
    });

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.HandEscapedJsonHole);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (RunbookCompilation.For(start.Compilation) is not { } runbooks) return;
            // The tree's DSL calls are found once for all rules; this rule reads the syntax of its Body calls, and binds
            // only a hole that calls a serializer or encoder by name.
            DslInvocation.Register(start, runbooks, s_calls, Analyze);
        });
    }

    private static void Analyze(DslInvocation call)
    {
        if (call.Argument("body") is not InterpolatedStringExpressionSyntax body) return;
        var position = BodyPosition.Start;
        foreach (var content in body.Contents)
        {
            switch (content)
            {
                case InterpolatedStringTextSyntax text:
                    position = BodyPositions.After(position, text.TextToken.ValueText);
                    break;
                case InterpolationSyntax hole:
                    if (position is not (BodyPosition.Start or BodyPosition.Text)
                        && Encoders.Find(hole.Expression) is { } encoder
                        && Encoders.IsFramework(call, encoder))
                    {
                        call.Report(DiagnosticDescriptors.HandEscapedJsonHole, hole.Expression.GetLocation(), HoleEncoders.Name(encoder),
                            BodyPositions.IsInString(position) ? "the server reads a\"b as a\\\"b" : "the server reads jane as \"jane\", quotes and all");
                    }

                    position = BodyPositions.AfterHole(position);
                    break;
            }
        }
    }
}
