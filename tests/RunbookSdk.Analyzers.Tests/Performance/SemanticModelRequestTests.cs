using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using RunbookSdk.Analyzers.Tests.Infrastructure;

namespace RunbookSdk.Analyzers.Tests.Performance;

/// <summary>
/// Performance budget (issue #9): the analyzers never ask the compilation for a semantic model of their own. They work
/// with the one their semantic-model action is handed, which the analyzer driver shares with the compiler. A call to
/// <c>Compilation.GetSemanticModel</c> makes a fresh model whose bindings are cached nowhere else. Called for each
/// runbook or each DSL call, it binds the same deeply nested lambdas again on every keystroke. Roslyn's RS1030 catches
/// such a call only inside a <c>DiagnosticAnalyzer</c> type. This test reads every method reference the analyzer
/// assembly makes, so a helper type is checked too.
/// </summary>
public sealed class SemanticModelRequestTests
{
    [Fact]
    public void No_analyzer_code_asks_a_compilation_for_a_semantic_model()
    {
        var referenced = MethodsReferencedBy(typeof(RunbookSdk.Analyzers.Sections.SectionCompletenessAnalyzer).Assembly.Location);

        // The scan sees the calls the analyzers do make: it cannot pass by reading nothing.
        Assert.Contains("Microsoft.CodeAnalysis.Diagnostics.CompilationStartAnalysisContext.RegisterSemanticModelAction", referenced);
        Assert.Contains(referenced, method => method.EndsWith(".GetSymbolInfo", StringComparison.Ordinal));
        Assert.DoesNotContain(referenced, method => method.EndsWith(".GetSemanticModel", StringComparison.Ordinal));
    }

    /// <summary>Every method and field the assembly references in another assembly, as <c>Namespace.Type.Member</c>.</summary>
    private static HashSet<string> MethodsReferencedBy(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handle in metadata.MemberReferences)
        {
            var member = metadata.GetMemberReference(handle);
            if (TypeName(metadata, member.Parent) is { } type) names.Add(type + "." + metadata.GetString(member.Name));
        }

        return names;
    }

    private static string? TypeName(MetadataReader metadata, EntityHandle parent)
    {
        switch (parent.Kind)
        {
            case HandleKind.TypeReference:
                var reference = metadata.GetTypeReference((TypeReferenceHandle)parent);
                return metadata.GetString(reference.Namespace) + "." + metadata.GetString(reference.Name);
            case HandleKind.TypeSpecification:
                // A generic instantiation's members (ImmutableArray<T>.Length): named by their generic type.
                var blob = metadata.GetBlobReader(metadata.GetTypeSpecification((TypeSpecificationHandle)parent).Signature);
                if (blob.ReadSignatureTypeCode() != SignatureTypeCode.GenericTypeInstance) return null;
                blob.ReadSignatureTypeCode();
                return TypeName(metadata, blob.ReadTypeHandle());
            default:
                return null;
        }
    }
}
