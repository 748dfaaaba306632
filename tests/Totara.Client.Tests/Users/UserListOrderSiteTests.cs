using Totara.Client.Tests.Support;
using Totara.Client.Users;

namespace Totara.Client.Tests.Users;

/// <summary>
/// Listing against the emulator, which pages as Totara's cursor_paginator does (no id tiebreak):
/// the client pages by id and sorts names itself, so no user who shares a last name is lost.
/// </summary>
public sealed class UserListOrderSiteTests
{
    private static readonly string[] LastNames = { "Smith", "Adams", "Smith", "Young", "smith", "Smith", "Brown" };

    [Fact]
    public async Task Listing_by_last_name_pages_by_id_and_sorts_in_the_client_without_losing_a_user()
    {
        await using var site = await TestSite.StartAsync();
        await AddUsersAsync(site);

        var listed = await site.Client.Users.ListAsync(new UserListOptions { SortBy = UserSortField.LastName, PageSize = 2 })
            .Where(u => u.Username!.StartsWith("ln", StringComparison.Ordinal)).ToListAsync();

        Assert.Equal(LastNames.Length, listed.Count);
        Assert.Equal(
            LastNames.Select((last, i) => (last, i)).OrderBy(x => x.last, StringComparer.OrdinalIgnoreCase).ThenBy(x => x.i).Select(x => "ln" + x.i),
            listed.Select(u => u.Username));
        var descending = await site.Client.Users.ListAsync(new UserListOptions { SortBy = UserSortField.LastName, Descending = true, PageSize = 2 })
            .Where(u => u.Username!.StartsWith("ln", StringComparison.Ordinal)).Select(u => u.Username).ToListAsync();
        Assert.Equal(listed.Select(u => u.Username).Reverse(), descending);
    }

    [Fact]
    public async Task The_faithful_emulator_would_skip_users_if_the_client_paged_by_last_name()
    {
        await using var site = await TestSite.StartAsync();
        await AddUsersAsync(site);
        var byLastName = new GraphQLRequest(
            "query ($cursor: String) { core_user_users(query: {pagination: {cursor: $cursor, limit: 2}, sort: [{column: \"lastname\"}]}) { items { username } next_cursor } }",
            new Dictionary<string, object?> { ["cursor"] = null });

        var paged = await site.Client.PageAsync(byLastName, "core_user_users")
            .Select(u => u.GetProperty("username").GetString()!).Where(n => n.StartsWith("ln", StringComparison.Ordinal)).ToListAsync();

        // Four users are called Smith (in any case); a page that ends on one continues with lastname > 'Smith'.
        Assert.True(paged.Count < LastNames.Length, $"Expected users to be skipped, got {string.Join(", ", paged)}");
    }

    private static async Task AddUsersAsync(TestSite site)
    {
        var users = site.Client.Users;
        var creates = LastNames.Select((last, i) => users.Create(new UserChange()
            .Set("username", "ln" + i).Set("email", $"ln{i}@example.com").Set("firstname", "F").Set("lastname", last)
            .SetFlag("generate_password", true)));
        var results = await users.RunAsync(creates).ToListAsync();
        Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.Message));
    }
}
