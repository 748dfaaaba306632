using Totara.Client.Tests.Support;
using Totara.Client.Users;

namespace Totara.Client.Tests.Users;

/// <summary>
/// Creates whose username the site has are answered without a mutation (one batched read of the
/// usernames first), as the site would answer them; repeats within a batch fail as on the site.
/// </summary>
public sealed class CreateUsernameCheckSiteTests
{
    private static UserChange NewUser(string name, string? email = null) =>
        new UserChange().Set("username", name).Set("email", email ?? name + "@example.com").Set("firstname", "F").Set("lastname", "L")
            .SetFlag("generate_password", true);

    private static async Task SeedAsync(TestSite site, params string[] names)
    {
        var users = site.Client.Users;
        var made = await users.RunAsync(names.Select(n => users.Create(NewUser(n)))).ToListAsync();
        Assert.All(made, r => Assert.True(r.Succeeded, r.Error?.Explanation));
        site.Host.Counters.Reset();
    }

    [Fact]
    public async Task A_batch_of_creates_whose_usernames_all_exist_sends_no_mutation_and_each_gets_the_exists_answer()
    {
        await using var site = await TestSite.StartAsync();
        var names = Enumerable.Range(1, 30).Select(i => "taken" + i).ToArray();
        await SeedAsync(site, names);
        var users = site.Client.Users;
        // The same names again, one in capitals: Totara's usernames are case-insensitive.
        var again = names.Select(n => n == "taken7" ? "TAKEN7" : n).ToArray();

        var results = await users.RunAsync(again.Select(n => users.Create(NewUser(n, "other-" + n + "@example.com")))).ToListAsync();

        Assert.Equal(0, site.Host.Counters.MutationsExecuted);
        Assert.Equal(1, site.Host.Counters.Requests);
        Assert.Equal(30 * 5, site.Host.Counters.PointsSpent); // a root query a username, nothing asked back
        Assert.Equal(Enumerable.Range(0, 30), results.Select(r => r.Index));
        Assert.All(results, r => Assert.Equal(UserOperationKind.Create, r.Kind));
        // UserChange lower-cases a username, as Totara stores it; the site's message names it as sent.
        Assert.Equal(names.Select(n => "Username already exists: " + n), results.Select(r => r.Error?.Explanation));
        Assert.All(results, r => Assert.Equal("username", r.ErrorField));
        Assert.Equal(30, site.Host.State.Users.Snapshot(u => u.Username.StartsWith("taken")).Count);
    }

    [Fact]
    public async Task Without_the_check_creates_go_straight_to_the_site_and_its_refusal_comes_back()
    {
        // UsernameCheck.None is the sync's: it has just read every user, so the read would be waste.
        await using var site = await TestSite.StartAsync();
        await SeedAsync(site, "known");
        var users = site.Client.Users;

        var results = await users.RunAsync(new[] { users.Create(NewUser("fresh1")), users.Create(NewUser("known", "k2@example.com")) }, UsernameCheck.None).ToListAsync();

        Assert.True(results[0].Succeeded, results[0].Error?.Explanation);
        Assert.Equal("Username already exists: known", results[1].Error?.Explanation);
        Assert.Equal(2, site.Host.Counters.MutationsExecuted); // both sent: no read first
        // The batch, then the read-back of fresh1 (the failure after it nulled its answer); a check would make it three.
        Assert.Equal(2, site.Host.Counters.Requests);
    }

    [Fact]
    public async Task The_exists_answer_is_the_one_the_site_gives_for_such_a_create()
    {
        await using var site = await TestSite.StartAsync();
        await SeedAsync(site, "same");
        var users = site.Client.Users;
        var sent = users.Create(NewUser("same", "same2@example.com"));

        // Straight to the site, past the check: what Totara itself answers.
        var fromSite = await site.Client.ExecuteBatchAsync(new[] { sent }).SingleAsync();
        var checkedHere = await users.RunAsync(new[] { users.Create(NewUser("same", "same2@example.com")) }).SingleAsync();

        Assert.Equal(1, site.Host.Counters.MutationsExecuted); // the one sent past the check
        Assert.Equal(fromSite.Error!.Explanation, checkedHere.Error!.Explanation);
        Assert.Equal(fromSite.Error.Category, checkedHere.Error.Category);
        Assert.Equal(UserErrorFields.Find(fromSite.Error.Text!), checkedHere.ErrorField);
    }

