using System.Xml.Linq;
using Totara.HelpGen;

namespace Totara.PowerShell.Tests.Module;

/// <summary>tools/Totara.HelpGen: platyPS-format markdown in, the MAML Get-Help reads out.</summary>
public sealed class HelpGeneratorTests
{
    private static readonly XNamespace Maml = MamlWriter.Maml;
    private static readonly XNamespace Command = MamlWriter.Command;
    private static readonly XNamespace Dev = MamlWriter.Dev;

    private const string SamplePage = """
        ---
        external help file: Totara.PowerShell.dll-Help.xml
        Module Name: Totara.PowerShell
        online version:
        schema: 2.0.0
        ---

        # Get-TotaraWidget

        ## SYNOPSIS
        Gets widgets from a Totara site.

        ## SYNTAX

        ### ById (Default)
        ```
        Get-TotaraWidget [-Id] <Int64[]> [-Session <TotaraSession>] [<CommonParameters>]
        ```

        ### ByName
        ```
        Get-TotaraWidget -Name <String> [-IncludeHidden] [-Session <TotaraSession>] [<CommonParameters>]
        ```

        ## DESCRIPTION
        The `Get-TotaraWidget` cmdlet reads widgets with **one** request per page.

        It follows [the paging rules](https://example.com/paging) and other [pages](Connect-Totara.md).

        ## EXAMPLES

        ### Example 1: Get one widget
        ```powershell
        Get-TotaraWidget -Id 42
        ```

        Gets widget 42.

        ### Example 2: Get hidden widgets by name
        ```powershell
        Get-TotaraWidget -Name 'blue*' -IncludeHidden
        ```

        Gets every widget whose name starts with blue,
        hidden ones too.

        ## PARAMETERS

        ### -Id
        The widgets' ids.

        ```yaml
        Type: Int64[]
        Parameter Sets: ById
        Aliases: WidgetId, Identity

        Required: True
        Position: 0
        Default value: None
        Accept pipeline input: True (ByPropertyName, ByValue)
        Accept wildcard characters: False
        ```

        ### -Name
        The widget name; wildcards allowed.

        ```yaml
        Type: String
        Parameter Sets: ByName
        Aliases:

        Required: True
        Position: Named
        Default value: None
        Accept pipeline input: False
        Accept wildcard characters: True
        ```

        ### -IncludeHidden
        Also returns hidden widgets.

        ```yaml
        Type: SwitchParameter
        Parameter Sets: ByName
        Aliases:

        Required: False
        Position: Named
        Default value: False
        Accept pipeline input: False
        Accept wildcard characters: False
        ```

        ### -Session
        The session to use.

        ```yaml
        Type: TotaraSession
        Parameter Sets: (All)
        Aliases:

        Required: False
        Position: Named
        Default value: The runspace's default session
        Accept pipeline input: False
        Accept wildcard characters: False
        ```

        ### CommonParameters
        This cmdlet supports the common parameters. For more information, see [about_CommonParameters](http://go.microsoft.com/fwlink/?LinkID=113216).

        ## INPUTS

        ### System.Int64[]
        Widget ids.

        ## OUTPUTS

        ### Totara.PowerShell.TotaraWidget
        One object per widget.

        ## NOTES
        Hidden widgets need the viewhidden capability.

        ## RELATED LINKS

        [Connect-Totara](Connect-Totara.md)

        [Totara API](https://help.totara.com/api)
        """;

    [Fact]
    public void Details_hold_name_verb_noun_and_synopsis()
    {
        var details = CommandElement().Element(Command + "details")!;

        Assert.Equal("Get-TotaraWidget", details.Element(Command + "name")!.Value);
        Assert.Equal("Get", details.Element(Command + "verb")!.Value);
        Assert.Equal("TotaraWidget", details.Element(Command + "noun")!.Value);
        Assert.Equal("Gets widgets from a Totara site.", Paras(details.Element(Maml + "description")).Single());
    }

    [Fact]
    public void Description_is_plain_text_paragraphs_that_keep_web_addresses_only()
    {
        var description = Paras(CommandElement().Element(Maml + "description"));

        Assert.Equal(new[]
        {
            "The Get-TotaraWidget cmdlet reads widgets with one request per page.",
            "It follows the paging rules (https://example.com/paging) and other pages.",
        }, description);
    }

