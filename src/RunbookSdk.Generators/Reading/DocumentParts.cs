using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using RunbookSdk.Generators.Model;

namespace RunbookSdk.Generators.Reading;

/// <summary>Accumulates the sections runbooks and handbooks share while their chain is read.</summary>
internal sealed class DocumentParts(ChainReader reader)
{
    private readonly List<ContactModel> _contacts = new();
    private readonly List<EscalationLevelModel> _escalation = new();
    private readonly List<CommunicationModel> _communications = new();
    private readonly List<ChecklistStageModel> _postIncident = new();
    private readonly List<ReferenceModel> _references = new();
    private readonly List<SectionModel> _sections = new();
    private readonly List<string> _tags = new();
    private string? _title, _summary, _owner, _environment, _reviewDate, _lastUpdated;

    /// <summary>Handles a shared-section call; false when the call is not one of them.</summary>
    public bool TryRead(DslCall call)
    {
        var values = reader.Values;
        switch (call.Name)
        {
            case "Title": _title = values.String(call.Get("title", 0)); return true;
            case "Summary": _summary = values.String(call.Get("summary", 0)); return true;
            case "Owner": _owner = values.String(call.Get("owner", 0)); return true;
            case "Environment": _environment = values.String(call.Get("environment", 0)); return true;
            case "Contact": _contacts.Add(new ContactModel(values.String(call.Get("role", 0)), values.String(call.Get("reach", 1)))); return true;
            case "Communication":
                var name = values.Text(call.Get("name", 0));
                _communications.Add(new CommunicationModel(name.Display, values.String(call.Get("template", 1)), values.OptionalString(call.Get("channel", 2)), !name.HasHoles));
                return true;
            case "PostIncident":
                _postIncident.Add(new ChecklistStageModel(values.String(call.Get("stage", 0)), call.GetParams(1, values).Select(values.String).ToEquatableArray()));
                return true;
            case "Reference": _references.Add(new ReferenceModel(values.String(call.Get("title", 0)), values.String(call.Get("url", 1)))); return true;
            // As the runtime records them (DocumentRecorder.Tags): a blank or null tag says nothing and is left out. The
            // page printed it as an empty code span in the facts table, and a page of only blank tags a Tags row of them.
            case "Tags": _tags.AddRange(call.GetParams(0, values).Select(values.String).Where(tag => !string.IsNullOrWhiteSpace(tag))); return true;
            case "ReviewDate": _reviewDate = Date(call); return true;
            case "LastUpdated": _lastUpdated = Date(call); return true;
            case "Escalation":
                reader.ReadLambda(call.Get("levels", 0), level =>
                {
                    if (level.Name == "Level")
                        _escalation.Add(new EscalationLevelModel(values.String(level.Get("who", 0)), values.Duration(level.Get("after", 1)), values.OptionalString(level.Get("contact", 2))));
                    else reader.Unreadable(level.Invocation, level.Name);
                });
                return true;
            case "Section":
                _sections.Add(SectionReader.Read(reader, values.String(call.Get("heading", 0)), call.Get("content", 1)));
                return true;
            default:
                return false;
        }
    }

    public DocumentModel Build() => new(
        _title, _summary, _owner,
        _contacts.ToEquatableArray(), _escalation.ToEquatableArray(), _communications.ToEquatableArray(),
        _postIncident.ToEquatableArray(), _references.ToEquatableArray(), _sections.ToEquatableArray(),
        _reviewDate, _lastUpdated, _environment, _tags.ToEquatableArray());

    private string Date(DslCall call)
    {
        var values = reader.Values;
        var year = values.Int(call.Get("year", 0));
        var month = values.Int(call.Get("month", 1));
        var day = values.Int(call.Get("day", 2));
        return year is { } y && month is { } m && day is { } d
            ? string.Format(CultureInfo.InvariantCulture, "{0:D4}-{1:D2}-{2:D2}", y, m, d)
            : call.Invocation.ArgumentList.ToString();
    }
}
