using System.Globalization;

namespace Totara.Emulator.Domain.Courses;

/// <summary>
/// Renders a stored unix timestamp in one of Totara's core_date_format formats. The emulated
/// site's timezone is UTC. Zero or a missing date renders as null, as Totara does.
/// </summary>
public static class DateOutput
{
    public static object? Format(long? timestamp, string? format)
    {
        if (timestamp is null or 0)
        {
            return null;
        }

        var time = DateTimeOffset.FromUnixTimeSeconds(timestamp.Value);
        var c = CultureInfo.InvariantCulture;
        return (format ?? "TIMESTAMP").ToUpperInvariant() switch
        {
            "TIMESTAMP" => timestamp.Value,
            "ISO8601" => time.ToString("yyyy-MM-dd'T'HH:mm:ss", c) + "+0000",
            "DAYDATETIME" => time.ToString("dddd, d MMMM yyyy, h:mm tt", c),
            "TIME" => time.ToString("h:mm tt", c),
            "TIMESHORT" => time.ToString("HH:mm", c),
            "DATE" => time.ToString("d MMMM yyyy", c),
            "DATESHORT" => time.ToString("d MMMM", c),
            "DATELONG" => time.ToString("d/MM/yyyy", c),
            "DATETIME" => time.ToString("d MMMM yyyy, h:mm tt", c),
            "DATETIMESHORT" => time.ToString("d/MM/yy, HH:mm", c),
            "DATETIMELONG" => time.ToString("d/MM/yyyy, HH:mm", c),
            "DATETIMESECONDS" => time.ToString("d MMM yyyy 'at' HH:mm:ss", c),
            _ => timestamp.Value,
        };
    }
}
