using System.Net;
using System.Text.RegularExpressions;

namespace Totara.Emulator.Schema.Formatting;

/// <summary>
/// Formats stored text as Totara's string and text field formatters do for each core_format:
/// RAW returns it unchanged; HTML gives plain strings the format_string() treatment (tags
/// stripped, bare ampersands escaped) and rich text its stored HTML; PLAIN gives text without
/// markup and with entities decoded. Plain strings support only RAW, HTML and PLAIN.
/// </summary>
public static partial class CoreTextFormatter
{
    public static object? Format(object? value, string format, bool richText)
    {
        if (value is null) return null;
        var text = value as string ?? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
        return format switch
        {
            "RAW" => text,
            "HTML" => richText ? text : FormatString(text),
            "PLAIN" => HtmlToText(richText ? text : FormatString(text)),
            "MARKDOWN" when richText => HtmlToText(text),
            _ => throw new NotSupportedException($"{format} format is currently not supported by the {(richText ? "text" : "string")} formatter."),
        };
    }

    /// <summary>
    /// format_string() with strip_tags: remove tags, escape ampersands that do not start an
    /// entity and any angle bracket left over (so "a &lt; b" stays text, not markup).
    /// </summary>
    public static string FormatString(string text)
    {
        var stripped = TagPattern().Replace(text, "");
        var escaped = BareAmpersand().Replace(stripped, "&amp;").Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
        return escaped.Trim();
    }

    /// <summary>html2text: line breaks for block ends, tags removed, entities decoded, blank runs collapsed.</summary>
    public static string HtmlToText(string html)
    {
        var withBreaks = BlockEnd().Replace(html, "\n");
        var noTags = TagPattern().Replace(withBreaks, "");
        var decoded = WebUtility.HtmlDecode(noTags);
        return BlankLines().Replace(decoded, "\n\n").Trim();
    }

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();

    [GeneratedRegex("&(?!(#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);)", RegexOptions.CultureInvariant)]
    private static partial Regex BareAmpersand();

    [GeneratedRegex(@"<br\s*/?>|</(p|div|li|h[1-6]|tr)>", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();

    [GeneratedRegex(@"\n\s*\n(\s*\n)+", RegexOptions.CultureInvariant)]
    private static partial Regex BlankLines();
}
