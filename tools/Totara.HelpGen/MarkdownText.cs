using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Totara.HelpGen;

/// <summary>
/// Turns markdown blocks into the plain-text paragraphs MAML holds: Get-Help prints text, so
/// emphasis and code marks are dropped and only links to web pages keep their address.
/// </summary>
internal static class MarkdownText
{
    public static void AppendParagraphs(Block block, List<string> paragraphs, string prefix = "")
    {
        switch (block)
        {
            case LeafBlock { Inline: not null } leaf:
                AddIfText(paragraphs, prefix + InlineText(leaf.Inline).Trim());
                break;
            case FencedCodeBlock or CodeBlock:
                AddIfText(paragraphs, CodeText((LeafBlock)block));
                break;
            case ListBlock list:
                int number = 1;
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    string marker = list.IsOrdered ? $"{number++}. " : "- ";
                    var itemParagraphs = new List<string>();
                    foreach (var child in item) AppendParagraphs(child, itemParagraphs);
                    if (itemParagraphs.Count > 0) paragraphs.Add(marker + string.Join(" ", itemParagraphs));
                }
                break;
            case ContainerBlock container:
                foreach (var child in container) AppendParagraphs(child, paragraphs, prefix);
                break;
            case LeafBlock leaf:
                AddIfText(paragraphs, CodeText(leaf));
                break;
        }
    }

    /// <summary>The literal lines of a code (or other raw) block, without the fence.</summary>
    public static string CodeText(LeafBlock block)
    {
        var builder = new StringBuilder();
        var lines = block.Lines;
        for (int i = 0; i < lines.Count; i++)
        {
            if (i > 0) builder.Append('\n');
            builder.Append(lines.Lines[i].Slice.ToString());
        }
        return builder.ToString().TrimEnd();
    }

    public static string InlineText(Inline? inline)
    {
        var builder = new StringBuilder();
        Append(inline, builder);
        return builder.ToString();
    }

    private static void Append(Inline? inline, StringBuilder builder)
    {
        for (var current = inline; current is not null; current = current.NextSibling)
        {
            switch (current)
            {
                case LiteralInline literal:
                    builder.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    builder.Append(code.Content);
                    break;
                case LineBreakInline lineBreak:
                    builder.Append(lineBreak.IsHard ? "\n" : " ");
                    break;
                case AutolinkInline autolink:
                    builder.Append(autolink.Url);
                    break;
                case HtmlEntityInline entity:
                    builder.Append(entity.Transcoded.ToString());
                    break;
                case HtmlInline html:
                    builder.Append(html.Tag);
                    break;
                case LinkInline link:
                    string text = InlineText(link.FirstChild);
                    builder.Append(text);
                    if (IsWebAddress(link.Url) && text != link.Url) builder.Append(" (").Append(link.Url).Append(')');
                    break;
                case ContainerInline container:
                    Append(container.FirstChild, builder);
                    break;
            }
        }
    }

    public static bool IsWebAddress(string? url) =>
        url is not null &&
        (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ||
         url.StartsWith("https://", StringComparison.OrdinalIgnoreCase));

    private static void AddIfText(List<string> paragraphs, string text)
    {
        if (!string.IsNullOrWhiteSpace(text)) paragraphs.Add(text);
    }
}
