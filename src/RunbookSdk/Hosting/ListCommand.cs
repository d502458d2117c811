using Spectre.Console;
using Spectre.Console.Cli;

namespace RunbookSdk.Hosting;

/// <summary><c>list</c>: the catalog's runbooks, those of referenced runbook libraries, and handbooks as tables.</summary>
internal sealed class ListCommand(RunbookCatalog catalog, HostConsoles consoles) : Command
{
    public override int Execute(CommandContext context, CancellationToken cancellationToken)
    {
        var console = consoles.Out;
        if (catalog.Runbooks.Count == 0)
        {
            console.WriteLine(catalog.ReferencedRunbooks.Count == 0 ? "No runbooks in this assembly." : "No runbooks of this assembly's own.");
        }
        else
        {
            // Cells are Text, never markup: runbook titles may contain '[' and ']'.
            var runbooks = new Table().Title("Runbooks");
            foreach (var header in new[] { "Id", "Title", "Severity", "Handbook", "Parameters" }) runbooks.AddColumn(header);
            foreach (var runbook in catalog.Runbooks)
            {
                runbooks.AddRow(
                    new Text(runbook.Id),
                    new Text(runbook.Title),
                    new Text(runbook.Severity ?? "-"),
                    new Text(runbook.HandbookId ?? "-"),
                    new Text(runbook.Parameters.Count == 0 ? "-" : string.Join(", ", runbook.Parameters.Select(DescribeParameter))));
            }
            console.Write(runbooks);
        }

        if (catalog.ReferencedRunbooks.Count > 0) console.Write(ReferencedTable());

        if (catalog.Handbooks.Count > 0)
        {
            var handbooks = new Table().Title("Handbooks");
            foreach (var header in new[] { "Id", "Title", "Runbooks" }) handbooks.AddColumn(header);
            foreach (var handbook in catalog.Handbooks)
            {
                var members = catalog.Runbooks.Where(r => r.HandbookId == handbook.Id).Select(r => r.Id).ToArray();
                handbooks.AddRow(new Text(handbook.Id), new Text(handbook.Title), new Text(Members(members)));
            }
            console.Write(handbooks);
        }
        return ExitCodes.Success;
    }

    /// <summary>
    /// The runbooks of referenced libraries, with the assembly each comes from; one whose id is taken by a runbook
    /// listed before it says which one <c>run</c> finds instead, so nobody runs the other one by surprise.
    /// </summary>
    private Table ReferencedTable()
    {
        var table = new Table().Title("Runbooks of referenced libraries");
        foreach (var header in new[] { "Id", "Title", "Severity", "Handbook", "Parameters", "From" }) table.AddColumn(header);
        foreach (var runbook in catalog.ReferencedRunbooks)
        {
            var from = runbook.RunbookType.Assembly.GetName().Name ?? "-";
            if (catalog.HiddenBy(runbook) is { } found)
                from += $" (not run: the id runs {found.RunbookType.FullName} from {found.RunbookType.Assembly.GetName().Name})";
            table.AddRow(
                new Text(runbook.Id),
                new Text(runbook.Title),
                new Text(runbook.Severity ?? "-"),
                new Text(runbook.HandbookId ?? "-"),
                new Text(runbook.Parameters.Count == 0 ? "-" : string.Join(", ", runbook.Parameters.Select(DescribeParameter))),
                new Text(from));
        }

        return table;
    }

    /// <summary>
    /// A handbook's runbooks: every id when there are a few; past <see cref="MaxNamedMembers"/>, the first ones and
    /// how many more. The runbooks table above names each runbook's handbook, and a handbook of a thousand runbooks
    /// would otherwise print one cell of a thousand ids.
    /// </summary>
    private static string Members(string[] members) =>
        members.Length == 0 ? "-"
        : members.Length <= MaxNamedMembers ? string.Join(", ", members)
        : $"{string.Join(", ", members.Take(MaxNamedMembers))} and {members.Length - MaxNamedMembers} more";

    internal const int MaxNamedMembers = 10;

    private static string DescribeParameter(ParameterDescriptor parameter)
    {
        var marks = new List<string>();
        if (parameter.IsRequired) marks.Add("required");
        if (parameter.IsSecret) marks.Add("secret");
        return marks.Count == 0 ? parameter.Name : $"{parameter.Name} ({string.Join(", ", marks)})";
    }
}
