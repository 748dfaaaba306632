using System.Text;
using System.Text.Json;
using Totara.Emulator.Tests.TestSupport;
using static Totara.Emulator.Tests.People.PeopleApi;

namespace Totara.Emulator.Tests.People;

/// <summary>Reference rules and core_user_users paging, each test on a site of its own.</summary>
public class UserQueryTests
{
    private const string UserByReference = "query ($r: core_user_user_reference!) { core_user_user(reference: $r) { user { id username } } }";

    private const string Users = """
        query ($q: core_user_users_query) { core_user_users(query: $q) { items { id username suspended } total next_cursor } }
        """;

    [Fact]
    public async Task A_reference_must_name_a_column_and_match_exactly_one_live_user()
    {
        await using var host = await StartAsync();
        using var client = Client(host);
        // The API refuses a duplicate idnumber, but sites carry old ones (HR import, upgrades).
        foreach (var name in new[] { "twin1", "twin2" })
        {
            host.State.Users.Add(new Domain.UserRecord { Id = host.State.Users.NextId(), Username = name, Email = name + "@example.org", FirstName = name, LastName = "Twin", IdNumber = "SHARED" });
        }

        Assert.Equal("User reference columns are not being passed.", await client.ErrorAsync(UserByReference, new { r = new { } }));
        Assert.Equal("User reference not found", await client.ErrorAsync(UserByReference, new { r = new { username = "nobody" } }));
        Assert.Equal("User reference must resolve one record only", await client.ErrorAsync(UserByReference, new { r = new { idnumber = "SHARED" } }));

        // Every column given must match: narrowing the shared idnumber by username resolves it,
        // and a column that contradicts another finds nothing.
        var one = await client.DataAsync("core_user_user", UserByReference, new { r = new { idnumber = "SHARED", username = "twin2" } });
        Assert.Equal("twin2", one.GetProperty("user").GetProperty("username").GetString());
        Assert.Equal("User reference not found", await client.ErrorAsync(UserByReference, new { r = new { idnumber = "SHARED", email = "admin@example.com" } }));
    }

    [Fact]
    public async Task The_shared_resolver_is_usable_in_process_with_an_entity_name()
    {
        await using var host = await StartAsync();
        var error = Assert.Throws<Api.TotaraApiException>(() =>
            host.State.ResolveUser(new Dictionary<string, object?> { ["email"] = "none@example.org" }, "Appraiser"));
        Assert.Equal("Appraiser reference not found", error.Message);
        Assert.Equal(2, host.State.ResolveUser(new Dictionary<string, object?> { ["username"] = "admin" }).Id);
    }

    [Fact]
    public async Task Status_filter_defaults_to_active_and_offers_suspended_and_all()
    {
        await using var host = await StartAsync();
        using var client = Client(host);
        await client.CreateUserAsync("active1");
        await client.CreateUserAsync("sleeper", new { suspended = true });
        await client.CreateUserAsync("gone");
        await client.DataAsync("core_user_delete_user", "mutation { core_user_delete_user(target_user: {username: \"gone\"}) { user_id } }");

        var active = await client.DataAsync("core_user_users", Users);
        var suspended = await client.DataAsync("core_user_users", Users, new { q = new { filters = new { status = "SUSPENDED" } } });
        var all = await client.DataAsync("core_user_users", Users, new { q = new { filters = new { status = "ALL" } } });

        var activeNames = Names(active);
        Assert.Contains("active1", activeNames);
        Assert.DoesNotContain("sleeper", activeNames);
        Assert.DoesNotContain("gone", activeNames);
        Assert.Equal(new[] { "sleeper" }, Names(suspended));
        Assert.Equal(activeNames.Count + 1, all.GetProperty("total").GetInt32());
        Assert.DoesNotContain("gone", Names(all));
        Assert.Equal(activeNames.Count, active.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Pages_through_every_user_once_while_users_are_being_added()
    {
        await using var host = await StartAsync();
        using var client = Client(host);
        for (var i = 0; i < 23; i++)
        {
            await client.CreateUserAsync($"pager{i:00}");
        }

        var first = await client.DataAsync("core_user_users", Users, new { q = new { pagination = new { limit = 5 } } });
        var total = first.GetProperty("total").GetInt32();
        var seen = Ids(first);
        var cursor = first.GetProperty("next_cursor").GetString()!;
        Assert.Equal(5, seen.Count);

        // The cursor is base64 JSON, as Totara's: it carries the limit and the last id.
        using (var decoded = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(cursor))))
        {
            Assert.Equal(5, decoded.RootElement.GetProperty("limit").GetInt32());
        }

        await client.CreateUserAsync("latecomer");
        var pages = 1;
        while (cursor != "")
        {
            var page = await client.DataAsync("core_user_users", Users, new { q = new { pagination = new { cursor } } });
            Assert.True(page.GetProperty("items").GetArrayLength() <= 5);
            seen.AddRange(Ids(page));
            cursor = page.GetProperty("next_cursor").GetString()!;
            pages++;
        }

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(seen.OrderBy(id => id), seen);
        Assert.Equal(total + 1, seen.Count);
        Assert.True(pages >= 5);
    }

