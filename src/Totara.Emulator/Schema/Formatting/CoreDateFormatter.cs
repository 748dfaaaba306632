using System.Globalization;

namespace Totara.Emulator.Schema.Formatting;

/// <summary>
/// Formats a unix timestamp (seconds) as Totara's date field formatter does for each
/// core_date_format value. The emulated site's users live in UTC, and its language pack is
/// Totara's English one (langconfig strftime strings, leading zeros of days and 12-hour hours
/// removed as userdate() does).
/// </summary>
public static class CoreDateFormatter
{
    private static readonly Dictionary<string, string> Patterns = new(StringComparer.Ordinal)
    {
        ["DAYDATETIME"] = "dddd, d MMMM yyyy, h:mm tt",
        ["TIME"] = "h:mm tt",
        ["TIMESHORT"] = "HH:mm",
        ["DATE"] = "d MMMM yyyy",
        ["DATESHORT"] = "d MMMM",
        ["DATELONG"] = "d/MM/yyyy",
        ["DATETIME"] = "d MMMM yyyy, h:mm tt",
        ["DATETIMESHORT"] = "d/MM/yy, HH:mm",
        ["DATETIMELONG"] = "d/MM/yyyy, HH:mm",
        ["DATETIMESECONDS"] = "d MMM yyyy 'at' HH:mm:ss",
    };

    /// <summary>All core_date_format values this formatter knows, TIMESTAMP and ISO8601 included.</summary>
    public static IEnumerable<string> Formats => new[] { "TIMESTAMP", "ISO8601" }.Concat(Patterns.Keys);

    /// <summary>
    /// Returns null for no date (null or 0), the timestamp itself for TIMESTAMP (the core_date
    /// scalar serialises it as a string), otherwise the formatted text.
    /// </summary>
    public static object? Format(object? value, string format)
    {
        var timestamp = ToTimestamp(value);
        if (timestamp is null or 0) return null;
        var instant = DateTimeOffset.FromUnixTimeSeconds(timestamp.Value);
        if (format == "TIMESTAMP") return timestamp.Value;
        // PHP's DateTime::ISO8601: offset without a colon, e.g. 2022-09-01T12:06:53+0000.
        if (format == "ISO8601") return instant.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "+0000";
        if (Patterns.TryGetValue(format, out var pattern)) return instant.ToString(pattern, CultureInfo.InvariantCulture);
        throw new ArgumentException($"Unknown core_date_format '{format}'.", nameof(format));
    }

    private static long? ToTimestamp(object? value) => value switch
    {
        null => null,
        long l => l,
        int i => i,
        double d => (long)d,
        decimal m => (long)m,
        DateTimeOffset o => o.ToUnixTimeSeconds(),
        DateTime t => new DateTimeOffset(t.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : t).ToUnixTimeSeconds(),
        string s when s.Trim().Length == 0 => null,
        string s when long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => n,
        string s when DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var o) => o.ToUnixTimeSeconds(),
        _ => throw new ArgumentException($"A core_date field resolved to {value.GetType().Name} '{value}', not a unix timestamp.", nameof(value)),
    };
}