    [Fact]
    public void Each_syntax_block_becomes_a_syntax_item_with_its_own_parameters()
    {
        var items = CommandElement().Element(Command + "syntax")!.Elements(Command + "syntaxItem").ToList();

        Assert.Equal(2, items.Count);
        Assert.Equal(new[] { "Id", "Session" }, ParameterNames(items[0]));
        Assert.Equal(new[] { "Name", "IncludeHidden", "Session" }, ParameterNames(items[1]));
        Assert.All(items, item => Assert.Equal("Get-TotaraWidget", item.Element(Maml + "name")!.Value));
    }

    [Fact]
    public void Parameters_carry_the_yaml_properties_as_MAML_attributes()
    {
        var parameters = CommandElement().Element(Command + "parameters")!.Elements(Command + "parameter").ToList();
        var id = parameters.Single(parameter => parameter.Element(Maml + "name")!.Value == "Id");
        var name = parameters.Single(parameter => parameter.Element(Maml + "name")!.Value == "Name");
        var hidden = parameters.Single(parameter => parameter.Element(Maml + "name")!.Value == "IncludeHidden");
        var session = parameters.Single(parameter => parameter.Element(Maml + "name")!.Value == "Session");

        Assert.Equal(4, parameters.Count);   // CommonParameters is not a parameter of its own
        Assert.Equal("true", id.Attribute("required")!.Value);
        Assert.Equal("0", id.Attribute("position")!.Value);
        Assert.Equal("True (ByPropertyName, ByValue)", id.Attribute("pipelineInput")!.Value);
        Assert.Equal("WidgetId, Identity", id.Attribute("aliases")!.Value);
        Assert.Equal("true", id.Attribute("variableLength")!.Value);
        Assert.Equal("Int64[]", id.Element(Command + "parameterValue")!.Value);
        Assert.Equal("Int64[]", id.Element(Dev + "type")!.Element(Maml + "name")!.Value);
        Assert.Equal("The widgets' ids.", Paras(id.Element(Maml + "description")).Single());
        Assert.Equal("true", name.Attribute("globbing")!.Value);
        Assert.Equal("named", name.Attribute("position")!.Value);
        Assert.Equal("none", name.Attribute("aliases")!.Value);
        Assert.Null(hidden.Element(Command + "parameterValue"));   // a switch takes no value
        Assert.Equal("The runspace's default session", session.Element(Dev + "defaultValue")!.Value);
    }

    [Fact]
    public void Examples_have_title_code_and_remarks()
    {
        var examples = CommandElement().Element(Command + "examples")!.Elements(Command + "example").ToList();

        Assert.Equal(2, examples.Count);
        Assert.Contains("Example 1: Get one widget", examples[0].Element(Maml + "title")!.Value);
        Assert.Equal("Get-TotaraWidget -Id 42", examples[0].Element(Dev + "code")!.Value);
        Assert.Equal("Gets widget 42.", Paras(examples[0].Element(Dev + "remarks")).Single());
        Assert.Equal("Gets every widget whose name starts with blue, hidden ones too.", Paras(examples[1].Element(Dev + "remarks")).Single());
    }

    [Fact]
    public void Inputs_outputs_notes_and_links_are_written()
    {
        var command = CommandElement();
        var input = command.Element(Command + "inputTypes")!.Element(Command + "inputType")!;
        var output = command.Element(Command + "returnValues")!.Element(Command + "returnValue")!;
        var links = command.Element(Maml + "relatedLinks")!.Elements(Maml + "navigationLink").ToList();

        Assert.Equal("System.Int64[]", input.Element(Dev + "type")!.Element(Maml + "name")!.Value);
        Assert.Equal("Widget ids.", Paras(input.Element(Maml + "description")).Single());
        Assert.Equal("Totara.PowerShell.TotaraWidget", output.Element(Dev + "type")!.Element(Maml + "name")!.Value);
        Assert.Equal("Hidden widgets need the viewhidden capability.",
            Paras(command.Element(Maml + "alertSet")!.Element(Maml + "alert")).Single());
        Assert.Equal(new[] { ("Connect-Totara", ""), ("Totara API", "https://help.totara.com/api") },
            links.Select(link => (link.Element(Maml + "linkText")!.Value, link.Element(Maml + "uri")!.Value)));
    }