    [Fact]
    public async Task A_limit_above_the_maximum_is_reduced_and_a_bad_cursor_is_refused()
    {
        await using var host = await StartAsync();
        using var client = Client(host);
        var result = await client.DataAsync("core_user_users", Users, new { q = new { pagination = new { limit = 5000 } } });
        Assert.True(result.GetProperty("items").GetArrayLength() <= Domain.UserListQuery.MaxPageSize);
        Assert.Equal("Invalid cursor given, expected encoded cursor",
            await client.ErrorAsync(Users, new { q = new { pagination = new { cursor = "%%%not-base64" } } }));
    }

    [Fact]
    public async Task Sorting_by_id_descending_pages_backwards()
    {
        await using var host = await StartAsync();
        using var client = Client(host);
        for (var i = 0; i < 6; i++)
        {
            await client.CreateUserAsync($"desc{i}");
        }

        var sort = new[] { new { column = "id", direction = "DESC" } };
        var first = await client.DataAsync("core_user_users", Users, new { q = new { sort, pagination = new { limit = 4 } } });
        var ids = Ids(first);
        for (var cursor = first.GetProperty("next_cursor").GetString(); cursor != "";)
        {
            var page = await client.DataAsync("core_user_users", Users, new { q = new { sort, pagination = new { cursor } } });
            ids.AddRange(Ids(page));
            cursor = page.GetProperty("next_cursor").GetString();
        }

        Assert.Equal(ids.OrderByDescending(id => id), ids);
        Assert.Equal(first.GetProperty("total").GetInt32(), ids.Count);
    }

    [Theory]
    [InlineData("firstname", "ASC")]
    [InlineData("lastname", "DESC")]
    [InlineData("username", "ASC")]
    [InlineData("timemodified", "DESC")]
    [InlineData("id", "ASC")]
    public async Task Sorts_by_every_column_the_reference_allows(string column, string direction)
    {
        await using var host = await StartAsync();
        using var client = Client(host);
        AddSortUsers(host);

        var sort = new[] { new { column, direction } };
        var page = await client.DataAsync("core_user_users", Sorted, new { q = new { sort, pagination = new { limit = 100 } } });
        var ids = Ids(page);

        var everyone = host.State.Users.Snapshot();
        Func<Domain.UserRecord, IComparable> key = column switch
        {
            "firstname" => u => u.FirstName.ToUpperInvariant(),
            "lastname" => u => u.LastName.ToUpperInvariant(),
            "username" => u => u.Username,
            "timemodified" => u => u.TimeModified,
            _ => u => u.Id,
        };
        var ordinal = Comparer<IComparable>.Create((a, b) => a is string x ? string.CompareOrdinal(x, (string)b) : a.CompareTo(b));
        var expected = direction == "ASC" ? everyone.OrderBy(key, ordinal) : everyone.OrderByDescending(key, ordinal);
        var byId = everyone.ToDictionary(u => u.Id);
        Assert.Equal(expected.Select(key).ToList(), ids.Select(id => key(byId[id])).ToList());
    }

