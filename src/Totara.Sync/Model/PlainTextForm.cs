using System.Net;
using System.Text.RegularExpressions;

namespace Totara.Sync;

/// <summary>
/// A text value as the site shows it back to the sync: Totara's string field formatter at the
/// fields' default format (PLAIN) runs format_string() (tags stripped, trimmed) and then
/// html_to_text() (entities decoded). The sync compares a source value in this form, so a value
/// the site rewrites on the way (a name with markup) settles instead of being resent every run.
/// </summary>
internal static class PlainTextForm
{
    private static readonly Regex Tag = new("<[^>]*>", RegexOptions.CultureInvariant);

    public static string Of(string value)
    {
        if (value.IndexOf('<') < 0 && value.IndexOf('&') < 0) return value;
        return WebUtility.HtmlDecode(Tag.Replace(value, "")).Trim();
    }
}
