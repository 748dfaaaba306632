using System.Text.Json;
using Totara.Emulator.Api;
using Totara.Emulator.Domain.Courses;

namespace Totara.Emulator.Domain;

/// <summary>
/// core_user_users: live users, by default only active ones (status ACTIVE / SUSPENDED / ALL),
/// optionally changed since a date, sorted by the columns the reference allows (id by
/// default; see <see cref="UserListSort"/>), keyset-paged with Totara's opaque cursor (base64 JSON
/// holding the limit and the last item's value of each sort column, no id tiebreak). Sorted by id, a page seeks into the
/// store's id order, so it costs O(page) however many users the site holds; another column sorts
/// the matching users for each page. Either way a cursor stays valid while users are added.
/// </summary>
public static class UserListQuery
{
    public const int DefaultPageSize = 20;

    /// <summary>Largest page served; a larger limit is reduced to it.</summary>
    public const int MaxPageSize = 1000;

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
        var sort = UserListSort.Read(query);

        var pagination = GraphInput.AsObject(GraphInput.Get(query, "pagination"));
        var limit = (int)Math.Clamp(GraphInput.Long(pagination, "limit") ?? DefaultPageSize, 1, MaxPageSize);
        PageCursor? cursor = null;
        var cursorText = GraphInput.String(pagination, "cursor");
        if (!string.IsNullOrEmpty(cursorText))
        {
            cursor = PageCursor.Decode(cursorText);
            if (cursor.Limit > 0)
            {
                limit = Math.Min(cursor.Limit, MaxPageSize);
            }
        }

        var window = sort.IsById ? PageById(users, cursor, sort.Descending, limit + 1, filter) : PageSorted(users, cursor, sort, limit + 1, filter);
        var hasMore = window.Count > limit;
        var items = hasMore ? window.GetRange(0, limit) : window;
        var next = hasMore ? PageCursor.Encode(limit, sort.Order.CursorColumns(items[^1])) : "";
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

    private static List<UserRecord> PageById(UserStore users, PageCursor? cursor, bool descending, int take, Func<UserRecord, bool> filter)
    {
        long? afterId = null;
        if (cursor is not null)
        {
            afterId = cursor.Columns.TryGetValue("id", out var id) && id.ValueKind == JsonValueKind.Number
                ? id.GetInt64()
                : throw new TotaraApiException(PageCursor.InvalidCursor);
        }

        return users.Page(afterId, descending, take, filter);
    }

    private static List<UserRecord> PageSorted(UserStore users, PageCursor? cursor, UserListSort sort, int take, Func<UserRecord, bool> filter)
    {
        var matching = sort.Order.Sort(users.Snapshot(filter));
        return (cursor is null ? matching : matching.Where(user => sort.Order.IsAfter(user, cursor))).Take(take).ToList();
    }
}
