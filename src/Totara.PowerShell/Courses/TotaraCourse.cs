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

    /// <summary>The course's id on <see cref="Site"/>; 0 when the site sent none.</summary>
    public long Id { get; }

    /// <summary>The course's idnumber, the key an integration sets; null when the course has none.</summary>
    public string? IdNumber { get; }

    /// <summary>The course's shortname, unique on the site; what a <see cref="CourseIdentity"/> made from this course names it by on another site. Empty when the site sent none.</summary>
    public string ShortName { get; }

    /// <summary>The course's full name as learners see it; need not be unique. Empty when the site sent none.</summary>
    public string FullName { get; }

    /// <summary>The id of the course's category; 0 when the site sent none.</summary>
    public long CategoryId { get; }

    /// <summary>The category's name.</summary>
    public string? Category { get; }

    /// <summary>Dates are UTC; null when the site has none.</summary>
    public DateTime? StartDate { get; }

    /// <summary>When the course ends (UTC); null when it has no end date.</summary>
    public DateTime? EndDate { get; }

    /// <summary>When the course was created on the site (UTC); null when the site sent none.</summary>
    public DateTime? Created { get; }

    /// <summary>When the course was last changed (UTC); null when the site sent none.</summary>
    public DateTime? Modified { get; }

    /// <summary>Whether completion tracking is on (without it there are no completion records).</summary>
    public bool CompletionEnabled { get; }

    /// <summary>The course format, e.g. topics or weeks.</summary>
    public string? Format { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{FullName} ({ShortName})";
}
