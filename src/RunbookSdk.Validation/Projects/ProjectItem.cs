using System.Xml.Linq;

namespace RunbookSdk.Validation.Projects;

/// <summary>One item element of a project as MSBuild evaluates it: <c>&lt;Compile Remove="Legacy/**" /&gt;</c>.</summary>
/// <param name="ItemType">The element's name: <c>Compile</c>, <c>ProjectReference</c>, <c>PackageReference</c>, …</param>
/// <param name="Operation"><c>Include</c>, <c>Remove</c> or <c>Update</c>.</param>
/// <param name="Value">The operation's value with properties expanded: paths and globs separated by <c>;</c>.</param>
/// <param name="Written">The value as written (for messages).</param>
/// <param name="Exclude">The <c>Exclude</c> attribute with properties expanded, or null.</param>
/// <param name="Element">The element, for its metadata and line.</param>
/// <param name="File">The file it is written in.</param>
/// <param name="BeforeDefaultItems">Whether it is read before the SDK's default items (in a <c>Directory.Build.props</c>).</param>
internal sealed record ProjectItem(string ItemType, string Operation, string Value, string Written, string? Exclude, XElement Element, string File, bool BeforeDefaultItems)
{
    /// <summary>A metadata value, written as an attribute or a child element.</summary>
    /// <param name="name">Metadata name.</param>
    public string? Metadata(string name) =>
        Element.Attribute(name)?.Value.Trim() ?? Element.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim();

    /// <summary>The line it is written on.</summary>
    public int Line => ((System.Xml.IXmlLineInfo)Element).LineNumber;

    /// <summary>The column its element starts at.</summary>
    public int Column => ((System.Xml.IXmlLineInfo)Element).LinePosition;
}
