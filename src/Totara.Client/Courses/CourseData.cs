using System;
using System.Globalization;
using System.Text.Json;

namespace Totara.Client.Courses;

/// <summary>One course (<c>core_course</c>) as the API returns it.</summary>
public sealed class CourseData
{
    /// <summary>The fields asked for every course; each costs one complexity point per course.</summary>
    public const string Selection =
        "id idnumber shortname fullname categoryid category { name } startdate enddate timecreated timemodified completionenabled format";

    /// <summary>Complexity of one course with <see cref="Selection"/> (the category object and its name count one each).</summary>
    public const int CostPerCourse = 13;

    /// <summary>The course's id; 0 when the site sent none.</summary>
    public long Id { get; set; }

    /// <summary>The course's idnumber (the key an integration sets); null when it has none.</summary>
    public string? IdNumber { get; set; }

    /// <summary>The course's shortname, unique on the site; empty when the site sent none.</summary>
    public string ShortName { get; set; } = "";

    /// <summary>The course's full name; empty when the site sent none.</summary>
    public string FullName { get; set; } = "";

    /// <summary>The id of the course's category; 0 when the site sent none.</summary>
    public long CategoryId { get; set; }

    /// <summary>The name of the course's category; null when the site sent no category.</summary>
    public string? CategoryName { get; set; }

    /// <summary>When the course starts (from unix seconds); null when the site sent 0 or none.</summary>
    public DateTimeOffset? StartDate { get; set; }

    /// <summary>When the course ends (from unix seconds); null for no end date.</summary>
    public DateTimeOffset? EndDate { get; set; }

    /// <summary>When the course was created (from unix seconds); null when the site sent none.</summary>
    public DateTimeOffset? TimeCreated { get; set; }

    /// <summary>When the course was last changed (from unix seconds); null when the site sent none.</summary>
    public DateTimeOffset? TimeModified { get; set; }

    /// <summary>True when completion tracking is on for the course; false also when the site did not say.</summary>
    public bool CompletionEnabled { get; set; }

    /// <summary>The course format's plugin name (e.g. <c>topics</c>, <c>weeks</c>); null when the site sent none.</summary>
    public string? Format { get; set; }

    /// <summary>Reads one item of <c>core_course_courses</c> selected with <see cref="Selection"/>; missing fields keep their defaults.</summary>
    /// <param name="item">The item's JSON object.</param>
    public static CourseData FromJson(JsonElement item) => new()
    {
        Id = JsonValues.Long(item, "id") ?? 0,
        IdNumber = JsonValues.Text(item, "idnumber"),
        ShortName = JsonValues.Text(item, "shortname") ?? "",
        FullName = JsonValues.Text(item, "fullname") ?? "",
        CategoryId = JsonValues.Long(item, "categoryid") ?? 0,
        CategoryName = item.TryGetProperty("category", out var category) && category.ValueKind == JsonValueKind.Object ? JsonValues.Text(category, "name") : null,
        StartDate = JsonValues.Timestamp(item, "startdate"),
        EndDate = JsonValues.Timestamp(item, "enddate"),
        TimeCreated = JsonValues.Timestamp(item, "timecreated"),
        TimeModified = JsonValues.Timestamp(item, "timemodified"),
        CompletionEnabled = item.TryGetProperty("completionenabled", out var enabled) && enabled.ValueKind == JsonValueKind.True,
        Format = JsonValues.Text(item, "format"),
    };

    /// <summary>True when <paramref name="identity"/> is this course's id, idnumber or shortname (exactly).</summary>
    public bool HasKey(string identity)
    {
        var text = identity.Trim();
        return string.Equals(Id.ToString(CultureInfo.InvariantCulture), text, StringComparison.Ordinal)
               || string.Equals(IdNumber, text, StringComparison.Ordinal)
               || string.Equals(ShortName, text, StringComparison.Ordinal);
    }

    /// <summary>True when <paramref name="identity"/> is this course's shortname or full name, ignoring case.</summary>
    public bool HasName(string identity)
    {
        var text = identity.Trim();
        return string.Equals(ShortName, text, StringComparison.OrdinalIgnoreCase) || string.Equals(FullName, text, StringComparison.OrdinalIgnoreCase);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{FullName} ({ShortName})";
}
