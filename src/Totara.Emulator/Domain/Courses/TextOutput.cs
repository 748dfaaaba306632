using System.Net;
using System.Text.RegularExpressions;

namespace Totara.Emulator.Domain.Courses;

/// <summary>
/// Renders stored rich text in one of Totara's core_format output formats. Stored text is HTML;
/// PLAIN strips the markup, RAW and HTML return it as stored.
/// </summary>
public static partial class TextOutput
{
    public static string? Format(string? text, string? format)
    {
        if (text is null)
        {
            return null;
        }

        return (format ?? "HTML").ToUpperInvariant() switch
        {
            "PLAIN" or "MOBILE" => WebUtility.HtmlDecode(Tags().Replace(text, string.Empty)).Trim(),
            _ => text,
        };
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