    // core\orm\pagination\cursor_paginator: no id tiebreak; the next page is "lastname > 'Smith'".
    [Fact]
    public async Task Cursor_paging_by_a_non_unique_column_skips_the_rows_that_tie_across_a_page_boundary()
    {
        await using var host = await StartAsync();
        using var client = Client(host);
        foreach (var last in new[] { "Adams", "Smith", "Smith", "Smith", "Young" })
        {
            host.State.Users.Add(new Domain.UserRecord
            {
                Id = host.State.Users.NextId(), Username = "tie" + host.State.Users.Count, Email = $"tie{host.State.Users.Count}@example.org",
                FirstName = "T", LastName = last,
            });
        }

        var sort = new[] { new { column = "lastname", direction = "ASC" } };
        var lastNames = new List<string>();
        string? cursor = null;
        do
        {
            var page = await client.DataAsync("core_user_users", Sorted, new { q = new { sort, pagination = cursor is null ? (object)new { limit = 2 } : new { cursor } } });
            lastNames.AddRange(page.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("lastname").GetString()!).Where(n => n != "Last"));
            cursor = page.GetProperty("next_cursor").GetString();
        }
        while (!string.IsNullOrEmpty(cursor));

        // Admin, guest and the service account sort before or after these; two of the three Smiths are lost.
        Assert.Equal(new[] { "Adams", "Smith", "Young" }, lastNames.Where(n => n is "Adams" or "Smith" or "Young").ToArray());
    }

    [Fact]
    public async Task A_comma_separated_sort_column_orders_by_each_column_and_pages_without_loss()
    {
        await using var host = await StartAsync();
        using var client = Client(host);
        AddSortUsers(host);

        var sort = new[] { new { column = "timemodified, id", direction = "ASC" } };
        var first = await client.DataAsync("core_user_users", Sorted, new { q = new { sort, pagination = new { limit = 3 } } });
        var ids = Ids(first);
        for (var cursor = first.GetProperty("next_cursor").GetString(); cursor != "";)
        {
            var page = await client.DataAsync("core_user_users", Sorted, new { q = new { sort, pagination = new { cursor } } });
            ids.AddRange(Ids(page));
            cursor = page.GetProperty("next_cursor").GetString();
        }

        var expected = host.State.Users.Snapshot().OrderBy(u => u.TimeModified).ThenBy(u => u.Id).Select(u => u.Id);
        Assert.Equal(expected, ids);
    }

    private const string Sorted = """
        query ($q: core_user_users_query) { core_user_users(query: $q) { items { id username firstname lastname } total next_cursor } }
        """;

    // Repeated first names, last names differing only in case, repeated modification times.
    private static void AddSortUsers(EmulatorHost host)
    {
        var firsts = new[] { "Zoe", "adam", "Mia", "adam", "Bob", "Mia", "Zoe" };
        var lasts = new[] { "Smith", "smith", "Brown", "Young", "ADAMS", "brown", "Young" };
        for (var i = 0; i < firsts.Length; i++)
        {
            host.State.Users.Add(new Domain.UserRecord
            {
                Id = host.State.Users.NextId(), Username = $"sort{(i * 5) % 7}x{i}", Email = $"sort{i}@example.org",
                FirstName = firsts[i], LastName = lasts[i], TimeModified = 1_700_000_000 + (i % 3),
            });
        }
    }

    [Fact]
    public async Task A_sort_column_the_reference_does_not_allow_is_refused_naming_the_allowed_ones()
    {
        await using var host = await StartAsync();
        using var client = Client(host);

        var message = await client.ErrorAsync(Users, new { q = new { sort = new[] { new { column = "email", direction = "ASC" } } } });

        Assert.Contains("sort field must be one of these: id, firstname, lastname, username, timemodified", message);
    }

    internal static Task<EmulatorHost> StartAsync() => EmulatorHost.StartAsync(new EmulatorOptions { RateLimitPerMinute = null, SiteRateLimitPerMinute = null });

    internal static ApiTestClient Client(EmulatorHost host)
    {
        host.AddClient("people", "people-secret");
        return new ApiTestClient(host.Url, "people", "people-secret");
    }

    private static List<string> Names(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("username").GetString()!).ToList();

    private static List<long> Ids(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(u => long.Parse(u.GetProperty("id").ToString())).ToList();
}
