using System;
using System.Collections.Generic;
using System.Globalization;

namespace Totara.Client.Users;

/// <summary>What <c>core_user_users</c> is asked for: status, date filters, sort and fields.</summary>
public sealed class UserListOptions
{
    /// <summary>The most users one page may hold, whatever the complexity would allow.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>Which users the list includes by status (filters.status); active users only unless set.</summary>
    public UserStatusFilter Status { get; set; } = UserStatusFilter.Active;

    /// <summary>Only users created at or after this time (filters.since_timecreated).</summary>
    public DateTimeOffset? CreatedSince { get; set; }

    /// <summary>Only users changed at or after this time (filters.since_timemodified).</summary>
    public DateTimeOffset? ModifiedSince { get; set; }

    /// <summary>The order of the list. The site pages by id (or by timemodified, id); a name sort is done by the client once every page is read.</summary>
    public UserSortField SortBy { get; set; } = UserSortField.Id;

    /// <summary>Reverse the order (<see cref="SortBy"/> descending, ties by id descending) when true.</summary>
    public bool Descending { get; set; }

    /// <summary>The fields asked for each user; they set the cost per user and so the page size.</summary>
    public UserFieldSet Fields { get; set; } = UserFieldSet.Default;

    /// <summary>Users per page; null derives it from the complexity limit and the fields asked for.</summary>
    public int? PageSize { get; set; }

    /// <summary>The page size used: as given, or as many users as fit under <paramref name="complexityLimit"/>.</summary>
    public int EffectivePageSize(int complexityLimit) =>
        Paging.PageSize.Choose(PageSize, MaxPageSize, complexityLimit, Fields.CostPerUser);

    /// <summary>
    /// The paged query: the cursor travels in <c>$cursor</c> (as the client's pager expects),
    /// filters and sort in variables, the page size as a literal so the cost can be estimated.
    /// </summary>
    public GraphQLRequest BuildRequest(int complexityLimit)
    {
        var query =
            "query totara_powershell_users($cursor: String, $sort: [core_sort_input!], $filters: core_user_users_filters) {\n" +
            $"  core_user_users(query: {{pagination: {{cursor: $cursor, limit: {EffectivePageSize(complexityLimit).ToString(CultureInfo.InvariantCulture)}}}, sort: $sort, filters: $filters}}) {{\n" +
            $"    items {{ {Fields.Selection} }}\n" +
            "    total\n    next_cursor\n  }\n}";
        return new GraphQLRequest(query, Variables(), "totara_powershell_users");
    }

    /// <summary>A one-user page whose <c>total</c> counts the users the filters match.</summary>
    public GraphQLRequest BuildCountRequest() =>
        new("query totara_powershell_user_count($sort: [core_sort_input!], $filters: core_user_users_filters) {\n" +
            "  core_user_users(query: {pagination: {limit: 1}, sort: $sort, filters: $filters}) { total }\n}",
            Variables(), "totara_powershell_user_count");

    private Dictionary<string, object?> Variables()
    {
        var filters = new Dictionary<string, object?>(StringComparer.Ordinal) { ["status"] = StatusName(Status) };
        if (CreatedSince is { } created) filters["since_timecreated"] = UnixSeconds(created);
        if (ModifiedSince is { } modified) filters["since_timemodified"] = UnixSeconds(modified);
        var sort = new List<object?>
        {
            new Dictionary<string, object?> { ["column"] = PagingColumn(SortBy), ["direction"] = Descending ? "DESC" : "ASC" },
        };
        return new Dictionary<string, object?>(StringComparer.Ordinal) { ["filters"] = filters, ["sort"] = sort };
    }

    private static string StatusName(UserStatusFilter status) => status switch
    {
        UserStatusFilter.Suspended => "SUSPENDED",
        UserStatusFilter.All => "ALL",
        _ => "ACTIVE",
    };

    /// <summary>
    /// The column the site pages by. Totara orders by the requested columns only and continues
    /// with "column &gt; last value", so paging by a column with duplicates (last names, a bulk
    /// import's timemodified) skips users. Names are paged by id and sorted by the client
    /// (<see cref="UserListOrder"/>); timemodified cannot be read back, so the site orders it,
    /// with id as a second cursor column ("timemodified, id") that makes every position unique.
    /// </summary>
    internal static string PagingColumn(UserSortField field) =>
        field == UserSortField.TimeModified ? "timemodified, id" : "id";

    /// <summary>The user field the client sorts by, or null when the site's order is kept.</summary>
    internal static string? ClientSortField(UserSortField field) => field switch
    {
        UserSortField.FirstName => "firstname",
        UserSortField.LastName => "lastname",
        UserSortField.Username => "username",
        _ => null,
    };

    // core_date accepts a numeric string of Unix seconds.
    private static string UnixSeconds(DateTimeOffset time) =>
        time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}

/// <summary>core_user_user_status: which users a list includes (deleted users never are).</summary>
public enum UserStatusFilter
{
    /// <summary>Active users only (status ACTIVE): not suspended.</summary>
    Active,
    /// <summary>Suspended users only (status SUSPENDED).</summary>
    Suspended,
    /// <summary>Active and suspended users (status ALL); deleted users are still left out.</summary>
    All,
}

/// <summary>The columns core_user_users can sort by.</summary>
public enum UserSortField
{
    /// <summary>By id, the order the site pages in.</summary>
    Id,
    /// <summary>By first name (sorted by the client, ties by id).</summary>
    FirstName,
    /// <summary>By last name (sorted by the client, ties by id).</summary>
    LastName,
    /// <summary>By username (sorted by the client, ties by id).</summary>
    Username,
    /// <summary>By the time last changed (the site pages by timemodified, then id).</summary>
    TimeModified,
}
