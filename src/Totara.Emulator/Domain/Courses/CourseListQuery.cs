using System.Text.Json;
using Totara.Emulator.Api;

namespace Totara.Emulator.Domain.Courses;

/// <summary>
/// Runs core_course_courses: filters (since_timecreated, since_timemodified, tag_filter), a sort
/// column out of Totara's allowed set (id, fullname; comma-separated for several), keyset cursor
/// paging without an id tiebreak, as core\orm\pagination\cursor_paginator pages (courses that tie
/// by name across a page boundary are skipped; see <see cref="CursorOrder{T}"/>). Default page
/// size is Totara's 20; like Totara there is no upper bound of its own, the request's query
/// complexity limit is what caps a page.
/// </summary>
public static class CourseListQuery
{
    public const int DefaultPageSize = 20;
    private static readonly string[] AllowedSortFields = { "id", "fullname" };

    public static PageResult<CourseRecord> Run(CourseStore store, IReadOnlyDictionary<string, object?>? query)
    {
        var order = ReadSort(query);
        var courses = order.Sort(Filter(store.SnapshotCourses(), GraphInput.AsObject(GraphInput.Get(query, "filters"))));

        var pagination = GraphInput.AsObject(GraphInput.Get(query, "pagination"));
        var cursorText = GraphInput.String(pagination, "cursor");
        var limit = (int)(GraphInput.Long(pagination, "limit") ?? 0);
        if (limit <= 0)
        {
            limit = DefaultPageSize;
        }

        IEnumerable<CourseRecord> remaining = courses;
        if (!string.IsNullOrEmpty(cursorText))
        {
            var cursor = PageCursor.Decode(cursorText);
            limit = cursor.Limit > 0 ? cursor.Limit : DefaultPageSize;
            remaining = courses.Where(c => order.IsAfter(c, cursor));
        }

        var window = remaining.Take(limit + 1).ToList();
        var hasMore = window.Count > limit;
        var items = hasMore ? window.GetRange(0, limit) : window;
        var next = hasMore ? PageCursor.Encode(limit, order.CursorColumns(items[^1])) : "";
        return new PageResult<CourseRecord>(items, courses.Count, next);
    }

    private static CursorOrder<CourseRecord> ReadSort(IReadOnlyDictionary<string, object?>? query)
    {
        var byId = new CursorOrder<CourseRecord>(new[] { "id" }, false, ValueOf);
        if (GraphInput.Get(query, "sort") is not IEnumerable<object?> sortList)
        {
            return byId;
        }

        var sorts = sortList.Select(GraphInput.AsObject).ToList();
        if (sorts.Count == 0)
        {
            return byId;
        }

        if (sorts.Count > 1)
        {
            throw new TotaraApiException("Sorting by more than one column is not currently supported.");
        }

        var column = GraphInput.String(sorts[0], "column");
        if (string.IsNullOrWhiteSpace(column))
        {
            throw new TotaraApiException("Required parameter 'column' not being passed.");
        }

        var direction = GraphInput.String(sorts[0], "direction") ?? "ASC";
        return new CursorOrder<CourseRecord>(
            CursorOrder<CourseRecord>.ReadColumns(column, AllowedSortFields),
            string.Equals(direction, "DESC", StringComparison.OrdinalIgnoreCase),
            ValueOf);
    }

    private static object ValueOf(CourseRecord course, string column) => column == "fullname" ? course.FullName : course.Id;

    private static List<CourseRecord> Filter(List<CourseRecord> courses, IReadOnlyDictionary<string, object?>? filters)
    {
        var createdSince = GraphInput.Date(filters, "since_timecreated");
        var modifiedSince = GraphInput.Date(filters, "since_timemodified");
        var tag = GraphInput.String(filters, "tag_filter")?.Trim();
        return courses.Where(c =>
                (createdSince is null || c.TimeCreated >= createdSince) &&
                (modifiedSince is null || c.TimeModified >= modifiedSince) &&
                (string.IsNullOrEmpty(tag) || c.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase)))
            .ToList();
    }
}
