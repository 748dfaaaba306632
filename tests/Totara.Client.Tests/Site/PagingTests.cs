using Totara.Client.Tests.Support;

namespace Totara.Client.Tests.Site;

public sealed class PagingTests
{
    private static async Task AddUsersAsync(TestSite site, int count)
    {
        var results = await site.Client.ExecuteBatchAsync(Documents.CreateUsers(site.Host, "paged", count, recoverable: false)).ToListAsync();
        Assert.All(results, r => Assert.True(r.Succeeded, r.ToString()));
    }

    [Fact]
    public async Task Every_user_is_streamed_across_pages_and_each_page_is_fetched_only_when_needed()
    {
        await using var site = await TestSite.StartAsync();
        await AddUsersAsync(site, 25);
        var request = new GraphQLRequest(Documents.UsersPage, new Dictionary<string, object?> { ["limit"] = 10 }, "users");
        var requestsBefore = site.Host.Counters.Requests;

        var usernames = new List<string>();
        long requestsAtFirstItem = -1;
        await foreach (var user in site.Client.PageAsync(request, "core_user_users"))
        {
            if (usernames.Count == 0) requestsAtFirstItem = site.Host.Counters.Requests - requestsBefore;
            usernames.Add(user.GetProperty("username").GetString()!);
        }

        Assert.Equal(1, requestsAtFirstItem);
        // 25 created + admin + guest? core_user_users lists what the site lists; ours must all be there once.
        Assert.Equal(25, usernames.Count(u => u.StartsWith("paged_", StringComparison.Ordinal)));
        Assert.Equal(usernames.Count, usernames.Distinct().Count());
        Assert.True(site.Host.Counters.Requests - requestsBefore >= 3);
    }

    [Fact]
    public async Task Stopping_early_fetches_no_further_page()
    {
        await using var site = await TestSite.StartAsync();
        await AddUsersAsync(site, 12);
        var request = new GraphQLRequest(Documents.UsersPage, new Dictionary<string, object?> { ["limit"] = 5 }, "users");
        var requestsBefore = site.Host.Counters.Requests;

        var taken = 0;
        await foreach (var _ in site.Client.PageAsync(request, "core_user_users"))
        {
            if (++taken == 5) break;
        }

        Assert.Equal(1, site.Host.Counters.Requests - requestsBefore);
    }

    [Fact]
    public async Task A_wrong_list_field_is_named_in_the_error()
    {
        await using var site = await TestSite.StartAsync();
        var request = new GraphQLRequest(Documents.UsersPage, new Dictionary<string, object?> { ["limit"] = 5 }, "users");

        var ex = await Assert.ThrowsAsync<TotaraException>(async () =>
        {
            await foreach (var _ in site.Client.PageAsync(request, "core_user_userz")) { }
        });

        Assert.Contains("core_user_userz", ex.Message);
    }
}