    [Fact]
    public void The_file_is_left_alone_when_its_content_is_the_same_and_replaced_whole_when_it_changes()
    {
        var folder = Directory.CreateTempSubdirectory("helpgen-");
        try
        {
            var path = Path.Combine(folder.FullName, "Help.xml");
            var page = HelpPageParser.Parse(SamplePage, "docs/Get-TotaraWidget.md");
            MamlWriter.Write(new[] { page }, path);
            var written = File.GetLastWriteTimeUtc(path);
            File.SetLastWriteTimeUtc(path, written.AddHours(-1));   // a rewrite would move it back to now

            MamlWriter.Write(new[] { page }, path);
            Assert.Equal(written.AddHours(-1), File.GetLastWriteTimeUtc(path));

            MamlWriter.Write(Array.Empty<CommandHelp>(), path);
            Assert.DoesNotContain("Get-TotaraWidget", File.ReadAllText(path));
            Assert.Single(folder.GetFiles());   // no temporary file left behind
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Document_is_a_maml_helpItems_root()
    {
        var document = MamlWriter.Build(new[] { HelpPageParser.Parse(SamplePage, "docs/Get-TotaraWidget.md") });

        Assert.Equal(MamlWriter.Msh + "helpItems", document.Root!.Name);
        Assert.Equal("maml", document.Root.Attribute("schema")!.Value);
    }

    [Theory]
    [InlineData("## SYNOPSIS\nGets widgets from a Totara site.\n", "## SYNOPSIS\n", "SYNOPSIS", "The section is empty")]
    [InlineData("# Get-TotaraWidget", "# Get-TotaraGadget", "title", "does not match the file name")]
    [InlineData("## NOTES", "## REMARKS", "REMARKS", "is not a section")]
    [InlineData("Required: True\nPosition: 0", "Required: Yes\nPosition: 0", "PARAMETERS", "-Id: 'Required: Yes' should be True or False")]
    [InlineData("Parameter Sets: ByName\nAliases:\n\nRequired: True", "Aliases:\n\nRequired: True", "PARAMETERS", "-Name: the yaml block has no 'Parameter Sets:' line")]
    [InlineData("### -Session\nThe session to use.", "### -Sesion\nThe session to use.", "PARAMETERS", "SYNTAX uses -Session but PARAMETERS does not describe it")]
    [InlineData("```powershell\nGet-TotaraWidget -Id 42\n```", "Get-TotaraWidget -Id 42", "EXAMPLES", "'Example 1: Get one widget' has no code block")]
    [InlineData("### -Id\nThe widgets' ids.\n", "### -Id\n", "PARAMETERS", "-Id has no description")]
    public void A_bad_page_names_the_page_the_section_and_the_problem(string find, string replace, string section, string problem)
    {
        string page = SamplePage.Replace(find, replace);
        Assert.NotEqual(SamplePage, page);

        var error = Assert.Throws<HelpPageException>(() => HelpPageParser.Parse(page, "docs/Get-TotaraWidget.md"));

        Assert.Equal("docs/Get-TotaraWidget.md", error.Page);
        Assert.Equal(section, error.Section);
        Assert.Contains(problem, error.Problem);
        Assert.StartsWith($"docs/Get-TotaraWidget.md({error.Line}): error HELP001: [{section}]", error.Message);
    }

    [Fact]
    public void Missing_required_section_is_reported()
    {
        int start = SamplePage.IndexOf("## EXAMPLES", StringComparison.Ordinal);
        int end = SamplePage.IndexOf("## PARAMETERS", StringComparison.Ordinal);
        string page = SamplePage.Remove(start, end - start);

        var error = Assert.Throws<HelpPageException>(() => HelpPageParser.Parse(page, "docs/Get-TotaraWidget.md"));

        Assert.Equal("EXAMPLES", error.Section);
        Assert.Contains("no '## EXAMPLES' section", error.Problem);
    }

    [Fact]
    public void Error_line_points_at_the_offending_block()
    {
        string page = SamplePage.Replace("Required: True\nPosition: 0", "Required: Yes\nPosition: 0");
        var error = Assert.Throws<HelpPageException>(() => HelpPageParser.Parse(page, "docs/Get-TotaraWidget.md"));

        string[] lines = page.Split('\n');
        Assert.Equal("```yaml", lines[error.Line - 1]);
        Assert.Contains("Int64[]", lines[error.Line]);
    }

    private static XElement CommandElement() =>
        MamlWriter.Build(new[] { HelpPageParser.Parse(SamplePage, "docs/Get-TotaraWidget.md") })
            .Root!.Element(Command + "command")!;

    private static List<string> Paras(XElement? container) =>
        container!.Elements(Maml + "para").Select(para => para.Value).ToList();

    private static List<string> ParameterNames(XElement syntaxItem) =>
        syntaxItem.Elements(Command + "parameter").Select(parameter => parameter.Element(Maml + "name")!.Value).ToList();
}
