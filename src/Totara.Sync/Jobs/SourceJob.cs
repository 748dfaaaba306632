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

    /// <summary>jobassignmentidnumber: the assignment's idnumber, unique within the user; null when the column is absent.</summary>
    public string? IdNumber { get; set; }

    /// <summary>jobassignmentfullname: the assignment's full name; null when the column is absent, "" for an empty cell.</summary>
    public string? FullName { get; set; }

    /// <summary>jobassignmentstartdate, as written (see <see cref="TryParseDate"/>); null when the column is absent, "" for an empty cell.</summary>
    public string? StartDate { get; set; }

    /// <summary>jobassignmentenddate, as written (see <see cref="TryParseDate"/>); null when the column is absent, "" for an empty cell.</summary>
    public string? EndDate { get; set; }

    /// <summary>posidnumber: the position's idnumber; null when the column is absent, "" for an empty cell.</summary>
    public string? Position { get; set; }

    /// <summary>orgidnumber: the organisation's idnumber; null when the column is absent, "" for an empty cell.</summary>
    public string? Organisation { get; set; }

    /// <summary>manageridnumber: the manager's user idnumber; null when the column is absent, "" for an empty cell (no manager).</summary>
    public string? ManagerIdNumber { get; set; }

    /// <summary>managerjobassignmentidnumber: which of the manager's assignments; null or "" means the manager's assignment in the source, else their first on the site.</summary>
    public string? ManagerJobIdNumber { get; set; }

    /// <summary>appraiseridnumber: the appraiser's user idnumber; null when the column is absent, "" for an empty cell (no appraiser).</summary>
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
