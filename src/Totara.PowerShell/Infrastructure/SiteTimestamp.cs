using System;
using System.Globalization;

namespace Totara.PowerShell.Infrastructure;

/// <summary>Reads a core_date value: ISO 8601 as asked for, or Unix seconds (Totara's default format).</summary>
internal static class SiteTimestamp
{
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : null;
    }
}
