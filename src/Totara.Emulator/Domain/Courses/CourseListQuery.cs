using System.Text.Json;
using Totara.Emulator.Api;

namespace Totara.Emulator.Domain.Courses;

/// <summary>
/// Runs core_course_courses: filters (since_timecreated, since_timemodified, tag_filter), one
/// sort column out of Totara's allowed set (id, fullname), keyset cursor paging. Default page
/// size is Totara's 20; like Totara there is no upper bound of its own, the request's query
/// complexity limit is what caps a page.
/// </summary>
public static class CourseListQuery
{
    public const int DefaultPageSize = 20;
    private const string CodingError = "Coding error detected, it must be fixed by a programmer: ";
    private static readonly string[] AllowedSortFields = { "id", "fullname" };

    public static PageResult<CourseRecord> Run(CourseStore store, IReadOnlyDictionary<string, object?>? query)
    {
        var (sortField, descending) = ReadSort(query);
        var courses = Filter(store.SnapshotCourses(), GraphInput.AsObject(GraphInput.Get(query, "filters")));
        courses.Sort((a, b) => Compare(a, b, sortField, descending));

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
            var after = ReadPosition(cursor, sortField);
            remaining = courses.Where(c => ComparePosition(c, after, sortField, descending) > 0);
        }

        var window = remaining.Take(limit + 1).ToList();
        var hasMore = window.Count > limit;
        var items = hasMore ? window.GetRange(0, limit) : window;
        var next = hasMore ? PageCursor.Encode(limit, Position(items[^1], sortField)) : "";
        return new PageResult<CourseRecord>(items, courses.Count, next);
    }

    private static (string Field, bool Descending) ReadSort(IReadOnlyDictionary<string, object?>? query)
    {
        if (GraphInput.Get(query, "sort") is not IEnumerable<object?> sortList)
        {
            return ("id", false);
        }

        var sorts = sortList.Select(GraphInput.AsObject).ToList();
        if (sorts.Count == 0)
        {
            return ("id", false);
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

        var fields = column.Split(',').Select(f => f.Trim().ToLowerInvariant()).ToList();
        foreach (var field in fields.Where(f => !AllowedSortFields.Contains(f)))
        {
            throw new TotaraApiException(CodingError + "sort field must be one of these: " + string.Join(", ", AllowedSortFields));
        }

        // "fullname,id" and "fullname" sort alike: id is always the tie-breaker.
        var primary = fields[0];
        var direction = GraphInput.String(sorts[0], "direction") ?? "ASC";
        return (primary, string.Equals(direction, "DESC", StringComparison.OrdinalIgnoreCase));
    }

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

    private static int Compare(CourseRecord a, CourseRecord b, string field, bool descending)
    {
        var result = field == "fullname" ? StringComparer.OrdinalIgnoreCase.Compare(a.FullName, b.FullName) : 0;
        if (result == 0)
        {
            result = a.Id.CompareTo(b.Id);
        }

        return descending ? -result : result;
    }

    private static Dictionary<string, object?> Position(CourseRecord course, string field) =>
        field == "fullname"
            ? new Dictionary<string, object?> { ["fullname"] = course.FullName, ["id"] = course.Id }
            : new Dictionary<string, object?> { ["id"] = course.Id };

    private static (string? FullName, long Id) ReadPosition(PageCursor cursor, string field)
    {
        var expected = field == "fullname" ? new[] { "fullname", "id" } : new[] { "id" };
        if (!cursor.Columns.Keys.OrderBy(k => k).SequenceEqual(expected.OrderBy(k => k)))
        {
            throw new TotaraApiException("The cursor does not match the sort order of the query: request the first page again with the new sort.");
        }

        try
        {
            var id = cursor.Columns["id"].ValueKind == JsonValueKind.String
                ? long.Parse(cursor.Columns["id"].GetString()!)
                : cursor.Columns["id"].GetInt64();
            var name = field == "fullname" ? cursor.Columns["fullname"].GetString() : null;
            return (name, id);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            throw new TotaraApiException(PageCursor.InvalidCursor);
        }
    }

    private static int ComparePosition(CourseRecord course, (string? FullName, long Id) after, string field, bool descending)
    {
        var result = field == "fullname" ? StringComparer.OrdinalIgnoreCase.Compare(course.FullName, after.FullName) : 0;
        if (result == 0)
        {
            result = course.Id.CompareTo(after.Id);
        }

        return descending ? -result : result;
    }
}
