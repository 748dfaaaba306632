using System;
using System.Globalization;
using System.Management.Automation;

namespace Totara.PowerShell.JobAssignments;

/// <summary>
/// Reads the date parameters of the job-assignment cmdlets from whatever a caller or an HR file
/// has: a DateTime, a Unix timestamp (HR Import's numeric dates), an ISO-8601 date
/// (2024-03-01, 2024-03-01T09:00:00+13:00) or HR Import's default day-first format (01/03/2024).
/// Dates without a time zone are read as UTC.
/// </summary>
internal static class JobAssignmentDate
{
    private static readonly string[] DayFirstFormats = { "d/M/yyyy", "d/M/yyyy H:mm", "d/M/yyyy H:mm:ss", "d.M.yyyy", "d-M-yyyy" };

    /// <summary>True when <paramref name="value"/> is empty (a blank CSV cell or an empty string).</summary>
    public static bool IsEmpty(object? value) => Unwrap(value) is null or string { Length: 0 } || Unwrap(value) is string s && s.Trim().Length == 0;

    /// <summary>Parses a non-empty value; returns null and a reason when it is not a date.</summary>
    public static DateTimeOffset? Parse(object? value, out string? problem)
    {
        problem = null;
        switch (Unwrap(value))
        {
            case DateTimeOffset offset:
                return offset;
            case DateTime date:
                return new DateTimeOffset(date.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(date, DateTimeKind.Utc) : date);
            case int or long or uint or short:
                return FromSeconds(Convert.ToInt64(Unwrap(value), CultureInfo.InvariantCulture), out problem);
            case string text:
                text = text.Trim();
                if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return FromSeconds(seconds, out problem);
                if (DateTimeOffset.TryParseExact(text, DayFirstFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dayFirst))
                    return dayFirst;
                if (text.Length >= 10 && text[4] == '-' &&
                    DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var iso))
                    return iso;
                problem = $"'{text}' is not a date: use yyyy-MM-dd (ISO 8601), dd/MM/yyyy (HR Import's default) or a Unix timestamp.";
                return null;
            default:
                problem = $"'{value}' is not a date.";
                return null;
        }
    }

    private static DateTimeOffset? FromSeconds(long seconds, out string? problem)
    {
        problem = null;
        if (seconds > 0 && seconds < 253402300800) return DateTimeOffset.FromUnixTimeSeconds(seconds);
        problem = $"'{seconds}' is not a Unix timestamp of a date.";
        return null;
    }

    private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
}
