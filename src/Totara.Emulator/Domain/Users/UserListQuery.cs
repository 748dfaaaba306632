using System.Text.Json;
using Totara.Emulator.Api;
using Totara.Emulator.Domain.Courses;

namespace Totara.Emulator.Domain;

/// <summary>
/// core_user_users: live users, by default only active ones (status ACTIVE / SUSPENDED / ALL),
/// optionally changed since a date, sorted by id, keyset-paged with Totara's opaque cursor
/// (base64 JSON holding the limit and the last id). A page seeks into the store's id order,
/// so it costs O(page) however many users the site holds, and a cursor stays valid while
/// users are added.
/// </summary>
public static class UserListQuery
{
    public const int DefaultPageSize = 20;

    /// <summary>Largest page served; a larger limit is reduced to it.</summary>
    public const int MaxPageSize = 1000;

    private const string CodingError = "Coding error detected, it must be fixed by a programmer: ";

    public static PageResult<UserRecord> Run(UserStore users, IReadOnlyDictionary<string, object?>? query)
    {
        var filters = GraphInput.AsObject(GraphInput.Get(query, "filters"));
        var status = GraphInput.String(filters, "status") ?? "ACTIVE";
        var createdSince = GraphInput.Date(filters, "since_timecreated");
        var modifiedSince = GraphInput.Date(filters, "since_timemodified");
        Func<UserRecord, bool> filter = u =>
            (status == "ALL" || (status == "SUSPENDED") == u.Suspended) &&
            (createdSince is null || u.TimeCreated >= createdSince) &&
            (modifiedSince is null || u.TimeModified >= modifiedSince);
        var descending = ReadDescending(query);

        var pagination = GraphInput.AsObject(GraphInput.Get(query, "pagination"));
        var limit = (int)Math.Clamp(GraphInput.Long(pagination, "limit") ?? DefaultPageSize, 1, MaxPageSize);
        long? afterId = null;
        var cursorText = GraphInput.String(pagination, "cursor");
        if (!string.IsNullOrEmpty(cursorText))
        {
            var cursor = PageCursor.Decode(cursorText);
            if (cursor.Limit > 0)
            {
                limit = Math.Min(cursor.Limit, MaxPageSize);
            }

            afterId = cursor.Columns.TryGetValue("id", out var id) && id.ValueKind == JsonValueKind.Number
                ? id.GetInt64()
                : throw new TotaraApiException(PageCursor.InvalidCursor);
        }

        var window = users.Page(afterId, descending, limit + 1, filter);
        var hasMore = window.Count > limit;
        var items = hasMore ? window.GetRange(0, limit) : window;
        var next = hasMore ? PageCursor.Encode(limit, new Dictionary<string, object?> { ["id"] = items[^1].Id }) : "";
        return new PageResult<UserRecord>(items, Total(users, status, createdSince, modifiedSince, filter), next);
    }

    /// <summary>The status-only totals come from the store's counters; date filters need a count.</summary>
    private static int Total(UserStore users, string status, long? createdSince, long? modifiedSince, Func<UserRecord, bool> filter)
    {
        if (createdSince is not null || modifiedSince is not null)
        {
            return users.CountWhere(filter);
        }

        return status switch
        {
            "ALL" => users.Count,
            "SUSPENDED" => users.SuspendedCount,
            _ => users.Count - users.SuspendedCount,
        };
    }

    private static bool ReadDescending(IReadOnlyDictionary<string, object?>? query)
    {
        if (GraphInput.Get(query, "sort") is not IEnumerable<object?> sortList)
        {
            return false;
        }

        var sorts = sortList.Select(GraphInput.AsObject).ToList();
        if (sorts.Count == 0)
        {
            return false;
        }

        if (sorts.Count > 1)
        {
            throw new TotaraApiException("Sorting by more than one column is not currently supported.");
        }

        var column = GraphInput.String(sorts[0], "column")?.Trim().ToLowerInvariant();
        if (column != "id")
        {
            throw new TotaraApiException(CodingError + "sort field must be one of these: id");
        }

        return string.Equals(GraphInput.String(sorts[0], "direction"), "DESC", StringComparison.OrdinalIgnoreCase);
    }
}
