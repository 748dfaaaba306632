using System;
using System.Collections.Generic;
using System.Globalization;

namespace Totara.Sync;

/// <summary>
/// A row's job assignment, in HR Import's columns: jobassignmentidnumber, jobassignmentfullname,
/// jobassignmentstartdate, jobassignmentenddate, posidnumber, orgidnumber, manageridnumber,
/// managerjobassignmentidnumber, appraiseridnumber. Absent columns are null, empty cells "".
/// Managers and appraisers are named by their user idnumber, as in HR Import.
/// </summary>
public sealed class SourceJob
{
    /// <summary>The column names, by the field they set.</summary>
    public static readonly IReadOnlyList<string> Columns = new[]
    {
        "jobassignmentidnumber", "jobassignmentfullname", "jobassignmentstartdate", "jobassignmentenddate",
        "posidnumber", "orgidnumber", "manageridnumber", "managerjobassignmentidnumber", "appraiseridnumber",
    };

    public string? IdNumber { get; set; }

    public string? FullName { get; set; }

    public string? StartDate { get; set; }

    public string? EndDate { get; set; }

    public string? Position { get; set; }

    public string? Organisation { get; set; }

    public string? ManagerIdNumber { get; set; }

    public string? ManagerJobIdNumber { get; set; }

    public string? AppraiserIdNumber { get; set; }

    /// <summary>Sets a column by its HR Import name (case-insensitive); false when the name is not a job column.</summary>
    public bool Set(string column, string? value)
    {
        var text = (value ?? "").Trim();
        switch (column.ToLowerInvariant())
        {
            case "jobassignmentidnumber": IdNumber = text; return true;
            case "jobassignmentfullname": FullName = text; return true;
            case "jobassignmentstartdate": StartDate = text; return true;
            case "jobassignmentenddate": EndDate = text; return true;
            case "posidnumber": Position = text; return true;
            case "orgidnumber": Organisation = text; return true;
            case "manageridnumber": ManagerIdNumber = text; return true;
            case "managerjobassignmentidnumber": ManagerJobIdNumber = text; return true;
            case "appraiseridnumber": AppraiserIdNumber = text; return true;
            default: return false;
        }
    }

    /// <summary>True when the row names a manager.</summary>
    public bool HasManager => !string.IsNullOrEmpty(ManagerIdNumber);

    /// <summary>Reads a date column: ISO 8601 (2024-03-01), HR Import's Unix seconds, or empty.</summary>
    public static bool TryParseDate(string text, out DateTimeOffset? date)
    {
        date = null;
        if (text.Length == 0) return true;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            date = DateTimeOffset.FromUnixTimeSeconds(seconds);
            return true;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            date = parsed;
            return true;
        }
        return false;
    }
}
