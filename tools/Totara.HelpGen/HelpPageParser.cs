using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace Totara.HelpGen;

/// <summary>
/// Reads one platyPS-format page (schema 2.0.0): `# Verb-Noun`, then the `##` sections SYNOPSIS,
/// SYNTAX, DESCRIPTION, EXAMPLES, PARAMETERS, INPUTS, OUTPUTS, NOTES and RELATED LINKS.
/// Anything it cannot map faithfully to MAML is an error naming the page and the section,
/// so a broken page fails the build instead of shipping half a help topic.
/// </summary>
public static class HelpPageParser
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();
    private static readonly string[] RequiredSections = { "SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS" };
    private static readonly string[] OptionalSections = { "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS" };
    private static readonly Regex CommandName = new(@"^[A-Z][A-Za-z]*-[A-Z][A-Za-z0-9]*$");

    public static CommandHelp ParseFile(string path) => Parse(File.ReadAllText(path), path);

    /// <param name="markdown">The page's text.</param>
    /// <param name="pagePath">The page's path: names it in errors, and its file name must match the title.</param>
    public static CommandHelp Parse(string markdown, string pagePath)
    {
        var page = new PageContext(pagePath);
        var blocks = Markdown.Parse(markdown, Pipeline).Where(block => block is not YamlFrontMatterBlock).ToList();

        var title = blocks.OfType<HeadingBlock>().FirstOrDefault(heading => heading.Level == 1)
            ?? throw page.Error("title", null, "The page has no '# <Verb>-<Noun>' title.");
        string name = MarkdownText.InlineText(title.Inline).Trim();
        if (!CommandName.IsMatch(name))
            throw page.Error("title", title, $"'{name}' is not a Verb-Noun command name.");
        string fileName = Path.GetFileNameWithoutExtension(pagePath);
        if (!name.Equals(fileName, StringComparison.OrdinalIgnoreCase))
            throw page.Error("title", title, $"The title '{name}' does not match the file name '{fileName}.md'.");

        var sections = SplitSections(blocks, page);
        foreach (string required in RequiredSections)
        {
            if (!sections.ContainsKey(required))
                throw page.Error(required, title, $"The page has no '## {required}' section.");
        }

        var help = new CommandHelp(name);
        ReadParagraphs(sections["SYNOPSIS"], help.Synopsis, page, mustHaveText: true);
        ReadParagraphs(sections["DESCRIPTION"], help.Description, page, mustHaveText: true);
        SectionReaders.ReadSyntax(sections["SYNTAX"], help, page);
        SectionReaders.ReadExamples(sections["EXAMPLES"], help, page);
        SectionReaders.ReadParameters(sections["PARAMETERS"], help, page);
        if (sections.TryGetValue("INPUTS", out var inputs)) SectionReaders.ReadTypes(inputs, help.Inputs, page);
        if (sections.TryGetValue("OUTPUTS", out var outputs)) SectionReaders.ReadTypes(outputs, help.Outputs, page);
        if (sections.TryGetValue("NOTES", out var notes)) ReadParagraphs(notes, help.Notes, page, mustHaveText: false);
        if (sections.TryGetValue("RELATED LINKS", out var links)) SectionReaders.ReadRelatedLinks(links, help.RelatedLinks);
        SectionReaders.CheckSyntaxAgainstParameters(sections["PARAMETERS"], help, page);
        return help;
    }

    private static Dictionary<string, Section> SplitSections(List<Block> blocks, PageContext page)
    {
        var sections = new Dictionary<string, Section>(StringComparer.Ordinal);
        Section? current = null;
        foreach (var block in blocks)
        {
            if (block is HeadingBlock { Level: 1 }) continue;
            if (block is HeadingBlock { Level: 2 } heading)
            {
                string name = MarkdownText.InlineText(heading.Inline).Trim().ToUpperInvariant();
                if (!RequiredSections.Contains(name) && !OptionalSections.Contains(name))
                    throw page.Error(name, heading, $"'## {name}' is not a section of a platyPS command page.");
                if (sections.ContainsKey(name))
                    throw page.Error(name, heading, $"The page has two '## {name}' sections.");
                current = new Section(name, heading, new List<Block>());
                sections.Add(name, current);
                continue;
            }
            if (current is null)
                throw page.Error("title", block, "Text between the title and the first '##' section has no place in the help.");
            current.Blocks.Add(block);
        }
        return sections;
    }

    private static void ReadParagraphs(Section section, List<string> into, PageContext page, bool mustHaveText)
    {
        foreach (var block in section.Blocks)
        {
            if (block is HeadingBlock heading)
                throw page.Error(section.Name, heading, "This section takes text, not '###' headings.");
            MarkdownText.AppendParagraphs(block, into);
        }
        if (mustHaveText && into.Count == 0)
            throw page.Error(section.Name, section.Heading, "The section is empty.");
    }
}

/// <summary>A `##` section: its heading and the blocks up to the next `##`.</summary>
public sealed record Section(string Name, HeadingBlock Heading, List<Block> Blocks)
{
    /// <summary>The section's blocks grouped under its `###` headings (blocks before the first one are dropped into Lead).</summary>
    public List<(HeadingBlock Heading, List<Block> Blocks)> Subsections(out List<Block> lead)
    {
        lead = new List<Block>();
        var result = new List<(HeadingBlock, List<Block>)>();
        foreach (var block in Blocks)
        {
            if (block is HeadingBlock { Level: 3 } heading) result.Add((heading, new List<Block>()));
            else if (result.Count == 0) lead.Add(block);
            else result[result.Count - 1].Item2.Add(block);
        }
        return result;
    }
}

/// <summary>Makes errors that name the page, the section and the line.</summary>
public sealed class PageContext
{
    public PageContext(string path) => Path = path;

    public string Path { get; }

    public HelpPageException Error(string section, Block? at, string problem) =>
        new(Path, section, (at?.Line ?? 0) + 1, problem);
}
