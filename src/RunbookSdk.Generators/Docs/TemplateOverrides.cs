using System.Collections.Concurrent;
using System.Linq;
using RunbookSdk.Generators.Model;
using Scriban;

namespace RunbookSdk.Generators.Docs;

/// <summary>Applies a project's own templates over the built-in ones. Each distinct template text is parsed once.</summary>
internal static class TemplateOverrides
{
    private static readonly ConcurrentDictionary<string, Template> Parsed = new();

    public static (TemplateSet Set, EquatableArray<DiagnosticInfo> Diagnostics) Resolve(EquatableArray<TemplateText> overrides)
    {
        var set = TemplateSet.Default;
        if (overrides.Count == 0) return (set, EquatableArray<DiagnosticInfo>.Empty);
        var diagnostics = new System.Collections.Generic.List<DiagnosticInfo>();
        foreach (var text in overrides)
        {
            var template = Parsed.GetOrAdd(text.Text, t => TemplateSet.ParseText(t, text.Name));
            if (template.HasErrors)
            {
                var message = string.Join("; ", template.Messages.Select(m => m.ToString()));
                diagnostics.Add(new DiagnosticInfo(GeneratorDiagnostics.TemplateError.Id, null, new EquatableArray<string>(new[] { text.Path, message })));
                continue;
            }
            set = set.With(text.Name, template);
        }
        return (set, diagnostics.ToEquatableArray());
    }
}
