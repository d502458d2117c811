namespace RunbookSdk.Analyzers.Tests.Docs;

/// <summary>One <c>csharp</c> block of a rule page, under its <c>### Before</c> or <c>### After</c> heading.</summary>
/// <param name="Id">The page's rule id, <c>RB0005</c>.</param>
/// <param name="Heading">The heading the block stands under: <c>Before</c> or <c>After</c>.</param>
/// <param name="Line">The line of the block's opening fence, so a failure points at the page's text.</param>
/// <param name="Code">The block's code, as a reader copies it.</param>
internal sealed record RuleExample(string Id, string Heading, int Line, string Code)
{
    /// <summary>Where a failure points: <c>docs/rules/RB0005.md, Before (line 35)</c>.</summary>
    public string Where => $"docs/rules/{Id}.md, {Heading} (line {Line})";
}
