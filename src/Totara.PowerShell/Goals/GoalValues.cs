using System;
using System.Globalization;

namespace Totara.PowerShell.Goals;

/// <summary>How goal parameters become the API's values.</summary>
internal static class GoalValues
{
    /// <summary>A date parameter as the API's UTC instant (an unspecified kind is local time).</summary>
    public static DateTimeOffset? Instant(DateTime? value) =>
        value is { } date ? new DateTimeOffset(date.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(date, DateTimeKind.Local).ToUniversalTime() : date.ToUniversalTime()) : null;

    /// <summary>The API's status code for a status given either way (InProgress or in_progress).</summary>
    public static string? StatusCode(string? status) => status?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "notstarted" or "not_started" => "not_started",
        "inprogress" or "in_progress" => "in_progress",
        "completed" or "complete" => "completed",
        "cancelled" or "canceled" => "cancelled",
        var other => other,
    };

    public static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
