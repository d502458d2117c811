using System.Collections.Concurrent;
using System.Linq;
using RunbookSdk.Generators.Model;
using Scriban;

namespace RunbookSdk.Generators.Docs;

/// <summary>
/// Applies a project's own templates over the built-in ones. A template file's current text is parsed once; only the
/// latest text per file is kept, because in an IDE every keystroke in a template is a new text and a cache keyed by
/// text alone would keep them all for the life of the process.
/// </summary>
internal static class TemplateOverrides
{
    private static readonly ConcurrentDictionary<string, (string Text, Template Template)> Parsed = new();

    public static (TemplateSet Set, EquatableArray<DiagnosticInfo> Diagnostics) Resolve(EquatableArray<TemplateText> overrides)
    {
        var set = TemplateSet.Default;
        if (overrides.Count == 0) return (set, EquatableArray<DiagnosticInfo>.Empty);
        var diagnostics = new System.Collections.Generic.List<DiagnosticInfo>();
        foreach (var text in overrides)
        {
            var template = Parsed.TryGetValue(text.Path, out var cached) && cached.Text == text.Text
                ? cached.Template
                : (Parsed[text.Path] = (text.Text, Template.Parse(text.Text, text.Name))).Template;
            if (template.HasErrors)
            {
                var message = string.Join("; ", template.Messages.Select(m => m.ToString()));
                diagnostics.Add(new DiagnosticInfo(GeneratorDiagnostics.TemplateError.Id, null, new EquatableArray<string>(new[] { text.Path, message })));
                continue;
            }
            set = set.With(text.Name, text.Path, template);
        }
        return (set, diagnostics.ToEquatableArray());
    }
}
