using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RunbookSdk.Generators.Model;

namespace RunbookSdk.Generators.Reading;

/// <summary>Reads a free-form <c>Section(heading, s => ...)</c>.</summary>
internal static class SectionReader
{
    public static SectionModel Read(ChainReader reader, string heading, ExpressionSyntax? content)
    {
        var blocks = new List<SectionBlockModel>();
        var values = reader.Values;
        var none = EquatableArray<string>.Empty;
        var noRows = EquatableArray<TableRowModel>.Empty;
        reader.ReadLambda(content, call =>
        {
            switch (call.Name)
            {
                case "Paragraph":
                    blocks.Add(new SectionBlockModel("paragraph", new EquatableArray<string>(new[] { values.String(call.Get("text", 0)) }), noRows, null, null));
                    break;
                case "Bullets":
                case "Numbered":
                    blocks.Add(new SectionBlockModel(call.Name == "Bullets" ? "bullets" : "numbered", call.GetParams(0, values).Select(values.String).ToEquatableArray(), noRows, null, null));
                    break;
                case "Table":
                    // Headers the page cannot read cell by cell (a field of another file) are one cell of source text, as such a
                    // row is: no header cells at all made the table's first line "|  |" and broke the table.
                    var headers = call.Get("headers", 0) is { } h ? (values.ArrayElements(h) ?? new[] { h }).Select(values.String).ToEquatableArray() : none;
                    var rows = TableRows(call, values)
                        .Select(row => new TableRowModel((values.ArrayElements(row) ?? new[] { row }).Select(values.String).ToEquatableArray()))
                        .ToEquatableArray();
                    blocks.Add(new SectionBlockModel("table", headers, rows, null, null));
                    break;
                case "Snippet":
                    blocks.Add(new SectionBlockModel("snippet", new EquatableArray<string>(new[] { values.String(call.Get("code", 1)) }), noRows, values.String(call.Get("language", 0)), null));
                    break;
                case "Subsection":
                    blocks.Add(new SectionBlockModel("subsection", none, noRows, null, Read(reader, values.String(call.Get("heading", 0)), call.Get("content", 1))));
                    break;
                default:
                    reader.Unreadable(call.Invocation, call.Name);
                    break;
            }
        });
        return new SectionModel(heading, blocks.ToEquatableArray());
    }

    /// <summary>
    /// The rows of <c>Table(string[] headers, params string[][] rows)</c>. A single argument is the array of rows only
    /// when its elements are arrays themselves; a single array of strings is one row (C# passes it in expanded form).
    /// Either may be a <c>static readonly</c> field of the tree (<see cref="ValueReader.ArrayElements"/>).
    /// </summary>
    private static IReadOnlyList<ExpressionSyntax> TableRows(DslCall call, ValueReader values)
    {
        var rest = call.GetRest(1);
        return rest.Count == 1 && values.ArrayElements(rest[0]) is { } elements && elements.All(e => values.ArrayElements(e) is not null)
            ? elements
            : rest;
    }
}
