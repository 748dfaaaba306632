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

    public long Id { get; set; }

    public string? IdNumber { get; set; }

    public string ShortName { get; set; } = "";

    public string FullName { get; set; } = "";

    public long CategoryId { get; set; }

    public string? CategoryName { get; set; }

    public DateTimeOffset? StartDate { get; set; }

    public DateTimeOffset? EndDate { get; set; }

    public DateTimeOffset? TimeCreated { get; set; }

    public DateTimeOffset? TimeModified { get; set; }

    public bool CompletionEnabled { get; set; }

    public string? Format { get; set; }

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

    public override string ToString() => $"{FullName} ({ShortName})";
}
