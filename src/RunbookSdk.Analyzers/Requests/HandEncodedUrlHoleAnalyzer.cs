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
/// RB0025: <c>Http("GET", $"{BaseUrl}/users/{Uri.EscapeDataString(User)}")</c> encodes a hole that the URL's
/// interpolation handler encodes again, so the server gets <c>a%2520b</c> for <c>a b</c> and finds no such user.
/// Written before the handler encoded holes, it was right; it is reported so that a runbook written then does not
/// quietly start asking for the wrong thing.
/// </summary>
/// <remarks>
/// Only holes after the host are encoded (see <see cref="UrlParts"/>): a base URL, host or port encoded by hand is the
/// author's own business and is not reported. Only the framework's encoders count, bound to be sure: a team's own
/// <c>UrlEncode</c> helper may do anything.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HandEncodedUrlHoleAnalyzer : DiagnosticAnalyzer
{
    private static readonly ImmutableHashSet<string> s_calls = ImmutableHashSet.Create("Http");

    /// <summary>The framework's URL encoders, with the types that declare them.</summary>
    internal static readonly HoleEncoders Encoders = new(new Dictionary<string, ImmutableArray<string>>
    {
        ["EscapeDataString"] = ImmutableArray.Create("System.Uri"),
        ["EscapeUriString"] = ImmutableArray.Create("System.Uri"),
        ["UrlEncode"] = ImmutableArray.Create("System.Net.WebUtility", "System.Web.HttpUtility"),
        ["UrlPathEncode"] = ImmutableArray.Create("System.Web.HttpUtility"),
    });

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.HandEncodedUrlHole);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (RunbookCompilation.For(start.Compilation) is not { } runbooks) return;
            // The tree's DSL calls are found once for all rules; this rule reads the URL syntax of its Http calls, and
            // binds only a hole that calls an encoder by name.
            DslInvocation.Register(start, runbooks, s_calls, Analyze);
        });
    }

    private static void Analyze(DslInvocation call)
    {
        if (call.Argument("url") is not InterpolatedStringExpressionSyntax url) return;
        var part = UrlPart.Base;
        foreach (var content in url.Contents)
        {
            switch (content)
            {
                case InterpolatedStringTextSyntax text:
                    part = UrlParts.After(part, text.TextToken.ValueText);
                    break;
                case InterpolationSyntax hole when !UrlParts.TakesValueAsWritten(part)
                                                   && Encoders.Find(hole.Expression) is { } encoder
                                                   && Encoders.IsFramework(call, encoder):
                    call.Report(DiagnosticDescriptors.HandEncodedUrlHole, encoder.GetLocation(), HoleEncoders.Name(encoder));
                    break;
            }
        }
    }
}
