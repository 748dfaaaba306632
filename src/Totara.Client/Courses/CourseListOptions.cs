using System;
using System.Collections.Generic;
using System.Globalization;

namespace Totara.Client.Courses;

/// <summary>What <c>core_course_courses</c> is asked for: its filters, the sort and the page size.</summary>
public sealed class CourseListOptions
{
    /// <summary>The most courses one page asks for, whatever <see cref="PageSize"/> says.</summary>
    public const int MaxPageSize = 500;

    /// <summary>Only courses with this tag (raw name; filters.tag_filter).</summary>
    public string? Tag { get; set; }

    /// <summary>Only courses created at or after this time (filters.since_timecreated).</summary>
    public DateTimeOffset? CreatedSince { get; set; }

    /// <summary>Only courses changed at or after this time (filters.since_timemodified).</summary>
    public DateTimeOffset? ModifiedSince { get; set; }

    /// <summary>
    /// Sort by full name instead of id. The site still pages by id and the client sorts: Totara
    /// orders by the requested column only and continues with "fullname &gt; last name", so
    /// paging by name would skip courses that share a name across a page boundary.
    /// </summary>
    public bool SortByFullName { get; set; }

    /// <summary>Courses per page; null derives it from the complexity limit.</summary>
    public int? PageSize { get; set; }

    /// <summary>The page size sent: <see cref="PageSize"/> kept within 1..<see cref="MaxPageSize"/>, or, without one, as many courses as fit under <paramref name="complexityLimit"/>.</summary>
    /// <param name="complexityLimit">The complexity one request may use (the client's <see cref="TotaraClient.BatchComplexityLimit"/>).</param>
    public int EffectivePageSize(int complexityLimit) =>
        Paging.PageSize.Choose(PageSize, MaxPageSize, complexityLimit, CourseData.CostPerCourse);

    /// <summary>The paged query; the cursor travels in <c>$cursor</c>, as the client's pager expects.</summary>
    public GraphQLRequest BuildRequest(int complexityLimit)
    {
        // The page size is a literal: pagination.limit is a param_integer, which a variable would have to be declared as.
        var document =
            "query totara_powershell_courses($cursor: String, $filters: core_course_courses_filters, $sort: [core_sort_input!]) {\n" +
            "  core_course_courses(query: {pagination: {cursor: $cursor, limit: " +
            EffectivePageSize(complexityLimit).ToString(CultureInfo.InvariantCulture) + "}, filters: $filters, sort: $sort}) {\n" +
            "    items { " + CourseData.Selection + " }\n    total\n    next_cursor\n  }\n}";
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["cursor"] = null,
            ["filters"] = Filters(),
            ["sort"] = new object[] { new Dictionary<string, object?> { ["column"] = "id", ["direction"] = "ASC" } },
        };
        return new GraphQLRequest(document, variables, "totara_powershell_courses");
    }

    private IDictionary<string, object?>? Filters()
    {
        var filters = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(Tag)) filters["tag_filter"] = Tag!.Trim();
        if (CreatedSince is { } created) filters["since_timecreated"] = created.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        if (ModifiedSince is { } modified) filters["since_timemodified"] = modified.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return filters.Count == 0 ? null : filters;
    }
}
