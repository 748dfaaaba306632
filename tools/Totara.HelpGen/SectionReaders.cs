using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Totara.HelpGen;

/// <summary>Reads the structured sections of a page (syntax, examples, parameters, types, links).</summary>
internal static class SectionReaders
{
    // A parameter in a syntax line: "-Name" after a space or an opening bracket.
    private static readonly Regex SyntaxParameter = new(@"(?<=[\s\[])-([A-Za-z][A-Za-z0-9]*)");
    private static readonly string[] CommonParameterHeadings = { "CommonParameters", "WorkflowCommonParameters" };

    public static void ReadSyntax(Section section, CommandHelp help, PageContext page)
    {
        var subsections = section.Subsections(out var lead);
        if (subsections.Count == 0)
        {
            help.Syntax.Add(SyntaxFrom(null, lead, section, section.Heading, page));
            return;
        }
        if (lead.Any(block => block is FencedCodeBlock))
            throw page.Error(section.Name, section.Heading, "A syntax block stands before the first '### <ParameterSetName>' heading.");
        foreach (var (heading, blocks) in subsections)
        {
            string setName = MarkdownText.InlineText(heading.Inline).Trim();
            setName = Regex.Replace(setName, @"\s*\(Default\)$", "", RegexOptions.IgnoreCase);
            help.Syntax.Add(SyntaxFrom(setName, blocks, section, heading, page));
        }
    }

    private static SyntaxSet SyntaxFrom(string? setName, List<Block> blocks, Section section, Block at, PageContext page)
    {
        var code = blocks.OfType<FencedCodeBlock>().ToList();
        string where = setName is null ? "" : $" for parameter set '{setName}'";
        if (code.Count != 1)
            throw page.Error(section.Name, at, $"Expected one ``` syntax block{where}, found {code.Count}.");
        string text = MarkdownText.CodeText(code[0]);
        var names = SyntaxParameter.Matches(text).Select(match => match.Groups[1].Value)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return new SyntaxSet(setName, text, names);
    }

    public static void ReadExamples(Section section, CommandHelp help, PageContext page)
    {
        var subsections = section.Subsections(out _);
        foreach (var (heading, blocks) in subsections)
        {
            string title = MarkdownText.InlineText(heading.Inline).Trim();
            var code = blocks.OfType<FencedCodeBlock>().Select(MarkdownText.CodeText).ToList();
            if (code.Count == 0)
                throw page.Error(section.Name, heading, $"'{title}' has no code block.");
            var remarks = new List<string>();
            foreach (var block in blocks.Where(block => block is not FencedCodeBlock))
                MarkdownText.AppendParagraphs(block, remarks);
            help.Examples.Add(new ExampleHelp(title, string.Join("\n\n", code), remarks));
        }
    }

    public static void ReadParameters(Section section, CommandHelp help, PageContext page)
    {
        foreach (var (heading, blocks) in section.Subsections(out _))
        {
            string title = MarkdownText.InlineText(heading.Inline).Trim();
            if (CommonParameterHeadings.Contains(title, StringComparer.OrdinalIgnoreCase)) continue;
            if (!title.StartsWith("-", StringComparison.Ordinal) || title.Length < 2)
                throw page.Error(section.Name, heading, $"'### {title}' should name a parameter as '### -Name'.");

            var parameter = new ParameterHelp(title.Substring(1));
            if (help.Parameters.Any(existing => existing.Name.Equals(parameter.Name, StringComparison.OrdinalIgnoreCase)))
                throw page.Error(section.Name, heading, $"-{parameter.Name} is described twice.");
            var yaml = blocks.OfType<FencedCodeBlock>().Where(code => code.Info == "yaml").ToList();
            if (yaml.Count != 1)
                throw page.Error(section.Name, heading, $"-{parameter.Name} needs exactly one ```yaml block of parameter properties (found {yaml.Count}).");
            foreach (var block in blocks.Where(block => !yaml.Contains(block)))
                MarkdownText.AppendParagraphs(block, parameter.Description);
            if (parameter.Description.Count == 0)
                throw page.Error(section.Name, heading, $"-{parameter.Name} has no description.");
            ParameterYaml.Apply(MarkdownText.CodeText(yaml[0]), parameter, problem =>
                page.Error(section.Name, yaml[0], $"-{parameter.Name}: {problem}"));
            help.Parameters.Add(parameter);
        }
    }

    /// <summary>Every parameter in a syntax block is described, and every described one appears in a syntax block.</summary>
    public static void CheckSyntaxAgainstParameters(Section parameters, CommandHelp help, PageContext page)
    {
        var described = help.Parameters.Select(parameter => parameter.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var inSyntax = help.Syntax.SelectMany(set => set.ParameterNames).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var undocumented = inSyntax.Where(name => !described.Contains(name)).ToList();
        if (undocumented.Count > 0)
            throw page.Error(parameters.Name, parameters.Heading,
                $"SYNTAX uses {string.Join(", ", undocumented.Select(name => "-" + name))} but PARAMETERS does not describe it.");
        var unused = described.Where(name => !inSyntax.Contains(name)).ToList();
        if (unused.Count > 0)
            throw page.Error(parameters.Name, parameters.Heading,
                $"PARAMETERS describes {string.Join(", ", unused.Select(name => "-" + name))} but no SYNTAX block uses it.");
    }

    public static void ReadTypes(Section section, List<TypeHelp> into, PageContext page)
    {
        var subsections = section.Subsections(out var lead);
        if (lead.Count > 0)
            throw page.Error(section.Name, lead[0], "Each type needs its own '### <TypeName>' heading.");
        foreach (var (heading, blocks) in subsections)
        {
            var description = new List<string>();
            foreach (var block in blocks) MarkdownText.AppendParagraphs(block, description);
            into.Add(new TypeHelp(MarkdownText.InlineText(heading.Inline).Trim(), description));
        }
    }

    public static void ReadRelatedLinks(Section section, List<RelatedLink> into)
    {
        foreach (var block in section.Blocks.OfType<LeafBlock>())
        {
            for (var inline = block.Inline?.FirstChild; inline is not null; inline = inline.NextSibling)
            {
                if (inline is LinkInline link)
                {
                    string text = MarkdownText.InlineText(link.FirstChild).Trim();
                    into.Add(new RelatedLink(text, MarkdownText.IsWebAddress(link.Url) ? link.Url! : ""));
                }
                else if (inline is AutolinkInline autolink)
                {
                    into.Add(new RelatedLink(autolink.Url, autolink.Url));
                }
            }
        }
    }
}