    [Fact]
    public async Task A_mixed_batch_creates_only_the_new_ones_with_results_in_input_order()
    {
        await using var site = await TestSite.StartAsync();
        await SeedAsync(site, "mix2", "mix4");
        var users = site.Client.Users;

        var results = await users.RunAsync(Enumerable.Range(1, 5).Select(i => users.Create(NewUser("mix" + i, "new-mix" + i + "@example.com")))).ToListAsync();

        Assert.Equal(3, site.Host.Counters.MutationsExecuted);
        // The read (its not-found answers null the data, so the found ones are asked again), then one batch of creates.
        Assert.True(site.Host.Counters.Requests <= 3, $"{site.Host.Counters.Requests} requests");
        Assert.Equal(Enumerable.Range(0, 5), results.Select(r => r.Index));
        Assert.Equal(new[] { true, false, true, false, true }, results.Select(r => r.Succeeded));
        Assert.Equal(new[] { "mix1", "mix3", "mix5" }, results.Where(r => r.Succeeded).Select(r => r.User!.Username));
        Assert.Equal("Username already exists: mix4", results[3].Error!.Explanation);
        Assert.Equal("mix2@example.com", site.Host.State.Users.GetByUsername("mix2")!.Email); // untouched
    }

    [Fact]
    public async Task A_second_create_of_a_username_in_the_batch_fails_as_on_the_site_and_is_not_sent()
    {
        await using var site = await TestSite.StartAsync();
        var users = site.Client.Users;

        var results = await users.RunAsync(new[]
        {
            users.Create(NewUser("dup")),
            users.Create(NewUser("other")),
            users.Create(NewUser("dup", "dup2@example.com")),
        }).ToListAsync();

        Assert.Equal(new[] { true, true, false }, results.Select(r => r.Succeeded));
        Assert.Equal("Username already exists: dup", results[2].Error!.Explanation);
        Assert.Equal(2, site.Host.Counters.MutationsExecuted);
        Assert.Single(site.Host.State.Users.Snapshot(u => u.Username == "dup"));
        Assert.Equal("dup@example.com", site.Host.State.Users.GetByUsername("dup")!.Email);
    }

    [Fact]
    public async Task A_second_create_of_a_username_whose_first_create_failed_is_sent_and_applied()
    {
        await using var site = await TestSite.StartAsync();
        await SeedAsync(site, "holder");
        var users = site.Client.Users;

        var results = await users.RunAsync(new[]
        {
            users.Create(NewUser("twin", "holder@example.com")),
            users.Create(NewUser("twin", "twin@example.com")),
        }).ToListAsync();

        Assert.False(results[0].Succeeded);
        Assert.Equal("email", results[0].ErrorField);
        Assert.True(results[1].Succeeded, results[1].Error?.Explanation);
        Assert.Equal("twin@example.com", site.Host.State.Users.GetByUsername("twin")!.Email);
    }

    [Fact]
    public async Task Creates_sent_with_other_changes_are_not_checked_so_a_delete_before_a_create_frees_its_username()
    {
        await using var site = await TestSite.StartAsync();
        await SeedAsync(site, "again");
        var users = site.Client.Users;

        var results = await users.RunAsync(new[]
        {
            users.Delete(UserReference.ByUsername("again")),
            users.Create(NewUser("again")),
        }).ToListAsync();

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.Explanation));
        Assert.Equal(1, site.Host.Counters.Requests);
        Assert.NotNull(site.Host.State.Users.GetByUsername("again"));
    }

    [Fact]
    public async Task Results_of_a_large_input_keep_their_input_positions_across_parts()
    {
        await using var site = await TestSite.StartAsync();
        await SeedAsync(site, "big5", "big1500");
        var users = site.Client.Users;

        var results = await users.RunAsync(Enumerable.Range(0, 2100).Select(i => users.Create(NewUser("big" + i)))).ToListAsync();

        Assert.Equal(Enumerable.Range(0, 2100), results.Select(r => r.Index));
        Assert.Equal(new[] { 5, 1500 }, results.Where(r => !r.Succeeded).Select(r => r.Index));
        Assert.Equal(2098, site.Host.Counters.MutationsExecuted);
        Assert.Equal("big2099", results[^1].User!.Username);
    }
}
