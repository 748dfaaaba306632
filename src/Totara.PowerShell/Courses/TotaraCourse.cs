using System;
using Totara.Client.Courses;

namespace Totara.PowerShell.Courses;

/// <summary>
/// A Totara course, as Get-TotaraCourse returns it. Pass it to -Course of the enrolment and
/// completion cmdlets: it names its course by id on the same site.
/// </summary>
public sealed class TotaraCourse
{
    internal TotaraCourse(CourseData data, Uri site)
    {
        Site = site;
        Id = data.Id;
        IdNumber = data.IdNumber;
        ShortName = data.ShortName;
        FullName = data.FullName;
        CategoryId = data.CategoryId;
        Category = data.CategoryName;
        StartDate = data.StartDate?.UtcDateTime;
        EndDate = data.EndDate?.UtcDateTime;
        Created = data.TimeCreated?.UtcDateTime;
        Modified = data.TimeModified?.UtcDateTime;
        CompletionEnabled = data.CompletionEnabled;
        Format = data.Format;
    }

    /// <summary>The site the course is on.</summary>
    public Uri Site { get; }

    public long Id { get; }

    public string? IdNumber { get; }

    public string ShortName { get; }

    public string FullName { get; }

    public long CategoryId { get; }

    /// <summary>The category's name.</summary>
    public string? Category { get; }

    /// <summary>Dates are UTC; null when the site has none.</summary>
    public DateTime? StartDate { get; }

    public DateTime? EndDate { get; }

    public DateTime? Created { get; }

    public DateTime? Modified { get; }

    /// <summary>Whether completion tracking is on (without it there are no completion records).</summary>
    public bool CompletionEnabled { get; }

    /// <summary>The course format, e.g. topics or weeks.</summary>
    public string? Format { get; }

    public override string ToString() => $"{FullName} ({ShortName})";
}
